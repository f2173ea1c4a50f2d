package fr.essor.model.convention;

import fr.essor.model.shared.Identified;
import fr.essor.model.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** Money recovered after a guarantee call was paid ({@link GuaranteedLoan#recover}); append-only. */
@Entity
@Table(name = "guarantee_recovery")
public class GuaranteeRecovery extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "call_id", nullable = false, updatable = false)
    private GuaranteeCall call;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "loan_id", nullable = false, updatable = false)
    private GuaranteedLoan loan;

    @Column(name = "amount", precision = 15, scale = 2, nullable = false, updatable = false)
    private Money amount;

    @Column(name = "received_on", nullable = false, updatable = false)
    private LocalDate receivedOn;

    @Column(name = "recorded_by", length = 254, nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected GuaranteeRecovery() {
    }

    GuaranteeRecovery(GuaranteeCall call, Money amount, LocalDate on, String actor, Instant now) {
        this.call = Objects.requireNonNull(call);
        this.loan = call.getLoan();
        this.amount = Objects.requireNonNull(amount);
        this.receivedOn = Objects.requireNonNull(on);
        this.recordedBy = Objects.requireNonNull(actor);
        this.recordedAt = Objects.requireNonNull(now);
    }

    public GuaranteeCall getCall() {
        return call;
    }

    public GuaranteedLoan getLoan() {
        return loan;
    }

    public Money getAmount() {
        return amount;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
