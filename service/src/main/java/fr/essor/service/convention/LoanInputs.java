package fr.essor.service.convention;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The loan use cases' inputs, typed at the edge; their constraints' messages are keys of the web bundles. */
public final class LoanInputs {

    static final String RATE_INVALID = "loan.rateInvalid";
    static final String DURATION_INVALID = "loan.durationInvalid";
    static final String GRACE_INVALID = "loan.graceInvalid";
    static final String AMOUNT_INVALID = "loan.amountInvalid";

    private LoanInputs() {
    }

    /** A loan's terms offered under a product, from the first due date (grace included). */
    public record Terms(@NotNull(message = "field.required") Long productId,
                        @NotNull(message = "field.required") @DecimalMin(value = "0", message = RATE_INVALID)
                        @DecimalMax(value = "20", message = RATE_INVALID)
                        @Digits(integer = 2, fraction = 3, message = RATE_INVALID) BigDecimal annualRate,
                        @NotNull(message = "field.required") @Min(value = 1, message = DURATION_INVALID)
                        @Max(value = 360, message = DURATION_INVALID) Integer durationMonths,
                        @Min(value = 0, message = GRACE_INVALID) @Max(value = 359, message = GRACE_INVALID) Integer graceMonths,
                        @NotNull(message = "field.required") LocalDate firstDueDate) {
    }

    /** A schedule previewed on an amount, before any allocation exists. */
    public record Preview(@NotNull(message = "field.required") @DecimalMin(value = "0.01", message = AMOUNT_INVALID)
                          @DecimalMax(value = "9999999999999.99", message = AMOUNT_INVALID)
                          @Digits(integer = 13, fraction = 2, message = AMOUNT_INVALID) BigDecimal principal,
                          @NotNull(message = "field.required") Long productId,
                          @NotNull(message = "field.required") @DecimalMin(value = "0", message = RATE_INVALID)
                          @DecimalMax(value = "20", message = RATE_INVALID)
                          @Digits(integer = 2, fraction = 3, message = RATE_INVALID) BigDecimal annualRate,
                          @NotNull(message = "field.required") @Min(value = 1, message = DURATION_INVALID)
                          @Max(value = 360, message = DURATION_INVALID) Integer durationMonths,
                          @Min(value = 0, message = GRACE_INVALID) @Max(value = 359, message = GRACE_INVALID) Integer graceMonths,
                          @NotNull(message = "field.required") LocalDate firstDueDate) {
    }

    /** A payment received: any amount up to what is owed, dated (today when not given). */
    public record Payment(@NotNull(message = "field.required") @DecimalMin(value = "0.01", message = AMOUNT_INVALID)
                          @DecimalMax(value = "9999999999999.99", message = AMOUNT_INVALID)
                          @Digits(integer = 13, fraction = 2, message = AMOUNT_INVALID) BigDecimal amount,
                          LocalDate date) {
    }

    /** A new duration for what remains (months, moratorium included) and a moratorium of the capital. */
    public record Reschedule(@NotNull(message = "field.required") @Min(value = 1, message = DURATION_INVALID)
                             @Max(value = 360, message = DURATION_INVALID) Integer durationMonths,
                             @Min(value = 0, message = GRACE_INVALID) @Max(value = 359, message = GRACE_INVALID)
                             Integer moratoriumMonths,
                             @NotNull(message = "field.required") LocalDate firstDueDate) {
    }
}
