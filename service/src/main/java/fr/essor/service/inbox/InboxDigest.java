package fr.essor.service.inbox;

import fr.essor.model.account.UserAccount;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.audit.AuditService;
import fr.essor.service.config.EssorConfig;
import fr.essor.service.mail.MailKind;
import fr.essor.service.mail.MailService;
import fr.essor.service.mail.MailTemplates;
import fr.essor.service.shared.ConflictException;
import fr.essor.service.shared.Page;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The daily digest of the inbox: to each active account that has not switched it off, one mail a day listing its
 * items not seen yet, through the mail outbox. Once per person and day however many servers run it at
 * the same time: each person's digest is claimed by a row of {@code inbox_digest_run} (unique on account
 * and day) inserted in the transaction that queues the mail, so the second claimant's insert fails and it
 * sends nothing. Each person has a transaction of their own: one failure leaves the others sent.
 */
@Stateless
@PermitAll
public class InboxDigest {

    private static final Logger LOG = Logger.getLogger(InboxDigest.class.getName());
    /** At most this many items are listed in a mail; the count says how many there are. */
    static final int MAX_LISTED = 50;
    static final String CLAIM_KEY = "uk_inbox_digest_run";

    @PersistenceContext(unitName = "essor")
    private EntityManager em;

    @EJB
    private MailService mail;

    @EJB
    private AuditService audit;

    @Inject
    private EssorConfig config;

    @Resource
    private SessionContext context;

    private final Clock clock = Clock.systemUTC();

    /**
     * Sends the digest of {@code date} to every active account that has not switched it off and has not had it,
     * when it has unseen items; each in a transaction of its own.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public DigestRun run(LocalDate date) {
        List<?> recipients = em.createNativeQuery("SELECT u.id FROM user_account u WHERE u.active = TRUE"
                + " AND NOT EXISTS (SELECT 1 FROM mail_opt_out o WHERE o.account_id = u.id AND o.kind = ?1) ORDER BY u.id")
                .setParameter(1, MailKind.INBOX_DIGEST.name()).getResultList();
        InboxDigest self = context.getBusinessObject(InboxDigest.class);
        int sent = 0;
        int empty = 0;
        int already = 0;
        int failed = 0;
        for (Object o : recipients) {
            long account = ((Number) o).longValue();
            try {
                if (self.sendTo(account, date)) {
                    sent++;
                } else {
                    empty++;
                }
            } catch (ConflictException e) {
                already++;
            } catch (EJBException e) {
                failed++;
                LOG.log(Level.WARNING, "Essor inbox digest of " + date + " for account " + account + " failed", e);
            }
        }
        DigestRun run = new DigestRun(date, recipients.size(), sent, empty, already, failed);
        LOG.info(() -> "Essor inbox digest: " + run);
        return run;
    }

    /**
     * Claims the person's digest of that day and queues it when they have unseen items (nothing is written
     * otherwise); true when a mail was queued. A digest already claimed is refused with {@code DIGEST_ALREADY_SENT}, and nothing is written.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean sendTo(long accountId, LocalDate date) {
        UserAccount account = em.find(UserAccount.class, accountId);
        InboxScope scope = InboxScope.of(account, date);
        InboxQueries queries = new InboxQueries(em, InboxSources.ALL);
        Page<InboxItem> unseen = queries.page(scope, true, 0, MAX_LISTED);
        if (unseen.total() == 0) {
            // nothing to tell: no claim either, or every account would leave a row a day
            return false;
        }
        Instant now = Instant.now(clock);
        try {
            em.createNativeQuery("INSERT INTO inbox_digest_run (account_id, digest_date, item_count, claimed_at) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, accountId).setParameter(2, date).setParameter(3, (int) unseen.total())
                    .setParameter(4, LocalDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate();
        } catch (PersistenceException e) {
            if (violatesClaim(e)) {
                throw new ConflictException("DIGEST_ALREADY_SENT", "inbox.digestAlreadySent", date);
            }
            throw e;
        }
        audit.record("system", "UserAccount", accountId, AuditAction.INBOX_DIGEST_CLAIMED,
                "Inbox digest of " + date + ": " + unseen.total() + " unseen item(s)");
        Locale locale = MailTemplates.recipientLocale(account.getPreferredLocale());
        String list = lines(unseen.items(), locale);
        String more = unseen.total() > unseen.items().size()
                ? "\n" + MailTemplates.label("inbox.more", locale, "…").replace("{0}", String.valueOf(unseen.total() - unseen.items().size()))
                : "";
        var message = mail.enqueue(account.getEmail(), MailKind.INBOX_DIGEST, locale, "UserAccount", accountId,
                account.getDisplayName(), unseen.total(), list + more, config.publicUrl());
        if (message != null) {
            em.createNativeQuery("UPDATE inbox_digest_run SET message_id = ?1 WHERE account_id = ?2 AND digest_date = ?3")
                    .setParameter(1, message.getId()).setParameter(2, accountId).setParameter(3, date).executeUpdate();
        }
        return message != null;
    }

    /** One line per item: its kind, its file's reference and what it is about, and its due day. */
    static String lines(List<InboxItem> items, Locale locale) {
        DateTimeFormatter days = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        StringBuilder sb = new StringBuilder();
        for (InboxItem i : items) {
            sb.append(sb.length() == 0 ? "" : "\n").append("- ").append(MailTemplates.label("inbox.kind." + i.kind(), locale, i.kind()))
                    .append(" — ");
            if (i.reference() != null && !i.reference().equals(i.label())) {
                sb.append(i.reference()).append(" — ");
            }
            sb.append(i.label() == null ? "" : oneLine(i.label()));
            if (i.dueOn() != null) {
                sb.append(" (").append(MailTemplates.label("inbox.due", locale, "due")).append(' ').append(days.format(i.dueOn())).append(')');
            }
        }
        return sb.toString();
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 199) + "…" : flat;
    }

    private static boolean violatesClaim(Throwable thrown) {
        for (Throwable c = thrown; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLIntegrityConstraintViolationException && c.getMessage() != null
                    && c.getMessage().toLowerCase(Locale.ROOT).contains(CLAIM_KEY)) {
                return true;
            }
        }
        return false;
    }
}
