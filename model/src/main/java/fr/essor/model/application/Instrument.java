package fr.essor.model.application;

import fr.essor.model.shared.Money;
import java.math.BigDecimal;

/**
 * The financial instruments of the network and their limits. A line of a request or of a decision
 * is checked against them: amount, duration (loans and guarantees) and guaranteed share.
 */
public enum Instrument {
    /** Non-repayable grant. */
    GRANT("50000.00", false, 0, 0, false),
    /** Interest-free personal loan to the founder, repaid monthly. */
    HONOUR_LOAN("30000.00", true, 12, 84, false),
    /** Share of a bank loan guaranteed by the network's funds. */
    GUARANTEE("200000.00", true, 12, 120, true),
    /** Associative contribution or participative loan. */
    QUASI_EQUITY("300000.00", true, 12, 120, false),
    /** Equity stake. */
    EQUITY("500000.00", false, 0, 0, false);

    /** A guarantee covers between 5 % and 80 % of the bank loan. */
    public static final BigDecimal MIN_GUARANTEED_SHARE = new BigDecimal("5");
    public static final BigDecimal MAX_GUARANTEED_SHARE = new BigDecimal("80");
    /** Largest bank loan a guarantee may cover. */
    public static final Money MAX_BANK_LOAN = Money.of("2000000.00");

    private final Money maxAmount;
    private final boolean hasDuration;
    private final int minDurationMonths;
    private final int maxDurationMonths;
    private final boolean guarantee;

    Instrument(String maxAmount, boolean hasDuration, int minDurationMonths, int maxDurationMonths, boolean guarantee) {
        this.maxAmount = Money.of(maxAmount);
        this.hasDuration = hasDuration;
        this.minDurationMonths = minDurationMonths;
        this.maxDurationMonths = maxDurationMonths;
        this.guarantee = guarantee;
    }

    /** Largest amount of one line (for a guarantee: the guaranteed amount). */
    public Money maxAmount() {
        return maxAmount;
    }

    public boolean hasDuration() {
        return hasDuration;
    }

    public int minDurationMonths() {
        return minDurationMonths;
    }

    public int maxDurationMonths() {
        return maxDurationMonths;
    }

    public boolean isGuarantee() {
        return guarantee;
    }

    /** Loans are repaid: honour loans and quasi-equity. */
    public boolean isRepaid() {
        return this == HONOUR_LOAN || this == QUASI_EQUITY;
    }
}
