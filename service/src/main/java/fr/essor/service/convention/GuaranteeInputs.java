package fr.essor.service.convention;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The guarantee use cases' inputs (issue 14, item 4), typed at the edge; constraint messages are bundle keys. */
public final class GuaranteeInputs {

    static final String AMOUNT_INVALID = "loan.amountInvalid";
    static final String RATE_INVALID = "loan.rateInvalid";
    static final String DURATION_INVALID = "loan.durationInvalid";
    static final String COMMISSION_INVALID = "guarantee.commissionRateInvalid";

    private GuaranteeInputs() {
    }

    /** The bank loan a guarantee covers: bank, amount, rate, duration (months), start date, commission rate (%, 0 when not given). */
    public record BankLoan(@NotNull(message = "field.required") @Size(max = 120, message = "field.tooLong") String bankName,
                           @NotNull(message = "field.required") @DecimalMin(value = "0.01", message = AMOUNT_INVALID)
                           @DecimalMax(value = "9999999999999.99", message = AMOUNT_INVALID)
                           @Digits(integer = 13, fraction = 2, message = AMOUNT_INVALID) BigDecimal amount,
                           @NotNull(message = "field.required") @DecimalMin(value = "0", message = RATE_INVALID)
                           @DecimalMax(value = "20", message = RATE_INVALID)
                           @Digits(integer = 2, fraction = 3, message = RATE_INVALID) BigDecimal annualRate,
                           @NotNull(message = "field.required") @Min(value = 1, message = DURATION_INVALID)
                           @Max(value = 360, message = DURATION_INVALID) Integer durationMonths,
                           @NotNull(message = "field.required") LocalDate startDate,
                           @DecimalMin(value = "0", message = COMMISSION_INVALID) @DecimalMax(value = "5", message = COMMISSION_INVALID)
                           @Digits(integer = 1, fraction = 3, message = COMMISSION_INVALID) BigDecimal commissionRate) {
    }

    /** A bank's call after the borrower's default: the default date and the amount claimed. */
    public record Call(@NotNull(message = "field.required") LocalDate defaultDate,
                       @NotNull(message = "field.required") @DecimalMin(value = "0.01", message = AMOUNT_INVALID)
                       @DecimalMax(value = "9999999999999.99", message = AMOUNT_INVALID)
                       @Digits(integer = 13, fraction = 2, message = AMOUNT_INVALID) BigDecimal amount) {
    }

    /** Money recovered after a call was paid, dated (today when not given). */
    public record Recovery(@NotNull(message = "field.required") @DecimalMin(value = "0.01", message = AMOUNT_INVALID)
                           @DecimalMax(value = "9999999999999.99", message = AMOUNT_INVALID)
                           @Digits(integer = 13, fraction = 2, message = AMOUNT_INVALID) BigDecimal amount,
                           LocalDate date) {
    }
}
