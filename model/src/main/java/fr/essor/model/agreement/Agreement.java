package fr.essor.model.agreement;

import fr.essor.model.application.Application;
import fr.essor.model.committee.GrantedLine;
import fr.essor.model.shared.FreeText;
import fr.essor.model.shared.VersionedEntity;
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
 * The agreement of one granted line of an approved file, generated from a version of its
 * association's template (kept: {@code template}, {@code templateNumber}); the entrepreneur uploads
 * the signed copy, the advisor marks it signed or refuses the copy with a comment.
 */
@Entity
@Table(name = "agreement")
public class Agreement extends VersionedEntity {

    public static final int COMMENT_MAX = 1000;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", nullable = false, updatable = false)
    private Application application;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "granted_line_id", nullable = false, updatable = false)
    private GrantedLine line;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 12, nullable = false, updatable = false)
    private AgreementKind kind;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "template_id", nullable = false, updatable = false)
    private AgreementTemplate template;

    @Column(name = "template_number", nullable = false, updatable = false)
    private int templateNumber;

    @Column(name = "language", length = 2, nullable = false, updatable = false)
    private String language;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 10, nullable = false)
    private AgreementStatus status = AgreementStatus.GENERATED;

    @Column(name = "sha256", length = 64, nullable = false, updatable = false)
    private String sha256;

    @Column(name = "generated_by", length = 254, nullable = false, updatable = false)
    private String generatedBy;

    @Column(name = "generated_at", nullable = false, updatable = false)
    private Instant generatedAt;

    @Column(name = "signed_document_id")
    private Long signedDocumentId;

    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    @Column(name = "comment_text", length = COMMENT_MAX)
    private String comment;

    @Column(name = "decided_by", length = 254)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected Agreement() {
    }

    /** The agreement of a granted line, made from that template (its kind the line's, its association the file's). */
    public Agreement(GrantedLine line, AgreementTemplate template, String sha256, String actor, Instant now) {
        this.line = Objects.requireNonNull(line);
        this.application = line.getDecision().getApplication();
        AgreementKind k = AgreementKind.of(line.getLine().getInstrument());
        if (k == null || template.getKind() != k) {
            throw new IllegalArgumentException("a " + template.getKind() + " template for a " + line.getLine().getInstrument());
        }
        if (!template.getAssociation().equals(application.association())) {
            throw new IllegalArgumentException("a template of another association");
        }
        this.kind = k;
        this.template = template;
        this.templateNumber = template.getNumber();
        this.language = template.getLanguage();
        this.sha256 = Objects.requireNonNull(sha256);
        this.generatedBy = Objects.requireNonNull(actor);
        this.generatedAt = Objects.requireNonNull(now);
    }

    /** The entrepreneur sends the signed copy (a stored document); a refused copy may be sent again. */
    public void upload(long document, Instant now) {
        if (!status.canUpload()) {
            throw AgreementRule.of("agreement.notUploadable");
        }
        this.signedDocumentId = document;
        this.uploadedAt = Objects.requireNonNull(now);
        this.status = AgreementStatus.UPLOADED;
    }

    /** The advisor checked the signed copy: the agreement is signed. Final. */
    public void sign(String comment, String actor, Instant now) {
        decide(AgreementStatus.SIGNED, comment, false, actor, now);
    }

    /** The advisor refuses the copy sent, saying why; the entrepreneur uploads again. */
    public void refuse(String comment, String actor, Instant now) {
        decide(AgreementStatus.REFUSED, comment, true, actor, now);
    }

    private void decide(AgreementStatus to, String comment, boolean commentRequired, String actor, Instant now) {
        if (!status.canDecide()) {
            throw AgreementRule.of("agreement.notUploaded");
        }
        String c = FreeText.comment(comment, commentRequired ? "agreement.commentRequired" : null, COMMENT_MAX);
        this.status = to;
        this.comment = c;
        this.decidedBy = Objects.requireNonNull(actor);
        this.decidedAt = Objects.requireNonNull(now);
    }

    public Application getApplication() {
        return application;
    }

    public GrantedLine getLine() {
        return line;
    }

    public AgreementKind getKind() {
        return kind;
    }

    public AgreementTemplate getTemplate() {
        return template;
    }

    public int getTemplateNumber() {
        return templateNumber;
    }

    public String getLanguage() {
        return language;
    }

    public AgreementStatus getStatus() {
        return status;
    }

    public String getSha256() {
        return sha256;
    }

    public String getGeneratedBy() {
        return generatedBy;
    }

    public Instant getGeneratedAt() {
        return generatedAt;
    }

    public Long getSignedDocumentId() {
        return signedDocumentId;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public String getComment() {
        return comment;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
