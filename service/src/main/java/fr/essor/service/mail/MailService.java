package fr.essor.service.mail;

import fr.essor.model.mail.OutboxMessage;
import fr.essor.model.mail.OutboxStatus;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.security.UseCaseService;
import fr.essor.service.shared.ConcurrentChangeException;
import fr.essor.service.shared.ConflictException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Page;
import fr.essor.service.shared.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Mail to the people Essor works with. A use case calls one of the methods below inside its own
 * transaction: the message is written to the outbox with the change, so it exists if and only if
 * the change committed, and {@link OutboxSender} sends it afterwards. A mail of an optional kind
 * ({@link MailKind#optional()}) that its recipient has switched off is not written at all. Administrators read and
 * retry the outbox.
 */
@Stateless
public class MailService extends UseCaseService {

    @EJB
    private OutboxDelivery delivery;

    @EJB
    private OutboxSender sender;

    @Inject
    private SmtpSettings smtp;

    private final Clock clock = Clock.systemUTC();

    // ---- mails of the use cases (in the caller's transaction) -------------------------------------

    /** "Your application was received", to the entrepreneur who submitted it. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public OutboxMessage applicationSubmitted(String recipient, Locale locale, Object reference, String title) {
        return enqueue(recipient, MailKind.APPLICATION_SUBMITTED, locale, "Application", reference, reference, title);
    }

    /** The advisor's question, to the entrepreneur. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public OutboxMessage informationRequested(String recipient, Locale locale, Object reference, String question) {
        return enqueue(recipient, MailKind.INFORMATION_REQUESTED, locale, "Application", reference, reference, question);
    }

    /** The committee's decision; {@code outcome} is APPROVED, DEFERRED or REJECTED (an enum or its name). */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public OutboxMessage decisionMade(String recipient, Locale locale, Object reference, Object outcome) {
        String code = String.valueOf(outcome);
        String label = MailTemplates.label("outcome." + code, locale, code);
        return enqueue(recipient, MailKind.DECISION_MADE, locale, "Application", reference, reference, label);
    }

    /** A committee member's convocation with the agenda (one line per file). */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public OutboxMessage sessionConvened(String recipient, Locale locale, Object sessionId, String when, String committee,
                                         String where, String agenda) {
        return enqueue(recipient, MailKind.SESSION_CONVENED, locale, "CommitteeSession", sessionId, when, committee, where, agenda);
    }

    /** Welcome to a newly registered person; it never contains a password. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public OutboxMessage accountCreated(String recipient, Locale locale, String displayName, Object accountId) {
        return enqueue(recipient, MailKind.ACCOUNT_CREATED, locale, "UserAccount", accountId, displayName, recipient);
    }

    /** A mail from the templates {@code KIND.subject} and {@code KIND.body} of the mail bundle, filled with {@code args}. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public OutboxMessage enqueue(String recipient, MailKind kind, Locale locale, String relatedEntity, Object relatedId,
            Object... args) {
        Locale language = MailTemplates.supported(locale);
        return enqueueText(recipient, kind, language, MailTemplates.subject(kind, language, args),
                MailTemplates.body(kind, language, args), relatedEntity, relatedId);
    }

    /**
     * A mail whose text is already written; null, and nothing queued, when it is of an optional kind
     * that its recipient has switched off.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public OutboxMessage enqueueText(String recipient, MailKind kind, Locale locale, String subject, String body,
            String relatedEntity, Object relatedId) {
        String address = checkedAddress(recipient);
        if (kind.optional() && switchedOff(address, kind)) {
            return null;
        }
        OutboxMessage message = new OutboxMessage(address, truncate(subject, OutboxMessage.SUBJECT_MAX),
                truncate(body, OutboxMessage.BODY_MAX), kind.name(), MailTemplates.supported(locale).getLanguage(),
                relatedEntity, relatedId, Instant.now(clock));
        em.persist(message);
        em.flush();
        String actor = caller.email() == null ? "system" : caller.email();
        audit.record(actor, "OutboxMessage", message.getId(), AuditAction.MAIL_QUEUED, kind + " mail queued"
                + (relatedEntity == null ? "" : " about " + relatedEntity + " " + relatedId));
        return message;
    }

    // ---- administration ---------------------------------------------------------------------------

    /** One page of the outbox, newest first, optionally of one status; paged in SQL. */
    @RolesAllowed(Roles.ADMIN)
    public Page<OutboxView> search(OutboxStatus status, int first, int size) {
        int pageSize = Page.clampSize(size);
        String where = status == null ? "" : " WHERE m.status = :status";
        TypedQuery<OutboxMessage> q = em.createQuery("SELECT m FROM OutboxMessage m" + where + " ORDER BY m.id DESC",
                OutboxMessage.class);
        TypedQuery<Long> c = em.createQuery("SELECT COUNT(m) FROM OutboxMessage m" + where, Long.class);
        if (status != null) {
            q.setParameter("status", status);
            c.setParameter("status", status);
        }
        List<OutboxView> items = q.setFirstResult(Math.max(0, first)).setMaxResults(pageSize).getResultList().stream()
                .map(OutboxView::of).toList();
        return new Page<>(items, c.getSingleResult(), first, pageSize);
    }

    private OutboxMessage find(long id) {
        OutboxMessage message = em.find(OutboxMessage.class, id);
        if (message == null) {
            throw new NotFoundException("outbox message");
        }
        return message;
    }

    /** Puts a PENDING or FAILED message back in line for an attempt now. */
    @RolesAllowed(Roles.ADMIN)
    public OutboxView retry(long id) {
        OutboxMessage message = find(id);
        if (message.getStatus() == OutboxStatus.SENT) {
            throw new ConflictException("ALREADY_SENT", "outbox.alreadySent");
        }
        message.retryNow(Instant.now(clock));
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            // the sender was sending it at that very moment
            throw new ConcurrentChangeException();
        }
        audit.record(caller.actor(), "OutboxMessage", message.getId(), AuditAction.MAIL_RETRY, "Retry asked for " + message.getKind() + " mail");
        return OutboxView.of(message);
    }

    /**
     * Sends every PENDING message now, without waiting for its backoff; returns how many the SMTP
     * server accepted (0 when SMTP is off).
     */
    @RolesAllowed(Roles.ADMIN)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int sendNow() {
        if (!smtp.enabled()) {
            return 0;
        }
        delivery.makePendingDue(Instant.now(clock));
        return sender.sendDueNow();
    }

    /** Whether mail goes out, and where to. */
    @RolesAllowed(Roles.ADMIN)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public SmtpStatus smtpStatus() {
        return new SmtpStatus(smtp.enabled(), smtp.describe());
    }

    /** The recipient has an account and has switched that kind off (issue 16: mail preferences are the user's own). */
    private boolean switchedOff(String address, MailKind kind) {
        return !em.createQuery("SELECT a.id FROM UserAccount a JOIN a.mailOptOuts k WHERE a.email = :email AND k = :kind",
                Long.class).setParameter("email", address.toLowerCase(Locale.ROOT)).setParameter("kind", kind.name())
                .setMaxResults(1).getResultList().isEmpty();
    }

    private static String checkedAddress(String recipient) {
        String address = recipient == null ? "" : recipient.trim();
        try {
            if (address.isEmpty() || address.length() > OutboxMessage.RECIPIENT_MAX) {
                throw new AddressException(address);
            }
            new InternetAddress(address, true).validate();
        } catch (AddressException e) {
            throw new InvalidInputException("recipient", "outbox.recipientInvalid");
        }
        return address;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Whether an SMTP server is configured ({@code ESSOR_SMTP_HOST}) and a description without secrets. */
    public record SmtpStatus(boolean enabled, String description) {
    }
}
