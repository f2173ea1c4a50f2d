package fr.essor.model.privacy;

import fr.essor.model.shared.FreeText;
import fr.essor.model.shared.RuleException;
import fr.essor.model.shared.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;

/**
 * The privacy notice shown to the people whose data an association holds (GDPR articles 13 and 14):
 * one per association, plus the network's default, shown where no association is chosen or where an
 * association has written none. Plain text; the page shows its paragraphs, never its markup.
 */
@Entity
@Table(name = "privacy_notice")
public class PrivacyNotice extends VersionedEntity {

    /** The scope of the network's default notice; an association code never holds '_'. */
    public static final String NETWORK = "_NETWORK";
    public static final int SCOPE_MAX = 10;
    public static final int BODY_MAX = 10_000;
    public static final int ACTOR_MAX = 254;

    @Column(name = "scope", length = SCOPE_MAX, nullable = false, unique = true, updatable = false)
    private String scope;

    @NotBlank
    @Size(max = BODY_MAX)
    @Column(name = "body", length = BODY_MAX, nullable = false)
    private String body;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", length = ACTOR_MAX, nullable = false)
    private String updatedBy;

    protected PrivacyNotice() {
    }

    /** {@code scope}: an association's code, or {@link #NETWORK}. */
    public PrivacyNotice(String scope, String body, String author, Instant at) {
        this.scope = Objects.requireNonNull(scope, "scope");
        if (scope.isBlank() || scope.length() > SCOPE_MAX) {
            throw new IllegalArgumentException("A notice's scope is an association code or " + NETWORK + ": " + scope);
        }
        rewrite(body, author, at);
    }

    /**
     * Replaces the text; it must hold something, at most {@link #BODY_MAX} characters, and only
     * characters people type (line breaks allowed). Refused on the field {@code body}.
     */
    public void rewrite(String newBody, String author, Instant at) {
        String text = newBody == null ? "" : newBody.strip();
        if (text.isEmpty()) {
            throw RuleException.field("body", "field.required");
        }
        if (text.length() > BODY_MAX) {
            throw RuleException.field("body", "field.tooLong", BODY_MAX);
        }
        if (!FreeText.isClean(text, true)) {
            throw RuleException.field("body", "text.invalidCharacters");
        }
        this.body = text;
        this.updatedBy = Objects.requireNonNull(author, "author");
        this.updatedAt = Objects.requireNonNull(at, "at");
    }

    public boolean isNetworkDefault() {
        return NETWORK.equals(scope);
    }

    public String getScope() {
        return scope;
    }

    public String getBody() {
        return body;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
