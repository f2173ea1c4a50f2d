package fr.essor.model.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.shared.Money;
import fr.essor.model.shared.RuleException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FollowUpTest {

    private static final LocalDate FUNDED = LocalDate.of(2023, 1, 20);
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private static FollowUp followUp() {
        return FollowUp.plan(7, 3, FUNDED, new BigDecimal("6.50"), NOW);
    }

    private static FollowUpAnswer active(String jobs, String turnover) {
        return new FollowUpAnswer(true, new BigDecimal(jobs), Money.of(turnover), "Recrutement difficile", null);
    }

    @Test
    void aFundedFileIsPlannedWithFourMilestonesNoneAnswered() {
        FollowUp f = followUp();
        assertEquals(4, f.getMilestones().size());
        assertTrue(f.getMilestones().stream().allMatch(m -> m.getStatus() == MilestoneStatus.PLANNED));
        assertEquals(LocalDate.of(2023, 7, 20), f.getMilestones().get(0).getDueDate());
        assertFalse(f.isClosed());
    }

    @Test
    void aDueMilestoneIsAnsweredAndTheLatestFiguresKept() {
        FollowUp f = followUp();
        LocalDate today = LocalDate.of(2023, 7, 25);
        FollowUpMilestone m = f.answer(1, active("4.5", "82000.00"), FollowUpChannel.ONLINE, "porteur@x.fr", today, NOW);
        assertEquals(MilestoneStatus.ANSWERED, m.getStatus());
        assertEquals(new BigDecimal("4.50"), m.getJobs());
        assertEquals(Money.of("82000.00"), f.getLatestTurnover());
        assertEquals(new BigDecimal("4.50"), f.getLatestJobs());
        assertEquals(today, f.getLastAnsweredOn());
        assertEquals(FollowUpChannel.ONLINE, m.getChannel());
    }

    @Test
    void aMilestoneNotDueYetOrAlreadyAnsweredIsRefused() {
        FollowUp f = followUp();
        RuleException early = assertThrows(RuleException.class,
                () -> f.answer(2, active("3", "10.00"), FollowUpChannel.CALL, "a@x.fr", LocalDate.of(2023, 8, 1), NOW));
        assertEquals("followup.notDue", early.key());
        assertEquals(FollowUpRuleException.CODE, early.code());
        f.answer(1, active("3", "10.00"), FollowUpChannel.CALL, "a@x.fr", LocalDate.of(2023, 8, 1), NOW);
        RuleException again = assertThrows(RuleException.class,
                () -> f.answer(1, active("3", "10.00"), FollowUpChannel.CALL, "a@x.fr", LocalDate.of(2023, 8, 1), NOW));
        assertEquals("followup.alreadyAnswered", again.key());
    }

    @Test
    void negativeOrMissingFiguresAreRefusedOnTheirFieldAndNothingChanges() {
        FollowUp f = followUp();
        LocalDate today = LocalDate.of(2023, 8, 1);
        RuleException jobs = assertThrows(RuleException.class,
                () -> f.answer(1, active("-1", "10.00"), FollowUpChannel.ONLINE, "a@x.fr", today, NOW));
        assertEquals("jobs", jobs.field());
        RuleException turnover = assertThrows(RuleException.class,
                () -> f.answer(1, active("1", "-0.01"), FollowUpChannel.ONLINE, "a@x.fr", today, NOW));
        assertEquals("turnover", turnover.field());
        RuleException missing = assertThrows(RuleException.class, () -> f.answer(1,
                new FollowUpAnswer(null, BigDecimal.ONE, Money.of("1.00"), null, null), FollowUpChannel.ONLINE, "a@x.fr", today, NOW));
        assertEquals("stillActive", missing.field());
        RuleException tooPrecise = assertThrows(RuleException.class,
                () -> f.answer(1, active("1.005", "1.00"), FollowUpChannel.ONLINE, "a@x.fr", today, NOW));
        assertEquals("jobs", tooPrecise.field());
        assertEquals(MilestoneStatus.PLANNED, f.getMilestones().get(0).getStatus());
        assertNull(f.getLatestJobs());
    }

    @Test
    void anInactiveAnswerClosesTheEnterpriseAndCancelsWhatIsLeft() {
        FollowUp f = followUp();
        LocalDate today = LocalDate.of(2024, 2, 1);
        RuleException noDate = assertThrows(RuleException.class, () -> f.answer(2,
                new FollowUpAnswer(false, null, null, "Liquidation", null), FollowUpChannel.VISIT, "c@x.fr", today, NOW));
        assertEquals("closedOn", noDate.field());
        f.answer(2, new FollowUpAnswer(false, null, null, "Liquidation", LocalDate.of(2023, 12, 31)), FollowUpChannel.VISIT,
                "c@x.fr", today, NOW);
        assertTrue(f.isClosed());
        assertEquals(11, f.getClosedAfterMonths());
        assertEquals(BigDecimal.ZERO.setScale(2), f.getLatestJobs());
        assertEquals(MilestoneStatus.CANCELLED, f.getMilestones().get(0).getStatus(), "an earlier one left unanswered is not asked any more");
        assertEquals(MilestoneStatus.ANSWERED, f.getMilestones().get(1).getStatus());
        assertEquals(MilestoneStatus.CANCELLED, f.getMilestones().get(2).getStatus());
        assertEquals(MilestoneStatus.CANCELLED, f.getMilestones().get(3).getStatus());
        assertFalse(f.survived(1, LocalDate.of(2026, 1, 21)));
        RuleException after = assertThrows(RuleException.class, () -> f.answer(3, active("1", "1.00"), FollowUpChannel.CALL,
                "c@x.fr", LocalDate.of(2025, 2, 1), NOW));
        assertEquals("followup.alreadyClosed", after.key(), "a closed enterprise is not asked any more");
    }

    @Test
    void theAdvisorRecordsAClosureOnceNeverInTheFutureNorBeforeTheFunding() {
        FollowUp f = followUp();
        LocalDate today = LocalDate.of(2025, 6, 1);
        RuleException future = assertThrows(RuleException.class, () -> f.close(today.plusDays(1), null, "c@x.fr", today));
        assertEquals("closedOn", future.field());
        RuleException before = assertThrows(RuleException.class, () -> f.close(FUNDED.minusDays(1), null, "c@x.fr", today));
        assertEquals("closedOn", before.field());
        f.close(LocalDate.of(2025, 3, 1), "Cessation d'activité", "c@x.fr", today);
        assertEquals(25, f.getClosedAfterMonths());
        assertTrue(f.survived(2, today));
        assertFalse(f.survived(3, today.plusYears(1)));
        assertNull(f.survived(3, today), "funded less than three years ago: not counted yet");
        RuleException twice = assertThrows(RuleException.class, () -> f.close(LocalDate.of(2025, 4, 1), null, "c@x.fr", today));
        assertEquals("followup.alreadyClosed", twice.key());
        assertTrue(f.getMilestones().stream().allMatch(m -> m.getStatus() == MilestoneStatus.CANCELLED));
    }
}
