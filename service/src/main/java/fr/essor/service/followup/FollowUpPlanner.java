package fr.essor.service.followup;

import fr.essor.model.followup.FollowUp;
import fr.essor.model.followup.FollowUpMilestone;
import fr.essor.model.followup.FollowUpSchedule;
import fr.essor.service.audit.AuditService;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.config.EssorConfig;
import fr.essor.service.mail.MailKind;
import fr.essor.service.mail.MailService;
import fr.essor.service.mail.MailTemplates;
import fr.essor.service.shared.BusinessClock;
import fr.essor.service.shared.Columns;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The follow-up's sweep, run every morning ({@link FollowUpTimer}) and by the tests' test-only address:
 * plans the milestones of every file paid out since (its first disbursement) and sends the reminder of
 * each milestone that fell due, once. Both steps are idempotent: a file is planned only if it has no
 * follow-up (the table's unique key holds against two sweeps at once), a milestone is reminded only
 * by the statement that stamps it.
 */
@Stateless
public class FollowUpPlanner {

    /** Files planned in one transaction at most; the timer sweeps again until none is left. */
    public static final int BATCH = 500;

    @PersistenceContext(unitName = "essor")
    private EntityManager em;

    @EJB
    private AuditService audit;

    @EJB
    private MailService mail;

    @Inject
    private BusinessClock clock;

    @Inject
    private EssorConfig config;

    /** What one sweep did. */
    public record Sweep(LocalDate day, int planned, int reminded) {
    }

    /** Plans what was funded and reminds what fell due, on the business day. */
    @PermitAll
    public Sweep run() {
        LocalDate today = clock.today();
        int planned = plan(today);
        int reminded = remind(today);
        return new Sweep(today, planned, reminded);
    }

    /** Gives a follow-up to each file paid out on or before {@code today} that has none yet (at most {@link #BATCH}). */
    @PermitAll
    public int plan(LocalDate today) {
        List<?> rows = em.createNativeQuery("SELECT ap.id, e.association_id, MIN(m.occurred_on), ap.jobs_created, ap.jobs_maintained"
                        + " FROM ledger_movement m JOIN allocation al ON al.id = m.allocation_id"
                        + " JOIN granted_line g ON g.id = al.granted_line_id JOIN decision d ON d.id = g.decision_id"
                        + " JOIN application ap ON ap.id = d.application_id JOIN enterprise e ON e.id = ap.enterprise_id"
                        + " WHERE m.kind = 'DISBURSEMENT' AND m.occurred_on <= ?"
                        + " AND NOT EXISTS (SELECT 1 FROM follow_up f WHERE f.application_id = ap.id)"
                        + " GROUP BY ap.id, e.association_id, ap.jobs_created, ap.jobs_maintained ORDER BY ap.id")
                .setParameter(1, today).setMaxResults(BATCH).getResultList();
        Instant now = clock.now();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            long app = Columns.number(r[0]);
            LocalDate fundedOn = Columns.date(r[2]);
            BigDecimal declared = r[3] == null && r[4] == null ? null
                    : Columns.decimal(r[3]).add(Columns.decimal(r[4]));
            FollowUp f = FollowUp.plan(app, Columns.number(r[1]), fundedOn, declared, now);
            em.persist(f);
            em.flush();
            audit.record("system", "Application", app, AuditAction.FOLLOW_UP_PLANNED, "Follow-up " + f.getId() + ": funded on "
                    + fundedOn + ", milestones on " + f.getMilestones().stream().map(x -> x.getDueDate().toString()).toList());
        }
        return rows.size();
    }

    /**
     * Mails the owners of each enterprise whose milestone fell due and is not overdue yet (an older one is
     * the advisor's to chase, from the list of overdue follow-ups), once: the milestone is stamped first,
     * and only the statement that stamped it sends.
     */
    @PermitAll
    public int remind(LocalDate today) {
        List<?> rows = em.createNativeQuery("SELECT m.id, f.id, ap.id, ap.reference, e.legal_name, e.id, m.months_after, m.due_date"
                        + " FROM follow_up_milestone m JOIN follow_up f ON f.id = m.follow_up_id"
                        + " JOIN application ap ON ap.id = f.application_id JOIN enterprise e ON e.id = ap.enterprise_id"
                        + " WHERE m.status = 'PLANNED' AND m.reminded_at IS NULL AND f.closed_on IS NULL"
                        + " AND m.due_date <= ? AND m.due_date >= ? ORDER BY m.due_date, m.id")
                .setParameter(1, today).setParameter(2, today.minusDays(FollowUpSchedule.OVERDUE_AFTER_DAYS))
                .setMaxResults(BATCH).getResultList();
        int reminded = 0;
        LocalDateTime stamp = LocalDateTime.ofInstant(clock.now(), ZoneOffset.UTC);
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            long milestone = Columns.number(r[0]);
            int stamped = em.createNativeQuery("UPDATE follow_up_milestone SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL")
                    .setParameter(1, stamp).setParameter(2, milestone).executeUpdate();
            em.getEntityManagerFactory().getCache().evict(FollowUpMilestone.class, milestone);
            if (stamped == 0) {
                continue;
            }
            reminded++;
            long app = Columns.number(r[2]);
            LocalDate due = Columns.date(r[7]);
            List<?> owners = em.createNativeQuery("SELECT u.email, u.preferred_locale FROM enterprise_owner o"
                    + " JOIN user_account u ON u.id = o.account_id WHERE o.enterprise_id = ? AND u.active = TRUE ORDER BY u.email")
                    .setParameter(1, Columns.number(r[5])).getResultList();
            for (Object ow : owners) {
                Object[] owner = (Object[]) ow;
                Locale locale = MailTemplates.recipientLocale((String) owner[1]);
                mail.enqueue((String) owner[0], MailKind.FOLLOW_UP_DUE, locale, "FollowUp", Columns.number(r[1]),
                        r[4], String.valueOf(r[3]), String.valueOf(Columns.number(r[6])),
                        config.publicUrl() + "/entrepreneur/followups.xhtml?milestone=" + milestone);
            }
            audit.record("system", "Application", app, AuditAction.FOLLOW_UP_REMINDED, "Follow-up " + Columns.number(r[1])
                    + ", milestone due on " + due + ": " + owners.size() + " owner(s) reminded");
        }
        return reminded;
    }
}
