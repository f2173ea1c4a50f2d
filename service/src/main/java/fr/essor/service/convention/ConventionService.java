package fr.essor.service.convention;

import fr.essor.model.account.UserAccount;
import fr.essor.model.application.Instrument;
import fr.essor.model.application.Stage;
import fr.essor.model.association.Association;
import fr.essor.model.convention.Convention;
import fr.essor.model.convention.ConventionKind;
import fr.essor.model.enterprise.LegalForm;
import fr.essor.model.partner.Partner;
import fr.essor.model.shared.Money;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.audit.AuditService;
import fr.essor.service.security.Caller;
import fr.essor.service.shared.ConflictException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Page;
import fr.essor.service.shared.Roles;
import fr.essor.service.shared.RuleRefusals;
import fr.essor.service.shared.UniqueKeys;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Conventions as their partner, the association's staff and administrators see them. Every money
 * figure is summed in SQL from the ledger at the moment it is read; nothing is cached.
 */
@Stateless
@Interceptors(RuleRefusals.class)
public class ConventionService {

    /** allocated, disbursed, repaid of a convention {@code c}, summed from its ledger. */
    static final String FIGURES = "COALESCE(SUM(CASE m.kind WHEN 'ALLOCATION' THEN m.amount WHEN 'RELEASE' THEN -m.amount"
            + " ELSE 0 END), 0), COALESCE(SUM(CASE WHEN m.kind = 'DISBURSEMENT' THEN m.amount ELSE 0 END), 0),"
            + " COALESCE(SUM(CASE WHEN m.kind = 'REPAYMENT' THEN m.amount ELSE 0 END), 0)";

    private static final String SUMMARY = "SELECT c.id, c.reference, p.name, a.code, c.kind, c.status, c.period_start,"
            + " c.period_end, c.amount, c.revolving, " + FIGURES
            + " FROM convention c JOIN partner p ON p.id = c.partner_id JOIN association a ON a.id = c.association_id"
            + " LEFT JOIN ledger_movement m ON m.convention_id = c.id";
    private static final String GROUP = " GROUP BY c.id, c.reference, p.name, a.code, c.kind, c.status, c.period_start,"
            + " c.period_end, c.amount, c.revolving";

    @PersistenceContext(unitName = "essor")
    private EntityManager em;

    @Inject
    private Caller caller;

    @EJB
    private AuditService audit;

    /** One page of the conventions the caller may see, latest period first, with their figures. */
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    public Page<ConventionViews.Summary> conventions(int first, int size) {
        ConventionScope scope = ConventionScope.of(caller.account());
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

    /** One convention with its rules, its figures and its targets against what was achieved. */
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    public ConventionViews.Detail convention(long id) {
        Convention c = visible(id);
        ConventionViews.Summary s = figures(id);
        List<ConventionViews.Target> targets = new ArrayList<>();
        Achieved achieved = achieved(c);
        if (c.getTargetAdvised() != null) {
            targets.add(new ConventionViews.Target("ADVISED", BigDecimal.valueOf(c.getTargetAdvised()),
                    BigDecimal.valueOf(achieved.advised())));
        }
        if (c.getTargetFinanced() != null) {
            targets.add(new ConventionViews.Target("FINANCED", BigDecimal.valueOf(c.getTargetFinanced()),
                    BigDecimal.valueOf(achieved.financed())));
        }
        if (c.getTargetJobs() != null) {
            targets.add(new ConventionViews.Target("JOBS", c.getTargetJobs(), achieved.jobs()));
        }
        return new ConventionViews.Detail(s, c.getInstruments().stream().map(Enum::name).sorted().toList(),
                List.copyOf(c.getDepartments()), c.getLegalForms().stream().map(Enum::name).sorted().toList(),
                c.getStages().stream().map(Enum::name).sorted().toList(), targets, c.getVersion());
    }

    private record Achieved(long advised, long financed, BigDecimal jobs) {
    }

    /**
     * What the convention's period achieved. A financing fund counts the enterprises it funded; operating
     * support counts the association's work in the period: enterprises advised (support records) and
     * financed (approved decisions), and the jobs the approved applications create.
     */
    private Achieved achieved(Convention c) {
        if (c.getKind() == ConventionKind.FINANCING_FUND) {
            Object[] r = (Object[]) em.createNativeQuery("SELECT COUNT(DISTINCT ap.enterprise_id),"
                            + " COALESCE(SUM(ap.jobs_created), 0) FROM application ap WHERE ap.id IN (SELECT d.application_id"
                            + " FROM allocation al JOIN granted_line g ON g.id = al.granted_line_id JOIN decision d ON d.id = g.decision_id"
                            + " WHERE al.convention_id = ? AND al.status <> 'RELEASED')")
                    .setParameter(1, c.getId()).getSingleResult();
            return new Achieved(0, ((Number) r[0]).longValue(), decimal(r[1]));
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
        return new Achieved(advised, ((Number) r[0]).longValue(), decimal(r[1]));
    }

    /** The figures of one convention, summed from the ledger now. */
    ConventionViews.Summary figures(long id) {
        return figures(em, id);
    }

    /**
     * The same, for {@link AllocationService} under its lock: a static helper on the caller's own
     * EntityManager, because a package-private method cannot be called through the EJB's view.
     */
    static ConventionViews.Summary figures(EntityManager em, long id) {
        Object[] r = (Object[]) em.createNativeQuery(SUMMARY + " WHERE c.id = ?" + GROUP).setParameter(1, id).getSingleResult();
        return summary(r);
    }

    private static ConventionViews.Summary summary(Object[] r) {
        BigDecimal amount = decimal(r[8]);
        boolean revolving = Boolean.TRUE.equals(r[9]) || (r[9] instanceof Number n && n.intValue() != 0);
        BigDecimal allocated = decimal(r[10]);
        BigDecimal disbursed = decimal(r[11]);
        BigDecimal repaid = decimal(r[12]);
        BigDecimal remaining = amount.subtract(allocated).add(revolving ? repaid : BigDecimal.ZERO);
        return new ConventionViews.Summary(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], date(r[6]), date(r[7]), amount, allocated, disbursed, repaid,
                remaining.setScale(2), revolving);
    }

    /** Its allocations, newest first, paged in SQL. */
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    public Page<ConventionViews.AllocationRow> allocations(long conventionId, int first, int size) {
        checkVisible(conventionId);
        int pageSize = Page.clampSize(size);
        List<?> rows = em.createNativeQuery(ALLOCATIONS + " WHERE al.convention_id = ? ORDER BY al.allocated_on DESC, al.id DESC"
                + " LIMIT " + pageSize + " OFFSET " + Math.max(0, first)).setParameter(1, conventionId).getResultList();
        long total = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM allocation WHERE convention_id = ?")
                .setParameter(1, conventionId).getSingleResult()).longValue();
        return new Page<>(rows.stream().map(r -> allocationRow((Object[]) r)).toList(), total, Math.max(0, first), pageSize);
    }

    static final String ALLOCATIONS = "SELECT al.id, al.convention_id, c.reference, g.id, ap.reference, ap.id, e.legal_name,"
            + " e.department, g.instrument, al.amount, al.released, al.disbursed, al.allocated_on, al.status"
            + " FROM allocation al JOIN convention c ON c.id = al.convention_id JOIN granted_line g ON g.id = al.granted_line_id"
            + " JOIN decision d ON d.id = g.decision_id JOIN application ap ON ap.id = d.application_id"
            + " JOIN enterprise e ON e.id = ap.enterprise_id";

    static ConventionViews.AllocationRow allocationRow(Object[] r) {
        return new ConventionViews.AllocationRow(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                ((Number) r[3]).longValue(), (String) r[4], ((Number) r[5]).longValue(), (String) r[6], (String) r[7],
                (String) r[8], decimal(r[9]), decimal(r[10]), decimal(r[11]), date(r[12]), (String) r[13]);
    }

    /** Amounts allocated (less releases) by instrument, department, legal form or stage. */
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    public List<ConventionViews.Breakdown> breakdown(long conventionId, BreakdownDimension dimension) {
        checkVisible(conventionId);
        String column = dimension.column;
        List<?> rows = em.createNativeQuery("SELECT " + column + ", COUNT(*), SUM(al.amount - al.released)"
                        + " FROM allocation al JOIN granted_line g ON g.id = al.granted_line_id JOIN decision d ON d.id = g.decision_id"
                        + " JOIN application ap ON ap.id = d.application_id JOIN enterprise e ON e.id = ap.enterprise_id"
                        + " WHERE al.convention_id = ? AND al.status <> 'RELEASED' GROUP BY " + column + " ORDER BY 3 DESC")
                .setParameter(1, conventionId).getResultList();
        return rows.stream().map(o -> {
            Object[] r = (Object[]) o;
            return new ConventionViews.Breakdown(r[0] == null ? "—" : r[0].toString(), ((Number) r[1]).longValue(), decimal(r[2]));
        }).toList();
    }

    /** Month by month: allocated (less releases), disbursed and repaid, from the ledger. */
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    public List<ConventionViews.Point> consumption(long conventionId) {
        checkVisible(conventionId);
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
                    decimal(r[2]), decimal(r[3]), decimal(r[4]));
        }).toList();
    }

    /** The enterprises the convention funds, with amounts and jobs; no personal contact data. */
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    public Page<ConventionViews.Funded> funded(long conventionId, int first, int size) {
        checkVisible(conventionId);
        int pageSize = Page.clampSize(size);
        List<ConventionViews.Funded> rows = fundedRows(em, conventionId, Math.max(0, first), pageSize);
        long total = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM (SELECT 1 AS one FROM allocation al"
                        + " JOIN granted_line g ON g.id = al.granted_line_id JOIN decision d ON d.id = g.decision_id"
                        + " WHERE al.convention_id = ? AND al.status <> 'RELEASED' GROUP BY d.application_id, g.instrument) x")
                .setParameter(1, conventionId).getSingleResult()).longValue();
        return new Page<>(rows, total, Math.max(0, first), pageSize);
    }

    /**
     * One slice of the funded enterprises, in a stable order (name, file, instrument), without any
     * permission check: callers check {@link #visible(long)} (or a public method that does) first.
     */
    static List<ConventionViews.Funded> fundedRows(EntityManager em, long conventionId, int first, int limit) {
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
                    (String) r[5], decimal(r[6]), decimal(r[7]), r[8] == null ? null : decimal(r[8]),
                    r[9] == null ? null : decimal(r[9]));
        }).toList();
    }

    // ---- administration -----------------------------------------------------------------------

    /** An administrator records a convention (DRAFT) with its eligibility rules and targets. */
    @RolesAllowed(Roles.ADMIN)
    public ConventionViews.Detail create(ConventionInput in) {
        UserAccount me = caller.account();
        if (in == null) {
            throw new InvalidInputException("reference", "field.required");
        }
        Partner partner = in.partnerId() == null ? null : em.find(Partner.class, in.partnerId());
        if (partner == null) {
            throw new InvalidInputException("partnerId", "field.required");
        }
        Association association = me.getAssociation() != null ? me.getAssociation()
                : in.associationId() == null ? null : em.find(Association.class, in.associationId());
        if (association == null) {
            throw new InvalidInputException("associationId", "field.required");
        }
        ConventionKind kind = parse(ConventionKind.class, in.kind(), "kind");
        if (in.amount() == null || in.amount().signum() <= 0 || in.amount().stripTrailingZeros().scale() > 2
                || in.amount().compareTo(new BigDecimal("9999999999999.99")) > 0) {
            throw new InvalidInputException("amount", "convention.amountInvalid");
        }
        long same = em.createQuery("SELECT COUNT(c) FROM Convention c WHERE c.reference = :r", Long.class)
                .setParameter("r", in.reference() == null ? "" : in.reference().strip()).getSingleResult();
        if (same > 0) {
            throw new ConflictException("DUPLICATE", "convention.duplicate", in.reference());
        }
        Convention c = new Convention(in.reference(), partner, association, kind, in.periodStart(), in.periodEnd(),
                Money.of(in.amount()), in.revolving());
        c.restrictTo(enums(Instrument.class, in.instruments(), "instruments"), departments(in.departments()),
                enums(LegalForm.class, in.legalForms(), "legalForms"), enums(Stage.class, in.stages(), "stages"));
        c.setTargets(in.targetAdvised(), in.targetFinanced(), in.targetJobs());
        em.persist(c);
        UniqueKeys.flush(em, "uk_convention_reference",
                () -> new ConflictException("DUPLICATE", "convention.duplicate", c.getReference()));
        audit.record(me.getEmail(), "Convention", c.getId(), AuditAction.CREATE, "Convention " + c.getReference() + " of "
                + partner.getName() + ", " + c.getAmount().amount().toPlainString() + " EUR");
        return convention(c.getId());
    }

    @RolesAllowed(Roles.ADMIN)
    public ConventionViews.Detail activate(long id) {
        Convention c = locked(id);
        c.activate();
        em.flush();
        audit.record(caller.email(), "Convention", c.getId(), AuditAction.ACTIVATE, "Convention " + c.getReference() + " active");
        return convention(id);
    }

    @RolesAllowed(Roles.ADMIN)
    public ConventionViews.Detail close(long id) {
        Convention c = locked(id);
        c.close();
        em.flush();
        audit.record(caller.email(), "Convention", c.getId(), AuditAction.CLOSE, "Convention " + c.getReference() + " closed");
        return convention(id);
    }

    /** The financing partners, by name, for an administrator's choice list (a network has a few dozen). */
    @RolesAllowed(Roles.ADMIN)
    public List<ConventionViews.PartnerOption> partners() {
        return em.createQuery("SELECT p FROM Partner p ORDER BY p.name, p.id", Partner.class).setMaxResults(500).getResultList()
                .stream().map(p -> new ConventionViews.PartnerOption(p.getId(), p.getName(), p.getKind().name())).toList();
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** A convention the caller may see; anyone else is told it does not exist. */
    /**
     * The same check as {@link #visible(long)} in one narrow statement, without loading the convention and its
     * four EAGER rule collections (five statements): what the dashboard's consumption, breakdowns and lists
     * need before their own query. The scope is the one that lists the conventions.
     */
    private void checkVisible(long id) {
        ConventionScope scope = ConventionScope.of(caller.account());
        Query q = em.createNativeQuery("SELECT COUNT(*) FROM convention c WHERE " + scope.sql() + " AND c.id = ?");
        bind(q, scope.parameters());
        q.setParameter(scope.parameters().size() + 1, id);
        if (((Number) q.getSingleResult()).longValue() == 0) {
            throw new NotFoundException("convention");
        }
    }

    Convention visible(long id) {
        Convention c = em.find(Convention.class, id);
        if (c == null || !canSee(caller.account(), c)) {
            throw new NotFoundException("convention");
        }
        return c;
    }

    static boolean canSee(UserAccount me, Convention c) {
        return canSee(me, c.getPartner().getId(), c.getAssociation().getId());
    }

    /** The same on the convention's partner and association ids, read with other columns. */
    static boolean canSee(UserAccount me, long partnerId, long associationId) {
        ConventionScope scope = ConventionScope.of(me);
        return switch (scope.sql()) {
            case "c.partner_id = ?" -> Long.valueOf(partnerId).equals(scope.parameters().get(0));
            case "c.association_id = ?" -> Long.valueOf(associationId).equals(scope.parameters().get(0));
            case "1 = 1" -> true;
            default -> false;
        };
    }

    private Convention locked(long id) {
        Convention c = em.find(Convention.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || !canSee(caller.account(), c)) {
            throw new NotFoundException("convention");
        }
        return c;
    }

    private static void bind(Query q, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            q.setParameter(i + 1, parameters.get(i));
        }
    }

    static BigDecimal decimal(Object o) {
        if (o == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal d = o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
        return d.setScale(2, RoundingMode.HALF_UP);
    }

    static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(o.toString().substring(0, 10));
    }

    private static <E extends Enum<E>> List<E> enums(Class<E> type, List<String> values, String field) {
        List<E> result = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            result.add(parse(type, v, field));
        }
        return result;
    }

    private static List<String> departments(List<String> values) {
        List<String> result = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            String d = v == null ? "" : v.strip().toUpperCase(Locale.ROOT);
            if (!d.matches("\\d{2}|2A|2B|\\d{3}")) {
                throw new InvalidInputException("departments", "convention.departmentInvalid", String.valueOf(v));
            }
            result.add(d);
        }
        return result;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "field.invalidChoice");
        }
    }
}
