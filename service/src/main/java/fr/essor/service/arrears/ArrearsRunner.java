package fr.essor.service.arrears;

import fr.essor.model.arrears.ArrearsBucket;
import fr.essor.model.arrears.DunningPlan;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.audit.AuditService;
import fr.essor.service.config.DatabaseBootstrap;
import fr.essor.service.config.DatabaseKind;
import fr.essor.service.mail.MailKind;
import fr.essor.service.mail.MailService;
import fr.essor.service.mail.MailTemplates;
import fr.essor.service.shared.Columns;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Date;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The arrears run (issue 14, item 3), for the nightly timer and for an administrator's request:
 * as of a day, one snapshot row per loan with an unpaid instalment due before that day (days past
 * due, overdue capital and interest, capital outstanding, bucket), computed and inserted by one
 * {@code INSERT … SELECT} over the open instalments; a second run for the same day replaces the
 * first. A run for today then mails the dunning notices each loan has newly reached (its
 * association's levels), once per loan and level, through the outbox. Not a use case of its own: the
 * callers ({@link ArrearsService#run}, {@link ArrearsTimer}) check who asks.
 */
@Stateless
public class ArrearsRunner {

    static final ZoneId NETWORK_ZONE = ZoneId.of("Europe/Paris");
    private static final Logger LOG = Logger.getLogger(ArrearsRunner.class.getName());

    /** Capital and interest still owed of an open instalment {@code i}. */
    static final String OWED_CAPITAL = "(COALESCE(i.capital, i.amount) - i.paid_capital)";
    static final String OWED_INTEREST = "(COALESCE(i.interest, 0) - i.paid_interest)";

    /**
     * Per loan with an open instalment: the oldest due date before ?1 of an open instalment, the
     * capital and interest overdue (due before ?1), the capital outstanding.
     */
    static final String OPEN_LOANS = "SELECT i.allocation_id AS allocation_id,"
            + " MIN(CASE WHEN i.due_date < ?1 THEN i.due_date END) AS oldest,"
            + " SUM(CASE WHEN i.due_date < ?1 THEN " + OWED_CAPITAL + " ELSE 0 END) AS overdue_capital,"
            + " SUM(CASE WHEN i.due_date < ?1 THEN " + OWED_INTEREST + " ELSE 0 END) AS overdue_interest,"
            + " SUM(" + OWED_CAPITAL + ") AS outstanding"
            + " FROM instalment i WHERE i.status IN ('DUE', 'LATE') GROUP BY i.allocation_id";

    /** From a loan's allocation {@code al} to its enterprise {@code e} and application {@code ap}. */
    static final String TO_ENTERPRISE = " JOIN granted_line g ON g.id = al.granted_line_id JOIN decision d ON d.id = g.decision_id"
            + " JOIN application ap ON ap.id = d.application_id JOIN enterprise e ON e.id = ap.enterprise_id";

    @PersistenceContext(unitName = "essor")
    private EntityManager em;

    @EJB
    private AuditService audit;

    @EJB
    private MailService mail;

    @EJB
    private DatabaseBootstrap database;

    private final Clock clock = Clock.systemUTC();

    /**
     * Runs as of {@code asOf} in the caller's transaction; returns the run's id. The dunning notices
     * are mailed when {@code mail} and the day is today (the demo data's run mails nothing).
     */
    public long run(LocalDate asOf, String actor, boolean mail) {
        Instant started = Instant.now(clock);
        Date day = Date.valueOf(asOf);
        List<?> existing = em.createNativeQuery("SELECT id FROM arrears_run WHERE as_of = ? FOR UPDATE").setParameter(1, day)
                .getResultList();
        long runId;
        if (existing.isEmpty()) {
            em.createNativeQuery("INSERT INTO arrears_run (as_of, started_at, finished_at, triggered_by) VALUES (?, ?, ?, ?)")
                    .setParameter(1, day).setParameter(2, Columns.utc(started)).setParameter(3, Columns.utc(started))
                    .setParameter(4, actor).executeUpdate();
            runId = ((Number) em.createNativeQuery("SELECT id FROM arrears_run WHERE as_of = ?").setParameter(1, day)
                    .getSingleResult()).longValue();
        } else {
            runId = ((Number) existing.get(0)).longValue();
            em.createNativeQuery("DELETE FROM arrears_snapshot WHERE run_id = ?").setParameter(1, runId).executeUpdate();
        }
        String days = daysBetween("t.oldest", "?1");
        int inArrears = em.createNativeQuery("INSERT INTO arrears_snapshot (run_id, allocation_id, association_id, convention_id,"
                        + " oldest_due, days_past_due, overdue_capital, overdue_interest, outstanding_capital, bucket)"
                        + " SELECT ?2, t.allocation_id, e.association_id, al.convention_id, t.oldest, " + days + ","
                        + " t.overdue_capital, t.overdue_interest, t.outstanding, " + ArrearsBucket.sqlCase(days)
                        + " FROM (" + OPEN_LOANS + ") t JOIN allocation al ON al.id = t.allocation_id" + TO_ENTERPRISE
                        + " WHERE t.oldest IS NOT NULL")
                .setParameter(1, day).setParameter(2, runId).executeUpdate();
        int loans = ((Number) em.createNativeQuery("SELECT COUNT(DISTINCT i.allocation_id) FROM instalment i"
                + " WHERE i.status IN ('DUE', 'LATE')").getSingleResult()).intValue();
        int notices = mail && asOf.equals(LocalDate.now(clock.withZone(NETWORK_ZONE))) ? dun(runId, asOf, started) : 0;
        Instant finished = Instant.now(clock);
        em.createNativeQuery("UPDATE arrears_run SET started_at = ?, finished_at = ?, triggered_by = ?, loans = ?,"
                        + " in_arrears = ?, notices = notices + ? WHERE id = ?")
                .setParameter(1, Columns.utc(started)).setParameter(2, Columns.utc(finished)).setParameter(3, actor)
                .setParameter(4, loans).setParameter(5, inArrears).setParameter(6, notices).setParameter(7, runId)
                .executeUpdate();
        audit.record(actor, "ArrearsRun", runId, AuditAction.ARREARS_RUN, "Arrears as of " + asOf + ": " + inArrears
                + " of " + loans + " loan(s) in arrears, " + notices + " dunning notice(s)");
        LOG.info(() -> "Essor arrears as of " + asOf + ": " + inArrears + " of " + loans + " loan(s) in arrears, " + notices
                + " notice(s), " + (finished.toEpochMilli() - started.toEpochMilli()) + " ms");
        return runId;
    }

    /** The SQL for the days from date {@code from} to date {@code to}, on this database. */
    String daysBetween(String from, String to) {
        return database.kind() == DatabaseKind.H2 ? "DATEDIFF(DAY, " + from + ", " + to + ")"
                : "DATEDIFF(" + to + ", " + from + ")";
    }

    /**
     * The notices of a run: each loan of the run that reached a level of its association's plan
     * higher than any already mailed gets that level's notice, mailed to its enterprise's owners.
     */
    private int dun(long runId, LocalDate asOf, Instant now) {
        List<?> rows = em.createNativeQuery("SELECT s.allocation_id, s.days_past_due, ap.reference, e.legal_name, e.id,"
                        + " (SELECT MAX(n.level_no) FROM dunning_notice n WHERE n.allocation_id = s.allocation_id),"
                        + " p.days, s.overdue_capital + s.overdue_interest"
                        + " FROM arrears_snapshot s JOIN allocation al ON al.id = s.allocation_id" + TO_ENTERPRISE
                        + " LEFT JOIN dunning_plan p ON p.association_id = s.association_id"
                        + " WHERE s.run_id = ? ORDER BY s.allocation_id")
                .setParameter(1, runId).getResultList();
        Map<String, DunningPlan> plans = new HashMap<>();
        List<Object[]> due = new ArrayList<>();
        List<Long> enterprises = new ArrayList<>();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            DunningPlan plan = r[6] == null ? DunningPlan.DEFAULT : plans.computeIfAbsent((String) r[6], DunningPlan::parse);
            int level = plan.levelFor(((Number) r[1]).intValue());
            int sent = r[5] == null ? 0 : ((Number) r[5]).intValue();
            if (level > sent) {
                due.add(new Object[] {r[0], r[1], r[2], r[3], r[4], level, r[7]});
                enterprises.add(((Number) r[4]).longValue());
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        Map<Long, List<String[]>> owners = owners(enterprises);
        for (Object[] n : due) {
            long allocation = ((Number) n[0]).longValue();
            int level = (Integer) n[5];
            int dpd = ((Number) n[1]).intValue();
            List<String[]> to = owners.getOrDefault(((Number) n[4]).longValue(), List.of());
            em.createNativeQuery("INSERT INTO dunning_notice (allocation_id, level_no, days_past_due, run_id, recipients,"
                            + " created_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .setParameter(1, allocation).setParameter(2, level).setParameter(3, dpd).setParameter(4, runId)
                    .setParameter(5, to.size()).setParameter(6, Columns.utc(now)).executeUpdate();
            BigDecimal overdue = Columns.decimal(n[6]);
            for (String[] owner : to) {
                Locale locale = MailTemplates.recipientLocale(owner[1]);
                NumberFormat money = NumberFormat.getCurrencyInstance(locale.getLanguage().equals("en") ? Locale.UK
                        : Locale.FRANCE);
                money.setCurrency(Currency.getInstance("EUR"));
                mail.enqueue(owner[0], MailKind.LOAN_OVERDUE, locale, "Allocation", allocation, n[2], n[3],
                        String.valueOf(dpd), money.format(overdue));
            }
            audit.record("system", "Allocation", allocation, AuditAction.DUNNING_SENT, "Dunning level " + level + " at " + dpd
                    + " days past due as of " + asOf + " to " + to.size() + " owner(s)");
        }
        return due.size();
    }

    /** The active owners of these enterprises, with their language: enterprise id → [email, locale]. */
    private Map<Long, List<String[]>> owners(List<Long> enterprises) {
        Map<Long, List<String[]>> owners = new HashMap<>();
        for (int from = 0; from < enterprises.size(); from += 500) {
            List<Long> chunk = enterprises.subList(from, Math.min(enterprises.size(), from + 500));
            StringBuilder in = new StringBuilder();
            for (Long id : chunk) {
                in.append(in.length() == 0 ? "" : ",").append(id.longValue());
            }
            List<?> rows = em.createNativeQuery("SELECT eo.enterprise_id, u.email, u.preferred_locale FROM enterprise_owner eo"
                    + " JOIN user_account u ON u.id = eo.account_id WHERE u.active = TRUE AND eo.enterprise_id IN (" + in + ")"
                    + " ORDER BY eo.enterprise_id, u.email").getResultList();
            for (Object o : rows) {
                Object[] r = (Object[]) o;
                owners.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                        .add(new String[] {(String) r[1], (String) r[2]});
            }
        }
        return owners;
    }
}
