package fr.essor.service.indicator;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The national head's figures: the headline indicators of every association for a range of years, in
 * two statements grouped by association and year (support records; approved files with their granted lines),
 * whatever the number of associations or years. Plain JDBC, like {@link IndicatorQueries}, so that the
 * benchmark runs the very same statements. The figures agree with {@link IndicatorQueries#compute}: an
 * enterprise is advised or financed once per year and association, jobs count once per file, amounts
 * once per granted line.
 */
public final class NationalQueries {

    /** One association of the network: its id, code and name. */
    public record Association(long id, String code, String name) {
    }

    private NationalQueries() {
    }

    /** The associations (active or not: a year's figures include those that have closed since), by code. */
    public static List<Association> associations(Connection c) throws SQLException {
        List<Association> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, code, name FROM association ORDER BY code");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(new Association(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
        }
        return result;
    }

    /**
     * The figures of every association for every year of {@code [from, to]}: key the year, then one row per
     * association of {@code associations} in their order (zeros where nothing happened).
     */
    public static Map<Integer, List<Figures>> byAssociationAndYear(Connection c, List<Association> associations, int from, int to)
            throws SQLException {
        Map<Long, Map<Integer, long[]>> counts = new HashMap<>();
        Map<Long, Map<Integer, BigDecimal[]>> sums = new HashMap<>();
        // advised: distinct enterprises with a support record in the year (made distinct on the date index before
        // the join, so that an enterprise advised ten times in a year is looked up once)
        try (PreparedStatement ps = c.prepareStatement("SELECT e.association_id, x.y, COUNT(*) FROM (SELECT DISTINCT"
                + " s.enterprise_id, EXTRACT(YEAR FROM s.support_date) AS y FROM support_record s"
                + " WHERE s.support_date BETWEEN ? AND ?) x JOIN enterprise e ON e.id = x.enterprise_id"
                + " GROUP BY e.association_id, x.y")) {
            bind(ps, from, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cell(counts, rs.getLong(1), rs.getInt(2), 2)[0] = rs.getLong(3);
                }
            }
        }
        // financed, jobs and amounts in one pass over the approvals: the inner query is one row per approved file
        // and year (a file decided twice in a year counts once, its jobs once, the lines of both decisions), the
        // outer one sums them by association and year; a guarantee mobilises the bank loan it covers
        try (PreparedStatement ps = c.prepareStatement("SELECT x.association_id, x.y, COUNT(DISTINCT x.enterprise_id),"
                + " SUM(x.jc), SUM(x.jm), SUM(x.granted), SUM(x.mobilised) FROM (SELECT e.association_id,"
                + " EXTRACT(YEAR FROM d.decision_date) AS y, ap.id, ap.enterprise_id, MAX(ap.jobs_created) AS jc,"
                + " MAX(ap.jobs_maintained) AS jm, SUM(g.amount) AS granted, SUM(CASE WHEN g.instrument = 'GUARANTEE'"
                + " THEN COALESCE(g.bank_loan_amount, g.amount) ELSE g.amount END) AS mobilised"
                + " FROM decision d JOIN application ap ON ap.id = d.application_id JOIN enterprise e ON e.id = ap.enterprise_id"
                + " LEFT JOIN granted_line g ON g.decision_id = d.id WHERE d.outcome = 'APPROVED' AND d.decision_date BETWEEN ? AND ?"
                + " GROUP BY e.association_id, EXTRACT(YEAR FROM d.decision_date), ap.id, ap.enterprise_id) x"
                + " GROUP BY x.association_id, x.y")) {
            bind(ps, from, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cell(counts, rs.getLong(1), rs.getInt(2), 2)[1] = rs.getLong(3);
                    BigDecimal[] s = cell(sums, rs.getLong(1), rs.getInt(2));
                    s[2] = orZero(rs.getBigDecimal(4));
                    s[3] = orZero(rs.getBigDecimal(5));
                    s[0] = orZero(rs.getBigDecimal(6));
                    s[1] = orZero(rs.getBigDecimal(7));
                }
            }
        }
        Map<Integer, List<Figures>> result = new LinkedHashMap<>();
        for (int year = from; year <= to; year++) {
            List<Figures> rows = new ArrayList<>();
            for (Association a : associations) {
                long[] n = counts.getOrDefault(a.id(), Map.of()).getOrDefault(year, new long[2]);
                BigDecimal[] s = sums.getOrDefault(a.id(), Map.of()).get(year);
                if (s == null) {
                    s = new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
                }
                BigDecimal granted = IndicatorQueries.scale(s[0]);
                BigDecimal mobilised = IndicatorQueries.scale(s[1]);
                rows.add(new Figures(a.code(), a.name(), year, n[0], n[1], mobilised, granted,
                        IndicatorQueries.leverage(mobilised, granted), IndicatorQueries.scale(s[2]), IndicatorQueries.scale(s[3]),
                        null));
            }
            result.put(year, rows);
        }
        return result;
    }

    private static long[] cell(Map<Long, Map<Integer, long[]>> map, long association, int year, int size) {
        return map.computeIfAbsent(association, k -> new HashMap<>()).computeIfAbsent(year, k -> new long[size]);
    }

    private static BigDecimal[] cell(Map<Long, Map<Integer, BigDecimal[]>> map, long association, int year) {
        return map.computeIfAbsent(association, k -> new HashMap<>()).computeIfAbsent(year,
                k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static void bind(PreparedStatement ps, int from, int to) throws SQLException {
        ps.setDate(1, Date.valueOf(LocalDate.of(from, 1, 1)));
        ps.setDate(2, Date.valueOf(LocalDate.of(to, 12, 31)));
    }
}
