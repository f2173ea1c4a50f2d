package fr.essor.model.application;

import fr.essor.model.account.UserAccount;
import fr.essor.model.shared.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Objects;

/**
 * A work-queue filter an advisor saved under a name. The criteria are kept in the small text form
 * the service layer writes and reads back; the model does not interpret them.
 */
@Entity
@Table(name = "saved_filter")
public class SavedFilter extends VersionedEntity {

    public static final int NAME_MAX = 80;
    public static final int CRITERIA_MAX = 2000;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private UserAccount account;

    @NotBlank
    @Size(max = NAME_MAX)
    @Column(name = "name", length = NAME_MAX, nullable = false)
    private String name;

    @NotNull
    @Size(max = CRITERIA_MAX)
    @Column(name = "filter", length = CRITERIA_MAX, nullable = false)
    private String criteria;

    protected SavedFilter() {
    }

    public SavedFilter(UserAccount account, String name, String criteria) {
        this.account = Objects.requireNonNull(account, "account");
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > NAME_MAX) {
            throw new IllegalArgumentException("A filter name has 1 to " + NAME_MAX + " characters");
        }
        this.name = n;
        replaceCriteria(criteria);
    }

    public void replaceCriteria(String newCriteria) {
        String c = newCriteria == null ? "" : newCriteria;
        if (c.length() > CRITERIA_MAX) {
            throw new IllegalArgumentException("Filter criteria longer than " + CRITERIA_MAX);
        }
        this.criteria = c;
    }

    public boolean belongsTo(UserAccount other) {
        return other != null && account.getId() != null && account.getId().equals(other.getId());
    }

    public UserAccount getAccount() {
        return account;
    }

    public String getName() {
        return name;
    }

    public String getCriteria() {
        return criteria;
    }
}
