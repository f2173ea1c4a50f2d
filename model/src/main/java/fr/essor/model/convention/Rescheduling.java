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

/**
 * A loan's schedule replaced by a new one on what remains ({@link Allocation#beginRescheduling}):
 * the remaining capital over a new duration, possibly after a moratorium of the capital. The
 * replaced schedule stays, as {@link SupersededInstalment}s of {@code fromVersion}.
 */
@Entity
@Table(name = "rescheduling")
public class Rescheduling extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "allocation_id", nullable = false, updatable = false)
    private Allocation allocation;

    @Column(name = "from_version", nullable = false, updatable = false)
    private int fromVersion;

    @Column(name = "to_version", nullable = false, updatable = false)
    private int toVersion;

    @Column(name = "duration_months", nullable = false, updatable = false)
    private int durationMonths;

    @Column(name = "moratorium_months", nullable = false, updatable = false)
    private int moratoriumMonths;

    @Column(name = "first_due", nullable = false, updatable = false)
    private LocalDate firstDue;

    @Column(name = "remaining_capital", precision = 15, scale = 2, nullable = false, updatable = false)
    private Money remainingCapital;

    @Column(name = "carried_interest", precision = 15, scale = 2, nullable = false, updatable = false)
    private Money carriedInterest;

    @Column(name = "rescheduled_on", nullable = false, updatable = false)
    private LocalDate rescheduledOn;

    @Column(name = "recorded_by", length = 254, nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected Rescheduling() {
    }

    Rescheduling(Allocation allocation, int fromVersion, LoanTerms terms, LocalDate firstDue, Money remainingCapital,
                 Money carriedInterest, LocalDate on, String actor, Instant now) {
        this.allocation = allocation;
        this.fromVersion = fromVersion;
        this.toVersion = fromVersion + 1;
        this.durationMonths = terms.durationMonths();
        this.moratoriumMonths = terms.graceMonths();
        this.firstDue = firstDue;
        this.remainingCapital = remainingCapital;
        this.carriedInterest = carriedInterest;
        this.rescheduledOn = on;
        this.recordedBy = actor;
        this.recordedAt = now;
    }

    public Allocation getAllocation() { return allocation; }
    public int getFromVersion() { return fromVersion; }
    public int getToVersion() { return toVersion; }
    public int getDurationMonths() { return durationMonths; }
    public int getMoratoriumMonths() { return moratoriumMonths; }
    public LocalDate getFirstDue() { return firstDue; }
    public Money getRemainingCapital() { return remainingCapital; }
    public Money getCarriedInterest() { return carriedInterest; }
    public LocalDate getRescheduledOn() { return rescheduledOn; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
