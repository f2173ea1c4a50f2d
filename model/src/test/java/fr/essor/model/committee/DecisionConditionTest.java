package fr.essor.model.committee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.application.Application;
import fr.essor.model.application.ApplicationReference;
import fr.essor.model.application.FinancingLine;
import fr.essor.model.application.Instrument;
import fr.essor.model.application.Stage;
import fr.essor.model.association.Association;
import fr.essor.model.enterprise.Enterprise;
import fr.essor.model.enterprise.LegalForm;
import fr.essor.model.shared.Money;
import fr.essor.model.shared.RuleException;
import fr.essor.model.shared.Siret;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DecisionConditionTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final LocalDate DECIDED = LocalDate.of(2026, 10, 1);
    private final Decision decision = approval();

    private static Decision approval() {
        Association cvl = new Association("CVL", "France Active Centre-Val de Loire", "Centre-Val de Loire");
        Enterprise e = new Enterprise("La Fabrique", Siret.of("73282932000074"), LegalForm.SCIC, cvl);
        e.changeAddress("1 rue", "45000", "Orléans", "45");
        e.addOwner(new UserAccount("p@demo.essor", "P", "h", Set.of(Role.ENTREPRENEUR), NOW));
        Application a = new Application(ApplicationReference.of("CVL", 2026, 1), e, "Épicerie", Stage.CREATION, null,
                "p@demo.essor", NOW);
        a.submit("p", NOW);
        a.startReview("c", NOW);
        a.markReadyForCommittee("c", NOW);
        a.putOnAgenda("c", NOW);
        return Decision.approve(a, List.of(FinancingLine.of(Instrument.HONOUR_LOAN, Money.of("8000.00"), 60, null, null, null),
                FinancingLine.of(Instrument.GRANT, Money.of("3000.00"), null, null, null, null)), null, DECIDED,
                "comite@demo.essor", NOW);
    }

    private DecisionCondition condition(GrantedLine line) {
        return new DecisionCondition(decision, line, ConditionKind.DOCUMENT, "Kbis de moins de trois mois", null,
                DECIDED.plusDays(30), "comite@demo.essor", NOW);
    }

    private static RuleException rule(String key, Executable e) {
        RuleException ex = assertThrows(RuleException.class, e);
        assertEquals(key, ex.key());
        return ex;
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
