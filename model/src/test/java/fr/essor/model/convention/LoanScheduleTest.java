package fr.essor.model.convention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.shared.Money;
import fr.essor.model.shared.RuleException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The schedule arithmetic against worked examples, then properties over many random loans. */
class LoanScheduleTest {

    private static final LocalDate FIRST = LocalDate.of(2027, 1, 5);

    private static LoanTerms terms(String rate, int months, int grace, RepaymentFrequency f, GraceInterest g) {
        return new LoanTerms(new BigDecimal(rate), months, grace, f, g);
    }

    private static void line(LoanSchedule.Line l, String capital, String interest, String total, String remaining) {
        assertEquals(Money.of(capital), l.capital(), "capital of line " + l.number());
        assertEquals(Money.of(interest), l.interest(), "interest of line " + l.number());
        assertEquals(Money.of(total), l.total(), "total of line " + l.number());
        assertEquals(Money.of(remaining), l.remaining(), "remaining capital after line " + l.number());
    }

    private static void totals(LoanSchedule s, String capital, String interest, String total) {
        assertEquals(Money.of(capital), s.totalCapital(), "capital repaid");
        assertEquals(Money.of(interest), s.totalInterest(), "interest");
        assertEquals(Money.of(total), s.total(), "total");
    }

    /**
     * 12,000.00 at 2 % over 12 months, no grace. r = 0.02 / 12 = 0.0016667; (1 + r)^12 = 1.0201844;
     * A = 12000 × r × 1.0201844 / 0.0201844 = 1,010.8664… → 1,010.86 (rounded down).
     * Line 1: interest 12000 × r = 20.00, capital 1010.86 − 20.00 = 990.86, remains 11,009.14.
     * Line 2: interest 11009.14 × r = 18.3486 → 18.35, capital 992.51, remains 10,016.63.
     * Line 12: the remaining 1,009.26 of capital + interest 1009.26 × r = 1.68 = 1,010.94.
     * Interest 130.40 in all: the schedule sums to 12,130.40.
     */
    @Test
    void aTwoPercentLoanWithoutGraceIsAnAnnuityOnTheDecliningBalance() {
        LoanSchedule s = LoanSchedule.compute(Money.of("12000.00"),
                terms("2", 12, 0, RepaymentFrequency.MONTHLY, GraceInterest.PAID), FIRST);
        List<LoanSchedule.Line> l = s.lines();
        assertEquals(12, l.size());
        line(l.get(0), "990.86", "20.00", "1010.86", "11009.14");
        line(l.get(1), "992.51", "18.35", "1010.86", "10016.63");
        line(l.get(11), "1009.26", "1.68", "1010.94", "0.00");
        assertEquals(FIRST, l.get(0).dueDate());
        assertEquals(LocalDate.of(2027, 12, 5), l.get(11).dueDate());
        totals(s, "12000.00", "130.40", "12130.40");
    }

    /**
     * The same loan with a 6-month grace whose interest is paid: 6 lines of interest only,
     * 12000 × r = 20.00 each, then A = 12000 × r × q / (q − 1) with q = (1 + r)^6 = 1.0100418:
     * 2,011.6828… → 2,011.68. Line 7: interest 20.00, capital 1,991.68, remains 10,008.32; the last
     * (line 12) 2,008.36 + 3.35 = 2,011.71. Interest 6 × 20.00 + 70.11 = 190.11.
     */
    @Test
    void aGraceWithInterestPaidDefersTheCapitalAndChargesTheInterest() {
        LoanSchedule s = LoanSchedule.compute(Money.of("12000.00"),
                terms("2", 12, 6, RepaymentFrequency.MONTHLY, GraceInterest.PAID), FIRST);
        List<LoanSchedule.Line> l = s.lines();
        assertEquals(12, l.size());
        for (int k = 0; k < 6; k++) {
            line(l.get(k), "0.00", "20.00", "20.00", "12000.00");
        }
        line(l.get(6), "1991.68", "20.00", "2011.68", "10008.32");
        line(l.get(11), "2008.36", "3.35", "2011.71", "0.00");
        assertEquals(LocalDate.of(2027, 7, 5), l.get(6).dueDate(), "the capital starts after the 6 months");
        totals(s, "12000.00", "190.11", "12190.11");
        assertTrue(s.capitalisedInterest().isZero());
    }

    /**
     * 10,000.00 at 2 % over 24 months, quarterly, 6 months of grace capitalised: r = 0.02 / 4 =
     * 0.005. Quarter 1: 10000 × 0.005 = 50.00 added, 10,050.00; quarter 2: 50.25 added, 10,100.25
     * (capitalised 100.25, no instalment during the grace). Then 6 quarterly instalments:
     * q = 1.005^6 = 1.0303775, A = 10100.25 × 0.005 × q / (q − 1) = 1,712.9565… → 1,712.95.
     * Line 1 (due in the 3rd quarter): interest 50.50, capital 1,662.45, remains 8,437.80; the last
     * 1,704.47 + 8.52 = 1,712.99. The capital repaid is 10,100.25 = principal + capitalised interest.
     */
    @Test
    void aQuarterlyLoanWithACapitalisedGraceRepaysTheGrownCapital() {
        LoanSchedule s = LoanSchedule.compute(Money.of("10000.00"),
                terms("2", 24, 6, RepaymentFrequency.QUARTERLY, GraceInterest.CAPITALISED), FIRST);
        List<LoanSchedule.Line> l = s.lines();
        assertEquals(6, l.size());
        assertEquals(Money.of("100.25"), s.capitalisedInterest());
        line(l.get(0), "1662.45", "50.50", "1712.95", "8437.80");
        line(l.get(5), "1704.47", "8.52", "1712.99", "0.00");
        assertEquals(LocalDate.of(2027, 7, 5), l.get(0).dueDate(), "two quarters of grace, then every 3 months");
        assertEquals(LocalDate.of(2028, 10, 5), l.get(5).dueDate());
        totals(s, "10100.25", "177.49", "10277.74");
    }

    /** 1,000.00 at 0 % over 3 months: 333.33, 333.33 and the cent left on the last, 333.34. */
    @Test
    void anInterestFreeLoanPutsTheCentsLeftOnTheLastInstalment() {
        LoanSchedule s = LoanSchedule.compute(Money.of("1000.00"), LoanTerms.interestFree(3), FIRST);
        line(s.lines().get(0), "333.33", "0.00", "333.33", "666.67");
        line(s.lines().get(2), "333.34", "0.00", "333.34", "0.00");
        // an interest-free grace owes nothing: no instalment until the capital starts
        LoanSchedule graced = LoanSchedule.compute(Money.of("1000.00"),
                terms("0", 6, 3, RepaymentFrequency.MONTHLY, GraceInterest.PAID), FIRST);
        assertEquals(3, graced.lines().size());
        assertEquals(LocalDate.of(2027, 4, 5), graced.lines().get(0).dueDate());
    }

    @Test
    void termsTheArithmeticCannotHonourAreRefusedOnTheirField() {
        assertEquals("durationMonths", assertThrows(RuleException.class,
                () -> terms("2", 13, 0, RepaymentFrequency.QUARTERLY, GraceInterest.PAID)).field());
        assertEquals("graceMonths", assertThrows(RuleException.class,
                () -> terms("2", 12, 12, RepaymentFrequency.MONTHLY, GraceInterest.PAID)).field());
        assertEquals("annualRate", assertThrows(RuleException.class,
                () -> terms("-1", 12, 0, RepaymentFrequency.MONTHLY, GraceInterest.PAID)).field());
        assertEquals("annualRate", assertThrows(RuleException.class,
                () -> terms("2.0001", 12, 0, RepaymentFrequency.MONTHLY, GraceInterest.PAID)).field());
        assertEquals("principal", assertThrows(RuleException.class, () -> LoanSchedule.compute(Money.of("11.99"),
                LoanTerms.interestFree(12), FIRST)).field());
    }

    /**
     * Properties over 5,000 random loans (seeded, so a failure is reproducible): the capital sums
     * exactly to the principal plus the capitalised interest, the schedule to that capital plus the
     * interest, no line is negative or empty, the remaining capital falls to exactly 0, the dates
     * follow the frequency.
     */
    @Test
    void anyScheduleSumsExactly() {
        Random random = new Random(20261206L);
        for (int run = 0; run < 5000; run++) {
            RepaymentFrequency f = random.nextBoolean() ? RepaymentFrequency.MONTHLY : RepaymentFrequency.QUARTERLY;
            GraceInterest g = random.nextBoolean() ? GraceInterest.PAID : GraceInterest.CAPITALISED;
            int periods = 1 + random.nextInt(f == RepaymentFrequency.MONTHLY ? 120 : 40);
            int grace = random.nextInt(periods);
            BigDecimal rate = random.nextInt(5) == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(random.nextInt(20001), 3); // 0.000 to 20.000 %
            long cents = periods * 100L + (long) (random.nextDouble() * 50_000_000L);
            Money principal = Money.of(BigDecimal.valueOf(cents, 2));
            LoanTerms t = new LoanTerms(rate, periods * f.months(), grace * f.months(), f, g);
            LoanSchedule s = LoanSchedule.compute(principal, t, FIRST);
            String which = principal + " at " + rate + " % over " + t.durationMonths() + " months, grace "
                    + t.graceMonths() + " " + g + " " + f;
            assertEquals(principal.plus(s.capitalisedInterest()), s.totalCapital(), which);
            assertEquals(s.totalCapital().plus(s.totalInterest()), s.total(), which);
            Money remaining = principal.plus(s.capitalisedInterest());
            for (int k = 0; k < s.lines().size(); k++) {
                LoanSchedule.Line l = s.lines().get(k);
                assertFalse(l.capital().isNegative() || l.interest().isNegative(), which);
                assertTrue(l.total().isPositive(), which);
                assertEquals(l.capital().plus(l.interest()), l.total(), which);
                remaining = remaining.minus(l.capital());
                assertEquals(remaining, l.remaining(), which);
                assertEquals(k + 1, l.number(), which);
                if (k > 0) {
                    assertEquals(s.lines().get(k - 1).dueDate().plusMonths(f.months()), l.dueDate(), which);
                }
            }
            assertTrue(s.lines().get(s.lines().size() - 1).remaining().isZero(), which);
            if (g == GraceInterest.CAPITALISED || rate.signum() == 0) {
                assertEquals(periods - grace, s.lines().size(), which);
            } else {
                assertTrue(s.capitalisedInterest().isZero(), which);
            }
        }
    }
}
