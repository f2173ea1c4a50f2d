package fr.essor.service.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the annual report of a convention shows, gathered by the caller (a service) so that the report
 * itself is pure formatting. Amounts are in EUR. {@code kind} is the convention kind's code
 * (FINANCING_FUND, OPERATING_SUPPORT). {@code breakdowns} are keyed by a dimension title already
 * translated (by instrument, department, legal form, stage…) and keep the caller's order.
 */
public record ConventionReportData(
        String reference, String partner, String association, String kind,
        LocalDate periodStart, LocalDate periodEnd, int year,
        BigDecimal amount, BigDecimal allocated, BigDecimal disbursed, BigDecimal repaid, BigDecimal remaining,
        Map<String, List<Breakdown>> breakdowns, List<TargetLine> targets, Table funded, LocalDate generatedOn) {

    /** One line of a breakdown: a label (already translated), how many files and how much money. */
    public record Breakdown(String label, long count, BigDecimal amount) {
        public Breakdown {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** A target of the convention (e.g. jobs created) and what was achieved; target may be null or zero. */
    public record TargetLine(String label, BigDecimal target, BigDecimal achieved) {
        public TargetLine {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(achieved, "achieved");
        }
    }

    public ConventionReportData {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(allocated, "allocated");
        Objects.requireNonNull(disbursed, "disbursed");
        Objects.requireNonNull(repaid, "repaid");
        Objects.requireNonNull(remaining, "remaining");
        Objects.requireNonNull(funded, "funded");
        Objects.requireNonNull(generatedOn, "generatedOn");
        breakdowns = breakdowns == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(breakdowns));
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
