package fr.essor.service.mail;

import fr.essor.model.mail.OutboxMessage;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.AccessTimeout;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the outbox through SMTP every 15 seconds, in batches of {@link #BATCH} over one
 * connection; each message in its own transaction ({@link OutboxDelivery}). With no SMTP server
 * configured it sends nothing and the messages stay PENDING. One run at a time per server (a
 * write-locked singleton); across servers the row locks keep a message from going out twice.
 */
@Singleton
@Startup
@DependsOn("DatabaseBootstrap")
@Lock(LockType.WRITE)
@AccessTimeout(value = 5, unit = TimeUnit.MINUTES)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxSender {

    static final int BATCH = 20;
    /** Batches of one run at most, so that one run stays short even with a long queue. */
    static final int MAX_BATCHES = 10;
    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());

    @Inject
    private SmtpSettings smtp;

    @EJB
    private OutboxDelivery delivery;

    private final Clock clock = Clock.systemUTC();

    @PostConstruct
    void announce() {
        LOG.info(() -> "Essor mail (SMTP): " + smtp.describe());
    }

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false, info = "Essor outbox")
    void onTimer() {
        try {
            sendDueNow();
        } catch (RuntimeException e) {
            // the next tick tries again; the timer itself must survive
            LOG.log(Level.WARNING, "Essor outbox: a sending run failed", e);
        }
    }

    /** Sends the due messages now; returns how many the SMTP server accepted (0 when SMTP is off). */
    public int sendDueNow() {
        if (!smtp.enabled()) {
            return 0;
        }
        int sent = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<Long> due = delivery.dueIds(Instant.now(clock), BATCH);
            if (due.isEmpty()) {
                break;
            }
            sent += sendBatch(due);
        }
        return sent;
    }

    private int sendBatch(List<Long> ids) {
        Session session = smtp.session();
        InternetAddress from;
        try {
            from = smtp.fromAddress();
        } catch (MessagingException e) {
            String error = "ESSOR_SMTP_FROM is not a valid address: " + OutboxDelivery.describe(e);
            ids.forEach(id -> delivery.fail(id, error, Instant.now(clock)));
            return 0;
        }
        int sent = 0;
        Transport transport = null;
        try {
            for (int i = 0; i < ids.size(); i++) {
                if (transport == null || !transport.isConnected()) {
                    close(transport);
                    try {
                        transport = session.getTransport("smtp");
                        transport.connect();
                    } catch (MessagingException e) {
                        // the server is unreachable now: every message left in this batch fails once
                        String error = OutboxDelivery.describe(e);
                        LOG.log(Level.FINE, "Essor outbox: SMTP unreachable", e);
                        for (Long id : ids.subList(i, ids.size())) {
                            delivery.fail(id, error, Instant.now(clock));
                        }
                        return sent;
                    }
                }
                Transport connected = transport;
                if (delivery.deliver(ids.get(i), Instant.now(clock), m -> send(session, connected, from, m))) {
                    sent++;
                }
            }
        } finally {
            close(transport);
        }
        return sent;
    }

    private static void send(Session session, Transport transport, InternetAddress from, OutboxMessage m)
            throws MessagingException {
        MimeMessage mime = new OutboxMime(session, m);
        mime.setFrom(from);
        mime.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(m.getRecipient(), true));
        mime.setSubject(m.getSubject(), "UTF-8");
        mime.setText(m.getBody(), "UTF-8");
        mime.setSentDate(new Date());
        mime.setHeader("Auto-Submitted", "auto-generated");
        mime.setHeader("X-Essor-Kind", m.getKind());
        mime.saveChanges();
        transport.sendMessage(mime, mime.getAllRecipients());
    }

    private static void close(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.log(Level.FINE, "Essor outbox: closing the SMTP connection", e);
            }
        }
    }

    /** A stable Message-ID per outbox message, so that a receiver can spot a duplicate after a crash. */
    private static final class OutboxMime extends MimeMessage {

        private final OutboxMessage message;

        OutboxMime(Session session, OutboxMessage message) {
            super(session);
            this.message = message;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<essor-outbox-" + message.getId() + "-" + message.getCreatedAt().toEpochMilli()
                    + "@essor.local>");
        }
    }
}
