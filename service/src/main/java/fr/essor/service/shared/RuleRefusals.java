package fr.essor.service.shared;

import fr.essor.model.shared.RuleException;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;

/**
 * The one place where a broken rule of the model becomes the service's refusal: a
 * {@link RuleException} leaves a use case as a {@link ConflictException} with the rule's code, key
 * and arguments (an {@link InvariantViolatedException} when a money limit would be exceeded, an
 * {@link InvalidInputException} on the field when one typed value breaks it), so
 * that a service method neither wraps its model calls nor catches to rewrap. The API and the
 * pages then turn it into the caller's language, each in one place.
 */
public class RuleRefusals {

    @AroundInvoke
    public Object refuse(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (RuleException e) {
            throw refusal(e);
        }
    }

    /** The service's refusal for a broken rule. */
    public static EssorException refusal(RuleException e) {
        Object[] arguments = e.arguments().toArray();
        if (e.field() != null) {
            return new InvalidInputException(e.field(), e.key(), arguments);
        }
        if (e.available() != null) {
            return new InvariantViolatedException(e.key(), e.available(), arguments);
        }
        return new ConflictException(e.code(), e.key(), arguments);
    }
}
