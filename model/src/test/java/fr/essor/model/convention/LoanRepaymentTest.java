package fr.essor.model.convention;

import static fr.essor.model.Fixtures.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.Fixtures;
import fr.essor.model.application.Instrument;
import fr.essor.model.association.Association;
import fr.essor.model.shared.Ids;
import fr.essor.model.shared.Money;
import fr.essor.model.shared.RuleException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Products' limits, repayments of any amount in their documented order, reversal, rescheduling. */
class LoanRepaymentTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final LocalDate DECIDED = LocalDate.of(2026, 6, 1);
    private final Association cvl = Fixtures.cvl();
    private final LoanProduct participative = new LoanProduct("PARTICIPATIVE", "Prêt participatif", Instrument.QUASI_EQUITY,
            new BigDecimal("1"), new BigDecimal("4"), 12, 120, 24, RepaymentFrequency.MONTHLY, GraceInterest.PAID);
    private final LoanProduct honour = new LoanProduct("HONOUR", "Prêt d'honneur", Instrument.HONOUR_LOAN,
            BigDecimal.ZERO, BigDecimal.ZERO, 12, 84, 12, RepaymentFrequency.MONTHLY, GraceInterest.PAID);

    /** 12,000.00 at 2 % over 12 months (the schedule of LoanScheduleTest), first due 5 September 2026. */
    private Allocation loan() {
        return Fixtures.committedQuasiEquity(cvl, Fixtures.ownedLaFabrique(cvl), DECIDED);
    }

    @Test
    void anOfferOutsideTheProductsLimitsIsRefusedOnItsField() {
        assertEquals("annualRate", rule("loan.rateOutOfProduct", () -> participative.offer(new BigDecimal("4.5"), 60, 0)).field());
        assertEquals("annualRate", rule("loan.rateOutOfProduct", () -> participative.offer(new BigDecimal("0.5"), 60, 0)).field());
        assertEquals("durationMonths", rule("loan.durationOutOfProduct", () -> participative.offer(new BigDecimal("2"), 6, 0))
                .field());
        assertEquals("durationMonths", rule("loan.durationOutOfProduct", () -> participative.offer(new BigDecimal("2"), 121, 0))
                .field());
        assertEquals("graceMonths", rule("loan.graceOutOfProduct", () -> participative.offer(new BigDecimal("2"), 60, 25))
                .field());
        LoanTerms t = participative.offer(new BigDecimal("2"), 60, 6);
        assertEquals(RepaymentFrequency.MONTHLY, t.frequency());
        rule("loanProduct.honourLoanInterestFree", () -> new LoanProduct("H2", "H", Instrument.HONOUR_LOAN, BigDecimal.ZERO,
                BigDecimal.ONE, 12, 84, 0, RepaymentFrequency.MONTHLY, GraceInterest.PAID));
    }

    @Test
    void theScheduleIsPreviewedBeforeDisbursementAndStoredAfter() {
        Allocation a = loan();
        LoanTerms t = participative.offer(new BigDecimal("2"), 12, 0);
        LoanSchedule preview = a.previewSchedule(participative, t, LocalDate.of(2026, 9, 5));
        assertEquals(Money.of("12130.40"), preview.total(), "on what is committed before any disbursement");
        assertTrue(a.getInstalments().isEmpty(), "a preview stores nothing");
        rule("schedule.nothingDisbursed", () -> a.scheduleLoan(participative, t, LocalDate.of(2026, 9, 5)));
        rule("loan.productNotForInstrument", () -> a.previewSchedule(honour, LoanTerms.interestFree(12), LocalDate.of(2026, 9, 5)));
        a.disburse(Money.of("12000.00"), DECIDED, "a", NOW);
        a.scheduleLoan(participative, t, LocalDate.of(2026, 9, 5));
        assertEquals(12, a.getInstalments().size());
        assertEquals(Money.of("12130.40"), a.owed());
        assertEquals(new BigDecimal("2"), a.getAnnualRate());
    }

    private Allocation scheduled() {
        Allocation a = loan();
        a.disburse(Money.of("12000.00"), DECIDED, "a", NOW);
        a.scheduleLoan(participative, participative.offer(new BigDecimal("2"), 12, 0), LocalDate.of(2026, 9, 5));
        return a;
    }

    private static Instalment nth(Allocation a, int number) {
        return a.getInstalments().stream().filter(i -> i.getNumber() == number).findFirst().orElseThrow();
    }

    /**
     * On 26 November 2026 instalments 1 to 3 (5 Sept., Oct., Nov.) are due. 1,500.00 pays line 1
     * (20.00 interest, 990.86 capital), then line 2's interest 18.35 and 470.79 of its capital. Then
     * 3,000.00 pays the rest of line 2 (521.72), line 3 (16.69 + 994.17), and the 1,467.42 left is
     * early: line 4's capital 995.82 and 471.60 of line 5's capital; their interest stays due.
     */
    @Test
    void aRepaymentPaysWhatIsDueOldestFirstInterestBeforeCapitalThenCapitalAhead() {
        Allocation a = scheduled();
        Repayment first = a.repay(Money.of("1500.00"), TODAY, "advisor@x", NOW);
        assertEquals(2, first.getParts().size());
        assertEquals(Money.of("20.00"), first.getParts().get(0).getInterest());
        assertEquals(Money.of("990.86"), first.getParts().get(0).getCapital());
        assertEquals(Money.of("18.35"), first.getParts().get(1).getInterest());
        assertEquals(Money.of("470.79"), first.getParts().get(1).getCapital());
        assertEquals(InstalmentStatus.PAID, nth(a, 1).getStatus());
        assertEquals(InstalmentStatus.DUE, nth(a, 2).getStatus(), "partly paid stays open");
        assertEquals(Money.of("1500.00"), a.movementOf(first).getAmount());

        Repayment second = a.repay(Money.of("3000.00"), TODAY, "advisor@x", NOW);
        assertEquals(List.of(2, 3, 4, 5), second.getParts().stream().map(RepaymentPart::getInstalmentNumber).toList());
        assertEquals(Money.of("0.00"), second.getParts().get(2).getInterest(), "early: capital only");
        assertEquals(Money.of("995.82"), second.getParts().get(2).getCapital());
        assertEquals(Money.of("471.60"), second.getParts().get(3).getCapital());
        assertEquals(Money.of("15.04"), nth(a, 4).owed(), "instalment 4's interest stays due on its date");
        assertEquals(Money.of("12000.00").minus(Money.of("990.86")).minus(Money.of("992.51")).minus(Money.of("994.17"))
                .minus(Money.of("995.82")).minus(Money.of("471.60")), a.remainingCapital());
        assertEquals(Money.of("7630.40"), a.owed());

        RuleException over = rule("repayment.overOwed", () -> a.repay(Money.of("7630.41"), TODAY, "advisor@x", NOW));
        assertEquals(new BigDecimal("7630.40"), over.available());
        assertEquals(Money.of("7630.40"), a.owed(), "a refused repayment changes nothing");
        rule("repayment.dateInFuture", () -> a.repay(Money.of("10.00"), TODAY.plusDays(2), "advisor@x", NOW));

        Repayment last = a.repay(Money.of("7630.40"), TODAY, "advisor@x", NOW);
        assertTrue(a.owed().isZero());
        assertTrue(a.getInstalments().stream().allMatch(i -> i.getStatus() == InstalmentStatus.PAID));
        assertEquals(Money.of("7630.40"), last.interestPaid().plus(last.capitalPaid()));
        rule("repayment.nothingOwed", () -> a.repay(Money.of("1.00"), TODAY, "advisor@x", NOW));
    }

    @Test
    void aRepaymentIsReversedByAnotherPersonWithAReasonAndTheInstalmentsOpenAgain() {
        Allocation a = scheduled();
        a.repay(Money.of("1500.00"), TODAY, "advisor@x", NOW);
        Repayment second = a.repay(Money.of("3000.00"), TODAY, "advisor@x", NOW);
        rule("repayment.reverseOwn", () -> a.reverse(second, "typo", TODAY, "ADVISOR@x", NOW));
        rule("field.required", () -> a.reverse(second, " ", TODAY, "other@x", NOW));
        LedgerMovement back = a.reverse(second, "Chèque rejeté", TODAY, "other@x", NOW);
        assertEquals(MovementKind.REPAYMENT, back.getKind());
        assertEquals(Money.of("-3000.00"), back.getAmount(), "a negative REPAYMENT: sums of REPAYMENT stay right");
        assertEquals(InstalmentStatus.LATE, nth(a, 3).getStatus(), "due on 5 November, open again and late");
        assertEquals(InstalmentStatus.DUE, nth(a, 4).getStatus());
        assertEquals(Money.of("521.72"), nth(a, 2).owedCapital());
        assertEquals(Money.of("12130.40").minus(Money.of("1500.00")), a.owed());
        assertTrue(second.isReversed());
        rule("repayment.alreadyReversed", () -> a.reverse(second, "again", TODAY, "third@x", NOW));
    }

    /**
     * After 1,500.00 repaid (line 1 paid, line 2 partly: 470.79 of capital, its interest paid), the
     * loan is rescheduled on 26 November: line 2 is closed at what was paid (489.14), lines 3 to 12
     * dropped; the remaining capital is 12,000.00 − 990.86 − 470.79 = 10,538.35; line 3's interest
     * (16.69, due on 5 November and unpaid) is carried into the first new instalment. The new schedule,
     * 24 months of which a 3-month moratorium, starts on 5 January 2027 numbered from 3.
     */
    @Test
    void aReschedulingKeepsTheOldScheduleAndRepaysWhatRemainsOverTheNewDuration() {
        Allocation a = scheduled();
        Repayment paid = a.repay(Money.of("1500.00"), TODAY, "advisor@x", NOW);
        List<SupersededInstalment> history = new ArrayList<>();
        LoanTerms terms = a.reschedulingTerms(24, 3);
        rule("reschedule.firstDueTooEarly", () -> a.beginRescheduling(terms, LocalDate.of(2026, 11, 1), TODAY, "adv@x", NOW,
                new ArrayList<>()));
        Rescheduling r = a.beginRescheduling(terms, LocalDate.of(2027, 1, 5), TODAY, "adv@x", NOW, history);
        assertEquals(12, history.size(), "the whole old schedule is kept");
        assertEquals(1, history.get(0).getScheduleVersion());
        assertEquals(Money.of("10538.35"), r.getRemainingCapital());
        assertEquals(Money.of("16.69"), r.getCarriedInterest());
        assertEquals(Money.of("489.14"), nth(a, 2).getAmount(), "closed at what was paid");
        assertEquals(2, a.getInstalments().size());
        LoanSchedule s = a.completeRescheduling(r, terms);
        assertEquals(2, a.getScheduleVersion());
        assertEquals(24, s.lines().size());
        assertEquals(3, s.lines().get(0).number());
        assertEquals(Money.of("10538.35"), s.totalCapital());
        assertEquals(Money.of("17.56").plus(Money.of("16.69")), s.lines().get(0).interest(),
                "10538.35 × 2 % / 12 = 17.56, plus the carried 16.69");
        assertEquals(Money.of("12000.00"), a.getInstalments().stream().map(Instalment::getCapital)
                .reduce(Money.zero(), Money::plus), "the capital of the current schedule still sums to the principal");
        rule("repayment.beforeRescheduling", () -> a.reverse(paid, "late", TODAY, "other@x", NOW));
    }

    @Test
    void theOldSinglePaymentOfAnInstalmentPaysWhatIsLeftOfIt() {
        Allocation a = scheduled();
        a.repay(Money.of("1500.00"), TODAY, "advisor@x", NOW);
        Instalment two = nth(a, 2);
        Ids.assign(two, 2L);
        LedgerMovement m = a.pay(2L, TODAY, "advisor@x", NOW);
        assertEquals(Money.of("521.72"), m.getAmount());
        assertEquals(InstalmentStatus.PAID, two.getStatus());
    }
}
