package fr.essor.model.shared;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of euros with exactly two decimals, as stored in {@code DECIMAL(15,2)}.
 * Negative amounts exist (a ledger may need them); callers that need a positive amount check it.
 */
public final class Money implements Comparable<Money>, Serializable {

    private static final long serialVersionUID = 1L;

    public static final int PRECISION = 15;
    public static final int SCALE = 2;
    public static final int MAX_INTEGER_DIGITS = PRECISION - SCALE;
    public static final Currency EUR = Currency.getInstance("EUR");

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Money ZERO = new Money(BigDecimal.ZERO.setScale(SCALE));

    private final BigDecimal amount;

    private Money(BigDecimal amount) {
        this.amount = amount;
    }

    /** The amount, which must have no more than two significant decimals and at most 13 integer digits. */
    public static Money of(BigDecimal amount) {
        if (amount == null) {
            throw new IllegalArgumentException("An amount of money is required (null given)");
        }
        BigDecimal scaled;
        try {
            scaled = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "Amount " + amount.toPlainString() + " has more than two decimals", e);
        }
        if (scaled.precision() - scaled.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException(
                    "Amount " + scaled.toPlainString() + " has more than " + MAX_INTEGER_DIGITS + " integer digits");
        }
        return new Money(scaled);
    }

    /** Parses a plain decimal with a dot ("1500", "1500.5", "1500.00", "-12.30"). */
    public static Money of(String amount) {
        if (amount == null) {
            throw new IllegalArgumentException("An amount of money is required (null given)");
        }
        if (!PLAIN_DECIMAL.matcher(amount).matches()) {
            throw new IllegalArgumentException("Not a plain decimal amount: \"" + amount + "\"");
        }
        return of(new BigDecimal(amount));
    }

    public static Money zero() {
        return ZERO;
    }

    public BigDecimal amount() {
        return amount;
    }

    public Money plus(Money other) {
        return of(amount.add(Objects.requireNonNull(other, "other").amount));
    }

    public Money minus(Money other) {
        return of(amount.subtract(Objects.requireNonNull(other, "other").amount));
    }

    /** This amount times a ratio (a share, a rate), rounded half-even to the cent. */
    public Money times(BigDecimal ratio) {
        Objects.requireNonNull(ratio, "ratio");
        return of(amount.multiply(ratio).setScale(SCALE, RoundingMode.HALF_EVEN));
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    /** The amount as the locale writes it, with the euro sign: "1 500,00 €" (fr), "€1,500.00" (en). */
    public String format(Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Objects.requireNonNull(locale, "locale"));
        format.setCurrency(EUR);
        format.setMinimumFractionDigits(SCALE);
        format.setMaximumFractionDigits(SCALE);
        return format.format(amount);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Money other && amount.equals(other.amount);
    }

    @Override
    public int hashCode() {
        return amount.hashCode();
    }

    /** Plain decimal with two decimals, "1500.00": the form of the REST API and of the database. */
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
