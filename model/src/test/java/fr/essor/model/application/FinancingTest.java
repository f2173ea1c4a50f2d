package fr.essor.model.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.association.Association;
import fr.essor.model.enterprise.Enterprise;
import fr.essor.model.enterprise.LegalForm;
import fr.essor.model.shared.EssorDomainException;
import fr.essor.model.shared.Money;
import fr.essor.model.shared.Siret;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requested lines against their instruments' limits, the financing plan's balance, and completeness. */
class FinancingTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private final Association cvl = new Association("CVL", "France Active Centre-Val de Loire", "Centre-Val de Loire");
    private final Enterprise enterprise = new Enterprise("La Fabrique", Siret.of("73282932000074"), LegalForm.SCOP, cvl);

    private Application draft() {
        return new Application(ApplicationReference.of("CVL", 2026, 1), enterprise, "Atelier", Stage.CREATION, null,
                "porteur@demo.essor", NOW);
    }

    private static List<String> problems(Instrument i, String amount, Integer months, String bank, String loan, String share) {
        return FinancingLine.problems(i, amount == null ? null : Money.of(amount), months, bank,
                loan == null ? null : Money.of(loan), share == null ? null : new BigDecimal(share));
    }

    @Test
    void aGrantWithinItsLimitIsValidAndNeedsNoDuration() {
        assertEquals(List.of(), problems(Instrument.GRANT, "50000.00", null, null, null, null));
        FinancingLine line = FinancingLine.of(Instrument.GRANT, Money.of("1500.00"), 36, null, null, null);
        assertEquals(null, line.getDurationMonths(), "a grant keeps no duration");
    }

    @Test
    void anAmountOverTheInstrumentLimitZeroOrNegativeIsRefused() {
        assertEquals(List.of("line.amountOverLimit"), problems(Instrument.GRANT, "50000.01", null, null, null, null));
        assertEquals(List.of("line.amountOverLimit"), problems(Instrument.HONOUR_LOAN, "30000.01", 60, null, null, null));
        assertEquals(List.of("line.amountPositive"), problems(Instrument.EQUITY, "0.00", null, null, null, null));
        assertEquals(List.of("line.amountPositive"), problems(Instrument.EQUITY, "-5.00", null, null, null, null));
        assertThrows(InvalidFinancingLineException.class,
                () -> FinancingLine.of(Instrument.GRANT, Money.of("90000.00"), null, null, null, null));
    }

    @Test
    void loansNeedADurationWithinTheirRange() {
        assertEquals(List.of("line.durationRequired"), problems(Instrument.HONOUR_LOAN, "5000.00", null, null, null, null));
        assertEquals(List.of("line.durationOutOfRange"), problems(Instrument.HONOUR_LOAN, "5000.00", 6, null, null, null));
        assertEquals(List.of("line.durationOutOfRange"), problems(Instrument.HONOUR_LOAN, "5000.00", 85, null, null, null));
        assertEquals(List.of(), problems(Instrument.HONOUR_LOAN, "5000.00", 84, null, null, null));
    }

    @Test
    void aGuaranteeNeedsBankLoanAndShareAndCannotCoverMoreThanItsShare() {
        assertEquals(List.of(), problems(Instrument.GUARANTEE, "20000.00", 84, "Crédit Coopératif", "40000.00", "50"));
        assertEquals(List.of("line.bankRequired", "line.bankLoanRequired", "line.shareRequired"),
                problems(Instrument.GUARANTEE, "20000.00", 84, null, null, null));
        assertEquals(List.of("line.shareOutOfRange"), problems(Instrument.GUARANTEE, "20000.00", 84, "B", "40000.00", "85"));
        assertEquals(List.of("line.guaranteeOverShare"), problems(Instrument.GUARANTEE, "20000.01", 84, "B", "40000.00", "50"));
    }

    @Test
    void aGuaranteeMobilisesTheWholeBankLoanOtherLinesTheirAmount() {
        FinancingLine guarantee = FinancingLine.of(Instrument.GUARANTEE, Money.of("20000.00"), 84, "B", Money.of("40000.00"),
                new BigDecimal("50"));
        assertEquals(Money.of("40000.00"), guarantee.mobilised());
        assertEquals(Money.of("8000.00"), FinancingLine.of(Instrument.HONOUR_LOAN, Money.of("8000.00"), 60, null, null, null)
                .mobilised());
    }

    @Test
    void thePlanBalancesWhenSourcesEqualUsesAndTheDifferenceIsSourcesMinusUses() {
        Application a = draft();
        a.replacePlan(List.of(new PlanItem(PlanItem.Kind.USE, "Matériel", Money.of("10000.00")),
                new PlanItem(PlanItem.Kind.SOURCE, "Prêt", Money.of("7000.00"))));
        assertEquals(Money.of("-3000.00"), a.planDifference());
        a.replacePlan(List.of(new PlanItem(PlanItem.Kind.USE, "Matériel", Money.of("10000.00")),
                new PlanItem(PlanItem.Kind.SOURCE, "Prêt", Money.of("7000.00")),
                new PlanItem(PlanItem.Kind.SOURCE, "Apport", Money.of("3000.00"))));
        assertTrue(a.planDifference().isZero());
    }

    @Test
    void aPlanItemNeedsALabelAndAPositiveAmount() {
        assertThrows(IllegalArgumentException.class, () -> new PlanItem(PlanItem.Kind.USE, " ", Money.of("1.00")));
        assertThrows(IllegalArgumentException.class, () -> new PlanItem(PlanItem.Kind.USE, "x", Money.of("0.00")));
    }

    @Test
    void anEmptyDraftMissesEveryStepAndCannotBeSubmitted() {
        Application a = draft();
        List<MissingPiece.WizardStep> steps = a.missingPieces(0).stream().map(MissingPiece::step).distinct().toList();
        assertEquals(List.of(MissingPiece.WizardStep.PROJECT, MissingPiece.WizardStep.FINANCING, MissingPiece.WizardStep.PLAN,
                MissingPiece.WizardStep.IMPACT, MissingPiece.WizardStep.DOCUMENTS), steps);
        IncompleteApplicationException e = assertThrows(IncompleteApplicationException.class,
                () -> a.submitComplete("porteur@demo.essor", NOW, 0));
        assertEquals(a.missingPieces(0), e.missing());
        assertEquals(ApplicationStatus.DRAFT, a.getStatus());
    }

    @Test
    void aCompleteDraftIsSubmittedAndAnUnbalancedOneSaysByHowMuch() {
        Application a = draft();
        a.revise("Atelier", Stage.CREATION, "Une recyclerie");
        a.serveTerritory("Orléans");
        a.replaceRequestedLines(List.of(FinancingLine.of(Instrument.GRANT, Money.of("5000.00"), null, null, null, null)));
        a.replacePlan(List.of(new PlanItem(PlanItem.Kind.USE, "Matériel", Money.of("5000.00")),
                new PlanItem(PlanItem.Kind.SOURCE, "Subvention", Money.of("4000.00"))));
        a.describeImpact(new BigDecimal("1"), BigDecimal.ZERO, 10, "Réemploi");
        List<MissingPiece> missing = a.missingPieces(1);
        assertEquals(1, missing.size());
        assertEquals("missing.planUnbalanced", missing.get(0).messageKey());
        assertEquals(Money.of("-1000.00"), missing.get(0).detail());

        a.replacePlan(List.of(new PlanItem(PlanItem.Kind.USE, "Matériel", Money.of("5000.00")),
                new PlanItem(PlanItem.Kind.SOURCE, "Subvention", Money.of("5000.00"))));
        a.submitComplete("porteur@demo.essor", NOW, 1);
        assertEquals(ApplicationStatus.SUBMITTED, a.getStatus());
        assertThrows(EssorDomainException.class, () -> a.replacePlan(List.of()), "a submitted file is not editable");
    }

    @Test
    void negativeImpactFiguresAreRefused() {
        Application a = draft();
        assertThrows(EssorDomainException.class, () -> a.describeImpact(new BigDecimal("-1"), null, null, null));
        assertThrows(EssorDomainException.class, () -> a.describeImpact(null, null, -3, null));
    }
}
