package fr.essor.model.committee;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** The minutes of a closed session as generated at closing (PDF), kept unchanged with their checksum. */
@Entity
@Table(name = "session_minutes")
public class SessionMinutes {

    @Id
    @Column(name = "session_id")
    private Long sessionId;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false, updatable = false)
    private byte[] content;

    @Column(name = "sha256", length = 64, nullable = false, updatable = false)
    private String sha256;

    @Column(name = "generated_at", nullable = false, updatable = false)
    private Instant generatedAt;

    protected SessionMinutes() {
    }

    public SessionMinutes(Long sessionId, byte[] content, String sha256, Instant generatedAt) {
        this.sessionId = Objects.requireNonNull(sessionId);
        this.content = content.clone();
        this.sha256 = Objects.requireNonNull(sha256);
        this.generatedAt = Objects.requireNonNull(generatedAt);
    }

    public Long getSessionId() {
        return sessionId;
    }

    public byte[] getContent() {
        return content.clone();
    }

    public String getSha256() {
        return sha256;
    }

    public Instant getGeneratedAt() {
        return generatedAt;
    }
}
