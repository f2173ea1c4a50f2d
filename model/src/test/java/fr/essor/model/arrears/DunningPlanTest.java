package fr.essor.model.arrears;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.essor.model.shared.RuleException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** An association's dunning levels: what is accepted, what is refused on the field, which level a loan reached. */
class DunningPlanTest {

    private static void refused(String key, Executable e) {
        RuleException ex = assertThrows(RuleException.class, e);
        assertEquals(key, ex.key());
        assertEquals("days", ex.field());
    }

    @Test
    void aLoanReachesTheHighestLevelWhoseDaysItHasPassed() {
        DunningPlan plan = DunningPlan.parse(" 10, 40 ,100");
        assertEquals(List.of(10, 40, 100), plan.days());
        assertEquals(0, plan.levelFor(0));
        assertEquals(0, plan.levelFor(9));
        assertEquals(1, plan.levelFor(10));
        assertEquals(1, plan.levelFor(39));
        assertEquals(2, plan.levelFor(40));
        assertEquals(3, plan.levelFor(100));
        assertEquals(3, plan.levelFor(5000));
        assertEquals(40, plan.daysOf(2));
        assertEquals("10,40,100", plan.stored());
        assertEquals(plan, DunningPlan.parse(plan.stored()));
        assertEquals(List.of(15, 45, 90), DunningPlan.DEFAULT.days());
    }

    @Test
    void badPlansAreRefusedOnTheirField() {
        refused("dunning.levels", () -> DunningPlan.parse(""));
        refused("dunning.levels", () -> DunningPlan.of(List.of()));
        refused("dunning.levels", () -> DunningPlan.of(List.of(1, 2, 3, 4, 5, 6)));
        refused("dunning.dayRange", () -> DunningPlan.parse("15,abc"));
        refused("dunning.dayRange", () -> DunningPlan.parse("0,10"));
        refused("dunning.dayRange", () -> DunningPlan.parse("-5"));
        refused("dunning.dayRange", () -> DunningPlan.of(List.of(10, 3651)));
        refused("dunning.increasing", () -> DunningPlan.parse("30,30"));
        refused("dunning.increasing", () -> DunningPlan.parse("45,15"));
        refused("dunning.dayRange", () -> DunningPlan.parse("15,,45"));
    }
}
