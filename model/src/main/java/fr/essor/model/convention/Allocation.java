package fr.essor.model.convention;

import fr.essor.model.committee.GrantedLine;
import fr.essor.model.application.Instrument;
import fr.essor.model.shared.Money;
import fr.essor.model.shared.RuleException;
import fr.essor.model.shared.VersionedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Money of a convention committed to a granted line, then disbursed in tranches; for an honour
 * loan, repaid along its schedule; for a guarantee, possibly called. Each change returns the
 * ledger movement the service stores with it.
 */
@Entity
@Table(name = "allocation")
public class Allocation extends VersionedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "convention_id", nullable = false, updatable = false)
    private Convention convention;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "granted_line_id", nullable = false, updatable = false)
    private GrantedLine line;

    @Column(name = "amount", precision = 15, scale = 2, nullable = false, updatable = false)
    private Money amount;

    @Column(name = "released", precision = 15, scale = 2, nullable = false)
    private Money released = Money.zero();

    @Column(name = "disbursed", precision = 15, scale = 2, nullable = false)
    private Money disbursed = Money.zero();

    @Column(name = "called", precision = 15, scale = 2, nullable = false)
    private Money called = Money.zero();

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 20, nullable = false)
    private AllocationStatus status = AllocationStatus.COMMITTED;

    @Column(name = "allocated_on", nullable = false, updatable = false)
    private LocalDate allocatedOn;

    @Column(name = "created_by", length = 254, nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "allocation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("number")
    private List<Instalment> instalments = new ArrayList<>();

    protected Allocation() {
    }

    private Allocation(Convention convention, GrantedLine line, Money amount, LocalDate on, String actor, Instant now) {
        this.convention = convention;
        this.line = line;
        this.amount = amount;
        this.allocatedOn = on;
        this.createdBy = actor;
        this.createdAt = now;
    }

    /**
     * Commits convention money to a granted line. {@code conventionAvailable} and
     * {@code lineUnallocated} are read by the caller under lock; the amount may exceed neither
     * (invariants 1 and 2) and the convention must accept the line (invariant 4).
     */
    public static Allocation commit(Convention convention, GrantedLine line, Money amount, Money conventionAvailable,
                                    Money lineUnallocated, LocalDate on, String actor, Instant now) {
        Objects.requireNonNull(convention);
        Objects.requireNonNull(line);
        if (amount == null || !amount.isPositive()) {
            throw RuleException.convention("amount.mustBePositive");
        }
        convention.refusal(line).ifPresent(key -> {
            throw RuleException.convention(key, convention.getReference());
        });
        if (amount.isGreaterThan(conventionAvailable)) {
            throw RuleException.overLimit("allocation.overConvention", conventionAvailable.amount());
        }
        if (amount.isGreaterThan(lineUnallocated)) {
            throw RuleException.overLimit("allocation.overLine", lineUnallocated.amount());
        }
        return new Allocation(convention, line, amount, on, actor, now);
    }

    /**
     * Commits convention money to a granted line when the caller has checked the convention's rules
     * and taken the amount from the convention's running total with a conditional update (invariants
     * 1 and 4, held by the database: the allocation path of issue 15); the line's limit is checked here
     * ({@code lineUnallocated} read by the caller under the line's lock, invariant 2).
     */
    public static Allocation guarded(Convention convention, GrantedLine line, Money amount, Money lineUnallocated,
                                     LocalDate on, String actor, Instant now) {
        Objects.requireNonNull(convention);
        Objects.requireNonNull(line);
        if (amount == null || !amount.isPositive()) {
            throw RuleException.convention("amount.mustBePositive");
        }
        if (amount.isGreaterThan(lineUnallocated)) {
            throw RuleException.overLimit("allocation.overLine", lineUnallocated.amount());
        }
        return new Allocation(convention, line, amount, on, actor, now);
    }

    /** The allocation's ledger entry at commitment. */
    public LedgerMovement commitment() {
        return new LedgerMovement(this, MovementKind.ALLOCATION, amount, allocatedOn, createdBy, createdAt);
    }

    /** What is still committed: the amount less what was released. */
    public Money active() {
        return amount.minus(released);
    }

    /**
     * Pays out a tranche; never more than what is committed and not yet paid out (invariant 3), on a
     * day of the convention's period and not later than tomorrow (a date typed a day ahead is
     * allowed, not a year). A guarantee is never paid out: the fund pays only when the bank calls it.
     */
    public LedgerMovement disburse(Money tranche, LocalDate on, String actor, Instant now) {
        requireOpen();
        if (line.getLine().getInstrument() == Instrument.GUARANTEE) {
            throw RuleException.convention("disbursement.guarantee");
        }
        if (tranche == null || !tranche.isPositive()) {
            throw RuleException.convention("amount.mustBePositive");
        }
        Objects.requireNonNull(on, "on");
        LocalDate latest = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
        if (on.isAfter(latest)) {
            throw RuleException.conventionField("date", "disbursement.dateInFuture", latest);
        }
        if (on.isBefore(convention.getPeriodStart()) || on.isAfter(convention.getPeriodEnd())) {
            throw RuleException.conventionField("date", "disbursement.dateOutOfPeriod", convention.getPeriodStart(),
                    convention.getPeriodEnd());
        }
        Money left = active().minus(disbursed);
        if (tranche.isGreaterThan(left)) {
            throw RuleException.overLimit("disbursement.overAllocation", left.amount());
        }
        disbursed = disbursed.plus(tranche);
        status = disbursed.compareTo(active()) == 0 ? AllocationStatus.DISBURSED : AllocationStatus.PARTLY_DISBURSED;
        return new LedgerMovement(this, MovementKind.DISBURSEMENT, tranche, on, actor, now);
    }

    /**
     * Gives the money neither disbursed nor paid on a guarantee call back to the envelope: what a
     * bank called was spent, and stays committed.
     */
    public LedgerMovement release(LocalDate on, String actor, Instant now) {
        requireOpen();
        Money unused = active().minus(disbursed).minus(called);
        if (!unused.isPositive()) {
            throw RuleException.convention("allocation.nothingToRelease");
        }
        released = released.plus(unused);
        status = disbursed.isPositive() || called.isPositive() ? AllocationStatus.DISBURSED : AllocationStatus.RELEASED;
        return new LedgerMovement(this, MovementKind.RELEASE, unused, on, actor, now);
    }

    /**
     * The repayment schedule of an honour loan: monthly instalments over the line's duration on the
     * disbursed amount, the first due on {@code firstDue}; cents left by the division go on the last.
     */
    public List<Instalment> scheduleRepayments(LocalDate firstDue) {
        if (line.getLine().getInstrument() != Instrument.HONOUR_LOAN) {
            throw RuleException.convention("schedule.notALoan");
        }
        if (!disbursed.isPositive()) {
            throw RuleException.convention("schedule.nothingDisbursed");
        }
        if (!instalments.isEmpty()) {
            throw RuleException.convention("schedule.exists");
        }
        Objects.requireNonNull(firstDue, "firstDue");
        int months = line.getLine().getDurationMonths() == null ? 1 : line.getLine().getDurationMonths();
        BigDecimal each = disbursed.amount().divide(BigDecimal.valueOf(months), 2, RoundingMode.DOWN);
        Money sum = Money.zero();
        for (int n = 1; n <= months; n++) {
            Money part = n < months ? Money.of(each) : disbursed.minus(sum);
            sum = sum.plus(part);
            instalments.add(new Instalment(this, n, firstDue.plusMonths(n - 1L), part));
        }
        return Collections.unmodifiableList(instalments);
    }

    /**
     * Drops a schedule of which nothing is paid, late or written off, so that a new one can be
     * generated (the caller stores the removal before adding the new instalments: they reuse the
     * numbers). Returns whether there was one.
     */
    public boolean dropUnpaidSchedule() {
        if (instalments.stream().anyMatch(i -> i.getStatus() != InstalmentStatus.DUE)) {
            throw RuleException.convention("schedule.started");
        }
        boolean had = !instalments.isEmpty();
        instalments.clear();
        return had;
    }

    /** Records the payment of an instalment; the money comes back to the fund's ledger. */
    public LedgerMovement pay(long instalmentId, LocalDate on, String actor, Instant now) {
        Instalment i = instalments.stream().filter(x -> x.getId() != null && x.getId() == instalmentId).findFirst()
                .orElseThrow(() -> RuleException.convention("instalment.unknown"));
        i.paid(on);
        return new LedgerMovement(this, MovementKind.REPAYMENT, i.getAmount(), on, actor, now);
    }

    /** Marks the instalments past due on {@code today} as LATE; returns how many changed. */
    public int markLate(LocalDate today) {
        int n = 0;
        for (Instalment i : instalments) {
            if (i.markLateOn(today)) {
                n++;
            }
        }
        return n;
    }

    /** Writes off every open instalment; returns the ledger movement of the amount lost. */
    public LedgerMovement writeOff(LocalDate on, String actor, Instant now) {
        Money lost = Money.zero();
        for (Instalment i : instalments) {
            if (i.isOpen()) {
                lost = lost.plus(i.getAmount());
                i.writeOff();
            }
        }
        if (!lost.isPositive()) {
            throw RuleException.convention("instalment.nothingOpen");
        }
        return new LedgerMovement(this, MovementKind.WRITE_OFF, lost, on, actor, now);
    }

    /** A bank calls the guarantee: the fund pays at most the guaranteed amount not yet called. */
    public LedgerMovement callGuarantee(Money claimed, LocalDate on, String actor, Instant now) {
        if (line.getLine().getInstrument() != Instrument.GUARANTEE) {
            throw RuleException.convention("guarantee.notAGuarantee");
        }
        if (claimed == null || !claimed.isPositive()) {
            throw RuleException.convention("amount.mustBePositive");
        }
        Money left = active().minus(called);
        if (claimed.isGreaterThan(left)) {
            throw RuleException.overLimit("guarantee.overExposure", left.amount());
        }
        called = called.plus(claimed);
        return new LedgerMovement(this, MovementKind.GUARANTEE_CALL, claimed, on, actor, now);
    }

    private void requireOpen() {
        if (status == AllocationStatus.RELEASED || status == AllocationStatus.DISBURSED) {
            throw RuleException.convention("allocation.settled");
        }
    }

    public Convention getConvention() {
        return convention;
    }

    public GrantedLine getLine() {
        return line;
    }

    public Money getAmount() {
        return amount;
    }

    public Money getReleased() {
        return released;
    }

    public Money getDisbursed() {
        return disbursed;
    }

    public Money getCalled() {
        return called;
    }

    public AllocationStatus getStatus() {
        return status;
    }

    public LocalDate getAllocatedOn() {
        return allocatedOn;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public List<Instalment> getInstalments() {
        return Collections.unmodifiableList(instalments);
    }
}
