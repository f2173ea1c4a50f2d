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
 * An entry of the append-only audit trail. A writer appends it unsealed ({@link #append}: no sequence,
 * no hash), in its own transaction, without touching any shared row; the sealer then gives the
 * committed events, in append (id) order, their place in the chain: a sequence number, the previous
 * event's hash and the SHA-256 of their content and that hash ({@link #hashOf}), so that editing,
 * inserting or deleting a sealed event breaks the chain ({@link AuditChain#verify}).
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

    /** The place in the chain, given by the sealer; null while the event waits to be sealed. */
    @Column(name = "seq", updatable = false)
    private Long seq;

    /** Null until sealed (the sealer writes it with SQL). */
    @Size(min = HASH_LENGTH, max = HASH_LENGTH)
    @Column(name = "previous_hash", length = HASH_LENGTH, updatable = false, columnDefinition = "CHAR(64)")
    private String previousHash;

    /** Null until sealed (the sealer writes it with SQL). */
    @Size(min = HASH_LENGTH, max = HASH_LENGTH)
    @Column(name = "hash", length = HASH_LENGTH, updatable = false, columnDefinition = "CHAR(64)")
    private String hash;

    protected AuditEvent() {
    }

    private AuditEvent(Instant occurredAt, String actor, String entityType, String entityId, String action,
            String summary) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.entityType = entityType;
        this.entityId = entityId;
        this.action = action;
        this.summary = summary;
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
     * An unsealed event, as a writer appends it: no sequence and no hash until the sealer chains it.
     * The instant is truncated to whole seconds, as in {@link #next}.
     */
    public static AuditEvent append(Instant at, String actor, String entityType, String entityId, String action,
            String summary) {
        Objects.requireNonNull(at, "at");
        return new AuditEvent(at.truncatedTo(ChronoUnit.SECONDS), required(actor, "actor", ACTOR_MAX),
                required(entityType, "entityType", ENTITY_TYPE_MAX), required(entityId, "entityId", ENTITY_ID_MAX),
                required(action, "action", ACTION_MAX), optional(summary, "summary", SUMMARY_MAX));
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
        return hash != null && previousHash != null && hash.equals(computeHash());
    }

    /** Whether the sealer has given this event its place in the chain. */
    public boolean isSealed() {
        return seq != null;
    }

    /** The hash this event gets when sealed after the event whose hash is given. */
    public String sealedHash(String previousEventHash) {
        if (!HEX_64.matcher(Objects.requireNonNull(previousEventHash, "previousEventHash")).matches()) {
            throw new IllegalArgumentException("A previous hash is 64 lower-case hex digits: " + previousEventHash);
        }
        return hashOf(previousEventHash, occurredAt, actor, entityType, entityId, action, summary);
    }

    /** Whether this event is chained to the event with that hash. */
    public boolean follows(String previousEventHash) {
        return previousHash != null && previousHash.equals(previousEventHash);
    }

    private String computeHash() {
        return hashOf(previousHash, occurredAt, actor, entityType, entityId, action, summary);
    }

    /**
     * The hash recipe (docs/RELIABILITY.md): SHA-256, in lower-case hex, over the previous event's hash,
     * the instant ({@link Instant#toString()}, e.g. {@code 2026-12-05T13:00:00Z}), the actor, the entity
     * type, the entity id, the action and the summary, each written as its UTF-8 length (4 bytes, big
     * endian) then its UTF-8 bytes, a null field as the length -1 alone, so that no two contents collide.
     */
    public static String hashOf(String previousHash, Instant occurredAt, String actor, String entityType,
            String entityId, String action, String summary) {
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

    public Long getSeq() {
        return seq;
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
