package fr.essor.model.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpScheduleTest {

    @Test
    void milestonesFallAtSixMonthsThenEachYearUpToThreeYears() {
        List<FollowUpSchedule.Step> steps = FollowUpSchedule.of(LocalDate.of(2024, 3, 15));
        assertEquals(List.of(
                new FollowUpSchedule.Step(1, 6, LocalDate.of(2024, 9, 15)),
                new FollowUpSchedule.Step(2, 12, LocalDate.of(2025, 3, 15)),
                new FollowUpSchedule.Step(3, 24, LocalDate.of(2026, 3, 15)),
                new FollowUpSchedule.Step(4, 36, LocalDate.of(2027, 3, 15))), steps);
    }

    @Test
    void aDayPastTheEndOfAShorterMonthFallsOnItsLastDay() {
        List<FollowUpSchedule.Step> steps = FollowUpSchedule.of(LocalDate.of(2023, 8, 31));
        assertEquals(LocalDate.of(2024, 2, 29), steps.get(0).dueDate(), "leap year February");
        List<FollowUpSchedule.Step> leap = FollowUpSchedule.of(LocalDate.of(2024, 2, 29));
        assertEquals(LocalDate.of(2025, 2, 28), leap.get(1).dueDate());
        assertEquals(LocalDate.of(2027, 2, 28), leap.get(3).dueDate());
    }

    @Test
    void aMilestoneIsDueOnItsDateAndOverdueThirtyDaysLater() {
        LocalDate due = LocalDate.of(2025, 6, 1);
        assertFalse(FollowUpSchedule.isDue(due, due.minusDays(1)));
        assertTrue(FollowUpSchedule.isDue(due, due));
        assertFalse(FollowUpSchedule.isOverdue(due, due.plusDays(30)));
        assertTrue(FollowUpSchedule.isOverdue(due, due.plusDays(31)));
    }

    @Test
    void survivalCountsWholeMonthsUntilTheClosure() {
        LocalDate funded = LocalDate.of(2022, 5, 10);
        assertEquals(11, FollowUpSchedule.monthsBetween(funded, LocalDate.of(2023, 5, 9)));
        assertEquals(12, FollowUpSchedule.monthsBetween(funded, LocalDate.of(2023, 5, 10)));
        assertFalse(FollowUpSchedule.survived(11, 1), "closed a day before its first year");
        assertTrue(FollowUpSchedule.survived(12, 1), "closed on its first anniversary: it lived a year");
        assertFalse(FollowUpSchedule.survived(35, 3));
        assertTrue(FollowUpSchedule.survived(null, 3), "still active");
        assertEquals(LocalDate.of(2023, 6, 1), FollowUpSchedule.cohortEnd(LocalDate.of(2026, 6, 1), 3));
    }
}
