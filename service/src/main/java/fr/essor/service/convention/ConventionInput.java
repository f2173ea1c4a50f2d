package fr.essor.service.convention;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A convention as an administrator types it; eligibility lists left empty accept everything. */
public record ConventionInput(String reference, Long partnerId, Long associationId, String kind, LocalDate periodStart,
                              LocalDate periodEnd, BigDecimal amount, boolean revolving, List<String> instruments,
                              List<String> departments, List<String> legalForms, List<String> stages, Integer targetAdvised,
                              Integer targetFinanced, BigDecimal targetJobs) {
}
