package fr.essor.service.application;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/**
 * The impact step: jobs created and maintained (FTE, at most two decimals), beneficiaries, social utility.
 * The figures are checked at the service's boundary ({@code @Valid}); the free text by the service.
 */
public record ImpactInput(@PositiveOrZero(message = FTE_INVALID) @DecimalMax(value = "99999", message = FTE_INVALID)
                          @Digits(integer = 5, fraction = 2, message = FTE_INVALID) BigDecimal jobsCreated,
                          @PositiveOrZero(message = FTE_INVALID) @DecimalMax(value = "99999", message = FTE_INVALID)
                          @Digits(integer = 5, fraction = 2, message = FTE_INVALID) BigDecimal jobsMaintained,
                          @PositiveOrZero(message = BENEFICIARIES_INVALID) @Max(value = 10_000_000, message = BENEFICIARIES_INVALID)
                          Integer beneficiaries,
                          String socialUtility) {

    static final String FTE_INVALID = "impact.fteInvalid";
    static final String BENEFICIARIES_INVALID = "impact.beneficiariesInvalid";
}
