package fr.essor.service.indicator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The figures a network publishes for an association (or the whole network when
 * {@code association} is null) and a calendar year, all computed in SQL from the records.
 *
 * @param advised distinct enterprises with a support record dated in the year
 * @param financed distinct enterprises with an approved decision dated in the year
 * @param mobilised granted amounts plus, for guarantees, the rest of the bank loan they cover
 * @param granted granted amounts only (the network's own money)
 * @param leverage mobilised ÷ granted
 * @param published when the year's figures were published (its closing), null for figures computed now
 */
public record Indicators(String association, int year, long advised, long financed, BigDecimal mobilised, BigDecimal granted,
                         BigDecimal leverage, BigDecimal jobsCreated, BigDecimal jobsMaintained,
                         Map<String, BigDecimal> byInstrument, List<Breakdown> byDepartment, List<Breakdown> byLegalForm,
                         List<Breakdown> byStage, List<Target> targets, Instant published) {

    /** Enterprises financed and amount mobilised in one slice (a department, a legal form, a stage). */
    public record Breakdown(String key, long financed, BigDecimal mobilised) {
    }

    /** A target of an operating-support convention against what the year achieved. */
    public record Target(String convention, String partner, String name, BigDecimal target, BigDecimal achieved) {
    }
}
