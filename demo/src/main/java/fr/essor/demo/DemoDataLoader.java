package fr.essor.demo;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.application.Application;
import fr.essor.model.application.ApplicationDocument;
import fr.essor.model.application.DecisionOutcome;
import fr.essor.model.application.DocumentContent;
import fr.essor.model.application.DocumentKind;
import fr.essor.model.application.FinancingLine;
import fr.essor.model.application.Instrument;
import fr.essor.model.application.PlanItem;
import fr.essor.model.application.Review;
import fr.essor.model.application.ScoreCriterion;
import fr.essor.model.application.Stage;
import fr.essor.model.association.Association;
import fr.essor.model.committee.AgendaItem;
import fr.essor.model.committee.Committee;
import fr.essor.model.committee.CommitteeSession;
import fr.essor.model.committee.ConditionKind;
import fr.essor.model.committee.Decision;
import fr.essor.model.committee.DecisionCondition;
import fr.essor.model.committee.GrantedLine;
import fr.essor.model.committee.MemberRole;
import fr.essor.model.committee.SessionMinutes;
import fr.essor.model.committee.VoteChoice;
import fr.essor.model.convention.Allocation;
import fr.essor.model.convention.Convention;
import fr.essor.model.convention.ConventionKind;
import fr.essor.model.convention.GuaranteeCall;
import fr.essor.model.convention.GuaranteeRecovery;
import fr.essor.model.convention.GuaranteedLoan;
import fr.essor.model.convention.Instalment;
import fr.essor.model.convention.LoanProduct;
import fr.essor.model.convention.MoneyProposal;
import fr.essor.model.convention.ProposalKind;
import fr.essor.model.convention.Repayment;
import fr.essor.model.enterprise.Enterprise;
import fr.essor.model.enterprise.LegalForm;
import fr.essor.model.partner.Partner;
import fr.essor.model.partner.PartnerContact;
import fr.essor.model.partner.PartnerKind;
import fr.essor.model.rules.AssociationRules;
import fr.essor.model.rules.NetworkLimits;
import fr.essor.model.shared.Crypto;
import fr.essor.model.shared.Money;
import fr.essor.model.shared.Siret;
import fr.essor.model.support.SupportKind;
import fr.essor.model.support.SupportRecord;
import fr.essor.service.application.ReferenceService;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.audit.AuditService;
import fr.essor.service.config.DatabaseBootstrap;
import fr.essor.service.config.EssorConfig;
import fr.essor.service.report.SessionMinutesReport;
import fr.essor.service.security.PasswordHasher;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;


/**
 * Loads the demo data of DESIGN.md when asked ({@code ESSOR_DEMO_DATA}; on by default on the
 * embedded database) and only on a database that holds no account yet.
 */
@Singleton
@Startup
@DependsOn("DatabaseBootstrap")
public class DemoDataLoader {

    public static final String DEMO_PASSWORD = "essor-demo";
    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class.getName());

    @PersistenceContext(unitName = "essor")
    private EntityManager em;

    @EJB
    private DatabaseBootstrap database;

    @EJB
    private AuditService audit;

    @EJB
    private ReferenceService references;

    @EJB
    private ArrearsDemo arrearsDemo;

    @Inject
    private EssorConfig config;

    @Resource(lookup = DatabaseBootstrap.DATA_SOURCE)
    private DataSource dataSource;

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Clock clock = Clock.systemUTC();
    private String passwordHash;

    /**
     * TEST ONLY: loads the demo data again on a schema that {@link TestReset} has just emptied and
     * migrated (the container tests' shared server, between two test classes).
     */
    public void loadAfterTestReset() {
        load();
    }

    @PostConstruct
    void load() {
        if (!config.demoDataWanted(database.kind())) {
            LOG.info(() -> "Essor demo data: off (ESSOR_DEMO_DATA=" + config.demoDataSetting() + ", " + database.kind() + ")");
            return;
        }
        long accounts = em.createQuery("SELECT COUNT(a) FROM UserAccount a", Long.class).getSingleResult();
        if (accounts > 0) {
            LOG.info(() -> "Essor demo data: not loaded, the database already holds " + accounts + " account(s)");
            return;
        }
        passwordHash = PasswordHasher.hash(DEMO_PASSWORD.toCharArray());
        Association cvl = new Association("CVL", "France Active Centre-Val de Loire", "Centre-Val de Loire");
        em.persist(cvl);
        em.flush();
        // CVL's rules version 1: the network's limits, no checklist beyond one document, every criterion
        // weighing 1, the committee's quorum and a simple majority (the demo's files are decided as before rules)
        NetworkLimits network = em.createQuery("SELECT n FROM NetworkLimits n WHERE n.number = 1", NetworkLimits.class)
                .getSingleResult();
        em.persist(AssociationRules.first(cvl, network, "system", Instant.now(clock)));
        for (String department : new String[] {"18", "28", "36", "37", "41", "45"}) {
            em.createNativeQuery("INSERT INTO association_department (association_id, department) VALUES (?1, ?2)")
                    .setParameter(1, cvl.getId()).setParameter(2, department).executeUpdate();
        }
        Partner bdt = new Partner("Banque des Territoires", PartnerKind.PUBLIC_BANK);
        Partner region = new Partner("Région Centre-Val de Loire", PartnerKind.REGION);
        em.persist(bdt);
        em.persist(region);

        account("admin@demo.essor", "Alice Administratrice", null, null, Role.ADMIN);
        account("conseil@demo.essor", "Camille Conseillère", cvl, null, Role.ADVISOR);
        UserAccount chair = account("comite@demo.essor", "Claude Président·e du comité", cvl, null, Role.COMMITTEE_MEMBER);
        UserAccount banker = account("membre1@demo.essor", "Marc Banquier", cvl, null, Role.COMMITTEE_MEMBER);
        UserAccount member2 = account("membre2@demo.essor", "Nadia Entrepreneure ESS", cvl, null, Role.COMMITTEE_MEMBER);
        UserAccount member3 = account("membre3@demo.essor", "Olivier Élu local", cvl, null, Role.COMMITTEE_MEMBER);
        account("partenaire@demo.essor", "Paul Partenaire", null, bdt, Role.PARTNER);
        account("region@demo.essor", "Rachida Région", null, region, Role.PARTNER);
        UserAccount porteur = account("porteur@demo.essor", "Pauline Porteuse", null, null, Role.ENTREPRENEUR);
        UserAccount porteur2 = account("porteur2@demo.essor", "Pierre Porteur", null, null, Role.ENTREPRENEUR);

        Enterprise fabrique = enterprise("La Fabrique Solidaire", "81234567800013", LegalForm.SCIC, true,
                "12 rue de Bourgogne", "45000", "Orléans", "45", "Réemploi et recyclerie", LocalDate.of(2019, 3, 14),
                new BigDecimal("6.50"), cvl, porteur);
        Enterprise velo = enterprise("Coop'Vélo Tours", "88765432100017", LegalForm.SCOP, false,
                "3 quai Paul Bert", "37100", "Tours", "37", "Mobilité douce", LocalDate.of(2021, 9, 1),
                new BigDecimal("3.00"), cvl, porteur2);

        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        int year = LocalDate.now(clock.withZone(ZoneOffset.UTC)).getYear();
        String p = porteur.getEmail();
        String advisor = "conseil@demo.essor";

        Application draft = application(fabrique, "Extension de la recyclerie", Stage.DEVELOPMENT, p, year, now);
        draft.serveTerritory("Orléans Métropole");
        Application submitted = application(fabrique, "Atelier de réparation d'électroménager", Stage.CREATION, p, year, now);
        complete(submitted, now);
        submitted.submit(p, now);
        Application review = application(fabrique, "Boutique solidaire en centre-ville", Stage.DEVELOPMENT, p, year, now);
        complete(review, now);
        review.submit(p, now);
        review.startReview(advisor, now);
        Application info = application(fabrique, "Camion de collecte", Stage.CONSOLIDATION, p, year, now);
        complete(info, now);
        info.submit(p, now);
        info.startReview(advisor, now);
        info.requestInformation(advisor, now, "Merci de joindre le devis du véhicule.");
        Application velo1 = application(velo, "Atelier vélo participatif", Stage.CREATION, porteur2.getEmail(), year, now);
        complete(velo1, now);
        velo1.submit(porteur2.getEmail(), now);

        committees(cvl, fabrique, velo, porteur, porteur2, chair, List.of(chair, banker, member2, member3), now, year);
        conventions(cvl, bdt, region, now);
        afterDecision(velo, chair, List.of(chair, banker, member2, member3), year, now);
        year2021(cvl);
        secondAssociation();
        DemoAgreements.load(em, now); // issue 13, item 2 (branch agree)
        DemoFollowUps.load(em, fabrique, List.of(chair, banker, member2, member3), now, this::readyFollowedFile);

        audit.record("system", "Demo", "-", AuditAction.LOAD, "Demo data loaded");
        LOG.info("Essor demo data: loaded (16 demo accounts in two associations, CVL and BZH, password " + DEMO_PASSWORD + ")");
        loadSupportRecords();
    }

    /**
     * Advice given this year by the CVL advisor to the two demo enterprises, dated from January
     * on and never after today, so that they count as "enterprises advised" of the current year.
     */
    private void loadSupportRecords() {
        UserAccount advisor = em.createQuery("SELECT a FROM UserAccount a WHERE a.email = :e", UserAccount.class)
                .setParameter("e", "conseil@demo.essor").getSingleResult();
        Enterprise fabrique = em.createQuery("SELECT e FROM Enterprise e WHERE e.siret = :s", Enterprise.class)
                .setParameter("s", Siret.of("81234567800013")).getSingleResult();
        Enterprise velo = em.createQuery("SELECT e FROM Enterprise e WHERE e.siret = :s", Enterprise.class)
                .setParameter("s", Siret.of("88765432100017")).getSingleResult();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")));
        LocalDate january = today.withDayOfYear(1);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        Object[][] records = {
            {fabrique, 5, SupportKind.DIAGNOSTIC, 120, "Diagnostic de la recyclerie : modèle économique, besoins de financement."},
            {fabrique, 40, SupportKind.FOLLOW_UP, 60, "Point sur le plan de financement de la boutique solidaire."},
            {fabrique, 75, SupportKind.DLA, 180, "Orientation vers le DLA du Loiret pour structurer la gouvernance de la SCIC."},
            {velo, 12, SupportKind.DIAGNOSTIC, 90, "Premier rendez-vous : projet d'atelier vélo participatif."},
            {velo, 60, SupportKind.COLLECTIVE_WORKSHOP, 150, "Atelier collectif « Construire son prévisionnel »."},
        };
        for (Object[] r : records) {
            // spread over the year so far; early in January every record falls on the 1st
            LocalDate date = january.plusDays(Math.min((int) r[1], today.getDayOfYear() - 1));
            em.persist(new SupportRecord((Enterprise) r[0], advisor, date, (SupportKind) r[2], (int) r[3], (String) r[4],
                    now, today));
        }
        em.flush();
        audit.record("system", "Demo", "-", AuditAction.LOAD_SUPPORT, records.length + " demo support records loaded");
    }

    /**
     * The CVL committee (quorum 3), two past sessions closed with their minutes, and a planned one:
     * files APPROVED, DEFERRED and REJECTED by the committee, one ON_AGENDA, one READY_FOR_COMMITTEE.
     */
    private void committees(Association cvl, Enterprise fabrique, Enterprise velo, UserAccount porteur, UserAccount porteur2,
                            UserAccount chair, List<UserAccount> members, Instant now, int year) {
        UserAccount advisor = em.createQuery("SELECT a FROM UserAccount a WHERE a.email = 'conseil@demo.essor'",
                UserAccount.class).getSingleResult();
        Committee committee = new Committee(cvl, "Comité d'engagement Centre-Val de Loire", 3);
        committee.seat(chair, MemberRole.CHAIR);
        for (UserAccount m : members.subList(1, members.size())) {
            committee.seat(m, MemberRole.MEMBER);
        }
        em.persist(committee);
        em.flush();
        LocalDate today = LocalDate.now(PARIS);
        String p1 = porteur.getEmail();
        String p2 = porteur2.getEmail();

        // an older session: one approval for Coop'Vélo
        LocalDateTime older = today.minusDays(75).atTime(17, 30);
        Application cargo = readyFile(velo, "Vélos-cargos pour la livraison du dernier kilomètre", Stage.CREATION, p2, year,
                at(older.minusDays(30)), advisor, 4);
        CommitteeSession first = new CommitteeSession(committee, older, "Maison de l'ESS, Tours", null);
        em.persist(first);
        AgendaItem cargoItem = first.addToAgenda(cargo, advisor, advisor.getEmail(), at(older.minusDays(10)));
        first.open(chair, members, at(older));
        vote(first, cargoItem, members, VoteChoice.FOR, VoteChoice.FOR, VoteChoice.FOR, VoteChoice.ABSTAIN);
        em.persist(first.recordDecision(cargoItem, chair, DecisionOutcome.APPROVED, List.of(
                FinancingLine.of(Instrument.GRANT, Money.of("5000.00"), null, null, null, null),
                FinancingLine.of(Instrument.HONOUR_LOAN, Money.of("10000.00"), 48, null, null, null)),
                null, null, at(older.plusMinutes(40))));
        first.close(chair, at(older.plusHours(2)));
        em.flush();
        keepMinutes(first);

        // the last session: approved, deferred and rejected files, a conflict of interest
        LocalDateTime last = today.minusDays(20).atTime(14, 0);
        Application approved = readyFile(fabrique, "Épicerie solidaire itinérante", Stage.CREATION, p1, year,
                at(last.minusDays(30)), advisor, 4);
        Application deferred = readyFile(velo, "Local de stockage et atelier", Stage.DEVELOPMENT, p2, year,
                at(last.minusDays(28)), advisor, 3);
        Application rejected = readyFile(velo, "Flotte de trottinettes en libre-service", Stage.EMERGENCE, p2, year,
                at(last.minusDays(27)), advisor, 2);
        CommitteeSession second = new CommitteeSession(committee, last, "France Active Centre-Val de Loire, Orléans",
                "https://visio.example.org/comite-cvl");
        em.persist(second);
        AgendaItem a1 = second.addToAgenda(approved, advisor, advisor.getEmail(), at(last.minusDays(7)));
        AgendaItem a2 = second.addToAgenda(deferred, advisor, advisor.getEmail(), at(last.minusDays(7)));
        AgendaItem a3 = second.addToAgenda(rejected, advisor, advisor.getEmail(), at(last.minusDays(7)));
        second.declareConflict(a2, members.get(1), "Banque de l'entreprise", at(last.minusDays(2)));
        second.open(chair, members, at(last));
        vote(second, a1, members, VoteChoice.FOR, VoteChoice.FOR, VoteChoice.FOR, VoteChoice.FOR);
        em.persist(second.recordDecision(a1, chair, DecisionOutcome.APPROVED, List.of(
                FinancingLine.of(Instrument.HONOUR_LOAN, Money.of("8000.00"), 60, null, null, null),
                FinancingLine.of(Instrument.GUARANTEE, Money.of("20000.00"), 84, "Crédit Coopératif", Money.of("40000.00"),
                        new BigDecimal("50.00"))),
                "Versement du prêt d'honneur sur présentation du prêt bancaire signé.", null, at(last.plusMinutes(30))));
        vote(second, a2, members, VoteChoice.ABSTAIN, null, VoteChoice.FOR, VoteChoice.ABSTAIN);
        em.persist(second.recordDecision(a2, chair, DecisionOutcome.DEFERRED, null, null,
                "Prévisionnel à consolider avec le bail du local.", at(last.plusMinutes(50))));
        vote(second, a3, members, VoteChoice.AGAINST, VoteChoice.AGAINST, VoteChoice.AGAINST, VoteChoice.FOR);
        em.persist(second.recordDecision(a3, chair, DecisionOutcome.REJECTED, null, null,
                "Modèle économique non démontré et forte concurrence sur le territoire.", at(last.plusMinutes(70))));
        second.close(chair, at(last.plusHours(2)));
        em.flush();
        keepMinutes(second);

        // the coming session: one file on its agenda, another ready for the advisor to add
        LocalDateTime next = today.plusDays(14).atTime(14, 0);
        Application onAgenda = readyFile(fabrique, "Ressourcerie numérique", Stage.DEVELOPMENT, p1, year,
                at(today.minusDays(12).atTime(9, 0)), advisor, 4);
        readyFile(velo, "Vélo-école pour adultes", Stage.CREATION, p2, year, at(today.minusDays(10).atTime(9, 0)), advisor, 4);
        CommitteeSession planned = new CommitteeSession(committee, next, "France Active Centre-Val de Loire, Orléans",
                "https://visio.example.org/comite-cvl");
        em.persist(planned);
        planned.addToAgenda(onAgenda, advisor, advisor.getEmail(), now);
        em.flush();
    }

    /**
     * Banque des Territoires' 2021 operating support (45,000 EUR, targets on enterprises advised and
     * financed), its honour-loan and guarantee funds of this year, the region's fund; the older approved
     * file allocated, partly disbursed, with its repayment schedule; the latest approval left to allocate.
     */
    private void conventions(Association cvl, Partner bdt, Partner region, Instant now) {
        LocalDate today = LocalDate.now(PARIS);
        LocalDate start = LocalDate.of(today.minusDays(120).getYear(), 1, 1);
        LocalDate end = LocalDate.of(today.getYear(), 12, 31);
        Convention support2021 = new Convention("BDT-CVL-2021-FONCTIONNEMENT", bdt, cvl, ConventionKind.OPERATING_SUPPORT,
                LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31), Money.of("45000.00"), false);
        support2021.setTargets(600, 440, null);
        support2021.activate();
        em.persist(support2021);
        Convention loans = new Convention("BDT-CVL-" + today.getYear() + "-PRETS-HONNEUR", bdt, cvl, ConventionKind.FINANCING_FUND,
                start, end, Money.of("300000.00"), true);
        loans.restrictTo(List.of(Instrument.HONOUR_LOAN), List.of(), List.of(), List.of());
        loans.setTargets(null, 40, new BigDecimal("60.00"));
        loans.activate();
        em.persist(loans);
        Convention guarantees = new Convention("BDT-CVL-" + today.getYear() + "-GARANTIES", bdt, cvl, ConventionKind.FINANCING_FUND,
                start, end, Money.of("500000.00"), false);
        guarantees.restrictTo(List.of(Instrument.GUARANTEE), List.of(), List.of(), List.of());
        guarantees.activate();
        em.persist(guarantees);
        Convention regional = new Convention("REGION-CVL-" + today.getYear() + "-FONDS-ESS", region, cvl,
                ConventionKind.FINANCING_FUND, start, end, Money.of("200000.00"), false);
        regional.restrictTo(List.of(Instrument.GRANT, Instrument.HONOUR_LOAN), List.of(), List.of(), List.of(
                Stage.EMERGENCE, Stage.CREATION,
                Stage.DEVELOPMENT));
        regional.setTargets(null, 25, new BigDecimal("40.00"));
        regional.activate();
        em.persist(regional);
        em.flush();

        // the vélos-cargos file: fully allocated (grant from the region, loan from BdT), contracted, disbursed
        List<GrantedLine> cargo = em.createQuery("SELECT g FROM GrantedLine g"
                        + " WHERE g.decision.application.title = :t ORDER BY g.lineNo", GrantedLine.class)
                .setParameter("t", "Vélos-cargos pour la livraison du dernier kilomètre").getResultList();
        String advisor = "conseil@demo.essor";
        LocalDate decided = cargo.get(0).getDecision().getDecisionDate();
        Allocation grant = Allocation.commit(regional, cargo.get(0), cargo.get(0).getLine().getAmount(),
                regional.getAmount(), cargo.get(0).getLine().getAmount(), decided.plusDays(5), advisor, now);
        Allocation loan = Allocation.commit(loans, cargo.get(1), cargo.get(1).getLine().getAmount(), loans.getAmount(),
                cargo.get(1).getLine().getAmount(), decided.plusDays(5), advisor, now);
        for (Allocation a : List.of(grant, loan)) {
            em.persist(a);
            em.persist(a.commitment());
        }
        em.persist(grant.disburse(grant.getAmount(), decided.plusDays(12), advisor, now));
        em.persist(loan.disburse(loan.getAmount(), decided.plusDays(12), advisor, now));
        em.flush();
        loan.scheduleRepayments(decided.plusDays(12).plusMonths(1).withDayOfMonth(5));
        em.flush();
        for (Instalment i : loan.getInstalments()) {
            if (i.getDueDate().isBefore(today)) {
                em.persist(loan.pay(i.getId(), i.getDueDate(), advisor, now));
            }
        }
        cargo.get(0).getDecision().getApplication().markContracted(advisor, now);
        em.flush();
        // the running totals the allocation guard keeps on the convention's row (issue 15), from the ledger just written
        em.createNativeQuery(NetworkGenerator.CONVENTION_TOTALS + " WHERE id IN (?, ?)").setParameter(1, regional.getId())
                .setParameter(2, loans.getId()).executeUpdate();
    }

    /**
     * After the decision (issue 13): Coop'Vélo's file approved 45 days ago with two conditions
     * precedent, the signed quote (lifted) and the co-financing of the honour loan (open, so the loan
     * waits); its 12,000.00 grant allocated from the region's fund and its disbursement, above the
     * association's four-eyes threshold, proposed by the advisor and waiting for a second person.
     */
    private void afterDecision(Enterprise velo, UserAccount chair, List<UserAccount> members, int year, Instant now) {
        UserAccount advisor = em.createQuery("SELECT a FROM UserAccount a WHERE a.email = 'conseil@demo.essor'",
                UserAccount.class).getSingleResult();
        Committee committee = em.createQuery("SELECT c FROM Committee c WHERE c.association = :a", Committee.class)
                .setParameter("a", velo.getAssociation()).getResultList().get(0);
        LocalDate today = LocalDate.now(PARIS);
        LocalDateTime when = today.minusDays(45).atTime(14, 0);
        Application file = readyFile(velo, "Flotte de vélos-cargos électriques", Stage.DEVELOPMENT,
                velo.getOwners().iterator().next().getEmail(), year, at(when.minusDays(30)), advisor, 4);
        CommitteeSession session = new CommitteeSession(committee, when, "Maison de l'ESS, Tours", null);
        em.persist(session);
        AgendaItem item = session.addToAgenda(file, advisor, advisor.getEmail(), at(when.minusDays(7)));
        session.open(chair, members, at(when));
        vote(session, item, members, VoteChoice.FOR, VoteChoice.FOR, VoteChoice.FOR, VoteChoice.FOR);
        Decision decision = session.recordDecision(item, chair, DecisionOutcome.APPROVED, List.of(
                FinancingLine.of(Instrument.HONOUR_LOAN, Money.of("8000.00"), 60, null, null, null),
                FinancingLine.of(Instrument.GRANT, Money.of("12000.00"), null, null, null, null)),
                "Voir les conditions suspensives.", "Subvention d'investissement ajoutée en séance.", at(when.plusMinutes(30)));
        em.persist(decision);
        session.close(chair, at(when.plusHours(2)));
        em.flush();
        keepMinutes(session);

        DecisionCondition quote = new DecisionCondition(decision, null, ConditionKind.DOCUMENT,
                "Devis signé des vélos-cargos", null, decision.getDecisionDate().plusDays(30), chair.getEmail(), at(when));
        quote.lift("Devis reçu et conforme.", advisor.getEmail(), at(when.plusDays(10)));
        DecisionCondition cofinancing = new DecisionCondition(decision, decision.getGranted().get(0), ConditionKind.CO_FINANCING,
                "Accord de Tours Métropole sur le cofinancement", null, today.plusDays(20), chair.getEmail(), at(when));
        em.persist(quote);
        em.persist(cofinancing);

        Convention regional = em.createQuery("SELECT c FROM Convention c WHERE c.reference = :r", Convention.class)
                .setParameter("r", "REGION-CVL-" + today.getYear() + "-FONDS-ESS").getSingleResult();
        GrantedLine grantLine = decision.getGranted().get(1);
        Allocation grant = Allocation.commit(regional, grantLine, grantLine.getLine().getAmount(), regional.getAmount(),
                grantLine.getLine().getAmount(), today.minusDays(5), advisor.getEmail(), now);
        em.persist(grant);
        em.persist(grant.commitment());
        em.flush();
        em.persist(new MoneyProposal(grant, velo.getAssociation().getId(), ProposalKind.DISBURSEMENT, grantLine.getLine().getAmount(),
                today.minusDays(1), advisor.getEmail(), now));
        em.flush();
        em.createNativeQuery(NetworkGenerator.CONVENTION_TOTALS + " WHERE id = ?").setParameter(1, regional.getId())
                .executeUpdate();
    }

    /**
     * Follow-up (issue 13, item 4): a file of La Fabrique Solidaire approved at a session seven months ago,
     * contracted, for {@link DemoFollowUps}; returns its decision.
     */
    private Decision readyFollowedFile(Enterprise fabrique, List<UserAccount> members, LocalDateTime when) {
        UserAccount advisor = em.createQuery("SELECT a FROM UserAccount a WHERE a.email = 'conseil@demo.essor'",
                UserAccount.class).getSingleResult();
        Committee committee = em.createQuery("SELECT c FROM Committee c WHERE c.association = :a", Committee.class)
                .setParameter("a", fabrique.getAssociation()).getResultList().get(0);
        UserAccount chair = members.get(0);
        Application file = readyFile(fabrique, "Recyclerie mobile en milieu rural", Stage.DEVELOPMENT,
                fabrique.getOwners().iterator().next().getEmail(), when.getYear(), at(when.minusDays(30)), advisor, 4);
        CommitteeSession session = new CommitteeSession(committee, when, "Orléans, Maison des associations", null);
        em.persist(session);
        AgendaItem item = session.addToAgenda(file, advisor, advisor.getEmail(), at(when.minusDays(7)));
        session.open(chair, members, at(when));
        vote(session, item, members, VoteChoice.FOR, VoteChoice.FOR, VoteChoice.FOR, VoteChoice.FOR);
        Decision decision = session.recordDecision(item, chair, DecisionOutcome.APPROVED, List.of(
                FinancingLine.of(Instrument.HONOUR_LOAN, Money.of("8000.00"), 60, null, null, null)),
                null, null, at(when.plusMinutes(30)));
        em.persist(decision);
        session.close(chair, at(when.plusHours(2)));
        em.flush();
        keepMinutes(session);
        file.markContracted(advisor.getEmail(), at(when.plusDays(10)));
        em.flush();
        return decision;
    }

    /** The press release's figures for 2021: 605 enterprises advised, 450 financed, 6,250,000.00 EUR mobilised. */
    public static final int ADVISED_2021 = 605;
    public static final int FINANCED_2021 = 450;
    public static final long MOBILISED_2021_CENTS = 6_250_000_00L;

    /** Centre-Val de Loire's 2021, generated deterministically (seed 2021) and written with JDBC in this transaction. */
    private void year2021(Association cvl) {
        em.flush();
        long committee = em.createQuery("SELECT c.id FROM Committee c WHERE c.association = :a", Long.class)
                .setParameter("a", cvl).getResultList().get(0);
        long advisor = em.createQuery("SELECT a.id FROM UserAccount a WHERE a.email = 'conseil@demo.essor'", Long.class)
                .getSingleResult();
        long[] members = em.createQuery("SELECT m.account.id FROM CommitteeMember m WHERE m.committee.id = :c ORDER BY m.id",
                Long.class).setParameter("c", committee).getResultList().stream().mapToLong(Long::longValue).toArray();
        try (Connection c = dataSource.getConnection()) {
            ActivityGenerator.Result r = ActivityGenerator.generate(c, new ActivityGenerator.Plan(cvl.getId(), cvl.getCode(),
                    new String[] {"18", "28", "36", "37", "41", "45"}, 2021, ADVISED_2021, FINANCED_2021, MOBILISED_2021_CENTS,
                    committee, advisor, members, 2021L));
            LOG.info(() -> "Essor demo data: CVL 2021 generated, " + r);
        } catch (SQLException e) {
            throw new IllegalStateException("The 2021 demo year could not be generated", e);
        }
    }

    private static Instant at(LocalDateTime local) {
        return local.atZone(PARIS).toInstant();
    }

    /** Votes of the members in order; null for a member who does not vote (e.g. conflicted). */
    private static void vote(CommitteeSession s, AgendaItem item, List<UserAccount> members, VoteChoice... choices) {
        Instant t = s.getOpenedAt();
        for (int i = 0; i < choices.length; i++) {
            if (choices[i] != null) {
                s.vote(item, members.get(i), choices[i], t.plusSeconds(60L * (item.getPosition() * 10 + i)));
            }
        }
    }

    /** A complete file taken through review, with its analysis note, to READY_FOR_COMMITTEE. */
    private Application readyFile(Enterprise e, String title, Stage stage, String owner, int year, Instant submittedAt,
                                  UserAccount advisor, int score) {
        Application a = application(e, title, stage, owner, year, submittedAt);
        complete(a, submittedAt);
        a.submit(owner, submittedAt);
        a.startReview(advisor.getEmail(), submittedAt.plus(2, ChronoUnit.DAYS));
        a.assignTo(advisor);
        Review review = new Review(a, advisor.getEmail(), submittedAt.plus(5, ChronoUnit.DAYS));
        em.persist(review);
        Map<ScoreCriterion, Integer> scores = new EnumMap<>(ScoreCriterion.class);
        for (ScoreCriterion c : ScoreCriterion.values()) {
            scores.put(c, Math.max(1, Math.min(5, score + (c.ordinal() % 2 == 0 ? 0 : -1))));
        }
        review.revise(scores, "Équipe engagée, ancrage local fort, partenaires identifiés.",
                score >= 4 ? "Besoin en fonds de roulement à suivre." : "Marché incertain, prévisionnel optimiste.",
                score >= 4 ? "Avis favorable." : "Avis réservé.", a.getRequestedLines(), advisor.getEmail(),
                submittedAt.plus(5, ChronoUnit.DAYS));
        a.markReadyForCommittee(advisor.getEmail(), submittedAt.plus(6, ChronoUnit.DAYS));
        return a;
    }

    private void keepMinutes(CommitteeSession s) {
        byte[] pdf = SessionMinutesReport.pdf(s, Locale.FRENCH, PARIS);
        em.persist(new SessionMinutes(s.getId(), pdf, Crypto.sha256Hex(pdf), s.getClosedAt()));
        em.flush();
    }

    /** Gives a demo application a plausible, balanced content and one document, as a real applicant would. */
    private void complete(Application a, Instant now) {
        a.serveTerritory("Loiret (45) et Indre-et-Loire (37)");
        a.replaceRequestedLines(List.of(
                FinancingLine.of(Instrument.HONOUR_LOAN,
                        Money.of("8000.00"), 60, null, null, null),
                FinancingLine.of(Instrument.GUARANTEE,
                        Money.of("20000.00"), 84, "Crédit Coopératif",
                        Money.of("40000.00"), new BigDecimal("50.00"))));
        a.replacePlan(List.of(
                new PlanItem(PlanItem.Kind.USE, "Matériel et aménagement",
                        Money.of("45000.00")),
                new PlanItem(PlanItem.Kind.USE, "Besoin en fonds de roulement",
                        Money.of("8000.00")),
                new PlanItem(PlanItem.Kind.SOURCE, "Prêt bancaire garanti",
                        Money.of("40000.00")),
                new PlanItem(PlanItem.Kind.SOURCE, "Prêt d'honneur",
                        Money.of("8000.00")),
                new PlanItem(PlanItem.Kind.SOURCE, "Apport des associés",
                        Money.of("5000.00"))));
        a.describeImpact(new BigDecimal("2.00"), new BigDecimal("4.50"), 350,
                "Réemploi d'objets et insertion de personnes éloignées de l'emploi.");
        em.persist(a);
        em.flush();
        byte[] pdf = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        ApplicationDocument doc = new ApplicationDocument(a,
                DocumentKind.BUSINESS_PLAN, "plan-d-affaires.pdf", "application/pdf", pdf.length,
                Crypto.sha256Hex(pdf), a.getEnterprise().getOwners().iterator().next().getEmail(), now);
        em.persist(doc);
        em.flush();
        em.persist(new DocumentContent(doc.getId(), pdf));
    }

    /**
     * A second association, so that a newcomer sees a network of two (issue 12): Bretagne with its
     * four départements, its administrator, advisor and committee, a local partner with a contact,
     * a PARTNER account and an active financing convention. It holds no file and no advice: the
     * network's indicators stay those of Centre-Val de Loire.
     */
    private void secondAssociation() {
        Association bzh = new Association("BZH", "France Active Bretagne", "Bretagne");
        em.persist(bzh);
        em.flush();
        for (String department : new String[] {"22", "29", "35", "56"}) {
            em.createNativeQuery("INSERT INTO association_department (association_id, department) VALUES (?1, ?2)")
                    .setParameter(1, bzh.getId()).setParameter(2, department).executeUpdate();
        }
        account("admin-bzh@demo.essor", "Bleuenn Administratrice", bzh, null, Role.ADMIN);
        account("conseil-bzh@demo.essor", "Yann Conseiller", bzh, null, Role.ADVISOR);
        UserAccount chair = account("comite-bzh@demo.essor", "Soazig Présidente du comité", bzh, null, Role.COMMITTEE_MEMBER);
        UserAccount member = account("membre-bzh@demo.essor", "Loïc Banquier", bzh, null, Role.COMMITTEE_MEMBER);
        Committee committee = new Committee(bzh, "Comité d'engagement Bretagne", 2);
        committee.seat(chair, MemberRole.CHAIR);
        committee.seat(member, MemberRole.MEMBER);
        em.persist(committee);

        Partner caisse = new Partner("Caisse Solidaire de Bretagne", PartnerKind.BANK);
        caisse.localTo(bzh);
        em.persist(caisse);
        em.persist(new PartnerContact(caisse, "Gwenaëlle Le Gall", "g.legall@caisse-solidaire.example", "+33 2 98 00 00 00",
                "Chargée des partenariats"));
        account("partenaire-bzh@demo.essor", "Gwenaëlle Partenaire", bzh, caisse, Role.PARTNER);
        LocalDate today = LocalDate.now(PARIS);
        Convention fund = new Convention("CAISSE-BZH-" + today.getYear() + "-PRETS-HONNEUR", caisse, bzh,
                ConventionKind.FINANCING_FUND, LocalDate.of(today.getYear(), 1, 1), LocalDate.of(today.getYear(), 12, 31),
                Money.of("150000.00"), true);
        fund.restrictTo(List.of(Instrument.HONOUR_LOAN), List.of("22", "29", "35", "56"), List.of(), List.of());
        fund.activate();
        em.persist(fund);
        em.flush();
        participativeLoan(bzh, caisse, today);
        DemoAccounting.chartOfBretagne(em, bzh, Instant.now(clock));
        arrearsDemo.load(bzh, caisse, passwordHash);
        guarantees(bzh, caisse, today); // guar (issue 14, item 4)
    }

    /**
     * Issue 14: a participative loan of BZH at 2 % over 60 months with a 6-month grace (interest paid),
     * disbursed ten months ago, its instalments due so far repaid on their dates, the latest one half;
     * a Breton enterprise's file approved for it (no owner account, so that no demo person's lists change).
     */
    private void participativeLoan(Association bzh, Partner caisse, LocalDate today) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        String advisor = "conseil-bzh@demo.essor";
        LocalDate disbursed = today.minusMonths(10);
        Enterprise e = new Enterprise("Ti Koad SCIC", Siret.of("90123456700005"), LegalForm.SCIC, bzh);
        e.recordEsusApproval(true);
        e.changeAddress("5 rue de Siam", "29200", "Brest", "29");
        e.describeActivity("Bois local et menuiserie", LocalDate.of(2022, 4, 1), new BigDecimal("4.00"));
        em.persist(e);
        Application a = application(e, "Atelier de menuiserie en bois local", Stage.DEVELOPMENT, advisor, disbursed.getYear(), now);
        a.submit(advisor, now);
        a.startReview(advisor, now);
        a.markReadyForCommittee(advisor, now);
        a.putOnAgenda(advisor, now);
        Decision d = Decision.approve(a, List.of(FinancingLine.of(Instrument.QUASI_EQUITY, Money.of("20000.00"), 60, null, null,
                null)), null, disbursed.minusDays(15), "comite-bzh@demo.essor", now);
        em.persist(d);
        Convention fund = new Convention("CAISSE-BZH-" + today.getYear() + "-PRETS-PARTICIPATIFS", caisse, bzh,
                ConventionKind.FINANCING_FUND, LocalDate.of(disbursed.minusDays(15).getYear(), 1, 1),
                LocalDate.of(today.getYear(), 12, 31), Money.of("100000.00"), true);
        fund.restrictTo(List.of(Instrument.QUASI_EQUITY), List.of(), List.of(), List.of());
        fund.activate();
        em.persist(fund);
        em.flush();
        GrantedLine line = d.getGranted().get(0);
        Allocation loan = Allocation.commit(fund, line, Money.of("20000.00"), fund.getAmount(), Money.of("20000.00"),
                disbursed.minusDays(10), advisor, now);
        em.persist(loan);
        em.persist(loan.commitment());
        em.persist(loan.disburse(loan.getAmount(), disbursed, advisor, now));
        LoanProduct product = em.createQuery("SELECT p FROM LoanProduct p WHERE p.code = 'PARTICIPATIVE'", LoanProduct.class)
                .getSingleResult();
        loan.scheduleLoan(product, product.offer(new BigDecimal("2"), 60, 6), disbursed.plusMonths(1).withDayOfMonth(5));
        em.flush();
        List<Instalment> due = loan.getInstalments().stream().filter(i -> i.getDueDate().isBefore(today)).toList();
        for (int k = 0; k < due.size(); k++) {
            Instalment i = due.get(k);
            Money paid = k == due.size() - 1 && k > 0 ? Money.of(i.owed().amount().divide(BigDecimal.valueOf(2), 2,
                    RoundingMode.DOWN)) : i.owed();
            Repayment r = loan.repay(paid, i.getDueDate(), advisor, now);
            em.persist(r);
            em.persist(loan.movementOf(r));
        }
        a.markContracted(advisor, now);
        em.flush();
        em.createNativeQuery(NetworkGenerator.CONVENTION_TOTALS + " WHERE id = ?").setParameter(1, fund.getId()).executeUpdate();
    }

    /**
     * Issue 14, item 4 (guar): BZH's guarantee fund of the Caisse Solidaire de Bretagne with two
     * guarantees of 50 % on bank loans of the Crédit Mutuel de Bretagne: one running and about half
     * repaid (60,000.00 at 3.2 % over 48 months, started 24 months ago, commission 1 %), one called
     * after a default four months ago (30,000.00 at 4 % over 60 months, started 30 months ago): its
     * call of 8,000.00 paid to the bank (below the threshold, no second person) and 1,500.00 recovered.
     * Breton enterprises without owner accounts, decided before this year: no demo person's list and
     * no current-year figure moves.
     */
    private void guarantees(Association bzh, Partner caisse, LocalDate today) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        String advisor = "conseil-bzh@demo.essor";
        Convention fund = new Convention("CAISSE-BZH-" + today.getYear() + "-GARANTIES", caisse, bzh,
                ConventionKind.FINANCING_FUND, LocalDate.of(today.minusMonths(40).getYear(), 1, 1),
                LocalDate.of(today.getYear(), 12, 31), Money.of("300000.00"), false);
        fund.restrictTo(List.of(Instrument.GUARANTEE), List.of(), List.of(), List.of());
        fund.activate();
        em.persist(fund);
        em.flush();
        GuaranteedLoan running = guaranteed(bzh, fund, "Kerlann Mobilités SCOP", "91234567800003", LegalForm.SCOP, "35000",
                "Rennes", "35", "Atelier de véhicules électriques partagés", "60000.00", 48, today.minusMonths(24),
                new BigDecimal("3.2"), advisor, now);
        GuaranteedLoan called = guaranteed(bzh, fund, "Brug Traiteur Solidaire", "92345678100007", LegalForm.SAS_ESUS, "56100",
                "Lorient", "56", "Cuisine centrale d'insertion", "30000.00", 60, today.minusMonths(30),
                new BigDecimal("4"), advisor, now);
        GuaranteeCall call = called.call(today.minusMonths(4), Money.of("8000.00"), today, advisor, now);
        em.persist(call);
        em.persist(called.pay(call, today.minusMonths(3), advisor, now));
        GuaranteeRecovery recovery = called.recover(call, Money.of("1500.00"), today.minusMonths(1), advisor, now);
        em.persist(recovery);
        em.persist(called.movementOf(recovery));
        em.flush();
        LOG.fine(() -> "Essor demo data: guarantees " + running.getId() + " (running) and " + called.getId() + " (called)");
        em.createNativeQuery(NetworkGenerator.CONVENTION_TOTALS + " WHERE id = ?").setParameter(1, fund.getId()).executeUpdate();
    }

    private GuaranteedLoan guaranteed(Association bzh, Convention fund, String name, String siret, LegalForm form,
                                      String postalCode, String city, String department, String title, String bankLoan,
                                      int months, LocalDate start, BigDecimal rate, String advisor, Instant now) {
        Enterprise e = new Enterprise(name, Siret.of(siret), form, bzh);
        e.changeAddress("1 place de la Mairie", postalCode, city, department);
        e.describeActivity(title, start.minusYears(3), new BigDecimal("5.00"));
        em.persist(e);
        LocalDate decided = start.minusMonths(1);
        Application a = application(e, title, Stage.DEVELOPMENT, advisor, decided.getYear(), now);
        a.submit(advisor, now);
        a.startReview(advisor, now);
        a.markReadyForCommittee(advisor, now);
        a.putOnAgenda(advisor, now);
        Money loan = Money.of(bankLoan);
        Money share = GuaranteedLoan.share(loan, new BigDecimal("50"));
        Decision d = Decision.approve(a, List.of(FinancingLine.of(Instrument.GUARANTEE, share, 84, "Crédit Mutuel de Bretagne",
                loan, new BigDecimal("50.00"))), null, decided, "comite-bzh@demo.essor", now);
        em.persist(d);
        em.flush();
        GrantedLine line = d.getGranted().get(0);
        Allocation allocation = Allocation.commit(fund, line, share, fund.getAmount(), share, decided.plusDays(3), advisor, now);
        em.persist(allocation);
        em.persist(allocation.commitment());
        GuaranteedLoan g = GuaranteedLoan.record(allocation, "Crédit Mutuel de Bretagne", loan, rate, months, start,
                BigDecimal.ONE, advisor, now);
        em.persist(g);
        em.persist(g.commissionMovement());
        a.markContracted(advisor, now);
        em.flush();
        return g;
    }

    private UserAccount account(String email, String name, Association association, Partner partner, Role role) {
        UserAccount a = new UserAccount(email, name, passwordHash, EnumSet.of(role), Instant.now(clock));
        a.setAssociation(association);
        a.setPartner(partner);
        em.persist(a);
        return a;
    }

    private Enterprise enterprise(String name, String siret, LegalForm form, boolean esus, String address, String postalCode,
                                  String city, String department, String sector, LocalDate created, BigDecimal fte,
                                  Association association, UserAccount owner) {
        Enterprise e = new Enterprise(name, Siret.of(siret), form, association);
        e.recordEsusApproval(esus);
        e.changeAddress(address, postalCode, city, department);
        e.describeActivity(sector, created, fte);
        e.addOwner(owner);
        em.persist(e);
        return e;
    }

    private Application application(Enterprise enterprise, String title, Stage stage, String actor, int year, Instant now) {
        Application a = new Application(references.next(enterprise.getAssociation().getCode(), year), enterprise, title, stage,
                null, actor, now);
        em.persist(a);
        return a;
    }
}
