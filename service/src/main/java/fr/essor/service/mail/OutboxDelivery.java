package fr.essor.service.mail;

import fr.essor.model.mail.OutboxMessage;
import fr.essor.model.mail.OutboxStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * The transactions of the sender: each message is locked, sent and marked in a transaction of its
 * own, so that one failure never holds back the others, and the row lock ({@code SELECT … FOR
 * UPDATE}) makes a second server of a cluster wait and then find the message already sent.
 */
@Stateless
public class OutboxDelivery {

    @PersistenceContext(unitName = "essor")
    private EntityManager em;

    /** How the sender hands a message to SMTP. */
    @FunctionalInterface
    public interface Sink {
        void send(OutboxMessage message) throws MessagingException;
    }

    /** Ids of the PENDING messages due now, those waiting longest first; LIMIT in SQL. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> dueIds(Instant now, int limit) {
        return em.createQuery("SELECT m.id FROM OutboxMessage m WHERE m.status = :pending AND m.nextAttemptAt <= :now"
                        + " ORDER BY m.nextAttemptAt, m.id", Long.class)
                .setParameter("pending", OutboxStatus.PENDING)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Locks the message, sends it if it is still due and records the outcome. False when it was not
     * sent: taken by another server meanwhile, or the attempt failed (recorded on the message).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean deliver(long id, Instant now, Sink sink) {
        OutboxMessage message = em.find(OutboxMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (message == null || !message.isDue(now)) {
            return false;
        }
        try {
            sink.send(message);
        } catch (AddressException e) {
            message.recordPermanentFailure(describe(e), now);
            return false;
        } catch (SendFailedException e) {
            if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
                message.recordPermanentFailure(describe(e), now);
            } else {
                message.recordFailure(describe(e), now);
            }
            return false;
        } catch (MessagingException | RuntimeException e) {
            message.recordFailure(describe(e), now);
            return false;
        }
        message.markSent(now);
        return true;
    }

    /** An attempt that could not even reach the server (connection refused, timeout). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fail(long id, String error, Instant now) {
        OutboxMessage message = em.find(OutboxMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (message != null && message.isDue(now)) {
            message.recordFailure(error, now);
        }
    }

    /** Makes every PENDING message due now (an administrator's "send now" skips the backoff). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int makePendingDue(Instant now) {
        return em.createQuery("UPDATE OutboxMessage m SET m.nextAttemptAt = :now, m.version = m.version + 1"
                        + " WHERE m.status = :pending AND m.nextAttemptAt > :now")
                .setParameter("now", now)
                .setParameter("pending", OutboxStatus.PENDING)
                .executeUpdate();
    }

    /** The error as the administrator reads it: its class and message, and those of its causes. */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < OutboxMessage.LAST_ERROR_MAX; t = t.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                sb.append(": ").append(t.getMessage().strip());
            }
            if (t instanceof MessagingException me && me.getNextException() != null && me.getNextException() != t.getCause()) {
                sb.append(" <- ").append(me.getNextException());
            }
        }
        return sb.length() <= OutboxMessage.LAST_ERROR_MAX ? sb.toString() : sb.substring(0, OutboxMessage.LAST_ERROR_MAX);
    }
}
