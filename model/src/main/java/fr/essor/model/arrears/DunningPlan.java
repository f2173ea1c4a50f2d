package fr.essor.model.arrears;

import fr.essor.model.shared.RuleException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When an association reminds an entrepreneur of a late loan: at 1 to {@value #MAX_LEVELS} levels,
 * each a number of days past due, strictly increasing (e.g. 15, 45, 90). A loan reaches the highest
 * level whose days it has passed; each level is mailed once per loan.
 */
public final class DunningPlan {

    public static final int MAX_LEVELS = 5;
    public static final int MAX_DAYS = 3650;
    /** The plan of an association that has not set one. */
    public static final DunningPlan DEFAULT = new DunningPlan(List.of(15, 45, 90));
    /** The stored form's longest length (five levels of four digits and commas). */
    public static final int STORED_MAX = 60;

    private final List<Integer> days;

    private DunningPlan(List<Integer> days) {
        this.days = List.copyOf(days);
    }

    /** A plan from its days; refused (field {@code days}) unless 1 to 5 levels, each 1 to 3650, strictly increasing. */
    public static DunningPlan of(List<Integer> days) {
        if (days == null || days.isEmpty() || days.size() > MAX_LEVELS) {
            throw RuleException.field("days", "dunning.levels", MAX_LEVELS);
        }
        int previous = 0;
        for (Integer d : days) {
            if (d == null || d < 1 || d > MAX_DAYS) {
                throw RuleException.field("days", "dunning.dayRange", MAX_DAYS);
            }
            if (d <= previous) {
                throw RuleException.field("days", "dunning.increasing");
            }
            previous = d;
        }
        return new DunningPlan(days);
    }

    /** A plan from its stored or typed form, "15,45,90" (spaces allowed); refused as {@link #of} does, or when not numbers. */
    public static DunningPlan parse(String text) {
        if (text == null || text.isBlank() || text.length() > STORED_MAX) {
            throw RuleException.field("days", "dunning.levels", MAX_LEVELS);
        }
        List<Integer> days = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String p = part.strip();
            if (!p.matches("\\d{1,4}")) {
                throw RuleException.field("days", "dunning.dayRange", MAX_DAYS);
            }
            days.add(Integer.valueOf(p));
        }
        return of(days);
    }

    /** The level a loan that many days past due has reached: 0 for none, else 1 to {@link #levels()}. */
    public int levelFor(long daysPastDue) {
        int level = 0;
        for (int i = 0; i < days.size(); i++) {
            if (daysPastDue >= days.get(i)) {
                level = i + 1;
            }
        }
        return level;
    }

    /** The days past due at which level {@code level} (from 1) is reached. */
    public int daysOf(int level) {
        return days.get(level - 1);
    }

    public int levels() {
        return days.size();
    }

    public List<Integer> days() {
        return days;
    }

    /** "15,45,90". */
    public String stored() {
        StringBuilder s = new StringBuilder();
        for (Integer d : days) {
            s.append(s.length() == 0 ? "" : ",").append(d);
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DunningPlan p && p.days.equals(days);
    }

    @Override
    public int hashCode() {
        return Objects.hash(days);
    }

    @Override
    public String toString() {
        return stored();
    }
}
