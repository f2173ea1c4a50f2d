package fr.essor.model.mail;

import fr.essor.model.shared.VersionedEntity;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A plain-text e-mail waiting in the outbox. It is written in the transaction of the change it
 * reports, so it exists if and only if that change committed; a timer sends it later and retries
 * with an exponential backoff ({@link #recordFailure}) until it gives up.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends VersionedEntity {

    public static final int RECIPIENT_MAX = 254;
    public static final int SUBJECT_MAX = 300;
    public static final int BODY_MAX = 20_000;
    public static final int KIND_MAX = 60;
    public static final int LOCALE_MAX = 8;
    public static final int LAST_ERROR_MAX = 1000;
    public static final int RELATED_ENTITY_MAX = 60;
    public static final int RELATED_ID_MAX = 60;
    /** After this many failed attempts the message is {@link OutboxStatus#FAILED}. */
    public static final int MAX_ATTEMPTS = 10;
    /** Delay after the first failure; it doubles with each further failure. */
    public static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
    public static final Duration MAX_BACKOFF = Duration.ofHours(1);

    @NotBlank
    @Size(max = RECIPIENT_MAX)
    @Column(name = "recipient", length = RECIPIENT_MAX, nullable = false, updatable = false)
    private String recipient;

    @NotBlank
    @Size(max = SUBJECT_MAX)
    @Column(name = "subject", length = SUBJECT_MAX, nullable = false, updatable = false)
    private String subject;

    @NotNull
    @Size(max = BODY_MAX)
    @Column(name = "body", length = BODY_MAX, nullable = false, updatable = false)
    private String body;

    @NotBlank
    @Size(max = KIND_MAX)
    @Column(name = "kind", length = KIND_MAX, nullable = false, updatable = false)
    private String kind;

    @Size(max = LOCALE_MAX)
    @Column(name = "locale", length = LOCALE_MAX, updatable = false)
    private String locale;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 10, nullable = false)
    private OutboxStatus status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @NotNull
    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Size(max = LAST_ERROR_MAX)
    @Column(name = "last_error", length = LAST_ERROR_MAX)
    private String lastError;

    @NotNull
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Size(max = RELATED_ENTITY_MAX)
    @Column(name = "related_entity", length = RELATED_ENTITY_MAX, updatable = false)
    private String relatedEntity;

    @Size(max = RELATED_ID_MAX)
    @Column(name = "related_id", length = RELATED_ID_MAX, updatable = false)
    private String relatedId;

    protected OutboxMessage() {
    }

    /**
     * A message due at once. The related record (e.g. {@code Application} and its id) is optional
     * and only lets an administrator find what the message was about.
     */
    public OutboxMessage(String recipient, String subject, String body, String kind, String locale,
            String relatedEntity, Object relatedId, Instant now) {
        Objects.requireNonNull(now, "now");
        this.recipient = required(recipient == null ? null : recipient.trim(), "recipient", RECIPIENT_MAX);
        this.subject = required(subject == null ? null : subject.strip(), "subject", SUBJECT_MAX);
        this.body = optional(body == null ? "" : body, "body", BODY_MAX);
        this.kind = required(kind, "kind", KIND_MAX);
        this.locale = optional(locale, "locale", LOCALE_MAX);
        this.relatedEntity = optional(relatedEntity, "relatedEntity", RELATED_ENTITY_MAX);
        this.relatedId = optional(relatedId == null ? null : String.valueOf(relatedId), "relatedId", RELATED_ID_MAX);
        this.status = OutboxStatus.PENDING;
        this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        this.nextAttemptAt = this.createdAt;
    }

    private static String required(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The " + what + " of a mail is required");
        }
        return optional(value, what, max);
    }

    private static String optional(String value, String what, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException("The " + what + " of a mail has at most " + max + " characters");
        }
        return value;
    }

    /** Whether the sender should try it now. */
    public boolean isDue(Instant now) {
        return status == OutboxStatus.PENDING && !nextAttemptAt.isAfter(now);
    }

    /** The SMTP server accepted the message. */
    public void markSent(Instant now) {
        requirePending("mark as sent");
        attempts++;
        status = OutboxStatus.SENT;
        sentAt = now;
        lastError = null;
    }

    /**
     * An attempt failed: try again after 1, 2, 4, 8… minutes (at most {@link #MAX_BACKOFF}), and
     * give up ({@link OutboxStatus#FAILED}) at the {@link #MAX_ATTEMPTS}th failure.
     */
    public void recordFailure(String error, Instant now) {
        requirePending("record a failure of");
        attempts++;
        lastError = truncate(error);
        if (attempts >= MAX_ATTEMPTS) {
            status = OutboxStatus.FAILED;
        } else {
            nextAttemptAt = now.plus(backoffAfter(attempts));
        }
    }

    /** A failure that no retry can cure (e.g. a malformed address): give up at once. */
    public void recordPermanentFailure(String error, Instant now) {
        requirePending("record a failure of");
        attempts++;
        lastError = truncate(error);
        status = OutboxStatus.FAILED;
    }

    /**
     * An administrator asks for a new attempt now. A message that had been given up gets a fresh
     * round of {@link #MAX_ATTEMPTS} attempts; its last error stays for reference.
     */
    public void retryNow(Instant now) {
        if (status == OutboxStatus.SENT) {
            throw new IllegalStateException("Message " + getId() + " is SENT; only a PENDING or FAILED message can be retried");
        }
        if (status == OutboxStatus.FAILED) {
            attempts = 0;
        }
        status = OutboxStatus.PENDING;
        nextAttemptAt = now;
    }

    /** The wait after the given number of failed attempts (1 → 1 minute, 2 → 2 minutes, …, capped). */
    public static Duration backoffAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failedAttempts - 1, 30);
        Duration delay = FIRST_BACKOFF.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    private void requirePending(String what) {
        if (status != OutboxStatus.PENDING) {
            throw new IllegalStateException("Cannot " + what + " message " + getId() + ": it is " + status + ", not PENDING");
        }
    }

    private static String truncate(String error) {
        String e = error == null || error.isBlank() ? "unknown error" : error;
        return e.length() <= LAST_ERROR_MAX ? e : e.substring(0, LAST_ERROR_MAX);
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getKind() {
        return kind;
    }

    public String getLocale() {
        return locale;
    }

    public OutboxStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getRelatedEntity() {
        return relatedEntity;
    }

    public String getRelatedId() {
        return relatedId;
    }

    @Override
    public String toString() {
        return "OutboxMessage[" + getId() + ", " + kind + " to " + recipient + ", " + status + "]";
    }
}
