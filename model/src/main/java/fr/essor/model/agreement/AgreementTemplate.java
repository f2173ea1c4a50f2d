package fr.essor.model.agreement;

import fr.essor.model.association.Association;
import fr.essor.model.shared.Identified;
import fr.essor.model.shared.RuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One version of an association's template for one kind of agreement in one language. Never changed:
 * saving a template writes the next {@code number}; an agreement keeps the version it was made from.
 */
@Entity
@Table(name = "agreement_template")
public class AgreementTemplate extends Identified {

    /** The languages a template is written in. */
    public static final List<String> LANGUAGES = List.of("fr", "en");

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "association_id", nullable = false, updatable = false)
    private Association association;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 12, nullable = false, updatable = false)
    private AgreementKind kind;

    @Column(name = "language", length = 2, nullable = false, updatable = false)
    private String language;

    @Column(name = "number", nullable = false, updatable = false)
    private int number;

    @Column(name = "body", length = TemplateText.BODY_MAX, nullable = false, updatable = false)
    private String body;

    @Column(name = "created_by", length = 254, nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected AgreementTemplate() {
    }

    /**
     * The version that follows {@code previous} (null: the first) of that association's template; the
     * body is checked ({@link TemplateText#check}), an unknown placeholder refused on the field.
     */
    public static AgreementTemplate next(AgreementTemplate previous, Association association, AgreementKind kind,
                                         String language, String body, String actor, Instant now) {
        if (kind == null) {
            throw RuleException.field("kind", "field.required");
        }
        if (language == null || !LANGUAGES.contains(language)) {
            throw RuleException.field("language", "field.invalidChoice");
        }
        if (previous != null && (!previous.association.equals(association) || previous.kind != kind
                || !previous.language.equals(language))) {
            throw new IllegalArgumentException("not the same template");
        }
        AgreementTemplate t = new AgreementTemplate();
        t.association = Objects.requireNonNull(association);
        t.kind = kind;
        t.language = language;
        t.body = TemplateText.check(body);
        t.number = previous == null ? 1 : previous.number + 1;
        t.createdBy = Objects.requireNonNull(actor);
        t.createdAt = Objects.requireNonNull(now);
        return t;
    }

    public Association getAssociation() {
        return association;
    }

    public AgreementKind getKind() {
        return kind;
    }

    public String getLanguage() {
        return language;
    }

    public int getNumber() {
        return number;
    }

    public String getBody() {
        return body;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
