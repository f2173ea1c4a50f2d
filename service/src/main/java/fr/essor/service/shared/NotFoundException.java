package fr.essor.service.shared;

import jakarta.ejb.ApplicationException;

/** The record does not exist, or exists but is not the caller's to see: both look the same. */
@ApplicationException(rollback = true)
public class NotFoundException extends EssorException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String what) {
        super("NOT_FOUND", "error.notFound", what);
    }
}
