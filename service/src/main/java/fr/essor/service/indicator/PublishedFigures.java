package fr.essor.service.indicator;

import static fr.essor.service.convention.BreakdownDimension.DEPARTMENT;
import static fr.essor.service.convention.BreakdownDimension.INSTRUMENT;
import static fr.essor.service.convention.BreakdownDimension.LEGAL_FORM;
import static fr.essor.service.convention.BreakdownDimension.STAGE;
import static fr.essor.service.shared.Columns.decimal;

import fr.essor.service.convention.BreakdownDimension;
import fr.essor.service.shared.Columns;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures a year's closing froze (tables published_figure and published_breakdown of V22), written and
 * read through the persistence context's connection so that they belong to the closing's transaction.
 */
final class PublishedFigures {

    private PublishedFigures() {
    }

    /** Stores the network's figures (key null) and each association's (key its id). */
    static void store(EntityManager em, long closingId, Map<Long, Indicators> figures) {
        for (Map.Entry<Long, Indicators> e : figures.entrySet()) {
            Indicators i = e.getValue();
            em.createNativeQuery("INSERT INTO published_figure (closing_id, association_id, advised, financed, mobilised, granted,"
                            + " leverage, jobs_created, jobs_maintained) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                    .setParameter(1, closingId).setParameter(2, e.getKey()).setParameter(3, i.advised())
                    .setParameter(4, i.financed()).setParameter(5, i.mobilised()).setParameter(6, i.granted())
                    .setParameter(7, i.leverage()).setParameter(8, i.jobsCreated()).setParameter(9, i.jobsMaintained())
                    .executeUpdate();
            for (Map.Entry<String, BigDecimal> b : i.byInstrument().entrySet()) {
                breakdown(em, closingId, e.getKey(), INSTRUMENT, b.getKey(), 0, b.getValue());
            }
            Map<BreakdownDimension, List<Indicators.Breakdown>> parts = Map.of(DEPARTMENT, i.byDepartment(),
                    LEGAL_FORM, i.byLegalForm(), STAGE, i.byStage());
            for (Map.Entry<BreakdownDimension, List<Indicators.Breakdown>> part : parts.entrySet()) {
                for (Indicators.Breakdown b : part.getValue()) {
                    breakdown(em, closingId, e.getKey(), part.getKey(), b.key(), b.financed(), b.mobilised());
                }
            }
        }
    }

    private static void breakdown(EntityManager em, long closingId, Long associationId, BreakdownDimension dimension, String item,
                                  long financed, BigDecimal amount) {
        em.createNativeQuery("INSERT INTO published_breakdown (closing_id, association_id, dimension, item, financed, amount)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, closingId).setParameter(2, associationId).setParameter(3, dimension.name()).setParameter(4, item)
                .setParameter(5, financed).setParameter(6, amount).executeUpdate();
    }

    /**
     * The published headline figures of the closings in force for the years of {@code [from, to]}: key the
     * year, then the network's row (association null) first and the associations' by code.
     */
    static Map<Integer, List<Figures>> figures(EntityManager em, int from, int to, boolean associations) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT y.closing_year, y.closed_at, a.code, a.name, f.advised, f.financed,"
                        + " f.mobilised, f.granted, f.leverage, f.jobs_created, f.jobs_maintained FROM year_closing y"
                        + " JOIN published_figure f ON f.closing_id = y.id LEFT JOIN association a ON a.id = f.association_id"
                        + " WHERE y.closed_year BETWEEN ?1 AND ?2" + (associations ? "" : " AND f.association_id IS NULL")
                        + " ORDER BY y.closing_year, CASE WHEN a.code IS NULL THEN 0 ELSE 1 END, a.code")
                .setParameter(1, from).setParameter(2, to).getResultList();
        Map<Integer, List<Figures>> result = new TreeMap<>();
        for (Object[] r : rows) {
            int year = ((Number) r[0]).intValue();
            result.computeIfAbsent(year, k -> new ArrayList<>()).add(new Figures((String) r[2], (String) r[3], year,
                    ((Number) r[4]).longValue(), ((Number) r[5]).longValue(), decimal(r[6]), decimal(r[7]), decimal(r[8]), decimal(r[9]),
                    decimal(r[10]), Columns.instant(r[1])));
        }
        return result;
    }

    /**
     * The published indicators of one scope ({@code associationId} null: the network) of a closed year,
     * without targets; an association created after the closing has zeros.
     */
    static Indicators indicators(EntityManager em, long closingId, Instant published, Long associationId, String code, int year) {
        String scope = associationId == null ? " IS NULL" : " = ?2";
        var q = em.createNativeQuery("SELECT advised, financed, mobilised, granted, leverage, jobs_created, jobs_maintained"
                + " FROM published_figure WHERE closing_id = ?1 AND association_id" + scope).setParameter(1, closingId);
        if (associationId != null) {
            q.setParameter(2, associationId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> head = q.getResultList();
        var b = em.createNativeQuery("SELECT dimension, item, financed, amount FROM published_breakdown WHERE closing_id = ?1"
                + " AND association_id" + scope + " ORDER BY dimension, amount DESC, item").setParameter(1, closingId);
        if (associationId != null) {
            b.setParameter(2, associationId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> breakdowns = b.getResultList();
        Map<String, BigDecimal> instruments = new TreeMap<>();
        Map<BreakdownDimension, List<Indicators.Breakdown>> parts = new EnumMap<>(BreakdownDimension.class);
        for (BreakdownDimension d : List.of(DEPARTMENT, LEGAL_FORM, STAGE)) {
            parts.put(d, new ArrayList<>());
        }
        for (Object[] r : breakdowns) {
            BreakdownDimension dimension = BreakdownDimension.valueOf((String) r[0]);
            if (dimension == INSTRUMENT) {
                instruments.put((String) r[1], decimal(r[3]));
            } else {
                parts.get(dimension).add(new Indicators.Breakdown((String) r[1], ((Number) r[2]).longValue(), decimal(r[3])));
            }
        }
        Map<String, BigDecimal> byInstrument = new LinkedHashMap<>(instruments);
        BigDecimal z = BigDecimal.ZERO.setScale(2);
        Object[] h = head.isEmpty() ? new Object[] {0L, 0L, z, z, z, z, z} : head.get(0);
        return new Indicators(code, year, ((Number) h[0]).longValue(), ((Number) h[1]).longValue(), decimal(h[2]), decimal(h[3]),
                decimal(h[4]), decimal(h[5]), decimal(h[6]), byInstrument, parts.get(DEPARTMENT), parts.get(LEGAL_FORM), parts.get(STAGE),
                List.of(), published);
    }
}
