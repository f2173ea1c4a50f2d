package fr.essor.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.application.ApplicationReference;
import fr.essor.service.account.AccountService;
import fr.essor.service.account.AccountView;
import fr.essor.service.application.ReferenceService;
import fr.essor.service.audit.AuditChainVerifier;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.audit.AuditService;
import fr.essor.service.audit.ChainCheck;
import fr.essor.service.config.DatabaseBootstrap;
import fr.essor.service.enterprise.EnterpriseService;
import fr.essor.service.security.LoginThrottle;
import fr.essor.service.shared.ConflictException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.TooManyAttemptsException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.transaction.UserTransaction;



import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The services inside Payara Micro against the real database (H2 by default, MariaDB in CI):
 * what they store, what they refuse, and that a refusal stores nothing.
 */
@ExtendWith(ArquillianExtension.class)
class ServicesIT {

    private static final String GOOD_PASSWORD = "Solide-et-long-42";

    @Deployment
    static WebArchive deployment() {
        return Deployments.builtWarWith(ServicesIT.class, Sql.class);
    }

    @EJB
    private AccountService accounts;

    @EJB
    private AuditService audit;

    @EJB
    private AuditChainVerifier chain;

    @EJB
    private ReferenceService references;

    @EJB
    private EnterpriseService enterprises;

    @EJB
    private DatabaseBootstrap database;

    @Resource(lookup = "java:app/jdbc/essor")
    private DataSource dataSource;

    @Resource
    private UserTransaction tx;

    @Resource
    private ManagedExecutorService executor;

    private static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.essor";
    }




    @Test
    void flywayCreatedTheSchemaAndTheDemoAccountsExist() throws SQLException {
        // audit_chain_head comes from V2, the rest from V1
        assertEquals(1, Sql.count(dataSource, "SELECT COUNT(*) FROM audit_chain_head"));
        for (String login : List.of("admin", "conseil", "comite", "partenaire", "region", "porteur", "porteur2")) {
            assertEquals(1, Sql.count(dataSource, "SELECT COUNT(*) FROM user_account WHERE email = ?", login + "@demo.essor"), login);
        }
        assertEquals(1, Sql.count(dataSource, "SELECT COUNT(*) FROM association WHERE code = 'CVL'"));
        assertTrue(database.description() != null && !database.description().isBlank());
    }

    @Test
    void registrationStoresAnEntrepreneurWithAPbkdf2HashAndAnAuditEvent() throws SQLException {
        String email = uniqueEmail("Nouvelle");
        AccountView created = accounts.register("  " + email + " ", "Nina Nouvelle", GOOD_PASSWORD, Locale.FRENCH);

        assertEquals(email.toLowerCase(Locale.ROOT), created.email());
        assertEquals(List.of("ENTREPRENEUR"), created.roles());
        String hash = Sql.string(dataSource, "SELECT password_hash FROM user_account WHERE email = ?", created.email());
        assertTrue(hash.startsWith("pbkdf2-sha256$"), hash);
        assertFalse(hash.contains(GOOD_PASSWORD));
        assertEquals(1, Sql.count(dataSource, "SELECT COUNT(*) FROM audit_event WHERE action = 'REGISTER' AND entity_id = ?",
                String.valueOf(created.id())));
    }

    @Test
    void registrationWithAWeakPasswordIsRefusedAndStoresNothing() throws SQLException {
        String email = uniqueEmail("faible");
        long before = Sql.count(dataSource, "SELECT COUNT(*) FROM user_account");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> accounts.register(email, "Fay Faible", "court1", Locale.FRENCH));
        assertEquals("password", e.field());
        assertEquals("password.tooShort", e.messageKey());
        assertThrows(InvalidInputException.class, () -> accounts.register(email, "Fay Faible", "motdepasse1", Locale.FRENCH));
        assertThrows(InvalidInputException.class, () -> accounts.register(email, "Fay Faible", "abcdefghijkl", Locale.FRENCH));
        assertEquals(before, Sql.count(dataSource, "SELECT COUNT(*) FROM user_account"));
    }

    @Test
    void registrationWithATakenOrMalformedEmailIsRefusedAndStoresNothing() throws SQLException {
        long before = Sql.count(dataSource, "SELECT COUNT(*) FROM user_account");
        ConflictException taken = assertThrows(ConflictException.class,
                () -> accounts.register("PORTEUR@demo.essor", "Double", GOOD_PASSWORD, Locale.FRENCH));
        assertEquals("EMAIL_TAKEN", taken.code());
        InvalidInputException malformed = assertThrows(InvalidInputException.class,
                () -> accounts.register("pas-une-adresse", "Sans Arobase", GOOD_PASSWORD, Locale.FRENCH));
        assertEquals("account.emailInvalid", malformed.messageKey());
        assertThrows(InvalidInputException.class,
                () -> accounts.register("<script>@x.fr", "Script", GOOD_PASSWORD, Locale.FRENCH));
        assertEquals(before, Sql.count(dataSource, "SELECT COUNT(*) FROM user_account"));
    }

    @Test
    void authenticationAcceptsTheRightPasswordOnlyAndTreatsUnknownEmailsAlike() {
        assertTrue(accounts.authenticate("porteur@demo.essor", "essor-demo".toCharArray()).isPresent());
        assertEquals(Set.of("ENTREPRENEUR"),
                accounts.authenticate("Porteur@Demo.essor", "essor-demo".toCharArray()).orElseThrow().roles());
        assertTrue(accounts.authenticate("porteur@demo.essor", "wrong-password".toCharArray()).isEmpty());
        assertTrue(accounts.authenticate(uniqueEmail("nobody"), "essor-demo".toCharArray()).isEmpty());
    }

    @Test
    void aDeactivatedAccountCannotSignIn() throws SQLException {
        String email = uniqueEmail("inactive");
        accounts.register(email, "Ina Active", GOOD_PASSWORD, Locale.FRENCH);
        assertTrue(accounts.authenticate(email, GOOD_PASSWORD.toCharArray()).isPresent());
        Sql.update(dataSource, "UPDATE user_account SET active = FALSE WHERE email = ?", email);
        assertTrue(accounts.authenticate(email, GOOD_PASSWORD.toCharArray()).isEmpty());
    }

    @Test
    void repeatedFailuresLockTheEmailEvenForTheRightPassword() {
        String email = uniqueEmail("throttled");
        accounts.register(email, "Theo Throttle", GOOD_PASSWORD, Locale.FRENCH);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertTrue(accounts.authenticate(email, ("bad-" + i).toCharArray()).isEmpty());
        }
        TooManyAttemptsException locked = assertThrows(TooManyAttemptsException.class,
                () -> accounts.authenticate(email, GOOD_PASSWORD.toCharArray()));
        assertTrue(locked.retryAfterSeconds() > 0);
        // an unknown e-mail is locked the same way, so the lock tells nothing about existence
        String unknown = uniqueEmail("ghost");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            accounts.authenticate(unknown, "x".toCharArray());
        }
        assertThrows(TooManyAttemptsException.class, () -> accounts.authenticate(unknown, "x".toCharArray()));
    }

    @Test
    void rolesAreCheckedByTheServicesNotOnlyByThePages() {
        assertThrows(EJBAccessException.class, () -> accounts.search(null, null, 0, 10));
        assertThrows(EJBAccessException.class, () -> enterprises.mine());
        assertThrows(EJBAccessException.class, () -> enterprises.get(1L));
        assertThrows(EJBAccessException.class, () -> audit.verifyChain());
    }

    @Test
    void theAuditChainIsIntactAndDetectsAnEditOfHistory() throws Exception {
        tx.begin();
        audit.record("test@essor", "Test", "1", AuditAction.CREATE, "premier");
        audit.record("test@essor", "Test", "1", AuditAction.UPDATE, "deuxième");
        tx.commit();
        ChainCheck before = chain.verify();
        assertTrue(before.intact(), "chain should start intact: " + before);
        assertTrue(before.checked() >= 2);

        long victim = Sql.count(dataSource, "SELECT MAX(id) FROM audit_event WHERE entity_type = 'Test' AND action = 'CREATE'");
        String original = Sql.string(dataSource, "SELECT summary FROM audit_event WHERE id = ?", victim);
        Sql.update(dataSource, "UPDATE audit_event SET summary = ? WHERE id = ?", "réécrit", victim);
        try {
            ChainCheck tampered = chain.verify();
            assertFalse(tampered.intact());
            assertEquals(victim, tampered.firstBrokenId());
        } finally {
            Sql.update(dataSource, "UPDATE audit_event SET summary = ? WHERE id = ?", original, victim);
        }
        assertTrue(chain.verify().intact());
    }

    @Test
    void concurrentReferenceRequestsNeverGetTheSameNumber() throws Exception {
        String code = "T" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase(Locale.ROOT) + "ZZZ";
        String association = code.substring(0, Math.min(8, code.length()));
        int threads = 8;
        int perThread = 5;
        List<Future<List<String>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Callable<List<String>> task = () -> {
                List<String> got = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    for (int attempt = 0; ; attempt++) {
                        try {
                            tx.begin();
                            ApplicationReference ref = references.next(association, 2026);
                            tx.commit();
                            got.add(ref.toString());
                            break;
                        } catch (Exception e) {
                            try {
                                tx.rollback();
                            } catch (Exception ignored) {
                                // already rolled back
                            }
                            if (attempt > 20) {
                                throw e;
                            }
                        }
                    }
                }
                return got;
            };
            futures.add(executor.submit(task));
        }
        Set<String> all = new HashSet<>();
        int total = 0;
        for (Future<List<String>> f : futures) {
            List<String> got = f.get();
            total += got.size();
            all.addAll(got);
        }
        assertEquals(threads * perThread, total);
        assertEquals(total, all.size(), "a reference was handed out twice");
        assertTrue(all.contains(association + "-2026-00001"));
        assertTrue(all.contains(String.format("%s-2026-%05d", association, threads * perThread)));
        assertNotEquals(0, Sql.count(dataSource, "SELECT COUNT(*) FROM reference_counter WHERE association_code = ?", association));
    }
}
