package fr.essor.service.convention;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A convention as an administrator types it; eligibility lists left empty accept everything. The
 * constraints are checked at the service's boundary ({@code @Valid}); their messages are keys of the
 * web bundles. The association is required of a national administrator only (the service checks it).
 */
public record ConventionInput(String reference,
                              @NotNull(message = "field.required") Long partnerId,
                              Long associationId, String kind, LocalDate periodStart, LocalDate periodEnd,
                              @NotNull(message = AMOUNT_INVALID) @Positive(message = AMOUNT_INVALID)
                              @Digits(integer = 13, fraction = 2, message = AMOUNT_INVALID) BigDecimal amount,
                              boolean revolving, List<String> instruments, List<String> departments,
                              List<String> legalForms, List<String> stages, Integer targetAdvised,
                              Integer targetFinanced, BigDecimal targetJobs) {

    static final String AMOUNT_INVALID = "convention.amountInvalid";
}
