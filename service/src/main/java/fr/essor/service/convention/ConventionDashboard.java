package fr.essor.service.convention;

import fr.essor.model.convention.Convention;
import fr.essor.model.convention.ConventionKind;
import fr.essor.model.convention.Envelope;
import fr.essor.model.shared.Money;
import fr.essor.service.shared.Columns;
import fr.essor.service.shared.Page;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The convention dashboard as queries: the figures of a convention summed from its ledger, its
 * allocations, breakdowns, month-by-month consumption, funded enterprises and what its period
 * achieved, with their row mappers. Plain SQL that H2 (MODE=LEGACY) and MariaDB/MySQL both run. It
 * checks no permission: callers ({@link ConventionService}, {@link AllocationService},
 * {@link ConventionExports}) decide what the caller may see first. Not an EJB, so that it cannot be
 * called from outside the application, and so that it runs on its caller's persistence context (the
 * figures {@link AllocationService} reads under its lock).
 */
@Dependent
public class ConventionDashboard {

    /** allocated, disbursed, repaid of a convention {@code c}, summed from its ledger. */
    private static final String FIGURES = "COALESCE(SUM(CASE m.kind WHEN 'ALLOCATION' THEN m.amount WHEN 'RELEASE' THEN -m.amount"
            + " ELSE 0 END), 0), COALESCE(SUM(CASE WHEN m.kind = 'DISBURSEMENT' THEN m.amount ELSE 0 END), 0),"
            + " COALESCE(SUM(CASE WHEN m.kind = 'REPAYMENT' THEN m.amount ELSE 0 END), 0)";

    private static final String SUMMARY = "SELECT c.id, c.reference, p.name, a.code, c.kind, c.status, c.period_start,"
            + " c.period_end, c.amount, c.revolving, " + FIGURES
            + " FROM convention c JOIN partner p ON p.id = c.partner_id JOIN association a ON a.id = c.association_id"
            + " LEFT JOIN ledger_movement m ON m.convention_id = c.id";
    private static final String GROUP = " GROUP BY c.id, c.reference, p.name, a.code, c.kind, c.status, c.period_start,"
            + " c.period_end, c.amount, c.revolving";

    private static final String ALLOCATIONS = "SELECT al.id, al.convention_id, c.reference, g.id, ap.reference, ap.id, e.legal_name,"
            + " e.department, g.instrument, al.amount, al.released, al.disbursed, al.allocated_on, al.status"
            + " FROM allocation al JOIN convention c ON c.id = al.convention_id JOIN granted_line g ON g.id = al.granted_line_id"
            + " JOIN decision d ON d.id = g.decision_id JOIN application ap ON ap.id = d.application_id"
            + " JOIN enterprise e ON e.id = ap.enterprise_id";

    @PersistenceContext(unitName = "essor")
    private EntityManager em;

    /** What a convention's period achieved, against its targets. */
    record Achieved(long advised, long financed, BigDecimal jobs) {
    }

    // ---- conventions and their figures -----------------------------------------------------------

    /** One page of the conventions of the scope, latest period first, with their figures. */
    Page<ConventionViews.Summary> summaries(ConventionScope scope, int first, int size) {
        int pageSize = Page.clampSize(size);
        Query q = em.createNativeQuery(SUMMARY + " WHERE " + scope.sql() + GROUP
                + " ORDER BY c.period_start DESC, c.id DESC LIMIT " + pageSize + " OFFSET " + Math.max(0, first));
        bind(q, scope.parameters());
        List<ConventionViews.Summary> items = new ArrayList<>();
        for (Object row : q.getResultList()) {
            items.add(summary((Object[]) row));
        }
        Query count = em.createNativeQuery("SELECT COUNT(*) FROM convention c WHERE " + scope.sql());
        bind(count, scope.parameters());
        return new Page<>(items, ((Number) count.getSingleResult()).longValue(), Math.max(0, first), pageSize);
    }

    /**
     * Whether the convention is in the scope, in one narrow statement, without loading the convention and
     * its four EAGER rule collections (five statements).
     */
    boolean inScope(ConventionScope scope, long id) {
        Query q = em.createNativeQuery("SELECT COUNT(*) FROM convention c WHERE " + scope.sql() + " AND c.id = ?");
        bind(q, scope.parameters());
        q.setParameter(scope.parameters().size() + 1, id);
        return ((Number) q.getSingleResult()).longValue() > 0;
    }

    /** The figures of one convention, summed from the ledger now. */
    ConventionViews.Summary figures(long id) {
        Object[] r = (Object[]) em.createNativeQuery(SUMMARY + " WHERE c.id = ?" + GROUP).setParameter(1, id).getSingleResult();
        return summary(r);
    }

    private static ConventionViews.Summary summary(Object[] r) {
        BigDecimal amount = Columns.decimal(r[8]);
        boolean revolving = Boolean.TRUE.equals(r[9]) || (r[9] instanceof Number n && n.intValue() != 0);
        BigDecimal allocated = Columns.decimal(r[10]);
        BigDecimal disbursed = Columns.decimal(r[11]);
        BigDecimal repaid = Columns.decimal(r[12]);
        Envelope envelope = new Envelope(Money.of(amount), revolving, Money.of(allocated), Money.of(repaid));
        return new ConventionViews.Summary(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], Columns.date(r[6]), Columns.date(r[7]), amount, allocated, disbursed, repaid,
                envelope.remaining().amount(), revolving);
    }

    /**
     * What the convention's period achieved. A financing fund counts the enterprises it funded; operating
     * support counts the association's work in the period: enterprises advised (support records) and
     * financed (approved decisions), and the jobs the approved applications create.
     */
    Achieved achieved(Convention c) {
        if (c.getKind() == ConventionKind.FINANCING_FUND) {
            Object[] r = (Object[]) em.createNativeQuery("SELECT COUNT(DISTINCT ap.enterprise_id),"
                            + " COALESCE(SUM(ap.jobs_created), 0) FROM application ap WHERE ap.id IN (SELECT d.application_id"
                            + " FROM allocation al JOIN granted_line g ON g.id = al.granted_line_id JOIN decision d ON d.id = g.decision_id"
                            + " WHERE al.convention_id = ? AND al.status <> 'RELEASED')")
                    .setParameter(1, c.getId()).getSingleResult();
            return new Achieved(0, ((Number) r[0]).longValue(), Columns.decimal(r[1]));
        }
        long advised = ((Number) em.createNativeQuery("SELECT COUNT(DISTINCT s.enterprise_id) FROM support_record s"
                        + " JOIN enterprise e ON e.id = s.enterprise_id WHERE e.association_id = ? AND s.support_date BETWEEN ? AND ?")
                .setParameter(1, c.getAssociation().getId()).setParameter(2, c.getPeriodStart())
                .setParameter(3, c.getPeriodEnd()).getSingleResult()).longValue();
        Object[] r = (Object[]) em.createNativeQuery("SELECT COUNT(DISTINCT ap.enterprise_id), COALESCE(SUM(ap.jobs_created), 0)"
                        + " FROM application ap JOIN enterprise e ON e.id = ap.enterprise_id WHERE e.association_id = ?"
                        + " AND ap.id IN (SELECT d.application_id FROM decision d WHERE d.outcome = 'APPROVED'"
                        + " AND d.decision_date BETWEEN ? AND ?)")
                .setParameter(1, c.getAssociation().getId()).setParameter(2, c.getPeriodStart())
                .setParameter(3, c.getPeriodEnd()).getSingleResult();
        return new Achieved(advised, ((Number) r[0]).longValue(), Columns.decimal(r[1]));
    }

    // ---- allocations ------------------------------------------------------------------------------

    /** The allocations of a convention, newest first, paged in SQL. */
    Page<ConventionViews.AllocationRow> allocations(long conventionId, int first, int size) {
        int pageSize = Page.clampSize(size);
        List<?> rows = em.createNativeQuery(ALLOCATIONS + " WHERE al.convention_id = ? ORDER BY al.allocated_on DESC, al.id DESC"
                + " LIMIT " + pageSize + " OFFSET " + Math.max(0, first)).setParameter(1, conventionId).getResultList();
        long total = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM allocation WHERE convention_id = ?")
                .setParameter(1, conventionId).getSingleResult()).longValue();
        return new Page<>(rows.stream().map(r -> allocationRow((Object[]) r)).toList(), total, Math.max(0, first), pageSize);
    }

    /** The allocations of one granted line, oldest first (a line has a handful). */
    List<ConventionViews.AllocationRow> allocationsOfLine(long lineId) {
        return em.createNativeQuery(ALLOCATIONS + " WHERE al.granted_line_id = ? ORDER BY al.id LIMIT 100")
                .setParameter(1, lineId).getResultList().stream()
                .map(r -> allocationRow((Object[]) r)).toList();
    }

    /** One allocation with what it funds. */
    ConventionViews.AllocationRow allocation(long id) {
        return allocationRow((Object[]) em.createNativeQuery(ALLOCATIONS + " WHERE al.id = ?")
                .setParameter(1, id).getSingleResult());
    }

    private static ConventionViews.AllocationRow allocationRow(Object[] r) {
        return new ConventionViews.AllocationRow(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                ((Number) r[3]).longValue(), (String) r[4], ((Number) r[5]).longValue(), (String) r[6], (String) r[7],
                (String) r[8], Columns.decimal(r[9]), Columns.decimal(r[10]), Columns.decimal(r[11]), Columns.date(r[12]), (String) r[13]);
    }

    // ---- breakdowns, consumption, funded enterprises ----------------------------------------------

    /** Amounts allocated (less releases) by instrument, department, legal form or stage. */
    List<ConventionViews.Breakdown> breakdown(long conventionId, BreakdownDimension dimension) {
        String column = dimension.column;
        List<?> rows = em.createNativeQuery("SELECT " + column + ", COUNT(*), SUM(al.amount - al.released)"
                        + " FROM allocation al JOIN granted_line g ON g.id = al.granted_line_id JOIN decision d ON d.id = g.decision_id"
                        + " JOIN application ap ON ap.id = d.application_id JOIN enterprise e ON e.id = ap.enterprise_id"
                        + " WHERE al.convention_id = ? AND al.status <> 'RELEASED' GROUP BY " + column + " ORDER BY 3 DESC")
                .setParameter(1, conventionId).getResultList();
        return rows.stream().map(o -> {
            Object[] r = (Object[]) o;
            return new ConventionViews.Breakdown(r[0] == null ? "—" : r[0].toString(), ((Number) r[1]).longValue(), Columns.decimal(r[2]));
        }).toList();
    }

    /** Month by month: allocated (less releases), disbursed and repaid, from the ledger. */
    List<ConventionViews.Point> consumption(long conventionId) {
        List<?> rows = em.createNativeQuery("SELECT YEAR(m.occurred_on), MONTH(m.occurred_on),"
                        + " SUM(CASE m.kind WHEN 'ALLOCATION' THEN m.amount WHEN 'RELEASE' THEN -m.amount ELSE 0 END),"
                        + " SUM(CASE WHEN m.kind = 'DISBURSEMENT' THEN m.amount ELSE 0 END),"
                        + " SUM(CASE WHEN m.kind = 'REPAYMENT' THEN m.amount ELSE 0 END)"
                        + " FROM ledger_movement m WHERE m.convention_id = ? GROUP BY YEAR(m.occurred_on), MONTH(m.occurred_on)"
                        + " ORDER BY 1, 2")
                .setParameter(1, conventionId).getResultList();
        return rows.stream().map(o -> {
            Object[] r = (Object[]) o;
            return new ConventionViews.Point(String.format("%04d-%02d", ((Number) r[0]).intValue(), ((Number) r[1]).intValue()),
                    Columns.decimal(r[2]), Columns.decimal(r[3]), Columns.decimal(r[4]));
        }).toList();
    }

    /** One page of the enterprises the convention funds. */
    Page<ConventionViews.Funded> funded(long conventionId, int first, int size) {
        int pageSize = Page.clampSize(size);
        List<ConventionViews.Funded> rows = fundedRows(conventionId, Math.max(0, first), pageSize);
        long total = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM (SELECT 1 AS one FROM allocation al"
                        + " JOIN granted_line g ON g.id = al.granted_line_id JOIN decision d ON d.id = g.decision_id"
                        + " WHERE al.convention_id = ? AND al.status <> 'RELEASED' GROUP BY d.application_id, g.instrument) x")
                .setParameter(1, conventionId).getSingleResult()).longValue();
        return new Page<>(rows, total, Math.max(0, first), pageSize);
    }

    /** One slice of the funded enterprises, in a stable order (name, file, instrument). */
    List<ConventionViews.Funded> fundedRows(long conventionId, int first, int limit) {
        List<?> rows = em.createNativeQuery("SELECT e.legal_name, e.department, e.sector, e.legal_form, ap.stage, g.instrument,"
                        + " SUM(al.amount - al.released), SUM(al.disbursed), MAX(ap.jobs_created), MAX(ap.jobs_maintained)"
                        + " FROM allocation al JOIN granted_line g ON g.id = al.granted_line_id JOIN decision d ON d.id = g.decision_id"
                        + " JOIN application ap ON ap.id = d.application_id JOIN enterprise e ON e.id = ap.enterprise_id"
                        + " WHERE al.convention_id = ? AND al.status <> 'RELEASED'"
                        + " GROUP BY e.id, e.legal_name, e.department, e.sector, e.legal_form, ap.id, ap.stage, g.instrument"
                        + " ORDER BY e.legal_name, ap.id, g.instrument LIMIT " + limit + " OFFSET " + first)
                .setParameter(1, conventionId).getResultList();
        return rows.stream().map(o -> {
            Object[] r = (Object[]) o;
            return new ConventionViews.Funded((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], Columns.decimal(r[6]), Columns.decimal(r[7]), r[8] == null ? null : Columns.decimal(r[8]),
                    r[9] == null ? null : Columns.decimal(r[9]));
        }).toList();
    }

    // ---- row mapping ---------------------------------------------------------------------------------

    private static void bind(Query q, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            q.setParameter(i + 1, parameters.get(i));
        }
    }
}
