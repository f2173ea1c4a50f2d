package fr.essor.model.convention;

import fr.essor.model.application.Instrument;
import fr.essor.model.committee.GrantedLine;
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
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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

    /** The loan product and terms the schedule was computed from; null for a loan scheduled before products. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "loan_product_id")
    private LoanProduct product;

    @Column(name = "annual_rate", precision = 6, scale = 3)
    private BigDecimal annualRate;

    @Column(name = "term_months")
    private Integer termMonths;

    @Column(name = "grace_months")
    private Integer graceMonths;

    /** The version of the current schedule: 1, then one more at each rescheduling. */
    @Column(name = "schedule_version", nullable = false)
    private int scheduleVersion = 1;

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
        Money owed = i.isOpen() ? i.owed() : i.getAmount();
        i.paid(on);
        return new LedgerMovement(this, MovementKind.REPAYMENT, owed, on, actor, now);
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

    /**
     * Writes off every open instalment; returns the ledger movement of the capital lost (issue 14:
     * what remains of the capital moves to the written-off balance; the interest still owed is given
     * up with it and is no loss of the fund's money). Refused when no capital remains.
     */
    public LedgerMovement writeOff(LocalDate on, String actor, Instant now) {
        Money lost = remainingCapital();
        if (!lost.isPositive()) {
            throw RuleException.convention("instalment.nothingOpen");
        }
        for (Instalment i : instalments) {
            if (i.isOpen()) {
                i.writeOff();
            }
        }
        return new LedgerMovement(this, MovementKind.WRITE_OFF, lost, on, actor, now);
    }

    /**
     * Money recovered after a write-off (issue 14): at most the written-off balance
     * ({@code writtenOffBalance}, written off less recovered, read by the caller from the ledger under
     * the allocation's lock), dated no later than tomorrow. The instalments stay written off.
     */
    public LedgerMovement recover(Money recovered, Money writtenOffBalance, LocalDate on, String actor, Instant now) {
        if (recovered == null || !recovered.isPositive()) {
            throw RuleException.field("amount", "amount.mustBePositive");
        }
        Objects.requireNonNull(on, "on");
        LocalDate latest = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
        if (on.isAfter(latest)) {
            throw RuleException.field("date", "recovery.dateInFuture", latest);
        }
        if (writtenOffBalance == null || !writtenOffBalance.isPositive()) {
            throw RuleException.convention("recovery.nothingWrittenOff");
        }
        if (recovered.isGreaterThan(writtenOffBalance)) {
            throw RuleException.overLimit("recovery.overWrittenOff", writtenOffBalance.amount());
        }
        return new LedgerMovement(this, MovementKind.RECOVERY, recovered, on, actor, now);
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

    // ---- loans with products (issue 14): schedule, repayments, reversal, rescheduling -----------

    /** The principal a schedule is computed on: what was disbursed, or before that what is committed. */
    public Money principal() {
        return disbursed.isPositive() ? disbursed : active();
    }

    /**
     * The schedule this loan would have with these terms, computed and not stored (the preview shown
     * before disbursement); refused when the product does not lend this line's instrument.
     */
    public LoanSchedule previewSchedule(LoanProduct loanProduct, LoanTerms terms, LocalDate firstDue) {
        requireLendable(loanProduct);
        return LoanSchedule.compute(principal(), terms, firstDue);
    }

    /**
     * Stores the terms and the schedule of a disbursed loan, computed on what was disbursed. The
     * caller drops an unpaid schedule first ({@link #dropUnpaidSchedule}) and flushes.
     */
    public LoanSchedule scheduleLoan(LoanProduct loanProduct, LoanTerms terms, LocalDate firstDue) {
        requireLendable(loanProduct);
        if (!disbursed.isPositive()) {
            throw RuleException.convention("schedule.nothingDisbursed");
        }
        if (!instalments.isEmpty()) {
            throw RuleException.convention("schedule.exists");
        }
        LoanSchedule schedule = LoanSchedule.compute(disbursed, terms, firstDue);
        for (LoanSchedule.Line l : schedule.lines()) {
            instalments.add(new Instalment(this, l));
        }
        this.product = loanProduct;
        this.annualRate = terms.annualRate();
        this.termMonths = terms.durationMonths();
        this.graceMonths = terms.graceMonths();
        return schedule;
    }

    private void requireLendable(LoanProduct loanProduct) {
        Objects.requireNonNull(loanProduct, "product");
        if (!line.getLine().getInstrument().isRepaid()) {
            throw RuleException.convention("schedule.notALoan");
        }
        if (!loanProduct.lends(line.getLine().getInstrument())) {
            throw RuleException.field("productId", "loan.productNotForInstrument");
        }
    }

    /** What is still owed on the current schedule: every open instalment's capital and interest. */
    public Money owed() {
        return instalments.stream().filter(Instalment::isOpen).map(Instalment::owed).reduce(Money.zero(), Money::plus);
    }

    /** Capital not yet repaid on the current schedule (written-off instalments excluded). */
    public Money remainingCapital() {
        return instalments.stream().filter(Instalment::isOpen).map(Instalment::owedCapital)
                .reduce(Money.zero(), Money::plus);
    }

    /**
     * Records a payment of any amount, applied in this order (docs/LOANS.md): first the instalments
     * due on or before {@code on}, oldest first, each its fees (none are charged), then its interest,
     * then its capital; what is left is an early repayment, which pays the capital of the instalments
     * not yet due, oldest first (the remaining capital falls; their interest stays due on their
     * dates), and only once all capital is repaid their interest. More than what is owed in total is
     * refused. Returns the repayment; {@link #movementOf} gives its ledger movement.
     */
    public Repayment repay(Money amount, LocalDate on, String actor, Instant now) {
        if (amount == null || !amount.isPositive()) {
            throw RuleException.field("amount", "amount.mustBePositive");
        }
        Objects.requireNonNull(on, "on");
        LocalDate latest = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
        if (on.isAfter(latest)) {
            throw RuleException.field("date", "repayment.dateInFuture", latest);
        }
        Money owed = owed();
        if (!owed.isPositive()) {
            throw RuleException.convention("repayment.nothingOwed");
        }
        if (amount.isGreaterThan(owed)) {
            throw RuleException.overLimit("repayment.overOwed", owed.amount());
        }
        List<Instalment> open = instalments.stream().filter(Instalment::isOpen).toList();
        Map<Integer, Money[]> split = new TreeMap<>();
        Money left = amount;
        // 1. what is due: interest then capital, instalment by instalment, oldest first
        for (Instalment i : open) {
            if (i.getDueDate().isAfter(on) || !left.isPositive()) {
                continue;
            }
            Money interest = min(left, i.owedInterest());
            left = left.minus(interest);
            Money capital = min(left, i.owedCapital());
            left = left.minus(capital);
            applyPart(split, i, interest, capital, on);
        }
        // 2. early: the capital of the instalments not yet due, oldest first
        for (Instalment i : open) {
            if (!left.isPositive() || !i.isOpen()) {
                continue;
            }
            Money capital = min(left, i.owedCapital());
            left = left.minus(capital);
            applyPart(split, i, Money.zero(), capital, on);
        }
        // 3. all capital repaid: the interest still owed, oldest first
        for (Instalment i : open) {
            if (!left.isPositive() || !i.isOpen()) {
                continue;
            }
            Money interest = min(left, i.owedInterest());
            left = left.minus(interest);
            applyPart(split, i, interest, Money.zero(), on);
        }
        List<RepaymentPart> parts = new ArrayList<>();
        split.forEach((number, v) -> parts.add(new RepaymentPart(number, v[0], v[1])));
        return new Repayment(this, amount, on, actor, now, scheduleVersion, parts);
    }

    private static void applyPart(Map<Integer, Money[]> split, Instalment i, Money interest, Money capital,
                                  LocalDate on) {
        if (interest.isZero() && capital.isZero()) {
            return;
        }
        i.apply(interest, capital, on);
        Money[] v = split.computeIfAbsent(i.getNumber(), n -> new Money[] {Money.zero(), Money.zero()});
        v[0] = v[0].plus(interest);
        v[1] = v[1].plus(capital);
    }

    private static Money min(Money a, Money b) {
        return a.isGreaterThan(b) ? b : a;
    }

    /** The ledger movement of a repayment just recorded: REPAYMENT of its amount. */
    public LedgerMovement movementOf(Repayment r) {
        return new LedgerMovement(this, MovementKind.REPAYMENT, r.getAmount(), r.getPaidOn(), r.getRecordedBy(),
                r.getRecordedAt());
    }

    /**
     * Reverses a repayment (four eyes: never by the one who recorded it), with a reason: what it paid
     * is taken back from each instalment, which opens again (late when past due on {@code today}),
     * and the ledger gets a REPAYMENT of the opposite amount. A repayment recorded under a schedule a
     * rescheduling has replaced is no longer reversible.
     */
    public LedgerMovement reverse(Repayment r, String reason, LocalDate today, String actor, Instant now) {
        if (r.getAllocation() != this) {
            throw RuleException.convention("repayment.unknown");
        }
        if (r.getScheduleVersion() != scheduleVersion) {
            throw RuleException.convention("repayment.beforeRescheduling");
        }
        r.markReversed(actor, reason, now);
        for (RepaymentPart p : r.getParts()) {
            Instalment i = instalments.stream().filter(x -> x.getNumber() == p.getInstalmentNumber()).findFirst()
                    .orElseThrow(() -> RuleException.convention("instalment.unknown"));
            i.unapply(p.getInterest(), p.getCapital(), today);
        }
        return LedgerMovement.repaymentReversal(this, r.getAmount(), today, actor, now);
    }

    /**
     * First step of a rescheduling: keeps the current schedule as history (returned, for the caller
     * to store), closes each partly paid instalment at what was paid and drops the other open ones.
     * What remains is the open capital; the interest of instalments already due and unpaid is
     * carried into the first new instalment. The caller flushes, then calls
     * {@link #completeRescheduling}.
     */
    public Rescheduling beginRescheduling(LoanTerms terms, LocalDate firstDue, LocalDate on, String actor, Instant now,
                                          List<SupersededInstalment> history) {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(firstDue, "firstDue");
        if (!line.getLine().getInstrument().isRepaid()) {
            throw RuleException.convention("schedule.notALoan");
        }
        List<Instalment> open = instalments.stream().filter(Instalment::isOpen).toList();
        if (open.isEmpty()) {
            throw RuleException.convention("reschedule.nothingOpen");
        }
        int lastKept = instalments.stream().filter(i -> !i.isOpen() || i.isStarted()).mapToInt(Instalment::getNumber)
                .max().orElse(0);
        if (open.stream().anyMatch(i -> i.getNumber() < lastKept && !i.isStarted())) {
            // an open instalment before a paid one (paid out of order): the new lines could not follow
            throw RuleException.convention("reschedule.gap");
        }
        LocalDate lastKeptDue = instalments.stream().filter(i -> i.getNumber() == lastKept).map(Instalment::getDueDate)
                .findFirst().orElse(null);
        if (firstDue.isBefore(on) || (lastKeptDue != null && !firstDue.isAfter(lastKeptDue))) {
            throw RuleException.field("firstDueDate", "reschedule.firstDueTooEarly");
        }
        for (Instalment i : instalments) {
            history.add(new SupersededInstalment(i, scheduleVersion));
        }
        Money capital = Money.zero();
        Money carried = Money.zero();
        for (Instalment i : open) {
            capital = capital.plus(i.owedCapital());
            if (!i.getDueDate().isAfter(on)) {
                carried = carried.plus(i.owedInterest());
            }
            if (i.isStarted()) {
                i.closeAtPaid(on);
            } else {
                instalments.remove(i);
            }
        }
        LoanSchedule.compute(capital, terms, firstDue, lastKept + 1, carried); // refuses before anything is stored
        return new Rescheduling(this, scheduleVersion, terms, firstDue, capital, carried, on, actor, now);
    }

    /** Second step: the new schedule on what remained, numbered after the kept instalments. */
    public LoanSchedule completeRescheduling(Rescheduling r, LoanTerms terms) {
        if (r.getAllocation() != this || r.getFromVersion() != scheduleVersion) {
            throw RuleException.convention("reschedule.stale");
        }
        int next = instalments.stream().mapToInt(Instalment::getNumber).max().orElse(0) + 1;
        LoanSchedule schedule = LoanSchedule.compute(r.getRemainingCapital(), terms, r.getFirstDue(), next,
                r.getCarriedInterest());
        for (LoanSchedule.Line l : schedule.lines()) {
            instalments.add(new Instalment(this, l));
        }
        scheduleVersion = r.getToVersion();
        return schedule;
    }

    /** The terms of the current loan, for a rescheduling: its rate, frequency and grace rule, a new duration and moratorium. */
    public LoanTerms reschedulingTerms(int durationMonths, int moratoriumMonths) {
        BigDecimal rate = annualRate == null ? BigDecimal.ZERO : annualRate;
        RepaymentFrequency frequency = product == null ? RepaymentFrequency.MONTHLY : product.getFrequency();
        GraceInterest grace = product == null ? GraceInterest.PAID : product.getGraceInterest();
        return new LoanTerms(rate, durationMonths, moratoriumMonths, frequency, grace);
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

    public LoanProduct getProduct() {
        return product;
    }

    public BigDecimal getAnnualRate() {
        return annualRate;
    }

    public Integer getTermMonths() {
        return termMonths;
    }

    public Integer getGraceMonths() {
        return graceMonths;
    }

    public int getScheduleVersion() {
        return scheduleVersion;
    }

    public List<Instalment> getInstalments() {
        return Collections.unmodifiableList(instalments);
    }
}
