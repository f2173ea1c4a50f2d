package fr.essor.model.committee;

import fr.essor.model.account.UserAccount;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A member's declared conflict of interest on an agenda item: from then on the member neither
 * reads the file's analysis nor votes on it, and does not count towards its quorum.
 */
@Entity
@Table(name = "conflict_of_interest")
public class ConflictOfInterest extends MemberOnItem {

    public static final int REASON_MAX = 500;

    @Column(name = "reason", length = REASON_MAX, updatable = false)
    private String reason;

    @Column(name = "declared_at", nullable = false, updatable = false)
    private Instant declaredAt;

    protected ConflictOfInterest() {
    }

    ConflictOfInterest(AgendaItem item, UserAccount member, String reason, Instant declaredAt) {
        super(item, member);
        this.reason = reason;
        this.declaredAt = declaredAt;
    }

    public String getReason() {
        return reason;
    }

    public Instant getDeclaredAt() {
        return declaredAt;
    }
}
