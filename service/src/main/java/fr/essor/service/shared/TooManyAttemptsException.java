package fr.essor.service.shared;

import jakarta.ejb.ApplicationException;

/** Repeated failed logins: the caller must wait before trying again. */
@ApplicationException(rollback = true)
public class TooManyAttemptsException extends EssorException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public TooManyAttemptsException(long retryAfterSeconds) {
        super("TOO_MANY_ATTEMPTS", "error.tooManyAttempts", Math.max(1, (retryAfterSeconds + 59) / 60));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
