package fr.essor.web.api;

import java.io.IOException;

/**
 * Thrown while a request body is read past its limit ({@code fr.essor.web.security.BodyLimitFilter});
 * {@link ExceptionMappers} answers it with a JSON 413 that states the limit.
 */
public final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("Request body over " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
