package fr.essor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.application.Application;
import fr.essor.model.application.ApplicationReference;
import fr.essor.model.application.FinancingLine;
import fr.essor.model.application.Instrument;
import fr.essor.model.application.Stage;
import fr.essor.model.association.Association;
import fr.essor.model.committee.Decision;
import fr.essor.model.committee.GrantedLine;
import fr.essor.model.convention.Allocation;
import fr.essor.model.convention.Convention;
import fr.essor.model.convention.ConventionKind;
import fr.essor.model.enterprise.Enterprise;
import fr.essor.model.enterprise.LegalForm;
import fr.essor.model.partner.Partner;
import fr.essor.model.partner.PartnerKind;
import fr.essor.model.shared.Money;
import fr.essor.model.shared.RuleException;
import fr.essor.model.shared.Siret;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.function.Executable;

/**
 * The model tests' shared fixtures: an association, an enterprise and its file taken to a committee, an approval and a
 * committed loan, built the same way for the tests of agreements, conditions and loans; and the check of a refused rule.
 */
public final class Fixtures {

    /** The instant every fixture is made at. */
    public static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private Fixtures() {
    }

    /** The rule {@code e} breaks, asserted to be {@code key}. */
    public static RuleException rule(String key, Executable e) {
        RuleException ex = assertThrows(RuleException.class, e);
        assertEquals(key, ex.key());
        return ex;
    }

    /** The Centre-Val de Loire association. */
    public static Association cvl() {
        return new Association("CVL", "France Active Centre-Val de Loire", "Centre-Val de Loire");
    }

    /** La Fabrique, a SCIC of Orléans in {@code association}, with no owner. */
    public static Enterprise laFabrique(Association association) {
        Enterprise e = new Enterprise("La Fabrique", Siret.of("73282932000074"), LegalForm.SCIC, association);
        e.changeAddress("1 rue", "45000", "Orléans", "45");
        return e;
    }

    /** La Fabrique owned by its entrepreneur p@demo.essor. */
    public static Enterprise ownedLaFabrique(Association association) {
        Enterprise e = laFabrique(association);
        e.addOwner(new UserAccount("p@demo.essor", "P", "h", Set.of(Role.ENTREPRENEUR), NOW));
        return e;
    }

    /** The enterprise's file CVL-2026-1, submitted, reviewed and put on a committee's agenda. */
    public static Application onAgenda(Enterprise e) {
        return onAgenda(e, 2026);
    }

    /** The enterprise's file CVL-{@code year}-1, submitted, reviewed and put on a committee's agenda. */
    public static Application onAgenda(Enterprise e, int year) {
        Application a = new Application(ApplicationReference.of("CVL", year, 1), e, "Épicerie", Stage.CREATION, null,
                "p@demo.essor", NOW);
        a.submit("p", NOW);
        a.startReview("c", NOW);
        a.markReadyForCommittee("c", NOW);
        a.putOnAgenda("c", NOW);
        return a;
    }

    /** The owned La Fabrique's file approved on {@code decided}: an 8,000.00 honour loan over 60 months and a 3,000.00 grant. */
    public static Decision honourLoanAndGrant(Association association, LocalDate decided) {
        return Decision.approve(onAgenda(ownedLaFabrique(association)), List.of(
                FinancingLine.of(Instrument.HONOUR_LOAN, Money.of("8000.00"), 60, null, null, null),
                FinancingLine.of(Instrument.GRANT, Money.of("3000.00"), null, null, null, null)), null, decided,
                "comite@demo.essor", NOW);
    }

    /**
     * 12,000.00 of quasi-equity over 12 months granted on {@code decided} to {@code e}'s file and committed on the active
     * BDT-2026 financing fund of 50,000.00.
     */
    public static Allocation committedQuasiEquity(Association association, Enterprise e, LocalDate decided) {
        GrantedLine line = Decision.approve(onAgenda(e), List.of(FinancingLine.of(Instrument.QUASI_EQUITY, Money.of("12000.00"), 12,
                null, null, null)), null, decided, "comite@demo.essor", NOW).getGranted().get(0);
        Convention c = new Convention("BDT-2026", new Partner("BDT", PartnerKind.PUBLIC_BANK), association,
                ConventionKind.FINANCING_FUND, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), Money.of("50000.00"), true);
        c.activate();
        return Allocation.commit(c, line, Money.of("12000.00"), Money.of("50000.00"), Money.of("12000.00"), decided, "a", NOW);
    }
}
