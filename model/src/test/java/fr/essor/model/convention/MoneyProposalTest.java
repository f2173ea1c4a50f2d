package fr.essor.model.convention;

import static fr.essor.model.Fixtures.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.shared.Money;
import java.lang.reflect.Constructor;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MoneyProposalTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private static Allocation someAllocation() throws Exception {
        Constructor<Allocation> c = Allocation.class.getDeclaredConstructor();
        c.setAccessible(true);
        return c.newInstance();
    }

    private static MoneyProposal proposal() throws Exception {
        return new MoneyProposal(someAllocation(), 1L, ProposalKind.DISBURSEMENT, Money.of("12000.00"),
                LocalDate.of(2026, 11, 26), "Claire@demo.essor", NOW);
    }

    @Test
    void onlyAnAmountStrictlyAboveTheThresholdNeedsASecondPerson() {
        Money threshold = Money.of("10000.00");
        assertFalse(MoneyProposal.needsSecondPerson(Money.of("10000.00"), threshold));
        assertTrue(MoneyProposal.needsSecondPerson(Money.of("10000.01"), threshold));
        assertTrue(MoneyProposal.needsSecondPerson(Money.of("0.01"), Money.zero()));
    }

    @Test
    void theProposerNeverApprovesNorRejectsWhateverTheCase() throws Exception {
        MoneyProposal p = proposal();
        rule("approval.ownProposal", () -> p.approve("claire@demo.essor", NOW));
        rule("approval.ownProposal", () -> p.reject("CLAIRE@demo.essor", "non", NOW));
        assertEquals(ProposalStatus.PROPOSED, p.getStatus());
    }

    @Test
    void anotherPersonApprovesOnceAndTheDecisionIsFinal() throws Exception {
        MoneyProposal p = proposal();
        p.approve("admin@demo.essor", NOW);
        assertEquals(ProposalStatus.APPROVED, p.getStatus());
        assertEquals("admin@demo.essor", p.getDecidedBy());
        rule("approval.alreadyDecided", () -> p.approve("other@demo.essor", NOW));
        rule("approval.alreadyDecided", () -> p.reject("other@demo.essor", "trop tard", NOW));
    }

    @Test
    void aRejectionNeedsAReason() throws Exception {
        MoneyProposal p = proposal();
        assertEquals("reason", rule("approval.reasonRequired", () -> p.reject("admin@demo.essor", "  ", NOW)).field());
        p.reject("admin@demo.essor", "Montant à revoir", NOW);
        assertEquals(ProposalStatus.REJECTED, p.getStatus());
        assertEquals("Montant à revoir", p.getReason());
    }

    @Test
    void aProposalMovesSomething() {
        rule("amount.mustBePositive", () -> new MoneyProposal(someAllocation(), 1L, ProposalKind.WRITE_OFF, Money.zero(),
                LocalDate.of(2026, 11, 26), "c", NOW));
    }
}
