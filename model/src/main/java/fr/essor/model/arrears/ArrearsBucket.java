package fr.essor.model.arrears;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Delinquency buckets of a loan by days past due (issue 14, item 3): current, then 1–30, 31–90,
 * 91–180 and over 180 days. A loan is as late as its oldest instalment that is due and not fully
 * paid: the days past due are counted from that instalment's due date to the day of the count, so
 * an instalment due today is not late yet.
 */
public enum ArrearsBucket {
    CURRENT(0, 0),
    DAYS_1_30(1, 30),
    DAYS_31_90(31, 90),
    DAYS_91_180(91, 180),
    OVER_180(181, Integer.MAX_VALUE);

    private final int from;
    private final int to;

    ArrearsBucket(int from, int to) {
        this.from = from;
        this.to = to;
    }

    /** The bucket of a loan that many days past due; refused below 0. */
    public static ArrearsBucket of(long daysPastDue) {
        if (daysPastDue < 0) {
            throw new IllegalArgumentException("Days past due cannot be negative: " + daysPastDue);
        }
        for (ArrearsBucket b : values()) {
            if (daysPastDue >= b.from && daysPastDue <= b.to) {
                return b;
            }
        }
        throw new IllegalStateException("No bucket for " + daysPastDue);
    }

    /**
     * Days past due on {@code asOf} of a loan whose oldest unpaid instalment fell due on
     * {@code oldestUnpaidDue} (null: nothing unpaid); 0 when that date is today or later.
     */
    public static long daysPastDue(LocalDate oldestUnpaidDue, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        if (oldestUnpaidDue == null || !oldestUnpaidDue.isBefore(asOf)) {
            return 0;
        }
        return ChronoUnit.DAYS.between(oldestUnpaidDue, asOf);
    }

    /** The bucket on {@code asOf} of a loan whose oldest unpaid instalment fell due on that date. */
    public static ArrearsBucket on(LocalDate oldestUnpaidDue, LocalDate asOf) {
        return of(daysPastDue(oldestUnpaidDue, asOf));
    }

    /**
     * The SQL {@code CASE} that classifies an integer expression of days past due as these buckets
     * do (their names as values): the nightly run classifies in the database with the same bounds.
     */
    public static String sqlCase(String daysExpression) {
        StringBuilder sql = new StringBuilder("CASE");
        for (ArrearsBucket b : values()) {
            if (b.to == Integer.MAX_VALUE) {
                sql.append(" ELSE '").append(b.name()).append('\'');
            } else {
                sql.append(" WHEN ").append(daysExpression).append(" <= ").append(b.to).append(" THEN '").append(b.name())
                        .append('\'');
            }
        }
        return sql.append(" END").toString();
    }

    /** Whether a loan in this bucket is in arrears (anything but current). */
    public boolean inArrears() {
        return this != CURRENT;
    }

    /** The first day past due of this bucket. */
    public int from() {
        return from;
    }

    /** The last day past due of this bucket ({@link Integer#MAX_VALUE} for the last one). */
    public int to() {
        return to;
    }
}
