package fr.essor.service.shared;

import jakarta.ejb.ApplicationException;

/** The caller is known but may not do this. */
@ApplicationException(rollback = true)
public class ForbiddenException extends EssorException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException() {
        super("FORBIDDEN", "error.forbidden");
    }

    /** A refusal with its own code and message, e.g. the proposer of a money movement approving it. */
    public ForbiddenException(String code, String messageKey, Object... arguments) {
        super(code, messageKey, arguments);
    }
}
