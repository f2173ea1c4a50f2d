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

        application(fabrique, "Extension de la recyclerie", Stage.DEVELOPMENT, p, year, now);
        Application submitted = application(fabrique, "Atelier de réparation d'électroménager", Stage.CREATION, p, year, now);
        submitted.submit(p, now);
        Application review = application(fabrique, "Boutique solidaire en centre-ville", Stage.DEVELOPMENT, p, year, now);
        review.submit(p, now);
        review.startReview(advisor, now);
        Application info = application(fabrique, "Camion de collecte", Stage.CONSOLIDATION, p, year, now);
        info.submit(p, now);
        info.startReview(advisor, now);
        info.requestInformation(advisor, now, "Merci de joindre le devis du véhicule.");
        Application velo1 = application(velo, "Atelier vélo participatif", Stage.CREATION, porteur2.getEmail(), year, now);
        velo1.submit(porteur2.getEmail(), now);

        audit.record("system", "Demo", "-", "LOAD", "Demo data loaded");
        LOG.info("Essor demo data: loaded (7 demo accounts, password " + DEMO_PASSWORD + ")");
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
