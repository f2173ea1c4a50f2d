package fr.essor.service.shared;

import jakarta.ejb.ApplicationException;

/** Someone else changed the record since it was read; the user should reload. */
@ApplicationException(rollback = true)
public class ConcurrentChangeException extends EssorException {

    private static final long serialVersionUID = 1L;

    public ConcurrentChangeException() {
        super("CONCURRENT_CHANGE", "error.concurrentChange");
    }
}
