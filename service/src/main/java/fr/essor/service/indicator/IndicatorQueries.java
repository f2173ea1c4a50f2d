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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL behind the indicators, plain JDBC so that it runs the same in the server, in tests and in
 * benchmarks. {@code associationId} null means the whole network.
 */
public final class IndicatorQueries {

    /** The approved decisions of the year, as a FROM/WHERE fragment with 2 parameters (then the scope). */
    private static final String APPROVED = " FROM decision d JOIN application ap ON ap.id = d.application_id"
            + " JOIN enterprise e ON e.id = ap.enterprise_id"
            + " WHERE d.outcome = 'APPROVED' AND d.decision_date BETWEEN ? AND ?";

    private IndicatorQueries() {
    }

    public static Indicators compute(Connection c, Long associationId, String associationCode, int year) throws SQLException {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        long advised;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(DISTINCT s.enterprise_id) FROM support_record s"
                + " JOIN enterprise e ON e.id = s.enterprise_id WHERE s.support_date BETWEEN ? AND ?"
                + " " + scope(associationId))) {
            bind(ps, from, to, associationId);
            advised = single(ps).longValue();
        }
        long financed;
        BigDecimal jobsCreated;
        BigDecimal jobsMaintained;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(DISTINCT ap.enterprise_id), COALESCE(SUM(ap.jobs_created), 0),"
                + " COALESCE(SUM(ap.jobs_maintained), 0) FROM application ap WHERE ap.id IN (SELECT d.application_id" + APPROVED
                + scope(associationId) + ")")) {
            bind(ps, from, to, associationId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                financed = rs.getLong(1);
                jobsCreated = scale(rs.getBigDecimal(2));
                jobsMaintained = scale(rs.getBigDecimal(3));
            }
        }
        Map<String, BigDecimal> byInstrument = new LinkedHashMap<>();
        BigDecimal granted = BigDecimal.ZERO;
        BigDecimal mobilised = BigDecimal.ZERO;
        try (PreparedStatement ps = c.prepareStatement("SELECT g.instrument, SUM(g.amount),"
                + " SUM(CASE WHEN g.instrument = 'GUARANTEE' THEN COALESCE(g.bank_loan_amount, g.amount) ELSE g.amount END)"
                + " FROM granted_line g JOIN decision d ON d.id = g.decision_id JOIN application ap ON ap.id = d.application_id"
                + " JOIN enterprise e ON e.id = ap.enterprise_id"
                + " WHERE d.outcome = 'APPROVED' AND d.decision_date BETWEEN ? AND ? " + scope(associationId)
                + " GROUP BY g.instrument ORDER BY g.instrument")) {
            bind(ps, from, to, associationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byInstrument.put(rs.getString(1), scale(rs.getBigDecimal(2)));
                    granted = granted.add(rs.getBigDecimal(2));
                    mobilised = mobilised.add(rs.getBigDecimal(3));
                }
            }
        }
        BigDecimal leverage = granted.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                : mobilised.divide(granted, 2, RoundingMode.HALF_UP);
        return new Indicators(associationCode, year, advised, financed, scale(mobilised), scale(granted), leverage, jobsCreated,
                jobsMaintained, byInstrument, breakdown(c, "e.department", from, to, associationId),
                breakdown(c, "e.legal_form", from, to, associationId), breakdown(c, "ap.stage", from, to, associationId),
                targets(c, associationId, year, advised, financed, jobsCreated));
    }

    private static List<Indicators.Breakdown> breakdown(Connection c, String column, LocalDate from, LocalDate to,
                                                        Long associationId) throws SQLException {
        List<Indicators.Breakdown> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + column + ", COUNT(DISTINCT ap.enterprise_id),"
                + " SUM(CASE WHEN g.instrument = 'GUARANTEE' THEN COALESCE(g.bank_loan_amount, g.amount) ELSE g.amount END)"
                + " FROM granted_line g JOIN decision d ON d.id = g.decision_id JOIN application ap ON ap.id = d.application_id"
                + " JOIN enterprise e ON e.id = ap.enterprise_id"
                + " WHERE d.outcome = 'APPROVED' AND d.decision_date BETWEEN ? AND ? " + scope(associationId)
                + " GROUP BY " + column + " ORDER BY 3 DESC")) {
            bind(ps, from, to, associationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Indicators.Breakdown(rs.getString(1) == null ? "—" : rs.getString(1), rs.getLong(2),
                            scale(rs.getBigDecimal(3))));
                }
            }
        }
        return result;
    }

    /** Operating-support conventions whose period overlaps the year, with their targets against the year's figures. */
    private static List<Indicators.Target> targets(Connection c, Long associationId, int year, long advised, long financed,
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

    private static BigDecimal scale(BigDecimal value) {
        return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2, RoundingMode.HALF_UP);
    }
}
