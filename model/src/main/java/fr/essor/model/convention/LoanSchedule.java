package fr.essor.model.convention;

import fr.essor.model.shared.Money;
import fr.essor.model.shared.RuleException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A loan's repayment schedule, computed exactly: a pure function of the principal, the terms and the
 * first due date (docs/LOANS.md shows the arithmetic with worked examples).
 *
 * <ul>
 * <li>Periodic rate {@code r = annual rate / 100 / periods per year} (no rounding).</li>
 * <li>Grace (capital deferred): with interest PAID, each grace period is an instalment of interest
 * only, {@code round(balance × r)}; with interest CAPITALISED, that interest is added to the balance
 * and no instalment falls due.</li>
 * <li>After the grace, {@code N} instalments on the declining balance {@code B}: the instalment
 * {@code A = B·r / (1 − (1 + r)^−N)} (or {@code B / N} at 0 %) rounded down to the cent; each line's
 * interest is {@code round(balance × r)} (half up), its capital {@code A − interest} (never below
 * zero nor above the balance); the last line's capital is the whole remaining balance, so the
 * cents left by rounding go on the last instalment.</li>
 * </ul>
 * The capital of the lines sums exactly to the principal plus the capitalised interest, and the
 * schedule sums to that capital plus the interest of the lines.
 */
public final class LoanSchedule {

    private static final MathContext MC = new MathContext(34);

    /** One instalment of a schedule: what falls due, split, and the capital remaining after it. */
    public record Line(int number, LocalDate dueDate, Money capital, Money interest, Money total, Money remaining) {
    }

    private final Money principal;
    private final Money capitalisedInterest;
    private final List<Line> lines;

    private LoanSchedule(Money principal, Money capitalisedInterest, List<Line> lines) {
        this.principal = principal;
        this.capitalisedInterest = capitalisedInterest;
        this.lines = List.copyOf(lines);
    }

    /** The schedule of a new loan, its lines numbered from 1. */
    public static LoanSchedule compute(Money principal, LoanTerms terms, LocalDate firstDue) {
        return compute(principal, terms, firstDue, 1, Money.zero());
    }

    /**
     * The schedule of {@code principal} whose lines are numbered from {@code firstNumber};
     * {@code carriedInterest} (interest fallen due and unpaid before a rescheduling) is added to the
     * interest of the first line.
     */
    public static LoanSchedule compute(Money principal, LoanTerms terms, LocalDate firstDue, int firstNumber,
                                       Money carriedInterest) {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(firstDue, "firstDue");
        if (principal == null || !principal.isPositive()) {
            throw RuleException.field("principal", "amount.mustBePositive");
        }
        // a cent of capital per line at the very least: below one euro per instalment, refused
        if (principal.isLessThan(Money.of(BigDecimal.valueOf(terms.periods())))) {
            throw RuleException.field("principal", "loan.principalTooSmall", terms.periods());
        }
        BigDecimal r = terms.annualRate().divide(BigDecimal.valueOf(100L * terms.frequency().perYear()), MC);
        int step = terms.frequency().months();
        List<Line> lines = new ArrayList<>();
        BigDecimal balance = principal.amount();
        BigDecimal capitalised = BigDecimal.ZERO;
        BigDecimal carried = carriedInterest == null ? BigDecimal.ZERO : carriedInterest.amount();
        int number = firstNumber;
        int period = 0;
        for (; period < terms.gracePeriods(); period++) {
            BigDecimal interest = cents(balance.multiply(r, MC));
            if (terms.graceInterest() == GraceInterest.CAPITALISED) {
                balance = balance.add(interest);
                capitalised = capitalised.add(interest);
            } else if (interest.add(carried).signum() > 0) {
                // a grace line that owes nothing (0 %) is no instalment
                interest = interest.add(carried);
                carried = BigDecimal.ZERO;
                lines.add(line(number++, firstDue.plusMonths((long) period * step), BigDecimal.ZERO, interest, balance));
            }
        }
        int n = terms.periods() - terms.gracePeriods();
        BigDecimal annuity = r.signum() == 0 ? balance.divide(BigDecimal.valueOf(n), 2, RoundingMode.DOWN)
                : annuity(balance, r, n);
        for (int k = 1; k <= n; k++, period++) {
            BigDecimal interest = cents(balance.multiply(r, MC));
            BigDecimal capital = k == n ? balance : annuity.subtract(interest).max(BigDecimal.ZERO).min(balance);
            balance = balance.subtract(capital);
            interest = interest.add(carried);
            carried = BigDecimal.ZERO;
            lines.add(line(number++, firstDue.plusMonths((long) period * step), capital, interest, balance));
        }
        return new LoanSchedule(principal, Money.of(capitalised), lines);
    }

    private static BigDecimal annuity(BigDecimal balance, BigDecimal r, int n) {
        BigDecimal q = BigDecimal.ONE.add(r).pow(n, MC);
        return balance.multiply(r, MC).multiply(q, MC).divide(q.subtract(BigDecimal.ONE), MC)
                .setScale(2, RoundingMode.DOWN);
    }

    private static BigDecimal cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static Line line(int number, LocalDate due, BigDecimal capital, BigDecimal interest, BigDecimal remaining) {
        return new Line(number, due, Money.of(capital), Money.of(interest), Money.of(capital.add(interest)),
                Money.of(remaining));
    }

    public Money principal() {
        return principal;
    }

    /** Interest of the grace added to the capital (zero unless the grace capitalises). */
    public Money capitalisedInterest() {
        return capitalisedInterest;
    }

    public List<Line> lines() {
        return lines;
    }

    public Money totalCapital() {
        return lines.stream().map(Line::capital).reduce(Money.zero(), Money::plus);
    }

    /** Interest of the lines (capitalised interest is repaid as capital). */
    public Money totalInterest() {
        return lines.stream().map(Line::interest).reduce(Money.zero(), Money::plus);
    }

    public Money total() {
        return lines.stream().map(Line::total).reduce(Money.zero(), Money::plus);
    }
}
