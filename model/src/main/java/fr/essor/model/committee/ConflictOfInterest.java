package fr.essor.model.committee;

import fr.essor.model.account.UserAccount;
import fr.essor.model.shared.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A member's declared conflict of interest on an agenda item: from then on the member neither
 * reads the file's analysis nor votes on it, and does not count towards its quorum.
 */
@Entity
@Table(name = "conflict_of_interest")
public class ConflictOfInterest extends Identified {

    public static final int REASON_MAX = 500;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "item_id", nullable = false, updatable = false)
    private AgendaItem item;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "member_id", nullable = false, updatable = false)
    private UserAccount member;

    @Column(name = "reason", length = REASON_MAX, updatable = false)
    private String reason;

    @Column(name = "declared_at", nullable = false, updatable = false)
    private Instant declaredAt;

    protected ConflictOfInterest() {
    }

    ConflictOfInterest(AgendaItem item, UserAccount member, String reason, Instant declaredAt) {
        this.item = item;
        this.member = member;
        this.reason = reason;
        this.declaredAt = declaredAt;
    }

    public AgendaItem getItem() {
        return item;
    }

    public UserAccount getMember() {
        return member;
    }

    public String getReason() {
        return reason;
    }

    public Instant getDeclaredAt() {
        return declaredAt;
    }
}
