package fr.essor.service.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An association's rules as its admin types them: the instruments offered (instrument → limits; an
 * instrument left out is not offered), the documents required per instrument, the scoring grid
 * (criterion → weight), the committee's quorum (null: the committee's own) and majority. {@code basedOn}
 * is the version number the admin read; another version stored since is a concurrent change.
 */
public record RulesInput(Map<String, LimitInput> instruments, Map<String, List<String>> checklist,
                         Map<String, Integer> grid, Integer quorum, String majority, Integer basedOn) {

    /** One instrument's limits as typed. */
    public record LimitInput(BigDecimal minAmount, BigDecimal maxAmount, Integer maxDurationMonths,
                             BigDecimal maxGuaranteeShare) {
    }
}
