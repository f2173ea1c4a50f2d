package fr.essor.model.convention;

import fr.essor.model.shared.Money;
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
import java.util.Objects;

/**
 * A bank's call on a guarantee after the borrower's default ({@link GuaranteedLoan#call}): what it
 * claims, capped at the guaranteed outstanding at the default date; paid once (above the four-eyes
 * threshold, when a second person approves the proposal); then what is recovered.
 */
@Entity
@Table(name = "guarantee_call")
public class GuaranteeCall extends VersionedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "loan_id", nullable = false, updatable = false)
    private GuaranteedLoan loan;

    @Column(name = "default_date", nullable = false, updatable = false)
    private LocalDate defaultDate;

    /** The bank's outstanding capital at the default date. */
    @Column(name = "outstanding_at_default", precision = 15, scale = 2, nullable = false, updatable = false)
    private Money outstandingAtDefault;

    /** The most the bank may claim: the guaranteed outstanding at the default date (within the allocation). */
    @Column(name = "cap", precision = 15, scale = 2, nullable = false, updatable = false)
    private Money cap;

    @Column(name = "claimed", precision = 15, scale = 2, nullable = false, updatable = false)
    private Money claimed;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 10, nullable = false)
    private GuaranteeCallStatus status = GuaranteeCallStatus.CLAIMED;

    /** The four-eyes proposal of its payment, while one waits for a second person. */
    @Column(name = "proposal_id")
    private Long proposalId;

    @Column(name = "paid_on")
    private LocalDate paidOn;

    @Column(name = "paid_by", length = 254)
    private String paidBy;

    @Column(name = "recovered", precision = 15, scale = 2, nullable = false)
    private Money recovered = Money.zero();

    @Column(name = "recorded_by", length = 254, nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected GuaranteeCall() {
    }

    GuaranteeCall(GuaranteedLoan loan, LocalDate defaultDate, Money outstandingAtDefault, Money cap, Money claimed,
                  String actor, Instant now) {
        this.loan = Objects.requireNonNull(loan);
        this.defaultDate = Objects.requireNonNull(defaultDate);
        this.outstandingAtDefault = outstandingAtDefault;
        this.cap = cap;
        this.claimed = claimed;
        this.recordedBy = Objects.requireNonNull(actor);
        this.recordedAt = Objects.requireNonNull(now);
    }

    /** Its payment waits for a second person (four eyes). */
    public void awaitApproval(long proposal) {
        this.proposalId = proposal;
    }

    /** The proposal of its payment was rejected: it may be proposed again. */
    public void approvalRejected() {
        this.proposalId = null;
    }

    void markPaid(LocalDate on, String actor) {
        status = GuaranteeCallStatus.PAID;
        paidOn = on;
        paidBy = actor;
        proposalId = null;
    }

    /**
     * A second person approved the proposal of its payment, which moved the money
     * ({@link Allocation#callGuarantee}): the call is PAID on the proposal's date.
     */
    public void paidOnApproval(LocalDate on, String approver) {
        markPaid(on, approver);
    }

    void addRecovered(Money amount) {
        recovered = recovered.plus(amount);
    }

    public GuaranteedLoan getLoan() {
        return loan;
    }

    public LocalDate getDefaultDate() {
        return defaultDate;
    }

    public Money getOutstandingAtDefault() {
        return outstandingAtDefault;
    }

    public Money getCap() {
        return cap;
    }

    public Money getClaimed() {
        return claimed;
    }

    public GuaranteeCallStatus getStatus() {
        return status;
    }

    public Long getProposalId() {
        return proposalId;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public String getPaidBy() {
        return paidBy;
    }

    public Money getRecovered() {
        return recovered;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
