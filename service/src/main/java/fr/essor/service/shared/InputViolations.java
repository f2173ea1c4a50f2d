package fr.essor.service.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;

/**
 * Bean Validation's refusal of a service input, as the one {@link InvalidInputException} the API
 * and the pages already show: the field is the constrained component, the message key is the
 * constraint's {@code message} (the input records write keys of the web bundles there, e.g.
 * {@code @NotNull(message = "field.required")}), its argument the constraint's bound ({@code max},
 * else {@code value}). Of several violations, the first component of the record is reported, as a
 * service checking them one by one would.
 */
public final class InputViolations {

    /** The key for a constraint left with its default message. */
    static final String DEFAULT_KEY = "field.invalid";

    private InputViolations() {
    }

    public static InvalidInputException refusal(ConstraintViolationException e) {
        Set<ConstraintViolation<?>> violations = e.getConstraintViolations();
        ConstraintViolation<?> first = violations == null ? null : violations.stream()
                .min(Comparator.<ConstraintViolation<?>>comparingInt(InputViolations::position)
                        .thenComparing(v -> v.getPropertyPath().toString()))
                .orElse(null);
        if (first == null) {
            return new InvalidInputException(null, DEFAULT_KEY);
        }
        String template = first.getMessageTemplate();
        String key = template == null || template.startsWith("{") ? defaultKey(first) : template;
        Map<String, Object> bounds = first.getConstraintDescriptor().getAttributes();
        Object bound = bounds.containsKey("max") ? bounds.get("max") : bounds.get("value");
        return bound == null || bound instanceof Object[] ? new InvalidInputException(field(first), key)
                : new InvalidInputException(field(first), key, bound);
    }

    private static String defaultKey(ConstraintViolation<?> v) {
        Class<? extends Annotation> type = v.getConstraintDescriptor().getAnnotation().annotationType();
        return switch (type.getSimpleName()) {
            case "NotNull", "NotBlank", "NotEmpty" -> "field.required";
            case "Size" -> "field.tooLong";
            default -> DEFAULT_KEY;
        };
    }

    /** The last named node of the path: {@code create.in.amount} is {@code amount}. */
    private static String field(ConstraintViolation<?> v) {
        String name = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getName() != null && node.getKind() != ElementKind.METHOD) {
                name = node.getName();
            }
        }
        return name;
    }

    /** Where the field stands in its record, so that the first one typed is reported first. */
    private static int position(ConstraintViolation<?> v) {
        Object leaf = v.getLeafBean();
        String field = field(v);
        if (leaf != null && leaf.getClass().isRecord() && field != null) {
            RecordComponent[] components = leaf.getClass().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                if (components[i].getName().equals(field)) {
                    return i;
                }
            }
        }
        return Integer.MAX_VALUE;
    }
}
