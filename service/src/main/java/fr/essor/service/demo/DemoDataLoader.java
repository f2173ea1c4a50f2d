package fr.essor.service.demo;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.application.Application;
import fr.essor.model.application.Stage;
import fr.essor.model.association.Association;
import fr.essor.model.enterprise.Enterprise;
import fr.essor.model.enterprise.LegalForm;
import fr.essor.model.partner.Partner;
import fr.essor.model.partner.PartnerKind;
import fr.essor.model.shared.Siret;
import fr.essor.model.support.SupportKind;
import fr.essor.model.support.SupportRecord;
import fr.essor.service.application.ReferenceService;
import fr.essor.service.audit.AuditService;
import fr.essor.service.config.DatabaseBootstrap;
import fr.essor.service.config.EssorConfig;
import fr.essor.service.security.PasswordHasher;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.logging.Logger;

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

    @Inject
    private EssorConfig config;

    private final Clock clock = Clock.systemUTC();
    private String passwordHash;

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
        account("comite@demo.essor", "Claude Président·e du comité", cvl, null, Role.COMMITTEE_MEMBER);
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
        Application approved = application(fabrique, "Épicerie solidaire itinérante", Stage.CREATION, p, year, now);
        complete(approved, now);
        approved.submit(p, now);
        approved.startReview(advisor, now);
        approved.markReadyForCommittee(advisor, now);
        approved.putOnAgenda(advisor, now);
        em.persist(fr.essor.model.application.Decision.approve(approved, java.util.List.of(
                fr.essor.model.application.FinancingLine.of(fr.essor.model.application.Instrument.HONOUR_LOAN,
                        fr.essor.model.shared.Money.of("8000.00"), 60, null, null, null),
                fr.essor.model.application.FinancingLine.of(fr.essor.model.application.Instrument.GUARANTEE,
                        fr.essor.model.shared.Money.of("20000.00"), 84, "Crédit Coopératif",
                        fr.essor.model.shared.Money.of("40000.00"), new BigDecimal("50.00"))),
                "Versement du prêt d'honneur sur présentation du prêt bancaire signé.",
                LocalDate.now(clock.withZone(ZoneOffset.UTC)), "comite@demo.essor", now));
        Application velo1 = application(velo, "Atelier vélo participatif", Stage.CREATION, porteur2.getEmail(), year, now);
        complete(velo1, now);
        velo1.submit(porteur2.getEmail(), now);

        audit.record("system", "Demo", "-", "LOAD", "Demo data loaded");
        LOG.info("Essor demo data: loaded (7 demo accounts, password " + DEMO_PASSWORD + ")");
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
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Paris")));
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
        audit.record("system", "Demo", "-", "LOAD_SUPPORT", records.length + " demo support records loaded");
    }

    /** Gives a demo application a plausible, balanced content and one document, as a real applicant would. */
    private void complete(Application a, Instant now) {
        a.serveTerritory("Loiret (45) et Indre-et-Loire (37)");
        a.replaceRequestedLines(java.util.List.of(
                fr.essor.model.application.FinancingLine.of(fr.essor.model.application.Instrument.HONOUR_LOAN,
                        fr.essor.model.shared.Money.of("8000.00"), 60, null, null, null),
                fr.essor.model.application.FinancingLine.of(fr.essor.model.application.Instrument.GUARANTEE,
                        fr.essor.model.shared.Money.of("20000.00"), 84, "Crédit Coopératif",
                        fr.essor.model.shared.Money.of("40000.00"), new BigDecimal("50.00"))));
        a.replacePlan(java.util.List.of(
                new fr.essor.model.application.PlanItem(fr.essor.model.application.PlanItem.Kind.USE, "Matériel et aménagement",
                        fr.essor.model.shared.Money.of("45000.00")),
                new fr.essor.model.application.PlanItem(fr.essor.model.application.PlanItem.Kind.USE, "Besoin en fonds de roulement",
                        fr.essor.model.shared.Money.of("8000.00")),
                new fr.essor.model.application.PlanItem(fr.essor.model.application.PlanItem.Kind.SOURCE, "Prêt bancaire garanti",
                        fr.essor.model.shared.Money.of("40000.00")),
                new fr.essor.model.application.PlanItem(fr.essor.model.application.PlanItem.Kind.SOURCE, "Prêt d'honneur",
                        fr.essor.model.shared.Money.of("8000.00")),
                new fr.essor.model.application.PlanItem(fr.essor.model.application.PlanItem.Kind.SOURCE, "Apport des associés",
                        fr.essor.model.shared.Money.of("5000.00"))));
        a.describeImpact(new BigDecimal("2.00"), new BigDecimal("4.50"), 350,
                "Réemploi d'objets et insertion de personnes éloignées de l'emploi.");
        em.persist(a);
        em.flush();
        byte[] pdf = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        fr.essor.model.application.ApplicationDocument doc = new fr.essor.model.application.ApplicationDocument(a,
                fr.essor.model.application.DocumentKind.BUSINESS_PLAN, "plan-d-affaires.pdf", "application/pdf", pdf.length,
                fr.essor.model.document.DocumentRules.sha256Hex(pdf), a.getEnterprise().getOwners().iterator().next().getEmail(), now);
        em.persist(doc);
        em.flush();
        em.persist(new fr.essor.model.application.DocumentContent(doc.getId(), pdf));
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
