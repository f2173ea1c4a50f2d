package fr.essor.service.privacy;

import fr.essor.model.account.UserAccount;
import fr.essor.model.privacy.ErasureStatus;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.mail.MailKind;
import fr.essor.service.mail.MailService;
import fr.essor.service.mail.MailTemplates;
import fr.essor.service.security.UseCaseService;
import fr.essor.service.shared.Columns;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Page;
import fr.essor.service.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A person's request to close the account and erase the data (issue 16): done at once where no
 * retention duty applies, otherwise the account is closed at once and the erasure scheduled for the
 * day the last duty ends, which the person is told (page, answer and mail); administrators answer
 * the requests within a month from a list with deadlines.
 */
@Stateless
public class ErasureService extends UseCaseService {

    /** A request is answered within one month. */
    public static final int ANSWER_MONTHS = 1;

    @EJB
    private Anonymiser anonymiser;

    @EJB
    private RetentionService retention;

    @EJB
    private MailService mail;

    private final Clock clock = Clock.system(RetentionService.ZONE);

    /** The entrepreneur asks; answers what was done or when it will be. A second request returns the first. */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public ErasureView request() {
        UserAccount me = caller.account();
        Optional<ErasureView> open = find("WHERE account_id = ?1 AND status = 'SCHEDULED'", me.getId(), 0, 1).stream().findFirst();
        if (open.isPresent()) {
            return open.get();
        }
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.now(clock);
        LocalDate dutyEnd = retention.financedDutyEnd(me.getId());
        boolean atOnce = dutyEnd == null || !dutyEnd.isAfter(today);
        LocalDate eraseOn = atOnce ? today : dutyEnd;
        em.createNativeQuery("INSERT INTO erasure_request (account_id, requested_at, answer_due_on, status, erase_on, erased_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, me.getId()).setParameter(2, Anonymiser.utc(now)).setParameter(3, today.plusMonths(ANSWER_MONTHS))
                .setParameter(4, (atOnce ? ErasureStatus.ERASED : ErasureStatus.SCHEDULED).name()).setParameter(5, eraseOn)
                .setParameter(6, atOnce ? Anonymiser.utc(now) : null).executeUpdate();
        long id = ((Number) em.createNativeQuery("SELECT MAX(id) FROM erasure_request WHERE account_id = ?1")
                .setParameter(1, me.getId()).getSingleResult()).longValue();
        if (atOnce) {
            audit.record(caller.actor(), "ErasureRequest", id, AuditAction.REQUEST_ERASURE, "Erasure asked; no retention duty");
            anonymiser.eraseAccount(me.getId(), now);
            audit.record("system", "ErasureRequest", id, AuditAction.ERASE, "Account and data erased at once");
        } else {
            em.createNativeQuery("UPDATE user_account SET active = FALSE WHERE id = ?1").setParameter(1, me.getId()).executeUpdate();
            audit.record(caller.actor(), "ErasureRequest", id, AuditAction.REQUEST_ERASURE,
                    "Erasure asked; account closed, erasure scheduled for " + eraseOn + " (financed files kept)");
            Locale locale = MailTemplates.recipientLocale(me.getPreferredLocale());
            mail.enqueue(me.getEmail(), MailKind.ERASURE_SCHEDULED, locale, "ErasureRequest", id, me.getDisplayName(),
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(eraseOn));
        }
        return byId(id);
    }

    /** The entrepreneur's own request, if any. */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public Optional<ErasureView> mine() {
        return find("WHERE account_id = ?1", caller.account().getId(), 0, 1).stream().findFirst();
    }

    /** The requests, those awaiting an answer first by deadline; {@code status} null for all. Paged in SQL. */
    @RolesAllowed(Roles.ADMIN)
    public Page<ErasureView> requests(ErasureStatus status, boolean unansweredOnly, int first, int size) {
        caller.account();
        int pageSize = Page.clampSize(size);
        String where = "WHERE 1 = 1" + (status == null ? "" : " AND status = '" + status.name() + "'")
                + (unansweredOnly ? " AND handled_at IS NULL" : "");
        long total = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM erasure_request " + where).getSingleResult()).longValue();
        return new Page<>(find(where, null, Math.max(0, first), pageSize), total, first, pageSize);
    }

    /** An administrator records that the request was answered. */
    @RolesAllowed(Roles.ADMIN)
    public ErasureView acknowledge(long id) {
        UserAccount me = caller.account();
        byId(id);
        int n = em.createNativeQuery("UPDATE erasure_request SET handled_at = ?2, handled_by_id = ?3, version = version + 1"
                        + " WHERE id = ?1 AND handled_at IS NULL")
                .setParameter(1, id).setParameter(2, Anonymiser.utc(Instant.now(clock))).setParameter(3, me.getId()).executeUpdate();
        if (n == 0) {
            throw new InvalidInputException("id", "erasure.alreadyAnswered");
        }
        audit.record(caller.actor(), "ErasureRequest", id, AuditAction.ACKNOWLEDGE, "Request answered");
        return byId(id);
    }

    private ErasureView byId(long id) {
        return find("WHERE id = ?1", id, 0, 1).stream().findFirst().orElseThrow(() -> new NotFoundException("ErasureRequest"));
    }

    private List<ErasureView> find(String where, Object param, int first, int size) {
        var q = em.createNativeQuery("SELECT id, account_id, requested_at, answer_due_on, status, erase_on, erased_at, handled_at"
                + " FROM erasure_request " + where + " ORDER BY CASE WHEN handled_at IS NULL THEN 0 ELSE 1 END, answer_due_on, id")
                .setFirstResult(first).setMaxResults(size);
        if (param != null) {
            q.setParameter(1, param);
        }
        return ((List<?>) q.getResultList()).stream().map(o -> {
            Object[] r = (Object[]) o;
            return new ErasureView(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), Columns.instant(r[2]),
                    RetentionService.date(r[3]), ErasureStatus.valueOf((String) r[4]), RetentionService.date(r[5]),
                    Columns.instant(r[6]), Columns.instant(r[7]));
        }).toList();
    }
}
