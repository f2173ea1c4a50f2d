package fr.essor.model.committee;

import static fr.essor.model.Fixtures.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.Fixtures;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DecisionConditionTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final LocalDate DECIDED = LocalDate.of(2026, 10, 1);
    private final Decision decision = approval();

    private static Decision approval() {
        return Fixtures.honourLoanAndGrant(Fixtures.cvl(), DECIDED);
    }

    private DecisionCondition condition(GrantedLine line) {
        return new DecisionCondition(decision, line, ConditionKind.DOCUMENT, "Kbis de moins de trois mois", null,
                DECIDED.plusDays(30), "comite@demo.essor", NOW);
    }

    @Test
    void aConditionStartsOpenLiftedByAnAdvisorAndBlocksItsLineOnly() {
        GrantedLine loan = decision.getGranted().get(0);
        GrantedLine grant = decision.getGranted().get(1);
        DecisionCondition c = condition(loan);
        assertEquals(ConditionStatus.OPEN, c.getStatus());
        assertEquals(ConditionLifter.ADVISOR, c.getLifter());
        assertTrue(c.blocks(loan));
        assertFalse(c.blocks(grant));
        DecisionCondition whole = condition(null);
        assertTrue(whole.blocks(loan));
        assertTrue(whole.blocks(grant));
    }

    @Test
    void providedThenRefusedThenProvidedAgainThenLiftedStopsBlocking() {
        GrantedLine loan = decision.getGranted().get(0);
        DecisionCondition c = condition(loan);
        c.provide(11L);
        assertEquals(ConditionStatus.PROVIDED, c.getStatus());
        rule("condition.commentRequired", () -> c.refuse(" ", "a@demo.essor", NOW));
        c.refuse("Illisible", "a@demo.essor", NOW);
        assertEquals(ConditionStatus.REFUSED, c.getStatus());
        assertTrue(c.blocks(loan));
        rule("condition.notOpen", () -> c.lift(null, "a@demo.essor", NOW));
        c.provide(12L);
        assertEquals(12L, c.getDocumentId());
        c.lift("Conforme", "a@demo.essor", NOW);
        assertEquals(ConditionStatus.LIFTED, c.getStatus());
        assertEquals("a@demo.essor", c.getDecidedBy());
        assertFalse(c.blocks(loan));
        rule("condition.notOpen", () -> c.provide(13L));
        rule("condition.notOpen", () -> c.refuse("non", "a@demo.essor", NOW));
    }

    @Test
    void anOpenConditionMayBeLiftedWithoutADocumentAndIsOverdueAfterItsDueDateUntilLifted() {
        DecisionCondition c = condition(null);
        assertFalse(c.isOverdue(DECIDED.plusDays(30)));
        assertTrue(c.isOverdue(DECIDED.plusDays(31)));
        c.lift(null, "a@demo.essor", NOW);
        assertFalse(c.isOverdue(DECIDED.plusDays(31)));
    }

    @Test
    void badConditionsAreRefusedOnTheirField() {
        GrantedLine loan = decision.getGranted().get(0);
        assertEquals("kind", rule("condition.kindRequired", () -> new DecisionCondition(decision, loan, null, "x", null,
                DECIDED, "c", NOW)).field());
        assertEquals("text", rule("field.required", () -> new DecisionCondition(decision, loan, ConditionKind.OTHER, " ",
                null, DECIDED, "c", NOW)).field());
        assertEquals("dueDate", rule("condition.dueBeforeDecision", () -> new DecisionCondition(decision, loan,
                ConditionKind.OTHER, "x", null, DECIDED.minusDays(1), "c", NOW)).field());
        Decision other = approval();
        assertEquals("line", rule("condition.lineUnknown", () -> new DecisionCondition(decision, other.getGranted().get(0),
                ConditionKind.OTHER, "x", null, DECIDED, "c", NOW)).field());
    }
}
