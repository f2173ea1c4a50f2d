package fr.essor.service.shared;

import jakarta.ejb.ApplicationException;
import java.math.BigDecimal;

/**
 * A money invariant would break (over-allocation, over-disbursement); maps to HTTP 409 and tells
 * the caller the amount still available.
 */
@ApplicationException(rollback = true)
public class InvariantViolatedException extends ConflictException {

    private static final long serialVersionUID = 1L;

    private final BigDecimal available;

    public InvariantViolatedException(String messageKey, BigDecimal available, Object... arguments) {
        super("INVARIANT_VIOLATED", messageKey, arguments);
        this.available = available;
    }

    /** The amount the caller may still use, two decimals. */
    public BigDecimal available() {
        return available;
    }
}
