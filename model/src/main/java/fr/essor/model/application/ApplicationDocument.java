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

/**
 * A document attached to an application: what it is, its checked format, size and SHA-256. The
 * bytes live in {@link DocumentContent} so that listing documents never reads them.
 */
@Entity
@Table(name = "application_document")
public class ApplicationDocument extends Identified {

    public static final int FILE_NAME_MAX = 160;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", nullable = false, updatable = false)
    private Application application;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 20, nullable = false)
    private DocumentKind kind;

    @Column(name = "file_name", length = FILE_NAME_MAX, nullable = false)
    private String fileName;

    @Column(name = "media_type", length = 100, nullable = false)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "sha256", length = 64, nullable = false)
    private String sha256;

    @Column(name = "uploaded_by", length = 254, nullable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    /**
     * Attached to a message of the thread, not a document of the application: it is never listed
     * with the file's documents nor counted for its completeness, so that the file a committee
     * reads does not change after submission.
     */
    @Column(name = "thread_attachment", nullable = false, updatable = false)
    private boolean threadAttachment;

    protected ApplicationDocument() {
    }

    /** A file attached to a message of the application's thread (kept apart from its documents). */
    public static ApplicationDocument threadAttachment(Application application, String fileName, String mediaType,
                                                       long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {
        ApplicationDocument d = new ApplicationDocument(application, DocumentKind.OTHER, fileName, mediaType, sizeBytes,
                sha256, uploadedBy, uploadedAt);
        d.threadAttachment = true;
        return d;
    }

    public ApplicationDocument(Application application, DocumentKind kind, String fileName, String mediaType,
                               long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {
        this.application = Objects.requireNonNull(application);
        this.kind = Objects.requireNonNull(kind);
        this.fileName = Objects.requireNonNull(fileName);
        this.mediaType = Objects.requireNonNull(mediaType);
        this.sizeBytes = sizeBytes;
        this.sha256 = Objects.requireNonNull(sha256);
        this.uploadedBy = Objects.requireNonNull(uploadedBy);
        this.uploadedAt = Objects.requireNonNull(uploadedAt);
    }

    public Application getApplication() {
        return application;
    }

    public DocumentKind getKind() {
        return kind;
    }

    public String getFileName() {
        return fileName;
    }

    public String getMediaType() {
        return mediaType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public boolean isThreadAttachment() {
        return threadAttachment;
    }
}
