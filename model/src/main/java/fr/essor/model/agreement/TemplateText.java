package fr.essor.model.agreement;

import fr.essor.model.shared.FreeText;
import fr.essor.model.shared.RuleException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an agreement template: plain lines, a line starting with {@code # } a heading, and
 * placeholders {@code {{field}}} replaced by the file's values when the agreement is generated. Only
 * the fields of {@link #FIELDS} exist: a template naming another is refused when saved, on its field.
 */
public final class TemplateText {

    public static final int BODY_MAX = 10000;

    /** Every field a template may name, in the order the administrator's page lists them. */
    public static final List<String> FIELDS = List.of(
            "association.name",
            "file.reference", "file.title", "decision.date",
            "enterprise.name", "enterprise.siret", "enterprise.legalForm", "enterprise.address",
            "line.instrument", "line.amount", "line.duration", "line.bank", "line.bankLoan", "line.guaranteedShare",
            "lines", "total", "conditions",
            "template.version", "today");

    private static final Set<String> KNOWN = Set.copyOf(FIELDS);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*\\}\\}");

    private TemplateText() {
    }

    /**
     * The body as it may be saved: required, within {@link #BODY_MAX}, clean text, every placeholder
     * closed and known. Refused on the field {@code body}, naming the first unknown placeholder.
     */
    public static String check(String body) {
        if (body == null || body.isBlank()) {
            throw RuleException.field("body", "field.required");
        }
        String b = body.strip().replace("\r\n", "\n");
        if (b.length() > BODY_MAX) {
            throw RuleException.field("body", "field.tooLong", BODY_MAX);
        }
        if (!FreeText.isClean(b, true)) {
            throw RuleException.field("body", "text.invalidCharacters");
        }
        for (String name : placeholders(b)) {
            if (!KNOWN.contains(name)) {
                throw RuleException.field("body", "agreement.unknownPlaceholder", "{{" + name + "}}");
            }
        }
        String rest = PLACEHOLDER.matcher(b).replaceAll("");
        if (rest.contains("{{") || rest.contains("}}")) {
            throw RuleException.field("body", "agreement.unclosedPlaceholder");
        }
        return b;
    }

    /** The names of the placeholders of a text, each once, in the order they first appear. */
    public static List<String> placeholders(String body) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(body == null ? "" : body);
        while (m.find()) {
            names.add(m.group(1));
        }
        return List.copyOf(new ArrayList<>(names));
    }

    /** The text with each placeholder replaced by its value (a field without a value: nothing). */
    public static String render(String body, Map<String, String> values) {
        Map<String, String> v = values == null ? Collections.emptyMap() : values;
        Matcher m = PLACEHOLDER.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = v.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
