package fr.essor.model.shared;

import java.time.LocalDate;
import java.util.Objects;

/** A span of days, both ends included. */
public record Period(LocalDate start, LocalDate end) {

    public Period {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("A period cannot end (" + end + ") before it starts (" + start + ")");
        }
    }

    public boolean contains(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /** The calendar year, from 1 January to 31 December. */
    public static Period ofYear(int year) {
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }
}
