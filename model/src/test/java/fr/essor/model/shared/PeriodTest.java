package fr.essor.model.shared;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Assertions;

import org.junit.jupiter.api.Test;

class PeriodTest {

    private final Period year2021 = new Period(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31));

    @Test
    void containsBothEnds() {
        assertTrue(year2021.contains(LocalDate.of(2021, 1, 1)));
        assertTrue(year2021.contains(LocalDate.of(2021, 12, 31)));
        assertTrue(year2021.contains(LocalDate.of(2021, 6, 15)));
    }

    @Test
    void doesNotContainDaysOutside() {
        assertFalse(year2021.contains(LocalDate.of(2020, 12, 31)));
        assertFalse(year2021.contains(LocalDate.of(2022, 1, 1)));
    }

    @Test
    void endBeforeStartIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new Period(LocalDate.of(2021, 2, 1), LocalDate.of(2021, 1, 31)));
    }

    @Test
    void oneDayPeriodIsAllowed() {
        LocalDate day = LocalDate.of(2021, 2, 1);
        assertTrue(new Period(day, day).contains(day));
    }

    @Test
    void ofYearIsTheCalendarYear() {
        Assertions.assertEquals(year2021, Period.ofYear(2021));
    }

    @Test
    void nullEndsAreRejected() {
        assertThrows(NullPointerException.class, () -> new Period(null, LocalDate.of(2021, 1, 1)));
        assertThrows(NullPointerException.class, () -> new Period(LocalDate.of(2021, 1, 1), null));
    }
}
