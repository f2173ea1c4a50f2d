package fr.essor.service.indicator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The headline figures of one scope and year: an association ({@code association} its code) or the
 * network ({@code association} null). {@code published}: when a year's closing froze them, null when
 * computed now from the records.
 */
public record Figures(String association, String name, int year, long advised, long financed, BigDecimal mobilised,
                      BigDecimal granted, BigDecimal leverage, BigDecimal jobsCreated, BigDecimal jobsMaintained,
                      Instant published) {

    /** Nothing yet: an association or a year without a record. */
    static Figures zero(String association, String name, int year, Instant published) {
        BigDecimal z = BigDecimal.ZERO.setScale(2);
        return new Figures(association, name, year, 0, 0, z, z, z, z, z, published);
    }

    /**
     * The sum of the rows as the network's figures: an enterprise belongs to one association, so the
     * distinct counts add up; the leverage is computed again from the sums.
     */
    static Figures network(int year, List<Figures> rows, Instant published) {
        long advised = 0;
        long financed = 0;
        BigDecimal mobilised = BigDecimal.ZERO.setScale(2);
        BigDecimal granted = BigDecimal.ZERO.setScale(2);
        BigDecimal created = BigDecimal.ZERO.setScale(2);
        BigDecimal maintained = BigDecimal.ZERO.setScale(2);
        for (Figures f : rows) {
            advised += f.advised();
            financed += f.financed();
            mobilised = mobilised.add(f.mobilised());
            granted = granted.add(f.granted());
            created = created.add(f.jobsCreated());
            maintained = maintained.add(f.jobsMaintained());
        }
        return new Figures(null, null, year, advised, financed, mobilised, granted, IndicatorQueries.leverage(mobilised, granted),
                created, maintained, published);
    }

    static Figures of(Indicators i, String name) {
        return new Figures(i.association(), name, i.year(), i.advised(), i.financed(), i.mobilised(), i.granted(), i.leverage(),
                i.jobsCreated(), i.jobsMaintained(), i.published());
    }
}
