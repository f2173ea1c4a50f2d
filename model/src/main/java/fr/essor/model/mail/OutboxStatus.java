package fr.essor.model.mail;

/** Where a message of the outbox stands. */
public enum OutboxStatus {
    /** Waiting for its next attempt (or for an SMTP server to be configured). */
    PENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Given up after {@link OutboxMessage#MAX_ATTEMPTS} attempts or a permanent error; an administrator may retry it. */
    FAILED
}
