package fr.essor.model.convention;

import fr.essor.model.application.Instrument;
import fr.essor.model.shared.FreeText;
import fr.essor.model.shared.Money;
import fr.essor.model.shared.RuleException;
import fr.essor.model.shared.VersionedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
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
 * The bank loan a guarantee covers (issue 14, item 4), recorded on the guarantee's allocation: the
 * bank, the amount, the rate, the duration and the start date, from which its amortisation is
 * computed (monthly, on the declining balance, as {@link LoanSchedule} does). The guaranteed
 * outstanding at any date is the quota (the line's guaranteed share) of the bank's outstanding
 * capital then; the commission is a rate on the guaranteed amount; a call after a default is capped at
 * the guaranteed outstanding at the default date; the guarantee is released at the end of the loan.
 */
@Entity
@Table(name = "guaranteed_loan")
public class GuaranteedLoan extends VersionedEntity {

    public static final int BANK_NAME_MAX = 120;
    /** The highest commission rate, in percent of the guaranteed amount. */
    public static final BigDecimal MAX_COMMISSION_RATE = new BigDecimal("5");
    /** The shortest bank loan a guarantee covers, in months. */
    public static final int MIN_DURATION_MONTHS = 12;
    /** How far ahead a bank loan's start may be recorded (a loan signed, to be paid out soon). */
    public static final int MAX_START_AHEAD_DAYS = 366;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "allocation_id", nullable = false, updatable = false)
    private Allocation allocation;

    @Column(name = "bank_name", length = BANK_NAME_MAX, nullable = false, updatable = false)
    private String bankName;

    @Column(name = "amount", precision = 15, scale = 2, nullable = false, updatable = false)
    private Money amount;

    @Column(name = "annual_rate", precision = 6, scale = 3, nullable = false, updatable = false)
    private BigDecimal annualRate;

    @Column(name = "duration_months", nullable = false, updatable = false)
    private int durationMonths;

    @Column(name = "start_date", nullable = false, updatable = false)
    private LocalDate startDate;

    @Column(name = "end_date", nullable = false, updatable = false)
    private LocalDate endDate;

    /** The guaranteed share of the bank loan, in percent (the granted line's). */
    @Column(name = "quota", precision = 5, scale = 2, nullable = false, updatable = false)
    private BigDecimal quota;

    /** What the guarantee covers at the start: the quota of the bank loan's amount. */
    @Column(name = "guaranteed", precision = 15, scale = 2, nullable = false, updatable = false)
    private Money guaranteed;

    @Column(name = "commission_rate", precision = 6, scale = 3, nullable = false, updatable = false)
    private BigDecimal commissionRate;

    @Column(name = "commission", precision = 15, scale = 2, nullable = false, updatable = false)
    private Money commission;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 12, nullable = false)
    private GuaranteeStatus status = GuaranteeStatus.RUNNING;

    @Column(name = "released_on")
    private LocalDate releasedOn;

    @Column(name = "released_by", length = 254)
    private String releasedBy;

    @Column(name = "recorded_by", length = 254, nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "guaranteed_loan_line", joinColumns = @JoinColumn(name = "loan_id"))
    @OrderBy("number")
    private List<GuaranteedLoanLine> lines = new ArrayList<>();

    protected GuaranteedLoan() {
    }

    /**
     * Records the bank loan a guarantee allocation covers, with its amortisation. Refused on the field
     * at fault: a bank name missing or too long, an amount above the largest bank loan, a rate the
     * schedule arithmetic refuses, a duration beyond the granted line's (no guarantee beyond what the
     * committee granted, itself within the network's limits), a start more than a year ahead, a
     * commission rate outside 0–5 %; refused when the guaranteed amount (quota × amount) exceeds
     * what the allocation still commits.
     */
    public static GuaranteedLoan record(Allocation allocation, String bankName, Money amount, BigDecimal annualRate,
                                        int durationMonths, LocalDate startDate, BigDecimal commissionRate, String actor,
                                        Instant now) {
        Objects.requireNonNull(allocation, "allocation");
        if (allocation.getLine().getLine().getInstrument() != Instrument.GUARANTEE) {
            throw RuleException.convention("guarantee.notAGuarantee");
        }
        if (allocation.getStatus() == AllocationStatus.RELEASED) {
            throw RuleException.convention("allocation.settled");
        }
        String bank = bankName == null ? "" : bankName.strip();
        if (bank.isEmpty()) {
            throw RuleException.field("bankName", "field.required");
        }
        if (bank.length() > BANK_NAME_MAX) {
            throw RuleException.field("bankName", "field.tooLong", BANK_NAME_MAX);
        }
        if (!FreeText.isClean(bank, false)) {
            throw RuleException.field("bankName", "text.invalidCharacters");
        }
        if (amount == null || !amount.isPositive() || amount.isGreaterThan(Instrument.MAX_BANK_LOAN)) {
            throw RuleException.field("amount", "guarantee.bankLoanInvalid", Instrument.MAX_BANK_LOAN.amount());
        }
        Integer granted = allocation.getLine().getLine().getDurationMonths();
        int longest = Math.min(granted == null ? Instrument.GUARANTEE.maxDurationMonths() : granted,
                Instrument.GUARANTEE.maxDurationMonths());
        if (durationMonths < MIN_DURATION_MONTHS || durationMonths > longest) {
            throw RuleException.field("durationMonths", "guarantee.durationInvalid", MIN_DURATION_MONTHS, longest);
        }
        LoanTerms terms = new LoanTerms(annualRate, durationMonths, 0, RepaymentFrequency.MONTHLY, GraceInterest.PAID);
        if (startDate == null) {
            throw RuleException.field("startDate", "field.required");
        }
        LocalDate latest = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(MAX_START_AHEAD_DAYS);
        if (startDate.isAfter(latest)) {
            throw RuleException.field("startDate", "guarantee.startTooLate", latest);
        }
        if (commissionRate == null || commissionRate.signum() < 0 || commissionRate.compareTo(MAX_COMMISSION_RATE) > 0
                || commissionRate.stripTrailingZeros().scale() > 3) {
            throw RuleException.field("commissionRate", "guarantee.commissionRateInvalid", MAX_COMMISSION_RATE);
        }
        BigDecimal quota = allocation.getLine().getLine().getGuaranteedShare();
        Money guaranteed = share(amount, quota);
        Money available = allocation.active().minus(allocation.getCalled());
        if (guaranteed.isGreaterThan(available)) {
            throw RuleException.overLimit("guarantee.overAllocation", available.amount());
        }
        LoanSchedule schedule = LoanSchedule.compute(amount, terms, startDate.plusMonths(1));
        GuaranteedLoan g = new GuaranteedLoan();
        g.allocation = allocation;
        g.bankName = bank;
        g.amount = amount;
        g.annualRate = terms.annualRate().setScale(3, RoundingMode.UNNECESSARY);
        g.durationMonths = durationMonths;
        g.startDate = startDate;
        g.quota = quota.setScale(2, RoundingMode.UNNECESSARY);
        g.guaranteed = guaranteed;
        g.commissionRate = commissionRate.setScale(3, RoundingMode.UNNECESSARY);
        g.commission = Money.of(guaranteed.amount().multiply(commissionRate).movePointLeft(2)
                .setScale(2, RoundingMode.HALF_UP));
        g.recordedBy = Objects.requireNonNull(actor);
        g.recordedAt = Objects.requireNonNull(now);
        for (LoanSchedule.Line l : schedule.lines()) {
            g.lines.add(new GuaranteedLoanLine(l));
        }
        g.endDate = g.lines.get(g.lines.size() - 1).getDueDate();
        return g;
    }

    /**
     * {@code quota} percent of an amount, rounded half up to the cent: the same arithmetic as the
     * partners' exposure computed in SQL ({@code ROUND(quota * outstanding * 0.01, 2)}).
     */
    public static Money share(Money amount, BigDecimal quota) {
        return Money.of(amount.amount().multiply(quota).movePointLeft(2).setScale(2, RoundingMode.HALF_UP));
    }

    /**
     * The bank's outstanding capital at the end of {@code date}: nothing before the loan starts, then
     * the amount less the capital of every instalment due on or before that date (zero after the last).
     */
    public Money outstandingAt(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (date.isBefore(startDate)) {
            return Money.zero();
        }
        Money repaid = lines.stream().filter(l -> !l.getDueDate().isAfter(date)).map(GuaranteedLoanLine::getCapital)
                .reduce(Money.zero(), Money::plus);
        return amount.minus(repaid);
    }

    /** The guaranteed outstanding at {@code date}: the quota of the bank's outstanding capital. */
    public Money guaranteedAt(LocalDate date) {
        return share(outstandingAt(date), quota);
    }

    /** The commission charged on the guarantee, as a ledger movement on the start date; null when it is zero. */
    public LedgerMovement commissionMovement() {
        return commission.isPositive() ? new LedgerMovement(allocation, MovementKind.GUARANTEE_COMMISSION, commission,
                startDate, recordedBy, recordedAt) : null;
    }

    /**
     * The bank calls the guarantee after the borrower's default: at most the guaranteed outstanding at
     * the default date, and never more than what the allocation still commits. The default is dated
     * from the loan's start to today, before its end. One call per guarantee.
     */
    public GuaranteeCall call(LocalDate defaultDate, Money claimed, LocalDate today, String actor, Instant now) {
        requireRunning();
        if (defaultDate == null) {
            throw RuleException.field("defaultDate", "field.required");
        }
        if (defaultDate.isBefore(startDate) || defaultDate.isAfter(today) || !defaultDate.isBefore(endDate)) {
            throw RuleException.field("defaultDate", "guarantee.defaultDateInvalid", startDate,
                    today.isBefore(endDate) ? today : endDate.minusDays(1));
        }
        if (claimed == null || !claimed.isPositive()) {
            throw RuleException.field("amount", "amount.mustBePositive");
        }
        Money outstanding = outstandingAt(defaultDate);
        Money cap = min(share(outstanding, quota), allocation.active().minus(allocation.getCalled()));
        if (claimed.isGreaterThan(cap)) {
            throw RuleException.overLimit("guarantee.overCap", cap.amount());
        }
        status = GuaranteeStatus.CALLED;
        return new GuaranteeCall(this, defaultDate, outstanding, cap, claimed, actor, now);
    }

    /**
     * Checks that a call may be paid on {@code on} (not before the default, not later than tomorrow),
     * without paying it: what the four-eyes proposal checks before it is stored.
     */
    public void checkPayable(GuaranteeCall c, LocalDate on, Instant now) {
        requireOwn(c);
        if (c.getStatus() != GuaranteeCallStatus.CLAIMED) {
            throw RuleException.convention("guarantee.callPaid");
        }
        Objects.requireNonNull(on, "on");
        LocalDate latest = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
        if (on.isBefore(c.getDefaultDate()) || on.isAfter(latest)) {
            throw RuleException.field("date", "guarantee.payDateInvalid", c.getDefaultDate(), latest);
        }
    }

    /** Pays the bank what it claimed: the GUARANTEE_CALL movement of the allocation, and the call is PAID. */
    public LedgerMovement pay(GuaranteeCall c, LocalDate on, String actor, Instant now) {
        checkPayable(c, on, now);
        LedgerMovement m = allocation.callGuarantee(c.getClaimed(), on, actor, now);
        c.markPaid(on, actor);
        return m;
    }

    /**
     * Money recovered after a call was paid (from the borrower, a co-guarantor, a liquidation): up to
     * what was paid and not yet recovered, dated from the payment to tomorrow.
     */
    public GuaranteeRecovery recover(GuaranteeCall c, Money amount, LocalDate on, String actor, Instant now) {
        requireOwn(c);
        if (c.getStatus() != GuaranteeCallStatus.PAID) {
            throw RuleException.convention("guarantee.callNotPaid");
        }
        if (amount == null || !amount.isPositive()) {
            throw RuleException.field("amount", "amount.mustBePositive");
        }
        Objects.requireNonNull(on, "on");
        LocalDate latest = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
        if (on.isBefore(c.getPaidOn()) || on.isAfter(latest)) {
            throw RuleException.field("date", "guarantee.recoveryDateInvalid", c.getPaidOn(), latest);
        }
        Money left = c.getClaimed().minus(c.getRecovered());
        if (amount.isGreaterThan(left)) {
            throw RuleException.overLimit("guarantee.overRecovery", left.amount());
        }
        c.addRecovered(amount);
        return new GuaranteeRecovery(c, amount, on, actor, now);
    }

    /** The ledger movement of a recovery just recorded. */
    public LedgerMovement movementOf(GuaranteeRecovery r) {
        return new LedgerMovement(allocation, MovementKind.GUARANTEE_RECOVERY, r.getAmount(), r.getReceivedOn(),
                r.getRecordedBy(), r.getRecordedAt());
    }

    /**
     * Ends the guarantee: a running one once the bank loan has ended ({@code on} on or after its last
     * due date), a called one once its call is paid ({@code callPending} false). What the allocation
     * still commits beyond what was paid goes back to the fund (a RELEASE movement, returned; null
     * when nothing is left).
     */
    public LedgerMovement release(LocalDate on, boolean callPending, String actor, Instant now) {
        Objects.requireNonNull(on, "on");
        if (status == GuaranteeStatus.RELEASED) {
            throw RuleException.convention("guarantee.released");
        }
        if (status == GuaranteeStatus.RUNNING && on.isBefore(endDate)) {
            throw RuleException.convention("guarantee.releaseBeforeEnd", endDate);
        }
        if (callPending) {
            throw RuleException.convention("guarantee.callPending");
        }
        status = GuaranteeStatus.RELEASED;
        releasedOn = on;
        releasedBy = actor;
        Money unused = allocation.active().minus(allocation.getDisbursed()).minus(allocation.getCalled());
        return unused.isPositive() ? allocation.release(on, actor, now) : null;
    }

    private void requireRunning() {
        if (status != GuaranteeStatus.RUNNING) {
            throw RuleException.convention(status == GuaranteeStatus.CALLED ? "guarantee.alreadyCalled" : "guarantee.released");
        }
    }

    private void requireOwn(GuaranteeCall c) {
        if (c == null || c.getLoan() != this) {
            throw RuleException.convention("guarantee.callUnknown");
        }
    }

    private static Money min(Money a, Money b) {
        return a.isGreaterThan(b) ? b : a;
    }

    public Allocation getAllocation() {
        return allocation;
    }

    public String getBankName() {
        return bankName;
    }

    public Money getAmount() {
        return amount;
    }

    public BigDecimal getAnnualRate() {
        return annualRate;
    }

    public int getDurationMonths() {
        return durationMonths;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public BigDecimal getQuota() {
        return quota;
    }

    public Money getGuaranteed() {
        return guaranteed;
    }

    public BigDecimal getCommissionRate() {
        return commissionRate;
    }

    public Money getCommission() {
        return commission;
    }

    public GuaranteeStatus getStatus() {
        return status;
    }

    public LocalDate getReleasedOn() {
        return releasedOn;
    }

    public String getReleasedBy() {
        return releasedBy;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public List<GuaranteedLoanLine> getLines() {
        return Collections.unmodifiableList(lines);
    }
}
