package fr.essor.service.shared;

import jakarta.ejb.ApplicationException;

/** Input that breaks a rule of the model or a policy (e.g. a weak password); maps to HTTP 400. */
@ApplicationException(rollback = true)
public class InvalidInputException extends EssorException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidInputException(String field, String messageKey, Object... arguments) {
        super("INVALID_INPUT", messageKey, arguments);
        this.field = field;
    }

    /** Name of the offending field, or null when the whole request is at fault. */
    public String field() {
        return field;
    }
}
