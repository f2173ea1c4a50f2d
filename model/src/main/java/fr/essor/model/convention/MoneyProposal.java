package fr.essor.model.convention;

import fr.essor.model.shared.FreeText;
import fr.essor.model.shared.Money;
import fr.essor.model.shared.RuleException;
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
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * Four eyes on money (invariant 8): a disbursement, write-off or guarantee call above the
 * association's threshold, proposed by one person and executed only once another approves it.
 */
@Entity
@Table(name = "money_proposal")
public class MoneyProposal extends VersionedEntity {

    public static final int REASON_MAX = 1000;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "allocation_id", nullable = false, updatable = false)
    private Allocation allocation;

    @Column(name = "association_id", nullable = false, updatable = false)
    private long associationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 20, nullable = false, updatable = false)
    private ProposalKind kind;

    @Column(name = "amount", precision = 15, scale = 2, nullable = false, updatable = false)
    private Money amount;

    @Column(name = "occurred_on", nullable = false, updatable = false)
    private LocalDate occurredOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 10, nullable = false)
    private ProposalStatus status = ProposalStatus.PROPOSED;

    @Column(name = "proposed_by", length = 254, nullable = false, updatable = false)
    private String proposedBy;

    @Column(name = "proposed_at", nullable = false, updatable = false)
    private Instant proposedAt;

    @Column(name = "decided_by", length = 254)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "reason", length = REASON_MAX)
    private String reason;

    protected MoneyProposal() {
    }

    public MoneyProposal(Allocation allocation, long associationId, ProposalKind kind, Money amount, LocalDate on,
                         String proposer, Instant now) {
        this.allocation = Objects.requireNonNull(allocation);
        this.associationId = associationId;
        this.kind = Objects.requireNonNull(kind);
        if (amount == null || !amount.isPositive()) {
            throw RuleException.convention("amount.mustBePositive");
        }
        this.amount = amount;
        this.occurredOn = Objects.requireNonNull(on);
        this.proposedBy = Objects.requireNonNull(proposer);
        this.proposedAt = Objects.requireNonNull(now);
    }

    /** Whether a movement of that amount needs a second person under that threshold (strictly above it). */
    public static boolean needsSecondPerson(Money amount, Money threshold) {
        return threshold != null && amount != null && amount.isGreaterThan(threshold);
    }

    /** Whether this person proposed it (and so may never approve or reject it). */
    public boolean proposedBy(String person) {
        return person != null && proposedBy.toLowerCase(Locale.ROOT).equals(person.toLowerCase(Locale.ROOT));
    }

    /** Another person approves; the caller then executes the movement. */
    public void approve(String approver, Instant now) {
        decide(ProposalStatus.APPROVED, approver, null, now);
    }

    /** Another person rejects, saying why; nothing moves. */
    public void reject(String approver, String why, Instant now) {
        String r = why == null || why.isBlank() ? null : why.strip();
        if (r == null) {
            throw RuleException.field("reason", "approval.reasonRequired");
        }
        if (r.length() > REASON_MAX) {
            throw RuleException.field("reason", "field.tooLong", REASON_MAX);
        }
        if (!FreeText.isClean(r, true)) {
            throw RuleException.field("reason", "text.invalidCharacters");
        }
        decide(ProposalStatus.REJECTED, approver, r, now);
    }

    private void decide(ProposalStatus to, String approver, String why, Instant now) {
        if (status != ProposalStatus.PROPOSED) {
            throw RuleException.convention("approval.alreadyDecided", status.name());
        }
        if (proposedBy(approver)) {
            throw RuleException.convention("approval.ownProposal");
        }
        this.status = to;
        this.decidedBy = Objects.requireNonNull(approver);
        this.decidedAt = Objects.requireNonNull(now);
        this.reason = why;
    }

    public Allocation getAllocation() {
        return allocation;
    }

    public long getAssociationId() {
        return associationId;
    }

    public ProposalKind getKind() {
        return kind;
    }

    public Money getAmount() {
        return amount;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public ProposalStatus getStatus() {
        return status;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getReason() {
        return reason;
    }
}
