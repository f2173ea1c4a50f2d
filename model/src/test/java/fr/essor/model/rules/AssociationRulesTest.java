package fr.essor.model.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.application.DocumentKind;
import fr.essor.model.application.FinancingLine;
import fr.essor.model.application.Instrument;
import fr.essor.model.application.ScoreCriterion;
import fr.essor.model.association.Association;
import fr.essor.model.shared.Money;
import fr.essor.model.shared.RuleException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The narrowing rules: an association narrows the network's limits, never widens them. */
class AssociationRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private final Association cvl = new Association("CVL", "France Active Centre-Val de Loire", "Centre-Val de Loire");
    private final NetworkLimits network = NetworkLimits.first("system", NOW);
    private final AssociationRules first = AssociationRules.first(cvl, network, "system", NOW);

    private static Map<ScoreCriterion, Integer> allWeighing(int w) {
        Map<ScoreCriterion, Integer> grid = new EnumMap<>(ScoreCriterion.class);
        for (ScoreCriterion c : ScoreCriterion.values()) {
            grid.put(c, w);
        }
        return grid;
    }

    private static RulesDraft draft(List<InstrumentLimit> offered) {
        return new RulesDraft(offered, Map.of(), allWeighing(1), CommitteeRule.COMMITTEE_QUORUM_SIMPLE_MAJORITY);
    }

    private static InstrumentLimit honourLoan(String min, String max, int months) {
        return InstrumentLimit.of(Instrument.HONOUR_LOAN, Money.of(min), Money.of(max), months, null);
    }

    private static FinancingLine loan(String amount, int months) {
        return FinancingLine.of(Instrument.HONOUR_LOAN, Money.of(amount), months, null, null, null);
    }

    @Test
    void theFirstVersionOffersEveryInstrumentAtTheNetworksLimits() {
        assertEquals(1, first.getNumber());
        assertEquals(Instrument.values().length, first.getInstruments().size());
        assertEquals(Money.of("30000.00"), first.offered(Instrument.HONOUR_LOAN).orElseThrow().getMaxAmount());
        assertEquals(CommitteeRule.COMMITTEE_QUORUM_SIMPLE_MAJORITY, first.committeeRule());
        first.check(loan("30000.00", 84), "lines[0]", 1);
    }

    @Test
    void aNarrowingIsAcceptedAndEnforcedOnTheLines() {
        AssociationRules next = first.next(draft(List.of(honourLoan("1000.00", "10000.00", 60))), network, "admin", NOW);
        assertEquals(2, next.getNumber());
        assertTrue(next.offered(Instrument.GRANT).isEmpty(), "an instrument left out is not offered");
        next.check(loan("10000.00", 60), "lines[0]", 1);
        RuleException over = assertThrows(RuleException.class, () -> next.check(loan("10000.01", 60), "lines[0]", 1));
        assertEquals("rules.lineOverMax", over.key());
        assertEquals("lines[0]", over.field());
        assertEquals("rules.lineBelowMin", assertThrows(RuleException.class,
                () -> next.check(loan("999.99", 60), "lines[0]", 1)).key());
        assertEquals("rules.lineDurationOverMax", assertThrows(RuleException.class,
                () -> next.check(loan("5000.00", 61), "lines[0]", 1)).key());
        RuleException notOffered = assertThrows(RuleException.class, () -> next.check(
                FinancingLine.of(Instrument.GRANT, Money.of("100.00"), null, null, null, null), "lines[1]", 2));
        assertEquals("rules.instrumentNotOffered", notOffered.key());
        assertEquals("lines[1].instrument", notOffered.field());
    }

    @Test
    void aWideningIsRefusedNamingTheLimit() {
        NetworkLimits narrow = network.next(replace(network, honourLoan("500.00", "20000.00", 72)), "national", NOW);
        RuleException max = assertThrows(RuleException.class,
                () -> first.next(draft(List.of(honourLoan("500.00", "20000.01", 72))), narrow, "admin", NOW));
        assertEquals("rules.widensMaxAmount", max.key());
        assertEquals("instruments.HONOUR_LOAN.maxAmount", max.field());
        assertEquals(List.of("HONOUR_LOAN", new BigDecimal("20000.00")), max.arguments());
        assertEquals("rules.widensMinAmount", assertThrows(RuleException.class,
                () -> first.next(draft(List.of(honourLoan("499.99", "20000.00", 72))), narrow, "admin", NOW)).key());
        assertEquals("rules.widensDuration", assertThrows(RuleException.class,
                () -> first.next(draft(List.of(honourLoan("500.00", "20000.00", 73))), narrow, "admin", NOW)).key());
        InstrumentLimit guarantee = InstrumentLimit.of(Instrument.GUARANTEE, Money.of("1.00"), Money.of("1000.00"), 60,
                new BigDecimal("50"));
        NetworkLimits halfShare = network.next(replace(network, guarantee), "national", NOW);
        assertEquals("rules.widensShare", assertThrows(RuleException.class, () -> first.next(draft(List.of(
                InstrumentLimit.of(Instrument.GUARANTEE, Money.of("1.00"), Money.of("1000.00"), 60, new BigDecimal("50.01")))),
                halfShare, "admin", NOW)).key());
    }

    @Test
    void limitsStayWithinTheInstrumentsOwnBounds() {
        assertEquals("rules.overInstrumentMaxAmount", assertThrows(RuleException.class,
                () -> honourLoan("1.00", "30000.01", 60)).key());
        assertEquals("rules.minOverMax", assertThrows(RuleException.class, () -> honourLoan("2000.00", "1000.00", 60)).key());
        assertEquals("rules.durationOutOfBounds", assertThrows(RuleException.class, () -> honourLoan("1.00", "100.00", 85)).key());
        assertEquals("rules.durationRequired", assertThrows(RuleException.class, () -> InstrumentLimit.of(
                Instrument.HONOUR_LOAN, Money.of("1.00"), Money.of("2.00"), null, null)).key());
        assertNull(InstrumentLimit.of(Instrument.GRANT, Money.of("1.00"), Money.of("2.00"), 12, BigDecimal.TEN)
                .getMaxDurationMonths(), "a grant has no duration");
    }

    @Test
    void aVersionOffersSomethingScoresSomethingAndListsDocumentsOfOfferedInstrumentsOnly() {
        assertEquals("rules.noInstrument", assertThrows(RuleException.class,
                () -> first.next(draft(List.of()), network, "admin", NOW)).key());
        assertEquals("rules.gridEmpty", assertThrows(RuleException.class, () -> first.next(new RulesDraft(
                List.of(honourLoan("1.00", "100.00", 12)), Map.of(), Map.of(), CommitteeRule.COMMITTEE_QUORUM_SIMPLE_MAJORITY),
                network, "admin", NOW)).key());
        assertEquals("rules.checklistNotOffered", assertThrows(RuleException.class, () -> first.next(new RulesDraft(
                List.of(honourLoan("1.00", "100.00", 12)), Map.of(Instrument.GRANT, Set.of(DocumentKind.QUOTE)), allWeighing(1),
                CommitteeRule.COMMITTEE_QUORUM_SIMPLE_MAJORITY), network, "admin", NOW)).key());
        assertEquals("rules.weightInvalid", assertThrows(RuleException.class, () -> first.next(new RulesDraft(
                List.of(honourLoan("1.00", "100.00", 12)), Map.of(), Map.of(ScoreCriterion.TEAM, 11),
                CommitteeRule.COMMITTEE_QUORUM_SIMPLE_MAJORITY), network, "admin", NOW)).key());
        assertEquals("rules.quorumInvalid", assertThrows(RuleException.class, () -> new CommitteeRule(0, Majority.SIMPLE)).key());
    }

    @Test
    void theChecklistListsTheMissingKindsOfTheRequestedInstruments() {
        AssociationRules next = first.next(new RulesDraft(first.getInstruments(),
                Map.of(Instrument.HONOUR_LOAN, Set.of(DocumentKind.BUSINESS_PLAN, DocumentKind.FORECAST),
                        Instrument.GRANT, Set.of(DocumentKind.QUOTE)),
                allWeighing(1), CommitteeRule.COMMITTEE_QUORUM_SIMPLE_MAJORITY), network, "admin", NOW);
        assertEquals(List.of(DocumentKind.BUSINESS_PLAN, DocumentKind.FORECAST),
                next.missingDocuments(List.of(Instrument.HONOUR_LOAN), List.of(DocumentKind.OTHER)));
        assertEquals(List.of(DocumentKind.FORECAST),
                next.missingDocuments(List.of(Instrument.HONOUR_LOAN), List.of(DocumentKind.BUSINESS_PLAN)));
        assertEquals(List.of(DocumentKind.BUSINESS_PLAN, DocumentKind.FORECAST, DocumentKind.QUOTE),
                next.missingDocuments(List.of(Instrument.GRANT, Instrument.HONOUR_LOAN), List.of()));
        assertTrue(first.missingDocuments(List.of(Instrument.GRANT), List.of()).isEmpty(), "version 1 requires no kind");
    }

    @Test
    void whenTheNetworkNarrowsTheAssociationsRulesAreNarrowedWithIt() {
        AssociationRules mine = first.next(draft(List.of(honourLoan("1000.00", "25000.00", 60),
                InstrumentLimit.of(Instrument.GRANT, Money.of("1.00"), Money.of("100.00"), null, null))), network, "admin", NOW);
        NetworkLimits narrow = network.next(replace(network, honourLoan("500.00", "20000.00", 72)), "national", NOW);
        AssociationRules fitted = mine.fittedTo(narrow, "national", NOW).orElseThrow();
        InstrumentLimit l = fitted.offered(Instrument.HONOUR_LOAN).orElseThrow();
        assertEquals(Money.of("1000.00"), l.getMinAmount(), "the association's own narrowing is kept");
        assertEquals(Money.of("20000.00"), l.getMaxAmount());
        assertEquals(60, l.getMaxDurationMonths());
        assertNull(fitted.offered(Instrument.GRANT).orElseThrow().getMaxDurationMonths(), "a grant still has no duration");
        assertEquals(3, fitted.getNumber());
        assertFalse(fitted.fittedTo(narrow, "national", NOW).isPresent(), "already within: no new version");
    }

    @Test
    void theWeightedScoreFollowsTheGrid() {
        Map<ScoreCriterion, Integer> grid = new EnumMap<>(ScoreCriterion.class);
        grid.put(ScoreCriterion.SOCIAL_UTILITY, 3);
        grid.put(ScoreCriterion.TEAM, 1);
        AssociationRules next = first.next(new RulesDraft(first.getInstruments(), Map.of(), grid,
                CommitteeRule.COMMITTEE_QUORUM_SIMPLE_MAJORITY), network, "admin", NOW);
        assertEquals(List.of(ScoreCriterion.SOCIAL_UTILITY, ScoreCriterion.TEAM), next.criteria());
        assertEquals(new BigDecimal("4.50"), next.weightedScore(Map.of(ScoreCriterion.SOCIAL_UTILITY, 5, ScoreCriterion.TEAM, 3,
                ScoreCriterion.ECONOMIC_VIABILITY, 1)));
        assertEquals(new BigDecimal("3.60"), first.weightedScore(Map.of(ScoreCriterion.SOCIAL_UTILITY, 4,
                ScoreCriterion.ECONOMIC_VIABILITY, 3, ScoreCriterion.TEAM, 4, ScoreCriterion.FINANCIAL_STRUCTURE, 3,
                ScoreCriterion.TERRITORIAL_ANCHORING, 4)));
        assertNull(next.weightedScore(Map.of()));
    }

    @Test
    void theMajorities() {
        assertTrue(Majority.SIMPLE.reached(2, 1, 5));
        assertFalse(Majority.SIMPLE.reached(1, 1, 0));
        assertTrue(Majority.TWO_THIRDS.reached(2, 1, 0));
        assertFalse(Majority.TWO_THIRDS.reached(2, 1, 1), "an abstention is not for");
        assertFalse(Majority.TWO_THIRDS.reached(0, 0, 0));
        assertTrue(Majority.TWO_THIRDS.reached(4, 2, 0));
    }

    private static List<InstrumentLimit> replace(NetworkLimits n, InstrumentLimit l) {
        List<InstrumentLimit> all = new ArrayList<>(n.getLimits());
        all.replaceAll(x -> x.getInstrument() == l.getInstrument() ? l : x);
        return all;
    }
}
