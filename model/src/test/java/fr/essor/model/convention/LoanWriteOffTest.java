package fr.essor.model.convention;

import static fr.essor.model.Fixtures.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.Fixtures;
import fr.essor.model.application.Instrument;
import fr.essor.model.association.Association;
import fr.essor.model.shared.Money;
import fr.essor.model.shared.RuleException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Issue 14, arrears: a write-off moves the remaining capital (not the interest ahead) out; recoveries after it are capped. */
class LoanWriteOffTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final LocalDate DECIDED = LocalDate.of(2026, 6, 1);
    private final LoanProduct participative = new LoanProduct("PARTICIPATIVE", "Prêt participatif", Instrument.QUASI_EQUITY,
            new BigDecimal("1"), new BigDecimal("4"), 12, 120, 24, RepaymentFrequency.MONTHLY, GraceInterest.PAID);

    /** 12,000.00 at 2 % over 12 months from 5 September 2026 (first line 990.86 + 20.00), disbursed. */
    private Allocation loan() {
        Association cvl = Fixtures.cvl();
        Allocation al = Fixtures.committedQuasiEquity(cvl, Fixtures.laFabrique(cvl), DECIDED);
        al.disburse(Money.of("12000.00"), DECIDED, "a", NOW);
        al.scheduleLoan(participative, participative.offer(new BigDecimal("2"), 12, 0), LocalDate.of(2026, 9, 5));
        return al;
    }

    @Test
    void aWriteOffMovesTheRemainingCapitalAndClosesEveryOpenInstalment() {
        Allocation a = loan();
        // the first instalment paid in full: 990.86 of capital repaid, 11,009.14 remain
        a.repay(Money.of("1010.86"), LocalDate.of(2026, 9, 5), "a", NOW);
        assertEquals(Money.of("11009.14"), a.remainingCapital());
        assertTrue(a.owed().isGreaterThan(a.remainingCapital()), "interest is owed too");
        LedgerMovement m = a.writeOff(LocalDate.of(2026, 11, 26), "a", NOW);
        assertEquals(MovementKind.WRITE_OFF, m.getKind());
        assertEquals(Money.of("11009.14"), m.getAmount(), "the capital lost, not the interest given up");
        assertEquals(Money.zero(), a.owed());
        assertEquals(11, a.getInstalments().stream().filter(i -> i.getStatus() == InstalmentStatus.WRITTEN_OFF).count());
        rule("instalment.nothingOpen", () -> a.writeOff(LocalDate.of(2026, 11, 26), "a", NOW));
    }

    @Test
    void aRecoveryIsAtMostTheWrittenOffBalanceAndNotAhead() {
        Allocation a = loan();
        Money balance = Money.of("500.00");
        LedgerMovement m = a.recover(Money.of("200.00"), balance, LocalDate.of(2026, 11, 26), "a", NOW);
        assertEquals(MovementKind.RECOVERY, m.getKind());
        assertEquals(Money.of("200.00"), m.getAmount());
        assertEquals(Money.of("500.00"), a.recover(balance, balance, LocalDate.of(2026, 11, 26), "a", NOW).getAmount(),
                "the whole balance may come back");
        RuleException over = rule("recovery.overWrittenOff", () -> a.recover(Money.of("500.01"), balance,
                LocalDate.of(2026, 11, 26), "a", NOW));
        assertEquals(new BigDecimal("500.00"), over.available());
        rule("recovery.nothingWrittenOff", () -> a.recover(Money.of("1.00"), Money.zero(), LocalDate.of(2026, 11, 26), "a", NOW));
        assertEquals("amount", rule("amount.mustBePositive", () -> a.recover(Money.zero(), balance, LocalDate.of(2026, 11, 26),
                "a", NOW)).field());
        assertEquals("date", rule("recovery.dateInFuture", () -> a.recover(Money.of("1.00"), balance,
                LocalDate.of(2026, 11, 28), "a", NOW)).field());
    }
}
