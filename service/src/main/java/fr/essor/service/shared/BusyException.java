package fr.essor.service.shared;

import jakarta.ejb.ApplicationException;

/** Too many password checks at once on this node: the caller tries again in a moment (503). */
@ApplicationException(rollback = true)
public class BusyException extends EssorException {

    private static final long serialVersionUID = 1L;

    public static final int RETRY_AFTER_SECONDS = 2;

    public BusyException() {
        super("BUSY", "error.busy");
    }
}
