package fr.essor.service.shared;

import jakarta.ejb.ApplicationException;

/** A broken invariant, a duplicate or an illegal transition; maps to HTTP 409. */
@ApplicationException(rollback = true)
public class ConflictException extends EssorException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String code, String messageKey, Object... arguments) {
        super(code, messageKey, arguments);
    }
}
