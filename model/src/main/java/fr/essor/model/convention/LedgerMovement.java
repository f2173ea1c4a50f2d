package fr.essor.model.convention;

import fr.essor.model.shared.Identified;
import fr.essor.model.shared.Money;
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
import java.time.LocalDate;
import java.util.Objects;

/**
 * One money movement of a convention, append-only, written in the transaction that moves the money.
 * The partners' figures are sums of these rows, computed in SQL.
 */
@Entity
@Table(name = "ledger_movement")
public class LedgerMovement extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "convention_id", nullable = false, updatable = false)
    private Convention convention;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "allocation_id", nullable = false, updatable = false)
    private Allocation allocation;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 20, nullable = false, updatable = false)
    private MovementKind kind;

    @Column(name = "amount", precision = 15, scale = 2, nullable = false, updatable = false)
    private Money amount;

    @Column(name = "occurred_on", nullable = false, updatable = false)
    private LocalDate occurredOn;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "actor", length = 254, nullable = false, updatable = false)
    private String actor;

    protected LedgerMovement() {
    }

    public LedgerMovement(Allocation allocation, MovementKind kind, Money amount, LocalDate occurredOn, String actor,
                          Instant recordedAt) {
        this.allocation = Objects.requireNonNull(allocation);
        this.convention = allocation.getConvention();
        this.kind = Objects.requireNonNull(kind);
        if (amount == null || !amount.isPositive()) {
            throw RuleException.convention("amount.mustBePositive");
        }
        this.amount = amount;
        this.occurredOn = Objects.requireNonNull(occurredOn);
        this.actor = Objects.requireNonNull(actor);
        this.recordedAt = Objects.requireNonNull(recordedAt);
    }

    /**
     * The movement that cancels a repayment: a REPAYMENT of the opposite (negative) amount, so that
     * every figure summed over REPAYMENT rows (the partners' "repaid") stays right without change.
     */
    static LedgerMovement repaymentReversal(Allocation allocation, Money repaid, LocalDate on, String actor, Instant now) {
        LedgerMovement m = new LedgerMovement(allocation, MovementKind.REPAYMENT, repaid, on, actor, now);
        m.amount = Money.zero().minus(repaid);
        return m;
    }

    public Convention getConvention() {
        return convention;
    }

    public Allocation getAllocation() {
        return allocation;
    }

    public MovementKind getKind() {
        return kind;
    }

    public Money getAmount() {
        return amount;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getActor() {
        return actor;
    }
}
