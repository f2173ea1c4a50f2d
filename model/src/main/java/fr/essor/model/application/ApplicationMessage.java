package fr.essor.model.application;

import fr.essor.model.shared.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A message of the thread between the applicant and the advisor; immutable once sent. */
@Entity
@Table(name = "application_message")
public class ApplicationMessage extends Identified {

    public static final int BODY_MAX = 4000;

    /** Who wrote it, as the thread shows it. */
    public enum Side { APPLICANT, ADVISOR }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", nullable = false, updatable = false)
    private Application application;

    @Column(name = "author", length = 254, nullable = false)
    private String author;

    @Enumerated(EnumType.STRING)
    @Column(name = "side", length = 12, nullable = false)
    private Side side;

    @Column(name = "body", length = BODY_MAX, nullable = false)
    private String body;

    @Column(name = "document_id")
    private Long documentId;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    protected ApplicationMessage() {
    }

    public ApplicationMessage(Application application, String author, Side side, String body, Long documentId,
                              Instant sentAt) {
        this.application = Objects.requireNonNull(application);
        this.author = Objects.requireNonNull(author);
        this.side = Objects.requireNonNull(side);
        String b = body == null ? "" : body.strip();
        if (b.isEmpty() || b.length() > BODY_MAX) {
            throw new IllegalArgumentException("A message needs 1 to " + BODY_MAX + " characters");
        }
        this.body = b;
        this.documentId = documentId;
        this.sentAt = Objects.requireNonNull(sentAt);
    }

    public String getAuthor() {
        return author;
    }

    public Side getSide() {
        return side;
    }

    public String getBody() {
        return body;
    }

    public Long getDocumentId() {
        return documentId;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
