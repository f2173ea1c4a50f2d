package fr.essor.model.arrears;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The delinquency buckets: their bounds day by day, the days past due, and the SQL that classifies as they do. */
class ArrearsBucketTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 6);

    @Test
    void eachBoundaryDayFallsInTheBucketItNames() {
        assertEquals(ArrearsBucket.CURRENT, ArrearsBucket.of(0));
        assertEquals(ArrearsBucket.DAYS_1_30, ArrearsBucket.of(1));
        assertEquals(ArrearsBucket.DAYS_1_30, ArrearsBucket.of(30));
        assertEquals(ArrearsBucket.DAYS_31_90, ArrearsBucket.of(31));
        assertEquals(ArrearsBucket.DAYS_31_90, ArrearsBucket.of(90));
        assertEquals(ArrearsBucket.DAYS_91_180, ArrearsBucket.of(91));
        assertEquals(ArrearsBucket.DAYS_91_180, ArrearsBucket.of(180));
        assertEquals(ArrearsBucket.OVER_180, ArrearsBucket.of(181));
        assertEquals(ArrearsBucket.OVER_180, ArrearsBucket.of(10_000));
        assertThrows(IllegalArgumentException.class, () -> ArrearsBucket.of(-1));
    }

    @Test
    void theBucketsCoverEveryDayOnceAndInOrder() {
        int next = 0;
        for (ArrearsBucket b : ArrearsBucket.values()) {
            assertEquals(next, b.from(), b + " starts the day after the previous one ends");
            assertTrue(b.to() >= b.from());
            next = b.to() == Integer.MAX_VALUE ? -1 : b.to() + 1;
        }
        assertEquals(-1, next, "the last bucket is open-ended");
        assertFalse(ArrearsBucket.CURRENT.inArrears());
        assertTrue(ArrearsBucket.DAYS_1_30.inArrears());
    }

    @Test
    void daysPastDueCountFromTheOldestUnpaidDueDateAndAnInstalmentDueTodayIsNotLate() {
        assertEquals(0, ArrearsBucket.daysPastDue(null, AS_OF), "nothing unpaid");
        assertEquals(0, ArrearsBucket.daysPastDue(AS_OF, AS_OF), "due today: not late yet");
        assertEquals(0, ArrearsBucket.daysPastDue(AS_OF.plusDays(3), AS_OF), "due later");
        assertEquals(1, ArrearsBucket.daysPastDue(AS_OF.minusDays(1), AS_OF));
        // across a month end and a leap day: calendar days, not months
        assertEquals(31, ArrearsBucket.daysPastDue(LocalDate.of(2028, 2, 5), LocalDate.of(2028, 3, 7)));
        assertEquals(ArrearsBucket.DAYS_31_90, ArrearsBucket.on(LocalDate.of(2028, 2, 5), LocalDate.of(2028, 3, 7)));
        assertEquals(ArrearsBucket.DAYS_1_30, ArrearsBucket.on(LocalDate.of(2028, 2, 5), LocalDate.of(2028, 3, 6)));
        assertEquals(ArrearsBucket.OVER_180, ArrearsBucket.on(AS_OF.minusDays(181), AS_OF));
        assertEquals(ArrearsBucket.DAYS_91_180, ArrearsBucket.on(AS_OF.minusDays(180), AS_OF));
    }

    @Test
    void theSqlCaseUsesTheSameBounds() {
        assertEquals("CASE WHEN d <= 0 THEN 'CURRENT' WHEN d <= 30 THEN 'DAYS_1_30' WHEN d <= 90 THEN 'DAYS_31_90'"
                + " WHEN d <= 180 THEN 'DAYS_91_180' ELSE 'OVER_180' END", ArrearsBucket.sqlCase("d"));
    }
}
