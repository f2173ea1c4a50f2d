package fr.essor.web.it;

import static fr.essor.web.it.Fixtures.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.application.ApplicationReference;
import fr.essor.service.account.AccountService;
import fr.essor.service.account.AccountView;
import fr.essor.service.application.ReferenceService;
import fr.essor.model.audit.AuditEvent;
import fr.essor.service.audit.AuditChainVerifier;
import fr.essor.service.audit.AuditSealer;
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



import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
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
    private AuditSealer sealer;

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

    @ArquillianResource
    private URL base;

    @Resource
    private ManagedExecutorService executor;




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

    /** Appends {@code n} events of entity type {@code type} in one transaction (unsealed until the sealer runs). */
    private void appendEvents(String type, String id, int n) throws Exception {
        tx.begin();
        for (int i = 0; i < n; i++) {
            audit.record("test@essor", type, id, i == 0 ? AuditAction.CREATE : AuditAction.UPDATE, "événement " + i);
        }
        tx.commit();
    }

    private long idOf(String type, String id, String summary) throws SQLException {
        return Sql.count(dataSource, "SELECT id FROM audit_event WHERE entity_type = ? AND entity_id = ? AND summary = ?",
                type, id, summary);
    }

    @Test
    void aWriterAppendsItsEventUnsealedAndTheSealerLeavesNothingUnsealed() throws Exception {
        String id = UUID.randomUUID().toString();
        tx.begin();
        AuditEvent appended = audit.record("test@essor", "Test", id, AuditAction.CREATE, "non scellé");
        tx.commit();
        assertNull(appended.getSeq(), "a writer gives no sequence");
        assertNull(appended.getHash(), "a writer computes no hash");
        appendEvents("Test", id, 5);

        sealer.sealPending();

        assertEquals(0, Sql.count(dataSource, "SELECT COUNT(*) FROM audit_event WHERE seq IS NULL"));
        assertEquals(6, Sql.count(dataSource, "SELECT COUNT(*) FROM audit_event WHERE entity_id = ? AND seq IS NOT NULL"
                + " AND hash IS NOT NULL AND previous_hash IS NOT NULL", id));
        ChainCheck check = chain.verify();
        assertTrue(check.intact(), check.toString());
        assertEquals(0, check.unsealed());
        assertEquals(check.headSeq(), Sql.count(dataSource, "SELECT MAX(seq) FROM audit_event"));
        assertEquals(check.checked(), Sql.count(dataSource, "SELECT COUNT(*) FROM audit_event WHERE seq IS NOT NULL"));
    }

    @Test
    void theAuditChainIsIntactAndDetectsAnEditOfHistory() throws Exception {
        String id = UUID.randomUUID().toString();
        appendEvents("Test", id, 2);
        sealer.sealPending();
        ChainCheck before = chain.verify();
        assertTrue(before.intact(), "chain should start intact: " + before);
        assertTrue(before.checked() >= 2);

        long victim = idOf("Test", id, "événement 0");
        Sql.update(dataSource, "UPDATE audit_event SET summary = ? WHERE id = ?", "réécrit", victim);
        try {
            ChainCheck tampered = chain.verify();
            assertFalse(tampered.intact());
            assertEquals(victim, tampered.firstBrokenId());
        } finally {
            Sql.update(dataSource, "UPDATE audit_event SET summary = ? WHERE id = ?", "événement 0", victim);
        }
        assertTrue(chain.verify().intact());
    }

    @Test
    void theIntegrityCheckFindsADeletedSealedEvent() throws Exception {
        String id = UUID.randomUUID().toString();
        appendEvents("Test", id, 3);
        sealer.sealPending();
        assertTrue(chain.verify().intact());
        long deleted = idOf("Test", id, "événement 1");
        long next = idOf("Test", id, "événement 2");
        String backup = "audit_backup_" + id.substring(0, 8);
        Sql.update(dataSource, "CREATE TABLE " + backup + " AS SELECT * FROM audit_event WHERE id = ?", deleted);
        try {
            assertEquals(1, Sql.update(dataSource, "DELETE FROM audit_event WHERE id = ?", deleted));
            ChainCheck tampered = chain.verify();
            assertFalse(tampered.intact(), tampered.toString());
            assertEquals(next, tampered.firstBrokenId(), "the event after the deleted one no longer follows");
        } finally {
            Sql.update(dataSource, "INSERT INTO audit_event SELECT * FROM " + backup);
            Sql.update(dataSource, "DROP TABLE " + backup);
        }
        assertTrue(chain.verify().intact());
    }

    @Test
    void theIntegrityCheckFindsAnInsertedSealedEvent() throws Exception {
        String id = UUID.randomUUID().toString();
        appendEvents("Test", id, 2);
        sealer.sealPending();
        ChainCheck before = chain.verify();
        assertTrue(before.intact());
        // a forger who knows the recipe appends a well-formed event after the head, without moving the head
        String head = Sql.string(dataSource, "SELECT last_hash FROM audit_chain_head WHERE id = 1").trim();
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        String forged = AuditEvent.hashOf(head, at, "intrus@x.fr", "Test", id, "DELETE", "effacé");
        Sql.update(dataSource, "INSERT INTO audit_event (occurred_at, actor, entity_type, entity_id, action, summary,"
                + " previous_hash, hash, seq) VALUES (?, 'intrus@x.fr', 'Test', ?, 'DELETE', 'effacé', ?, ?, ?)",
                Timestamp.from(at), id, head, forged, before.headSeq() + 1);
        long inserted = Sql.count(dataSource, "SELECT id FROM audit_event WHERE hash = ?", forged);
        try {
            ChainCheck tampered = chain.verify();
            assertFalse(tampered.intact(), tampered.toString());
            assertEquals(inserted, tampered.firstBrokenId());
        } finally {
            Sql.update(dataSource, "DELETE FROM audit_event WHERE id = ?", inserted);
        }
        // one slipped between two sealed events (after the first, in the second's place) forks the chain:
        // previous_hash is unique, so the database refuses it outright
        String firstHash = Sql.string(dataSource, "SELECT hash FROM audit_event WHERE id = ?", idOf("Test", id, "événement 0"));
        String between = AuditEvent.hashOf(firstHash, at, "intrus@x.fr", "Test", id, "UPDATE", "glissé");
        try {
            assertThrows(SQLException.class, () -> Sql.update(dataSource, "INSERT INTO audit_event (occurred_at, actor,"
                    + " entity_type, entity_id, action, summary, previous_hash, hash, seq)"
                    + " VALUES (?, 'intrus@x.fr', 'Test', ?, 'UPDATE', 'glissé', ?, ?, ?)",
                    Timestamp.from(at), id, firstHash, between, before.headSeq() + 1));
        } finally {
            Sql.update(dataSource, "DELETE FROM audit_event WHERE hash = ?", between);
        }
        assertTrue(chain.verify().intact());
    }

    @Test
    void twoSealersRunningTogetherNeverSealAnEventTwiceAndLeaveAChainThatVerifies() throws Exception {
        String id = UUID.randomUUID().toString();
        int n = 1_200;
        appendEvents("SealTest", id, n);
        CountDownLatch start = new CountDownLatch(1);
        Callable<List<Long>> seal = () -> {
            start.await();
            return sealer.sealPending();
        };
        Future<List<Long>> first = executor.submit(seal);
        Future<List<Long>> second = executor.submit(seal);
        start.countDown();
        List<Long> a = first.get();
        List<Long> b = second.get();

        Set<Long> both = new HashSet<>(a);
        both.retainAll(b);
        assertEquals(Set.of(), both, "an event was sealed by both sealers");
        assertEquals(a.size(), new HashSet<>(a).size());
        assertEquals(b.size(), new HashSet<>(b).size());
        assertEquals(0, Sql.count(dataSource, "SELECT COUNT(*) FROM audit_event WHERE entity_id = ? AND seq IS NULL", id));
        assertEquals(n, Sql.count(dataSource, "SELECT COUNT(DISTINCT seq) FROM audit_event WHERE entity_id = ?", id));
        // sealed in append order: the chain order of the batch is its id order
        assertEquals(0, Sql.count(dataSource, "SELECT COUNT(*) FROM audit_event x JOIN audit_event y"
                + " ON y.entity_type = x.entity_type AND y.entity_id = x.entity_id"
                + " WHERE x.entity_type = 'SealTest' AND x.entity_id = ? AND x.seq < y.seq AND x.id > y.id", id));
        ChainCheck check = chain.verify();
        assertTrue(check.intact(), check.toString());
        assertEquals(check.headSeq(), Sql.count(dataSource, "SELECT MAX(seq) FROM audit_event"));
    }

    @Test
    void theSealedChainIsExportedSoThatAnOutsidePartyRecomputesItUpToTheHead() throws Exception {
        appendEvents("Test", UUID.randomUUID().toString(), 3);
        sealer.sealPending();
        Api api = new Api(() -> base);
        HttpResponse<String> refused = api.call("porteur@demo.essor", "GET", "/admin/audit/chain", null);
        assertEquals(403, refused.statusCode(), refused.body());
        HttpResponse<String> export = api.call("admin@demo.essor", "GET", "/admin/audit/chain", null);
        assertEquals(200, export.statusCode(), export.body());
        assertTrue(export.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"));
        List<String> lines = export.body().lines().toList();
        JsonObject head = Api.json(lines.get(0));
        assertEquals(lines.size() - 1, head.getJsonNumber("headSeq").longValue(), "one line per sealed event (no gaps here)");
        // the recipe of docs/RELIABILITY.md, written again here: length-prefixed UTF-8 fields, SHA-256
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        String previous = "0".repeat(64);
        long seq = 0;
        for (String line : lines.subList(1, lines.size())) {
            JsonObject e = Api.json(line);
            assertEquals(++seq, e.getJsonNumber("seq").longValue());
            assertEquals(previous, e.getString("previousHash"), line);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (String k : List.of("previousHash", "occurredAt", "actor", "entityType", "entityId", "action", "summary")) {
                if (e.isNull(k)) {
                    bytes.write(ByteBuffer.allocate(4).putInt(-1).array());
                } else {
                    byte[] utf8 = e.getString(k).getBytes(StandardCharsets.UTF_8);
                    bytes.write(ByteBuffer.allocate(4).putInt(utf8.length).array());
                    bytes.write(utf8);
                }
            }
            String hash = HexFormat.of().formatHex(sha.digest(bytes.toByteArray()));
            assertEquals(hash, e.getString("hash"), line);
            previous = hash;
        }
        assertEquals(head.getString("headHash"), previous);
        JsonObject check = Api.json(api.call("admin@demo.essor", "GET", "/admin/audit/check", null).body());
        assertTrue(check.getBoolean("intact"), check.toString());
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
