package fr.essor.service.arrears;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.arrears.ArrearsBucket;
import fr.essor.model.arrears.DunningPlan;
import fr.essor.model.association.Association;
import fr.essor.model.convention.Allocation;
import fr.essor.model.convention.LedgerMovement;
import fr.essor.model.shared.Money;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.security.Access;
import fr.essor.service.security.UseCaseService;
import fr.essor.service.shared.Columns;
import fr.essor.service.shared.ForbiddenException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.Locking;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Page;
import fr.essor.service.shared.Roles;
import fr.essor.service.shared.RuleRefusals;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Arrears (issue 14, item 3): the run as of a day (nightly, or asked by a national administrator),
 * the loans in arrears of an association by bucket (paged in SQL), portfolio at risk (PAR30, PAR90)
 * per association, per convention and for the network computed from the open instalments, the
 * dunning levels of each association, recoveries after a write-off. The write-off itself is
 * {@code AllocationService.writeOff} (four eyes above the threshold). docs/LOANS.md, "Arrears".
 */
@Stateless
@Interceptors(RuleRefusals.class)
public class ArrearsService extends UseCaseService {

    @EJB
    private ArrearsRunner runner;

    private final Clock clock = Clock.systemUTC();

    /** Runs the arrears as of a day (today when null; never ahead); a national administrator only. */
    @RolesAllowed(Roles.ADMIN)
    public ArrearsViews.Run run(LocalDate asOf) {
        if (caller.account().getAssociation() != null) {
            throw new ForbiddenException("FORBIDDEN", "arrears.nationalOnly");
        }
        LocalDate day = asOf == null ? today() : asOf;
        if (day.isAfter(today())) {
            throw new InvalidInputException("asOf", "arrears.asOfInFuture", today());
        }
        if (day.getYear() < 2000) {
            throw new InvalidInputException("asOf", "arrears.asOfTooOld");
        }
        return runView(runner.run(day, caller.email(), true));
    }

    /** The runs, latest day first, paged in SQL. */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public Page<ArrearsViews.Run> runs(int first, int size) {
        int pageSize = Page.clampSize(size);
        List<?> rows = em.createNativeQuery(RUN_COLUMNS + " ORDER BY as_of DESC LIMIT " + pageSize + " OFFSET "
                + Math.max(0, first)).getResultList();
        long total = Columns.number(em.createNativeQuery("SELECT COUNT(*) FROM arrears_run").getSingleResult());
        return new Page<>(rows.stream().map(o -> run((Object[]) o)).toList(), total, Math.max(0, first), pageSize);
    }

    /**
     * The loans in arrears of the caller's association (a national administrator: of all, or of the
     * association {@code associationId}) in the run of {@code asOf} (the latest run when null), most
     * days past due first, optionally of one bucket; with the count per bucket. Null when no run yet.
     */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public ArrearsViews.Listing list(LocalDate asOf, Long associationId, ArrearsBucket bucket, int first, int size) {
        Long scope = associationScope(associationId);
        List<?> found = asOf == null
                ? em.createNativeQuery(RUN_COLUMNS + " ORDER BY as_of DESC LIMIT 1").getResultList()
                : em.createNativeQuery(RUN_COLUMNS + " WHERE as_of = ?").setParameter(1, Date.valueOf(asOf)).getResultList();
        if (found.isEmpty()) {
            if (asOf != null) {
                throw new NotFoundException("arrearsRun");
            }
            return null;
        }
        ArrearsViews.Run run = run((Object[]) found.get(0));
        String where = " WHERE s.run_id = " + run.id() + (scope == null ? "" : " AND s.association_id = " + scope);
        List<ArrearsViews.BucketCount> buckets = new ArrayList<>();
        List<?> counts = em.createNativeQuery("SELECT s.bucket, COUNT(*), SUM(s.outstanding_capital),"
                + " SUM(s.overdue_capital + s.overdue_interest) FROM arrears_snapshot s" + where + " GROUP BY s.bucket")
                .getResultList();
        for (ArrearsBucket b : ArrearsBucket.values()) {
            if (!b.inArrears()) {
                continue;
            }
            Object[] c = counts.stream().map(o -> (Object[]) o).filter(r -> b.name().equals(r[0])).findFirst()
                    .orElse(new Object[] {b.name(), 0L, null, null});
            buckets.add(new ArrearsViews.BucketCount(b.name(), Columns.number(c[1]), Columns.decimal(c[2]),
                    Columns.decimal(c[3])));
        }
        String filtered = where + (bucket == null ? "" : " AND s.bucket = '" + bucket.name() + "'");
        int pageSize = Page.clampSize(size);
        List<?> rows = em.createNativeQuery("SELECT s.allocation_id, ap.reference, ap.id, e.legal_name, c.reference,"
                        + " g.instrument, s.oldest_due, s.days_past_due, s.bucket, s.overdue_capital, s.overdue_interest,"
                        + " s.outstanding_capital,"
                        + " (SELECT MAX(n.level_no) FROM dunning_notice n WHERE n.allocation_id = s.allocation_id)"
                        + " FROM arrears_snapshot s JOIN allocation al ON al.id = s.allocation_id"
                        + " JOIN convention c ON c.id = s.convention_id" + ArrearsRunner.TO_ENTERPRISE + filtered
                        + " ORDER BY s.days_past_due DESC, s.allocation_id LIMIT " + pageSize + " OFFSET " + Math.max(0, first))
                .getResultList();
        long total = Columns.number(em.createNativeQuery("SELECT COUNT(*) FROM arrears_snapshot s" + filtered)
                .getSingleResult());
        List<ArrearsViews.Row> items = new ArrayList<>();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            items.add(new ArrearsViews.Row(Columns.number(r[0]), (String) r[1], Columns.number(r[2]), (String) r[3],
                    (String) r[4], (String) r[5], Columns.date(r[6]), Columns.integer(r[7]), (String) r[8],
                    Columns.decimal(r[9]), Columns.decimal(r[10]), Columns.decimal(r[11]), Columns.integer(r[12])));
        }
        return new ArrearsViews.Listing(run, buckets, items, total, Math.max(0, first), pageSize);
    }

    /**
     * Portfolio at risk as of a day (today when null), from the open instalments: the network (a
     * national administrator), each association and each convention the caller may see (staff: their
     * association's loans; a partner: the loans its conventions fund, and no association figure).
     */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN, Roles.PARTNER})
    public ArrearsViews.Par par(LocalDate asOf) {
        LocalDate day = asOf == null ? today() : asOf;
        UserAccount me = caller.account();
        String scope;
        boolean national = false;
        boolean partner = false;
        if (me.hasRole(Role.PARTNER) && me.getPartner() != null) {
            scope = "c.partner_id = " + me.getPartner().getId();
            partner = true;
        } else if ((me.hasRole(Role.ADVISOR) || me.hasRole(Role.ADMIN)) && me.getAssociation() != null) {
            scope = "e.association_id = " + me.getAssociation().getId();
        } else if (me.hasRole(Role.ADMIN)) {
            scope = "1 = 1";
            national = true;
        } else {
            throw new ForbiddenException();
        }
        List<ArrearsViews.ParFigure> associations = partner ? List.of()
                : par(day, scope, "a.code", "a.name", " JOIN association a ON a.id = e.association_id");
        List<ArrearsViews.ParFigure> conventions = par(day, scope, "c.reference", "c.reference", "");
        ArrearsViews.ParFigure network = national
                ? par(day, scope, "'NETWORK'", "'NETWORK'", "").stream().findFirst()
                        .orElse(figure("NETWORK", "NETWORK", 0, 0, null, null, null))
                : null;
        return new ArrearsViews.Par(day, network, associations, conventions);
    }

    private List<ArrearsViews.ParFigure> par(LocalDate day, String scope, String key, String label, String join) {
        String cutoff30 = "?2";
        String cutoff90 = "?3";
        List<?> rows = em.createNativeQuery("SELECT " + key + ", MIN(" + label + "), COUNT(*),"
                        + " SUM(CASE WHEN t.oldest IS NOT NULL THEN 1 ELSE 0 END), SUM(t.outstanding),"
                        + " SUM(CASE WHEN t.oldest < " + cutoff30 + " THEN t.outstanding ELSE 0 END),"
                        + " SUM(CASE WHEN t.oldest < " + cutoff90 + " THEN t.outstanding ELSE 0 END)"
                        + " FROM (" + ArrearsRunner.OPEN_LOANS + ") t JOIN allocation al ON al.id = t.allocation_id"
                        + " JOIN convention c ON c.id = al.convention_id" + ArrearsRunner.TO_ENTERPRISE + join
                        + " WHERE " + scope + " GROUP BY " + key + " ORDER BY " + key + " LIMIT " + Page.MAX_SIZE)
                .setParameter(1, Date.valueOf(day)).setParameter(2, Date.valueOf(day.minusDays(30)))
                .setParameter(3, Date.valueOf(day.minusDays(90))).getResultList();
        List<ArrearsViews.ParFigure> figures = new ArrayList<>();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            figures.add(figure(String.valueOf(r[0]), String.valueOf(r[1]), Columns.number(r[2]), Columns.number(r[3]),
                    Columns.decimal(r[4]), Columns.decimal(r[5]), Columns.decimal(r[6])));
        }
        return figures;
    }

    private static ArrearsViews.ParFigure figure(String key, String label, long loans, long late, BigDecimal outstanding,
                                                 BigDecimal atRisk30, BigDecimal atRisk90) {
        BigDecimal out = outstanding == null ? BigDecimal.ZERO.setScale(2) : outstanding;
        BigDecimal r30 = atRisk30 == null ? BigDecimal.ZERO.setScale(2) : atRisk30;
        BigDecimal r90 = atRisk90 == null ? BigDecimal.ZERO.setScale(2) : atRisk90;
        return new ArrearsViews.ParFigure(key, label, loans, late, out, r30, r90, percent(r30, out), percent(r90, out));
    }

    /** {@code part} as a percentage of {@code whole}, to two decimals (0.00 of nothing). */
    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
    }

    /** Where a loan stands: its latest snapshot, the notices mailed, what was written off and recovered. */
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    public ArrearsViews.LoanArrears loan(long allocationId) {
        Allocation a = em.find(Allocation.class, allocationId);
        if (a == null || !visible(a)) {
            throw new NotFoundException("allocation");
        }
        return loanView(allocationId);
    }

    /**
     * Money recovered on a written-off loan: a RECOVERY ledger movement, at most the written-off
     * balance (409 with what it is); the loan is locked as every money movement locks it.
     */
    @RolesAllowed(Roles.ADVISOR)
    public ArrearsViews.Recovery recover(long allocationId, BigDecimal amount, LocalDate on) {
        if (amount == null) {
            throw new InvalidInputException("amount", "field.required");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("amount", "amount.tooPrecise", 1);
        }
        if (amount.compareTo(new BigDecimal("9999999999999.99")) > 0) {
            throw new InvalidInputException("amount", "amount.tooLarge", 1);
        }
        Allocation a = em.find(Allocation.class, allocationId);
        if (a == null || !Access.isStaffOf(caller.account(), a.getLine().getDecision().getApplication().getEnterprise())) {
            throw new NotFoundException("allocation");
        }
        Locking.allocation(em, a);
        Money balance = Money.of(writtenOffBalance(allocationId));
        LedgerMovement m = a.recover(amount.signum() <= 0 ? Money.zero() : Money.of(amount), balance,
                on == null ? today() : on, caller.email(), Instant.now(clock));
        em.persist(m);
        em.flush();
        audit.record(caller.email(), "Allocation", a.getId(), AuditAction.RECOVERY, "RECOVERY "
                + m.getAmount().amount().toPlainString() + " EUR on " + m.getOccurredOn() + " after write-off");
        return new ArrearsViews.Recovery(allocationId, m.getAmount().amount(), m.getOccurredOn(),
                writtenOffBalance(allocationId));
    }

    /** The dunning levels of the caller's association (a national administrator: of each), by code. */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public List<ArrearsViews.Plan> plans() {
        UserAccount me = caller.account();
        String scope = me.getAssociation() == null ? "" : " WHERE a.id = " + me.getAssociation().getId();
        List<?> rows = em.createNativeQuery("SELECT a.id, a.code, a.name, p.days FROM association a"
                + " LEFT JOIN dunning_plan p ON p.association_id = a.id" + scope + " ORDER BY a.code LIMIT " + Page.MAX_SIZE)
                .getResultList();
        return rows.stream().map(o -> {
            Object[] r = (Object[]) o;
            DunningPlan plan = r[3] == null ? DunningPlan.DEFAULT : DunningPlan.parse((String) r[3]);
            return new ArrearsViews.Plan(Columns.number(r[0]), (String) r[1], (String) r[2], plan.days(), r[3] == null);
        }).toList();
    }

    /** The administrator of an association (or a national one) sets its dunning levels, e.g. "15,45,90". */
    @RolesAllowed(Roles.ADMIN)
    public ArrearsViews.Plan changePlan(long associationId, String days) {
        UserAccount me = caller.account();
        Association a = em.find(Association.class, associationId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || me.getAssociation() != null && me.getAssociation().getId() != associationId) {
            throw new NotFoundException("association");
        }
        DunningPlan plan = DunningPlan.parse(days);
        Instant now = Instant.now(clock);
        int updated = em.createNativeQuery("UPDATE dunning_plan SET days = ?, updated_by = ?, updated_at = ?"
                        + " WHERE association_id = ?").setParameter(1, plan.stored()).setParameter(2, me.getEmail())
                .setParameter(3, Columns.utc(now)).setParameter(4, associationId).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO dunning_plan (association_id, days, updated_by, updated_at) VALUES (?, ?, ?, ?)")
                    .setParameter(1, associationId).setParameter(2, plan.stored()).setParameter(3, me.getEmail())
                    .setParameter(4, Columns.utc(now)).executeUpdate();
        }
        audit.record(me.getEmail(), "Association", a.getId(), AuditAction.DUNNING_PLAN, "Dunning levels " + plan.stored()
                + " days past due");
        return new ArrearsViews.Plan(a.getId(), a.getCode(), a.getName(), plan.days(), false);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static final String RUN_COLUMNS = "SELECT id, as_of, started_at, finished_at, triggered_by, loans, in_arrears,"
            + " notices FROM arrears_run";

    private ArrearsViews.Run runView(long id) {
        return run((Object[]) em.createNativeQuery(RUN_COLUMNS + " WHERE id = ?").setParameter(1, id).getSingleResult());
    }

    private static ArrearsViews.Run run(Object[] r) {
        return new ArrearsViews.Run(Columns.number(r[0]), Columns.date(r[1]), Columns.instant(r[2]), Columns.instant(r[3]),
                (String) r[4], (int) Columns.number(r[5]), (int) Columns.number(r[6]), (int) Columns.number(r[7]));
    }

    /** The association a staff list is about: theirs for local staff (another one: 404), any or all for a national admin. */
    private Long associationScope(Long associationId) {
        UserAccount me = caller.account();
        if (me.getAssociation() != null) {
            if (associationId != null && associationId != me.getAssociation().getId()) {
                throw new NotFoundException("association");
            }
            return me.getAssociation().getId();
        }
        if (associationId != null && em.find(Association.class, associationId) == null) {
            throw new NotFoundException("association");
        }
        return associationId;
    }

    private boolean visible(Allocation a) {
        UserAccount me = caller.account();
        if (me.hasRole(Role.PARTNER) && me.getPartner() != null) {
            return a.getConvention().getPartner().getId().equals(me.getPartner().getId());
        }
        return Access.isStaffOf(me, a.getLine().getDecision().getApplication().getEnterprise());
    }

    private BigDecimal writtenOffBalance(long allocationId) {
        return Columns.decimal(em.createNativeQuery("SELECT COALESCE(SUM(CASE WHEN kind = 'WRITE_OFF' THEN amount"
                + " ELSE -amount END), 0) FROM ledger_movement WHERE allocation_id = ? AND kind IN ('WRITE_OFF', 'RECOVERY')")
                .setParameter(1, allocationId).getSingleResult());
    }

    private ArrearsViews.LoanArrears loanView(long allocationId) {
        Object[] sums = (Object[]) em.createNativeQuery("SELECT COALESCE(SUM(CASE WHEN kind = 'WRITE_OFF' THEN amount ELSE 0"
                + " END), 0), COALESCE(SUM(CASE WHEN kind = 'RECOVERY' THEN amount ELSE 0 END), 0) FROM ledger_movement"
                + " WHERE allocation_id = ? AND kind IN ('WRITE_OFF', 'RECOVERY')").setParameter(1, allocationId)
                .getSingleResult();
        BigDecimal writtenOff = Columns.decimal(sums[0]);
        BigDecimal recovered = Columns.decimal(sums[1]);
        Query latest = em.createNativeQuery("SELECT r.as_of, s.days_past_due, s.bucket, s.overdue_capital, s.overdue_interest"
                + " FROM arrears_run r LEFT JOIN arrears_snapshot s ON s.run_id = r.id AND s.allocation_id = ?"
                + " ORDER BY r.as_of DESC LIMIT 1").setParameter(1, allocationId);
        List<?> found = latest.getResultList();
        Object[] s = found.isEmpty() ? new Object[5] : (Object[]) found.get(0);
        List<ArrearsViews.Notice> notices = new ArrayList<>();
        for (Object o : em.createNativeQuery("SELECT n.level_no, n.days_past_due, r.as_of, n.created_at, n.recipients"
                + " FROM dunning_notice n JOIN arrears_run r ON r.id = n.run_id WHERE n.allocation_id = ? ORDER BY n.level_no")
                .setParameter(1, allocationId).getResultList()) {
            Object[] n = (Object[]) o;
            notices.add(new ArrearsViews.Notice((int) Columns.number(n[0]), (int) Columns.number(n[1]), Columns.date(n[2]),
                    Columns.instant(n[3]), (int) Columns.number(n[4])));
        }
        boolean late = s[1] != null;
        return new ArrearsViews.LoanArrears(allocationId, Columns.date(s[0]), late ? Columns.integer(s[1]) : Integer.valueOf(0),
                late ? (String) s[2] : (s[0] == null ? null : ArrearsBucket.CURRENT.name()),
                Columns.decimal(s[3]), Columns.decimal(s[4]), writtenOff, recovered, writtenOff.subtract(recovered), notices);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ArrearsRunner.NETWORK_ZONE));
    }
}
