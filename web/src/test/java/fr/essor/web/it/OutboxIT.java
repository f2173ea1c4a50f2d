package fr.essor.web.it;

import static fr.essor.web.it.Fixtures.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.service.account.AccountService;
import fr.essor.service.account.AccountView;
import fr.essor.service.mail.MailService;
import fr.essor.service.mail.OutboxDelivery;
import fr.essor.service.shared.InvalidInputException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBTransactionRequiredException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.mail.MessagingException;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbox inside the server against the real database: a mail exists if and only if the change
 * that wrote it committed, and two senders at once send a message once.
 */
@ExtendWith(ArquillianExtension.class)
class OutboxIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.builtWarWith(OutboxIT.class, Sql.class);
    }

    @EJB
    private MailService mail;

    @EJB
    private OutboxDelivery delivery;

    @EJB
    private AccountService accounts;

    @Resource(lookup = "java:app/jdbc/essor")
    private DataSource dataSource;

    @Resource
    private UserTransaction tx;

    @Resource
    private ManagedExecutorService executor;



    @Test
    void registrationQueuesOneWelcomeMailWithoutThePasswordAndAnAuditEvent() throws SQLException {
        String email = uniqueEmail("accueil");
        AccountView account = accounts.register(email, "Alix Accueil", "Solide-et-long-42", Locale.ENGLISH);
        assertEquals(1, Sql.count(dataSource, "SELECT COUNT(*) FROM outbox_message WHERE recipient = ? AND kind = 'ACCOUNT_CREATED'"
                + " AND related_entity = 'UserAccount' AND related_id = ?", email, String.valueOf(account.id())));
        assertEquals("Welcome to Essor", Sql.string(dataSource, "SELECT subject FROM outbox_message WHERE recipient = ?", email));
        String body = Sql.string(dataSource, "SELECT body FROM outbox_message WHERE recipient = ?", email);
        assertTrue(body.startsWith("Hello Alix Accueil,"), body);
        assertFalse(body.contains("Solide-et-long-42"));
        long id = Sql.count(dataSource, "SELECT id FROM outbox_message WHERE recipient = ?", email);
        assertEquals(1, Sql.count(dataSource, "SELECT COUNT(*) FROM audit_event WHERE action = 'MAIL_QUEUED' AND entity_type = 'OutboxMessage'"
                + " AND entity_id = ?", String.valueOf(id)));
    }

    @Test
    void aRefusedRegistrationQueuesNoMail() throws SQLException {
        String email = uniqueEmail("refus");
        assertThrows(InvalidInputException.class, () -> accounts.register(email, "Rémi Refus", "court", Locale.FRENCH));
        assertEquals(0, Sql.count(dataSource, "SELECT COUNT(*) FROM outbox_message WHERE recipient = ?", email));
    }

    @Test
    void aMailExistsOnlyIfTheTransactionThatWroteItCommits() throws Exception {
        String email = uniqueEmail("annule");
        tx.begin();
        mail.applicationSubmitted(email, Locale.FRENCH, "CVL-2026-00042", "Recyclerie");
        tx.rollback();
        assertEquals(0, Sql.count(dataSource, "SELECT COUNT(*) FROM outbox_message WHERE recipient = ?", email));

        assertThrows(EJBTransactionRequiredException.class,
                () -> mail.applicationSubmitted(email, Locale.FRENCH, "CVL-2026-00042", "Recyclerie"));

        tx.begin();
        mail.decisionMade(email, Locale.FRENCH, "CVL-2026-00042", "APPROVED");
        tx.commit();
        assertEquals("Dossier CVL-2026-00042 : décision du comité d'engagement",
                Sql.string(dataSource, "SELECT subject FROM outbox_message WHERE recipient = ?", email));
        assertTrue(Sql.string(dataSource, "SELECT body FROM outbox_message WHERE recipient = ?", email).contains("Décision : accordé."));
    }

    @Test
    void anInvalidRecipientIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> {
            tx.begin();
            try {
                mail.informationRequested("pas une adresse", Locale.FRENCH, "CVL-2026-00042", "Votre bilan ?");
            } finally {
                tx.rollback();
            }
        });
        assertEquals("recipient", e.field());
    }

    @Test
    void twoSendersAtOnceSendAMessageOnce() throws Exception {
        String email = uniqueEmail("unique");
        tx.begin();
        long id = mail.informationRequested(email, Locale.FRENCH, "CVL-2026-00042", "Votre bilan 2025 ?").getId();
        tx.commit();
        // out of the timer's reach: due only for the "now" the two senders below are given
        Instant later = Instant.now().plus(Duration.ofDays(3650)).truncatedTo(ChronoUnit.SECONDS);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET next_attempt_at = ? WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.valueOf(LocalDateTime.ofInstant(later.minusSeconds(60), ZoneOffset.UTC)));
            ps.setLong(2, id);
            assertEquals(1, ps.executeUpdate());
        }

        AtomicInteger sent = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        OutboxDelivery.Sink slowSmtp = m -> {
            sent.incrementAndGet();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        List<Future<Boolean>> senders = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            senders.add(executor.submit(() -> {
                start.await();
                return delivery.deliver(id, later, slowSmtp);
            }));
        }
        start.countDown();
        int delivered = 0;
        for (Future<Boolean> f : senders) {
            delivered += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertEquals(1, delivered);
        assertEquals(1, sent.get(), "the message went to SMTP twice");
        assertEquals("SENT", Sql.string(dataSource, "SELECT status FROM outbox_message WHERE id = ?", id));
        assertEquals(1, Sql.count(dataSource, "SELECT attempts FROM outbox_message WHERE id = ?", id));
    }

    @Test
    void aFailedAttemptIsRecordedWithItsBackoff() throws Exception {
        String email = uniqueEmail("echec");
        tx.begin();
        long id = mail.accountCreated(email, Locale.FRENCH, "Eva Échec", 0L).getId();
        tx.commit();
        Instant later = Instant.now().plus(Duration.ofDays(3650)).truncatedTo(ChronoUnit.SECONDS);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET next_attempt_at = ? WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.valueOf(LocalDateTime.ofInstant(later, ZoneOffset.UTC)));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
        assertFalse(delivery.deliver(id, later, m -> {
            throw new MessagingException("421 try again later");
        }));
        assertEquals("PENDING", Sql.string(dataSource, "SELECT status FROM outbox_message WHERE id = ?", id));
        assertEquals(1, Sql.count(dataSource, "SELECT attempts FROM outbox_message WHERE id = ?", id));
        assertTrue(Sql.string(dataSource, "SELECT last_error FROM outbox_message WHERE id = ?", id).contains("421 try again later"));
        assertFalse(delivery.deliver(id, later.plusSeconds(30), m -> {
            throw new IllegalStateException("not due yet: must not be called");
        }));
        assertEquals(1, Sql.count(dataSource, "SELECT attempts FROM outbox_message WHERE id = ?", id));
    }
}
