package fr.essor.model.convention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.application.Application;
import fr.essor.model.application.ApplicationReference;
import fr.essor.model.application.FinancingLine;
import fr.essor.model.application.Instrument;
import fr.essor.model.application.Stage;
import fr.essor.model.association.Association;
import fr.essor.model.committee.Decision;
import fr.essor.model.committee.GrantedLine;
import fr.essor.model.enterprise.Enterprise;
import fr.essor.model.enterprise.LegalForm;
import fr.essor.model.partner.Partner;
import fr.essor.model.partner.PartnerKind;
import fr.essor.model.shared.Money;
import fr.essor.model.shared.RuleException;
import fr.essor.model.shared.Siret;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Issue 14, arrears: a write-off moves the remaining capital (not the interest ahead) out; recoveries after it are capped. */
class LoanWriteOffTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final LocalDate DECIDED = LocalDate.of(2026, 6, 1);
    private final LoanProduct participative = new LoanProduct("PARTICIPATIVE", "Prêt participatif", Instrument.QUASI_EQUITY,
            new BigDecimal("1"), new BigDecimal("4"), 12, 120, 24, RepaymentFrequency.MONTHLY, GraceInterest.PAID);

    private static RuleException rule(String key, Executable e) {
        RuleException ex = assertThrows(RuleException.class, e);
        assertEquals(key, ex.key());
        return ex;
    }

    /** 12,000.00 at 2 % over 12 months from 5 September 2026 (first line 990.86 + 20.00), disbursed. */
    private Allocation loan() {
        Association cvl = new Association("CVL", "France Active Centre-Val de Loire", "Centre-Val de Loire");
        Enterprise e = new Enterprise("La Fabrique", Siret.of("73282932000074"), LegalForm.SCIC, cvl);
        e.changeAddress("1 rue", "45000", "Orléans", "45");
        Application a = new Application(ApplicationReference.of("CVL", 2026, 1), e, "Épicerie", Stage.CREATION, null,
                "p@demo.essor", NOW);
        a.submit("p", NOW);
        a.startReview("c", NOW);
        a.markReadyForCommittee("c", NOW);
        a.putOnAgenda("c", NOW);
        GrantedLine line = Decision.approve(a, List.of(FinancingLine.of(Instrument.QUASI_EQUITY, Money.of("12000.00"), 12,
                null, null, null)), null, DECIDED, "comite@demo.essor", NOW).getGranted().get(0);
        Convention c = new Convention("BDT-2026", new Partner("BDT", PartnerKind.PUBLIC_BANK), cvl,
                ConventionKind.FINANCING_FUND, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), Money.of("50000.00"), true);
        c.activate();
        Allocation al = Allocation.commit(c, line, Money.of("12000.00"), Money.of("50000.00"), Money.of("12000.00"),
                DECIDED, "a", NOW);
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
