package fr.essor.model.convention;

import static fr.essor.model.Fixtures.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.Fixtures;
import fr.essor.model.committee.Decision;
import fr.essor.model.application.FinancingLine;
import fr.essor.model.committee.GrantedLine;
import fr.essor.model.application.Instrument;
import fr.essor.model.association.Association;
import fr.essor.model.enterprise.Enterprise;
import fr.essor.model.partner.Partner;
import fr.essor.model.partner.PartnerKind;
import fr.essor.model.shared.Ids;
import fr.essor.model.shared.Money;
import fr.essor.model.shared.RuleException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final LocalDate DECIDED = LocalDate.of(2026, 10, 1);
    private final Association cvl = new Association("CVL", "France Active Centre-Val de Loire", "Centre-Val de Loire");
    private final Partner bdt = new Partner("Banque des Territoires", PartnerKind.PUBLIC_BANK);
    private final Enterprise enterprise = enterprise();

    private Enterprise enterprise() {
        return Fixtures.ownedLaFabrique(cvl);
    }

    private Convention fund(String amount, Instrument... instruments) {
        Convention c = new Convention("BDT-2026", bdt, cvl, ConventionKind.FINANCING_FUND, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), Money.of(amount), true);
        c.restrictTo(List.of(instruments), List.of(), List.of(), List.of());
        c.activate();
        return c;
    }

    private GrantedLine granted(FinancingLine line) {
        Decision d = Decision.approve(Fixtures.onAgenda(enterprise), List.of(line), null, DECIDED, "comite@demo.essor", NOW);
        return d.getGranted().get(0);
    }

    private static GrantedLine loan(AllocationTest t, String amount, int months) {
        return t.granted(FinancingLine.of(Instrument.HONOUR_LOAN, Money.of(amount), months, null, null, null));
    }

    @Test
    void anAllocationIsRefusedAboveTheConventionOrTheLineAndSaysWhatIsAvailable() {
        Convention c = fund("10000.00", Instrument.HONOUR_LOAN);
        GrantedLine line = loan(this, "8000.00", 60);
        RuleException over = rule("allocation.overConvention", () -> Allocation.commit(c, line, Money.of("6000.00"),
                Money.of("5000.00"), Money.of("8000.00"), DECIDED, "a", NOW));
        assertEquals(List.of(new BigDecimal("5000.00")), over.arguments());
        rule("allocation.overLine", () -> Allocation.commit(c, line, Money.of("3000.00"), Money.of("5000.00"),
                Money.of("2000.00"), DECIDED, "a", NOW));
        rule("amount.mustBePositive", () -> Allocation.commit(c, line, Money.of("0.00"), Money.of("5000.00"),
                Money.of("8000.00"), DECIDED, "a", NOW));
        Allocation a = Allocation.commit(c, line, Money.of("5000.00"), Money.of("5000.00"), Money.of("8000.00"), DECIDED, "a", NOW);
        assertEquals(MovementKind.ALLOCATION, a.commitment().getKind());
        assertEquals(Money.of("5000.00"), a.commitment().getAmount());
    }

    @Test
    void aConventionRefusesLinesItsRulesExcludeOrOutsideItsPeriodOrWhenNotActive() {
        GrantedLine line = loan(this, "8000.00", 60);
        Convention guarantees = fund("10000.00", Instrument.GUARANTEE);
        assertEquals("allocation.instrumentNotEligible", guarantees.refusal(line).orElseThrow());
        Convention old = new Convention("BDT-2025", bdt, cvl, ConventionKind.FINANCING_FUND, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), Money.of("1000.00"), false);
        old.activate();
        assertEquals("allocation.outOfPeriod", old.refusal(line).orElseThrow());
        Convention draft = new Convention("BDT-D", bdt, cvl, ConventionKind.FINANCING_FUND, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), Money.of("1000.00"), false);
        assertEquals("allocation.conventionNotActive", draft.refusal(line).orElseThrow());
        Convention elsewhere = fund("1000.00");
        elsewhere.restrictTo(List.of(), List.of("37"), List.of(), List.of());
        assertEquals("allocation.departmentNotEligible", elsewhere.refusal(line).orElseThrow());
        Convention support = new Convention("BDT-F", bdt, cvl, ConventionKind.OPERATING_SUPPORT, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), Money.of("45000.00"), false);
        support.activate();
        assertEquals("allocation.notAFund", support.refusal(line).orElseThrow());
        assertTrue(fund("1000.00", Instrument.HONOUR_LOAN).refusal(line).isEmpty());
    }

    @Test
    void disbursementsNeverExceedTheAllocationAndReleaseGivesTheRestBack() {
        Convention c = fund("10000.00", Instrument.HONOUR_LOAN);
        Allocation a = Allocation.commit(c, loan(this, "8000.00", 60), Money.of("8000.00"), Money.of("10000.00"),
                Money.of("8000.00"), DECIDED, "a", NOW);
        a.disburse(Money.of("3000.00"), DECIDED, "a", NOW);
        assertEquals(AllocationStatus.PARTLY_DISBURSED, a.getStatus());
        RuleException over = rule("disbursement.overAllocation", () -> a.disburse(Money.of("5000.01"), DECIDED, "a", NOW));
        assertEquals(List.of(new BigDecimal("5000.00")), over.arguments());
        LedgerMovement release = a.release(DECIDED, "a", NOW);
        assertEquals(Money.of("5000.00"), release.getAmount());
        assertEquals(AllocationStatus.DISBURSED, a.getStatus());
        assertEquals(Money.of("3000.00"), a.active());
        rule("allocation.settled", () -> a.disburse(Money.of("1.00"), DECIDED, "a", NOW));
    }

    @Test
    void anHonourLoanIsRepaidMonthlyToTheCentAndLateInstalmentsAreMarked() throws Exception {
        Convention c = fund("10000.00", Instrument.HONOUR_LOAN);
        Allocation a = Allocation.commit(c, loan(this, "1000.00", 12), Money.of("1000.00"), Money.of("10000.00"),
                Money.of("1000.00"), DECIDED, "a", NOW);
        rule("schedule.nothingDisbursed", () -> a.scheduleRepayments(LocalDate.of(2026, 11, 5)));
        a.disburse(Money.of("1000.00"), DECIDED, "a", NOW);
        List<Instalment> schedule = a.scheduleRepayments(LocalDate.of(2026, 11, 5));
        assertEquals(12, schedule.size());
        assertEquals(Money.of("83.33"), schedule.get(0).getAmount());
        assertEquals(Money.of("83.37"), schedule.get(11).getAmount(), "the cents left by the division go on the last");
        assertEquals(Money.of("1000.00"), schedule.stream().map(Instalment::getAmount).reduce(Money.zero(), Money::plus));
        assertEquals(LocalDate.of(2026, 11, 5), schedule.get(0).getDueDate());
        assertEquals(LocalDate.of(2027, 10, 5), schedule.get(11).getDueDate());
        for (int n = 0; n < schedule.size(); n++) {
            Ids.assign(schedule.get(n), 100 + n);
        }
        LedgerMovement paid = a.pay(100, LocalDate.of(2026, 11, 5), "a", NOW);
        assertEquals(MovementKind.REPAYMENT, paid.getKind());
        rule("instalment.notOpen", () -> a.pay(100, LocalDate.of(2026, 11, 6), "a", NOW));
        assertEquals(1, a.markLate(LocalDate.of(2026, 12, 20)), "the December instalment is late, the paid one is not");
        LedgerMovement lost = a.writeOff(LocalDate.of(2027, 2, 1), "a", NOW);
        assertEquals(Money.of("916.67"), lost.getAmount());
        rule("schedule.exists", () -> a.scheduleRepayments(LocalDate.of(2027, 3, 5)));
        rule("schedule.started", a::dropUnpaidSchedule);
    }

    @Test
    void aGuaranteeCallCannotExceedTheGuaranteedAmount() {
        Convention c = fund("50000.00", Instrument.GUARANTEE);
        GrantedLine g = granted(FinancingLine.of(Instrument.GUARANTEE, Money.of("20000.00"), 84, "Crédit Coopératif",
                Money.of("40000.00"), new BigDecimal("50")));
        Allocation a = Allocation.commit(c, g, Money.of("20000.00"), Money.of("50000.00"), Money.of("20000.00"), DECIDED, "a", NOW);
        a.callGuarantee(Money.of("15000.00"), DECIDED, "a", NOW);
        RuleException over = rule("guarantee.overExposure", () -> a.callGuarantee(Money.of("5000.01"), DECIDED, "a", NOW));
        assertEquals(List.of(new BigDecimal("5000.00")), over.arguments());
        rule("schedule.notALoan", () -> a.scheduleRepayments(LocalDate.of(2026, 11, 5)));
    }

    // ---- issue 18 ----------------------------------------------------------------------------------

    private Allocation guarantee() {
        Convention c = fund("50000.00", Instrument.GUARANTEE);
        GrantedLine g = granted(FinancingLine.of(Instrument.GUARANTEE, Money.of("20000.00"), 84, "Crédit Coopératif",
                Money.of("40000.00"), new BigDecimal("50")));
        return Allocation.commit(c, g, Money.of("20000.00"), Money.of("50000.00"), Money.of("20000.00"), DECIDED, "a", NOW);
    }

    @Test
    void releasingAGuaranteeGivesBackOnlyWhatTheBankDidNotCall() {
        Allocation a = guarantee();
        a.callGuarantee(Money.of("15000.00"), DECIDED, "a", NOW);
        LedgerMovement release = a.release(DECIDED, "a", NOW);
        assertEquals(Money.of("5000.00"), release.getAmount(), "the 15,000.00 called were paid and stay committed");
        assertEquals(Money.of("15000.00"), a.active());
        assertTrue(a.getCalled().plus(a.getReleased()).compareTo(a.getAmount()) <= 0, "called + released <= amount");
        assertEquals(AllocationStatus.DISBURSED, a.getStatus());
        rule("allocation.settled", () -> a.release(DECIDED, "a", NOW));
    }

    @Test
    void aFullyCalledGuaranteeHasNothingToRelease() {
        Allocation a = guarantee();
        a.callGuarantee(Money.of("20000.00"), DECIDED, "a", NOW);
        rule("allocation.nothingToRelease", () -> a.release(DECIDED, "a", NOW));
        assertEquals(Money.zero(), a.getReleased());
    }

    @Test
    void aGuaranteeIsNeverDisbursed() {
        Allocation a = guarantee();
        rule("disbursement.guarantee", () -> a.disburse(Money.of("100.00"), DECIDED, "a", NOW));
        assertEquals(Money.zero(), a.getDisbursed());
        assertEquals(AllocationStatus.COMMITTED, a.getStatus());
    }

    @Test
    void aDisbursementIsDatedWithinTheConventionsPeriodAndNotLaterThanTomorrow() {
        Convention c = fund("10000.00", Instrument.HONOUR_LOAN);
        Allocation a = Allocation.commit(c, loan(this, "8000.00", 60), Money.of("8000.00"), Money.of("10000.00"),
                Money.of("8000.00"), DECIDED, "a", NOW);
        for (LocalDate wrong : List.of(LocalDate.of(1, 1, 1), LocalDate.of(1900, 1, 1), LocalDate.of(2025, 12, 31))) {
            RuleException e = rule("disbursement.dateOutOfPeriod", () -> a.disburse(Money.of("100.00"), wrong, "a", NOW));
            assertEquals(List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)), e.arguments());
        }
        for (LocalDate future : List.of(LocalDate.of(2999, 1, 1), LocalDate.of(2026, 11, 28))) {
            RuleException e = rule("disbursement.dateInFuture", () -> a.disburse(Money.of("100.00"), future, "a", NOW));
            assertEquals(List.of(LocalDate.of(2026, 11, 27)), e.arguments());
        }
        assertEquals(Money.zero(), a.getDisbursed(), "nothing was paid out by the refused tranches");
        a.disburse(Money.of("100.00"), LocalDate.of(2026, 11, 27), "a", NOW);
        a.disburse(Money.of("100.00"), LocalDate.of(2026, 1, 1), "a", NOW);
        assertEquals(Money.of("200.00"), a.getDisbursed());
    }

    @Test
    void anUnpaidScheduleIsReplacedAndAStartedOneIsKept() throws Exception {
        Convention c = fund("10000.00", Instrument.HONOUR_LOAN);
        Allocation a = Allocation.commit(c, loan(this, "1200.00", 12), Money.of("1200.00"), Money.of("10000.00"),
                Money.of("1200.00"), DECIDED, "a", NOW);
        a.disburse(Money.of("1200.00"), DECIDED, "a", NOW);
        assertEquals(false, a.dropUnpaidSchedule(), "no schedule yet");
        a.scheduleRepayments(LocalDate.of(2026, 12, 5));
        rule("schedule.exists", () -> a.scheduleRepayments(LocalDate.of(2027, 1, 5)));
        assertTrue(a.dropUnpaidSchedule());
        List<Instalment> again = a.scheduleRepayments(LocalDate.of(2027, 1, 5));
        assertEquals(12, again.size());
        assertEquals(LocalDate.of(2027, 1, 5), again.get(0).getDueDate());
        for (int n = 0; n < again.size(); n++) {
            Ids.assign(again.get(n), 200 + n);
        }
        a.pay(200, LocalDate.of(2027, 1, 5), "a", NOW);
        rule("schedule.started", a::dropUnpaidSchedule);
        assertEquals(12, a.getInstalments().size(), "a schedule with a payment is kept whole");
    }
}
