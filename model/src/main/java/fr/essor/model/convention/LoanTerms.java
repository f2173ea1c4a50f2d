package fr.essor.model.convention;

import fr.essor.model.shared.RuleException;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The terms of one loan: fixed annual rate in percent (0 for an honour loan), duration in months
 * including the grace, grace months (capital deferred), the frequency and what the grace does with
 * interest. A pure value: {@link LoanProduct#offer} checks it against a product's limits.
 */
public record LoanTerms(BigDecimal annualRate, int durationMonths, int graceMonths, RepaymentFrequency frequency,
                        GraceInterest graceInterest) {

    /** The highest annual rate the arithmetic accepts, whatever a product says. */
    public static final BigDecimal MAX_RATE = new BigDecimal("20");
    public static final int MAX_DURATION_MONTHS = 360;

    public LoanTerms {
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(graceInterest, "graceInterest");
        if (annualRate == null || annualRate.signum() < 0 || annualRate.compareTo(MAX_RATE) > 0
                || annualRate.stripTrailingZeros().scale() > 3) {
            throw RuleException.field("annualRate", "loan.rateInvalid", MAX_RATE);
        }
        if (durationMonths < frequency.months() || durationMonths > MAX_DURATION_MONTHS
                || durationMonths % frequency.months() != 0) {
            throw RuleException.field("durationMonths", "loan.durationInvalid", frequency.months(), MAX_DURATION_MONTHS);
        }
        if (graceMonths < 0 || graceMonths >= durationMonths || graceMonths % frequency.months() != 0) {
            throw RuleException.field("graceMonths", "loan.graceInvalid", frequency.months(), durationMonths);
        }
    }

    /** An interest-free monthly loan without grace: what an honour loan was before products. */
    public static LoanTerms interestFree(int durationMonths) {
        return new LoanTerms(BigDecimal.ZERO, durationMonths, 0, RepaymentFrequency.MONTHLY, GraceInterest.PAID);
    }

    /** Number of instalments, grace included (a capitalised grace has no instalment of its own). */
    public int periods() {
        return durationMonths / frequency.months();
    }

    public int gracePeriods() {
        return graceMonths / frequency.months();
    }
}
