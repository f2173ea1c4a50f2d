package fr.essor.demo;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.application.Application;
import fr.essor.model.application.FinancingLine;
import fr.essor.model.application.Instrument;
import fr.essor.model.application.Stage;
import fr.essor.model.association.Association;
import fr.essor.model.committee.Decision;
import fr.essor.model.committee.GrantedLine;
import fr.essor.model.convention.Allocation;
import fr.essor.model.convention.Convention;
import fr.essor.model.convention.ConventionKind;
import fr.essor.model.convention.Instalment;
import fr.essor.model.convention.LoanProduct;
import fr.essor.model.convention.Repayment;
import fr.essor.model.enterprise.Enterprise;
import fr.essor.model.enterprise.LegalForm;
import fr.essor.model.partner.Partner;
import fr.essor.model.shared.Money;
import fr.essor.model.shared.Siret;
import fr.essor.service.application.ReferenceService;
import fr.essor.service.arrears.ArrearsRunner;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Issue 14, arrears, in the demo: Bretagne's enterprise Breizh Récup (owner {@code porteur-bzh@demo.essor})
 * with four participative loans of the Caisse Solidaire's solidarity fund (2 % over 36 months), each
 * repaid on time up to an instalment left unpaid about 15, 60, 135 and 250 days ago: one loan in each
 * delinquency bucket. Then the arrears run as of today, without mail (the nightly run and an
 * administrator's run mail the dunning notices).
 */
@Stateless
public class ArrearsDemo {

    static final String OWNER = "porteur-bzh@demo.essor";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Days past due of each loan's oldest unpaid instalment, its amount and how many instalments were paid before. */
    private static final int[][] LOANS = {{15, 8000, 6}, {60, 10000, 6}, {135, 12000, 4}, {250, 6000, 2}};

    @PersistenceContext(unitName = "essor")
    private EntityManager em;

    @EJB
    private ReferenceService references;

    @EJB
    private ArrearsRunner arrears;

    private final Clock clock = Clock.systemUTC();

    public void load(Association bzh, Partner caisse, String passwordHash) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.now(PARIS);
        String advisor = "conseil-bzh@demo.essor";
        UserAccount owner = new UserAccount(OWNER, "Erwan Porteur", passwordHash, EnumSet.of(Role.ENTREPRENEUR), now);
        em.persist(owner);
        Enterprise e = new Enterprise("Breizh Récup", Siret.of("91234567500009"), LegalForm.SCOP, bzh);
        e.recordEsusApproval(true);
        e.changeAddress("8 quai Duguay-Trouin", "35000", "Rennes", "35");
        e.describeActivity("Réemploi de matériaux du bâtiment", LocalDate.of(2021, 5, 3), new BigDecimal("5.00"));
        e.addOwner(owner);
        em.persist(e);
        LocalDate first = decidedOn(today);
        Application a = new Application(references.next(bzh.getCode(), first.getYear()), e,
                "Plateforme de réemploi de matériaux", Stage.DEVELOPMENT, null, advisor, now);
        em.persist(a);
        a.submit(advisor, now);
        a.startReview(advisor, now);
        a.markReadyForCommittee(advisor, now);
        a.putOnAgenda(advisor, now);
        List<FinancingLine> lines = new ArrayList<>();
        for (int[] l : LOANS) {
            lines.add(FinancingLine.of(Instrument.QUASI_EQUITY, Money.of(BigDecimal.valueOf(l[1]).setScale(2)), 36, null, null,
                    null));
        }
        Decision d = Decision.approve(a, lines, null, first, "comite-bzh@demo.essor", now);
        em.persist(d);
        Convention fund = new Convention("CAISSE-BZH-" + today.getYear() + "-PRETS-SOLIDAIRES", caisse, bzh,
                ConventionKind.FINANCING_FUND, LocalDate.of(first.getYear(), 1, 1), LocalDate.of(today.getYear(), 12, 31),
                Money.of("80000.00"), true);
        fund.restrictTo(List.of(Instrument.QUASI_EQUITY), List.of(), List.of(), List.of());
        fund.activate();
        em.persist(fund);
        em.flush();
        LoanProduct product = em.createQuery("SELECT p FROM LoanProduct p WHERE p.code = 'PARTICIPATIVE'", LoanProduct.class)
                .getSingleResult();
        Money available = fund.getAmount();
        for (int k = 0; k < LOANS.length; k++) {
            int[] l = LOANS[k];
            GrantedLine line = d.getGranted().get(k);
            Money amount = line.getLine().getAmount();
            LocalDate firstDue = firstDueOn(today, l);
            LocalDate disbursed = firstDue.minusMonths(1);
            Allocation loan = Allocation.commit(fund, line, amount, available, amount, allocatedOn(today, l), advisor, now);
            available = available.minus(amount);
            em.persist(loan);
            em.persist(loan.commitment());
            em.persist(loan.disburse(amount, disbursed, advisor, now));
            loan.scheduleLoan(product, product.offer(new BigDecimal("2"), 36, 0), firstDue);
            em.flush();
            List<Instalment> paid = loan.getInstalments().subList(0, l[2]);
            for (Instalment i : List.copyOf(paid)) {
                Repayment r = loan.repay(i.owed(), i.getDueDate(), advisor, now);
                em.persist(r);
                em.persist(loan.movementOf(r));
            }
        }
        a.markContracted(advisor, now);
        em.flush();
        em.createNativeQuery(NetworkGenerator.CONVENTION_TOTALS + " WHERE id = ?").setParameter(1, fund.getId()).executeUpdate();
        arrears.run(today, "system", false);
    }

    /** The first instalment of a loan of {@link #LOANS}: the instalment after the paid ones falls due l[0] days ago. */
    static LocalDate firstDueOn(LocalDate today, int[] loan) {
        return today.minusDays(loan[0]).minusMonths(loan[2]);
    }

    /** A loan is disbursed a month before its first instalment and allocated five days before that. */
    static LocalDate allocatedOn(LocalDate today, int[] loan) {
        return firstDueOn(today, loan).minusMonths(1).minusDays(5);
    }

    /**
     * The committee's decision, fifteen days before the earliest allocation: the file's year and the
     * fund's period start from it, so that every allocation falls in the period whatever the day the
     * demo is loaded (on 7 December the oldest loan was allocated in the year before).
     */
    static LocalDate decidedOn(LocalDate today) {
        LocalDate first = today;
        for (int[] l : LOANS) {
            LocalDate allocated = allocatedOn(today, l);
            first = allocated.isBefore(first) ? allocated : first;
        }
        return first.minusDays(15);
    }

    static int[][] loans() {
        return LOANS.clone();
    }
}
