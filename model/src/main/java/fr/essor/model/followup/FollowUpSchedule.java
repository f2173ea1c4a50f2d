package fr.essor.model.followup;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rule of the follow-up of a funded enterprise: milestones 6 months after its first disbursement,
 * then 1, 2 and 3 years after it (a date past the end of a shorter month falls on its last day); a
 * milestone is due from its date on and overdue {@value #OVERDUE_AFTER_DAYS} days later. Survival at N
 * years counts the enterprises funded at least N years ago that had not closed within N years.
 */
public final class FollowUpSchedule {

    /** Months after the funding of each milestone, in order. */
    public static final List<Integer> MONTHS = List.of(6, 12, 24, 36);
    /** Days after its date a milestone still unanswered is overdue. */
    public static final int OVERDUE_AFTER_DAYS = 30;
    /** The longest follow-up, in years: survival is measured at 1, 2 and 3 years. */
    public static final int YEARS = 3;

    private FollowUpSchedule() {
    }

    /** One milestone of the rule: its number from 1, its months after the funding, its due date. */
    public record Step(int seq, int monthsAfter, LocalDate dueDate) {
    }

    /** The milestones of an enterprise funded on that day. */
    public static List<Step> of(LocalDate fundedOn) {
        Objects.requireNonNull(fundedOn, "fundedOn");
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < MONTHS.size(); i++) {
            steps.add(new Step(i + 1, MONTHS.get(i), fundedOn.plusMonths(MONTHS.get(i))));
        }
        return List.copyOf(steps);
    }

    /** Due: its date is reached. */
    public static boolean isDue(LocalDate dueDate, LocalDate today) {
        return !today.isBefore(dueDate);
    }

    /** Overdue: more than {@value #OVERDUE_AFTER_DAYS} days past its date. */
    public static boolean isOverdue(LocalDate dueDate, LocalDate today) {
        return today.isAfter(dueDate.plusDays(OVERDUE_AFTER_DAYS));
    }

    /** Whole months from the funding to the closure (the closure on the day 12 months later counts 12). */
    public static int monthsBetween(LocalDate fundedOn, LocalDate closedOn) {
        return (int) ChronoUnit.MONTHS.between(fundedOn, closedOn);
    }

    /** The last funding day of the cohort measured at {@code years}: funded on or before it, the enterprise is N years old. */
    public static LocalDate cohortEnd(LocalDate today, int years) {
        return today.minusYears(years);
    }

    /** Whether an enterprise closed after that many months (null: still active) survived {@code years} years. */
    public static boolean survived(Integer closedAfterMonths, int years) {
        return closedAfterMonths == null || closedAfterMonths >= 12 * years;
    }
}
