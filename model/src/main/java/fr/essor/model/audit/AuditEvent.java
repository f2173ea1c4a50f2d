package fr.essor.model.audit;

import fr.essor.model.shared.Identified;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fr.essor.model.shared.Crypto;

/**
 * An entry of the append-only audit trail. Each event carries the SHA-256 of its content and of the
 * previous event's hash, so that editing, inserting or deleting an event breaks the chain
 * ({@link AuditChain#verify}).
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends Identified {

    public static final int ACTOR_MAX = 254;
    public static final int ENTITY_TYPE_MAX = 60;
    public static final int ENTITY_ID_MAX = 60;
    public static final int ACTION_MAX = 60;
    public static final int SUMMARY_MAX = 1000;
    public static final int HASH_LENGTH = 64;
    /** The "previous hash" of the first event of the chain. */
    public static final String GENESIS = "0".repeat(HASH_LENGTH);

    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

    @NotNull
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @NotBlank
    @Size(max = ACTOR_MAX)
    @Column(name = "actor", length = ACTOR_MAX, nullable = false, updatable = false)
    private String actor;

    @NotBlank
    @Size(max = ENTITY_TYPE_MAX)
    @Column(name = "entity_type", length = ENTITY_TYPE_MAX, nullable = false, updatable = false)
    private String entityType;

    @NotBlank
    @Size(max = ENTITY_ID_MAX)
    @Column(name = "entity_id", length = ENTITY_ID_MAX, nullable = false, updatable = false)
    private String entityId;

    @NotBlank
    @Size(max = ACTION_MAX)
    @Column(name = "action", length = ACTION_MAX, nullable = false, updatable = false)
    private String action;

    @Size(max = SUMMARY_MAX)
    @Column(name = "summary", length = SUMMARY_MAX, updatable = false)
    private String summary;

    @NotNull
    @Size(min = HASH_LENGTH, max = HASH_LENGTH)
    @Column(name = "previous_hash", length = HASH_LENGTH, nullable = false, updatable = false,
            columnDefinition = "CHAR(64)")
    private String previousHash;

    @NotNull
    @Size(min = HASH_LENGTH, max = HASH_LENGTH)
    @Column(name = "hash", length = HASH_LENGTH, nullable = false, updatable = false, columnDefinition = "CHAR(64)")
    private String hash;

    protected AuditEvent() {
    }

    private AuditEvent(String previousHash, Instant occurredAt, String actor, String entityType, String entityId,
            String action, String summary) {
        this.previousHash = previousHash;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.entityType = entityType;
        this.entityId = entityId;
        this.action = action;
        this.summary = summary;
        this.hash = computeHash();
    }

    /**
     * The event that follows the one whose hash is given ({@link #GENESIS} for the first event). The
     * instant is truncated to microseconds, the precision of the database column, so that the hash
     * can be recomputed after a round trip.
     */
    public static AuditEvent next(String previousHash, Instant at, String actor, String entityType,
            String entityId, String action, String summary) {
        Objects.requireNonNull(previousHash, "previousHash (GENESIS for the first event)");
        if (!HEX_64.matcher(previousHash).matches()) {
            throw new IllegalArgumentException("A previous hash is 64 lower-case hex digits: " + previousHash);
        }
        Objects.requireNonNull(at, "at");
        // Whole seconds: MySQL Connector/J drops fractional seconds when the server reports itself as
        // MySQL 5.5 (MariaDB does), and the hash must survive the database round trip everywhere.
        return new AuditEvent(previousHash, at.truncatedTo(ChronoUnit.SECONDS), required(actor, "actor", ACTOR_MAX),
                required(entityType, "entityType", ENTITY_TYPE_MAX), required(entityId, "entityId", ENTITY_ID_MAX),
                required(action, "action", ACTION_MAX), optional(summary, "summary", SUMMARY_MAX));
    }

    /** The first event of a chain. */
    public static AuditEvent first(Instant at, String actor, String entityType, String entityId, String action,
            String summary) {
        return next(GENESIS, at, actor, entityType, entityId, action, summary);
    }

    private static String required(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The " + what + " of an audit event is required");
        }
        return optional(value, what, max);
    }

    private static String optional(String value, String what, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException("The " + what + " of an audit event has at most " + max + " characters");
        }
        return value;
    }

    /** Whether the stored hash is the hash of the stored content. */
    public boolean hashIsValid() {
        return hash != null && hash.equals(computeHash());
    }

    /** Whether this event is chained to the event with that hash. */
    public boolean follows(String previousEventHash) {
        return previousHash != null && previousHash.equals(previousEventHash);
    }

    /** SHA-256 over every field, each written with its length first so that no two contents collide. */
    private String computeHash() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (String field : new String[] {previousHash, occurredAt == null ? null : occurredAt.toString(), actor,
                    entityType, entityId, action, summary}) {
                if (field == null) {
                    out.writeInt(-1);
                } else {
                    byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(utf8.length);
                    out.write(utf8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Crypto.sha256Hex(bytes.toByteArray());
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getEntityType() {
        return entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public String getAction() {
        return action;
    }

    public String getSummary() {
        return summary;
    }

    public String getPreviousHash() {
        return previousHash;
    }

    public String getHash() {
        return hash;
    }

    @Override
    public String toString() {
        return "AuditEvent[" + getId() + ", " + action + " " + entityType + "#" + entityId + " by " + actor + "]";
    }
}
