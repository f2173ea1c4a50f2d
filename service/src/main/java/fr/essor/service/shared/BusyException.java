package fr.essor.service.shared;

import jakarta.ejb.ApplicationException;

/**
 * Too many password checks, or allocations, at once on this node: the caller tries again in a
 * moment (503 with Retry-After).
 */
@ApplicationException(rollback = true)
public class BusyException extends EssorException {

    private static final long serialVersionUID = 1L;

    public static final int RETRY_AFTER_SECONDS = 2;

    public BusyException() {
        this("error.busy");
    }

    /** Refused for another kind of work than sign-ins, with its own message. */
    public BusyException(String messageKey) {
        super("BUSY", messageKey);
    }
}
