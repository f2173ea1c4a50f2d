package fr.essor.model.convention;

import fr.essor.model.shared.FreeText;
import fr.essor.model.shared.Money;
import fr.essor.model.shared.RuleException;
import fr.essor.model.shared.VersionedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A payment received on a loan, of any amount, and how {@link Allocation#repay} split it across the
 * instalments of the schedule version it was recorded under. A second person may reverse it, with a
 * reason ({@link Allocation#reverse}); the row stays, marked reversed.
 */
@Entity
@Table(name = "repayment")
public class Repayment extends VersionedEntity {

    public static final int REASON_MAX = 500;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "allocation_id", nullable = false, updatable = false)
    private Allocation allocation;

    @Column(name = "amount", precision = 15, scale = 2, nullable = false, updatable = false)
    private Money amount;

    @Column(name = "paid_on", nullable = false, updatable = false)
    private LocalDate paidOn;

    @Column(name = "recorded_by", length = 254, nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "schedule_version", nullable = false, updatable = false)
    private int scheduleVersion;

    @Column(name = "reversed_by", length = 254)
    private String reversedBy;

    @Column(name = "reversed_at")
    private Instant reversedAt;

    @Column(name = "reversal_reason", length = REASON_MAX)
    private String reversalReason;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "repayment_part", joinColumns = @JoinColumn(name = "repayment_id"))
    @OrderBy("instalmentNumber")
    private List<RepaymentPart> parts = new ArrayList<>();

    protected Repayment() {
    }

    Repayment(Allocation allocation, Money amount, LocalDate paidOn, String recordedBy, Instant recordedAt,
              int scheduleVersion, List<RepaymentPart> parts) {
        this.allocation = allocation;
        this.amount = amount;
        this.paidOn = paidOn;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
        this.scheduleVersion = scheduleVersion;
        this.parts.addAll(parts);
    }

    void markReversed(String actor, String reason, Instant now) {
        if (isReversed()) {
            throw RuleException.convention("repayment.alreadyReversed");
        }
        if (actor.equalsIgnoreCase(recordedBy)) {
            throw RuleException.convention("repayment.reverseOwn");
        }
        if (reason == null || reason.isBlank()) {
            throw RuleException.field("reason", "field.required");
        }
        String why = FreeText.require("reason", reason.strip(), true);
        if (why.length() > REASON_MAX) {
            throw RuleException.field("reason", "field.tooLong", REASON_MAX);
        }
        reversedBy = actor;
        reversedAt = now;
        reversalReason = why;
    }

    public boolean isReversed() {
        return reversedBy != null;
    }

    public Money interestPaid() {
        return parts.stream().map(RepaymentPart::getInterest).reduce(Money.zero(), Money::plus);
    }

    public Money capitalPaid() {
        return parts.stream().map(RepaymentPart::getCapital).reduce(Money.zero(), Money::plus);
    }

    public Allocation getAllocation() { return allocation; }
    public Money getAmount() { return amount; }
    public LocalDate getPaidOn() { return paidOn; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
    public int getScheduleVersion() { return scheduleVersion; }
    public String getReversedBy() { return reversedBy; }
    public Instant getReversedAt() { return reversedAt; }
    public String getReversalReason() { return reversalReason; }
    public List<RepaymentPart> getParts() { return Collections.unmodifiableList(parts); }
}
