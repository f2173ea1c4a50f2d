package fr.essor.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The arrears demo is dated from the day it is loaded: on 7 December 2026 its oldest loan was
 * allocated in the year before its fund's period and the demo failed to load. Every day of four
 * years, including two leap days, must give allocations inside the fund's period, after the decision.
 */
class ArrearsDemoDatesTest {

    @Test
    void everyLoanIsAllocatedInsideTheFundsPeriodAfterTheDecisionWhateverTheDayTheDemoIsLoaded() {
        for (LocalDate today = LocalDate.of(2026, 1, 1); today.isBefore(LocalDate.of(2030, 1, 1)); today = today.plusDays(1)) {
            LocalDate decided = ArrearsDemo.decidedOn(today);
            LocalDate periodStart = LocalDate.of(decided.getYear(), 1, 1);
            LocalDate periodEnd = LocalDate.of(today.getYear(), 12, 31);
            for (int[] loan : ArrearsDemo.loans()) {
                LocalDate allocated = ArrearsDemo.allocatedOn(today, loan);
                String when = "loaded on " + today + ", loan " + loan[0] + " days late allocated on " + allocated;
                assertTrue(decided.isBefore(allocated), when + " before the decision of " + decided);
                assertFalse(allocated.isBefore(periodStart), when + " before the period start " + periodStart);
                assertFalse(allocated.isAfter(periodEnd), when + " after the period end " + periodEnd);
                assertTrue(ArrearsDemo.firstDueOn(today, loan).isBefore(today), when + ": its first instalment is not yet due");
            }
        }
    }
}
