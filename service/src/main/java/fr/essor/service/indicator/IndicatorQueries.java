package fr.essor.service.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The SQL behind the indicators, plain JDBC so that it runs the same in the server, in tests and in
 * benchmarks. {@code associationId} null means the whole network.
 */
public final class IndicatorQueries {

    /**
     * The approved decisions of the year with their lines, as a FROM/WHERE fragment with 2 parameters (then
     * the scope); ix_decision_date_outcome finds them from the index alone.
     */
    private static final String APPROVED = " FROM decision d JOIN application ap ON ap.id = d.application_id"
            + " JOIN enterprise e ON e.id = ap.enterprise_id LEFT JOIN granted_line g ON g.decision_id = d.id"
            + " WHERE d.outcome = 'APPROVED' AND d.decision_date BETWEEN ? AND ?";

    private IndicatorQueries() {
    }

    public static Indicators compute(Connection c, Long associationId, String associationCode, int year) throws SQLException {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        long advised;
        // the whole network needs no join: ix_support_record_date_enterprise answers from the index alone
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(DISTINCT s.enterprise_id) FROM support_record s"
                + (associationId == null ? "" : " JOIN enterprise e ON e.id = s.enterprise_id")
                + " WHERE s.support_date BETWEEN ? AND ?" + scope(associationId))) {
            bind(ps, from, to, associationId);
            advised = single(ps).longValue();
        }
        // One pass over the year's approved decisions and their granted lines (a decision without lines
        // still counts as financed); every figure is then summed here, exactly as the SQL aggregates did:
        // financed = distinct enterprises, jobs = once per application, amounts = per line, breakdowns =
        // distinct enterprises and mobilised amounts of the lines.
        Accumulator all = new Accumulator();
        try (PreparedStatement ps = c.prepareStatement("SELECT ap.id, ap.enterprise_id, ap.jobs_created, ap.jobs_maintained,"
                + " e.department, e.legal_form, ap.stage, g.instrument, g.amount,"
                + " CASE WHEN g.instrument = 'GUARANTEE' THEN COALESCE(g.bank_loan_amount, g.amount) ELSE g.amount END"
                + APPROVED + scope(associationId))) {
            bind(ps, from, to, associationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(rs);
                }
            }
        }
        Indicators figures = all.indicators(associationCode, year, advised, List.of());
        return withTargets(figures, targets(c, associationId, year, advised, figures.financed(), figures.jobsCreated()));
    }

    /**
     * The indicators of the network (key null) and of every association (key its id) for a year, in two
     * statements (the same pass as {@link #compute}, tallied per association as well), without targets:
     * what a year's closing publishes. {@code codes}: association id → code.
     */
    public static Map<Long, Indicators> computeAll(Connection c, Map<Long, String> codes, int year) throws SQLException {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        Map<Long, Long> advised = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT e.association_id, COUNT(DISTINCT s.enterprise_id)"
                + " FROM support_record s JOIN enterprise e ON e.id = s.enterprise_id WHERE s.support_date BETWEEN ? AND ?"
                + " GROUP BY e.association_id")) {
            bind(ps, from, to, null);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    advised.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        Accumulator network = new Accumulator();
        Map<Long, Accumulator> each = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ap.id, ap.enterprise_id, ap.jobs_created, ap.jobs_maintained,"
                + " e.department, e.legal_form, ap.stage, g.instrument, g.amount,"
                + " CASE WHEN g.instrument = 'GUARANTEE' THEN COALESCE(g.bank_loan_amount, g.amount) ELSE g.amount END,"
                + " e.association_id" + APPROVED)) {
            bind(ps, from, to, null);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    network.add(rs);
                    each.computeIfAbsent(rs.getLong(11), k -> new Accumulator()).add(rs);
                }
            }
        }
        Map<Long, Indicators> result = new LinkedHashMap<>();
        // an enterprise belongs to one association: the network's distinct counts are the associations' sum
        long networkAdvised = advised.values().stream().mapToLong(Long::longValue).sum();
        result.put(null, network.indicators(null, year, networkAdvised, List.of()));
        for (Map.Entry<Long, String> a : codes.entrySet()) {
            result.put(a.getKey(), each.getOrDefault(a.getKey(), new Accumulator())
                    .indicators(a.getValue(), year, advised.getOrDefault(a.getKey(), 0L), List.of()));
        }
        return result;
    }

    /** The same figures with the targets of the operating-support conventions set against them. */
    static Indicators withTargets(Indicators i, List<Indicators.Target> targets) {
        return new Indicators(i.association(), i.year(), i.advised(), i.financed(), i.mobilised(), i.granted(), i.leverage(),
                i.jobsCreated(), i.jobsMaintained(), i.byInstrument(), i.byDepartment(), i.byLegalForm(), i.byStage(), targets,
                i.published());
    }

    /** The running sums of one scope over the rows of {@code compute}'s statement. */
    private static final class Accumulator {
        private final Set<Long> financedEnterprises = new HashSet<>();
        private final Set<Long> applications = new HashSet<>();
        private BigDecimal jobsCreated = BigDecimal.ZERO;
        private BigDecimal jobsMaintained = BigDecimal.ZERO;
        private final Map<String, BigDecimal> byInstrument = new TreeMap<>();
        private BigDecimal granted = BigDecimal.ZERO;
        private BigDecimal mobilised = BigDecimal.ZERO;
        private final Tally byDepartment = new Tally();
        private final Tally byLegalForm = new Tally();
        private final Tally byStage = new Tally();

        void add(ResultSet rs) throws SQLException {
            long application = rs.getLong(1);
            long enterprise = rs.getLong(2);
            financedEnterprises.add(enterprise);
            if (applications.add(application)) {
                jobsCreated = jobsCreated.add(orZero(rs.getBigDecimal(3)));
                jobsMaintained = jobsMaintained.add(orZero(rs.getBigDecimal(4)));
            }
            String instrument = rs.getString(8);
            if (instrument == null) {
                return;
            }
            BigDecimal amount = rs.getBigDecimal(9);
            BigDecimal lineMobilised = rs.getBigDecimal(10);
            byInstrument.merge(instrument, amount, BigDecimal::add);
            granted = granted.add(amount);
            mobilised = mobilised.add(lineMobilised);
            byDepartment.add(rs.getString(5), enterprise, lineMobilised);
            byLegalForm.add(rs.getString(6), enterprise, lineMobilised);
            byStage.add(rs.getString(7), enterprise, lineMobilised);
        }

        Indicators indicators(String associationCode, int year, long advised, List<Indicators.Target> targets) {
            Map<String, BigDecimal> instruments = new LinkedHashMap<>();
            byInstrument.forEach((k, v) -> instruments.put(k, scale(v)));
            BigDecimal leverage = leverage(mobilised, granted);
            return new Indicators(associationCode, year, advised, financedEnterprises.size(), scale(mobilised), scale(granted),
                    leverage, scale(jobsCreated), scale(jobsMaintained), instruments, byDepartment.rows(), byLegalForm.rows(),
                    byStage.rows(), targets, null);
        }
    }

    /** Mobilised ÷ granted, two decimals (0.00 when nothing was granted). */
    static BigDecimal leverage(BigDecimal mobilised, BigDecimal granted) {
        return granted.signum() == 0 ? BigDecimal.ZERO.setScale(2) : mobilised.divide(granted, 2, RoundingMode.HALF_UP);
    }

    /** Distinct enterprises and mobilised amounts per key, largest amount first. */
    private static final class Tally {
        private final Map<String, Set<Long>> enterprises = new HashMap<>();
        private final Map<String, BigDecimal> amounts = new HashMap<>();

        void add(String key, long enterprise, BigDecimal amount) {
            String k = key == null ? "—" : key;
            enterprises.computeIfAbsent(k, x -> new HashSet<>()).add(enterprise);
            amounts.merge(k, amount, BigDecimal::add);
        }

        List<Indicators.Breakdown> rows() {
            List<Indicators.Breakdown> result = new ArrayList<>();
            amounts.forEach((k, v) -> result.add(new Indicators.Breakdown(k, enterprises.get(k).size(), scale(v))));
            result.sort(Comparator.comparing(Indicators.Breakdown::mobilised).reversed()
                    .thenComparing(Indicators.Breakdown::key));
            return result;
        }
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    /** Operating-support conventions whose period overlaps the year, with their targets against the year's figures. */
    static List<Indicators.Target> targets(Connection c, Long associationId, int year, long advised, long financed,
                                                   BigDecimal jobs) throws SQLException {
        List<Indicators.Target> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.reference, p.name, c.target_advised, c.target_financed,"
                + " c.target_jobs FROM convention c JOIN partner p ON p.id = c.partner_id WHERE c.kind = 'OPERATING_SUPPORT'"
                + " AND c.period_start <= ? AND c.period_end >= ?" + scope(associationId).replace("e.", "c.") + " ORDER BY c.reference")) {
            ps.setDate(1, Date.valueOf(LocalDate.of(year, 12, 31)));
            ps.setDate(2, Date.valueOf(LocalDate.of(year, 1, 1)));
            if (associationId != null) {
                ps.setLong(3, associationId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getObject(3) != null) {
                        result.add(new Indicators.Target(rs.getString(1), rs.getString(2), "ADVISED",
                                BigDecimal.valueOf(rs.getLong(3)), BigDecimal.valueOf(advised)));
                    }
                    if (rs.getObject(4) != null) {
                        result.add(new Indicators.Target(rs.getString(1), rs.getString(2), "FINANCED",
                                BigDecimal.valueOf(rs.getLong(4)), BigDecimal.valueOf(financed)));
                    }
                    if (rs.getBigDecimal(5) != null) {
                        result.add(new Indicators.Target(rs.getString(1), rs.getString(2), "JOBS",
                                scale(rs.getBigDecimal(5)), jobs));
                    }
                }
            }
        }
        return result;
    }

    /** The association condition, or nothing for the whole network. */
    private static String scope(Long associationId) {
        return associationId == null ? "" : " AND e.association_id = ?";
    }

    private static void bind(PreparedStatement ps, LocalDate from, LocalDate to, Long associationId) throws SQLException {
        ps.setDate(1, Date.valueOf(from));
        ps.setDate(2, Date.valueOf(to));
        if (associationId != null) {
            ps.setLong(3, associationId);
        }
    }

    private static Number single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return (Number) rs.getObject(1);
        }
    }

    static BigDecimal scale(BigDecimal value) {
        return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2, RoundingMode.HALF_UP);
    }
}
