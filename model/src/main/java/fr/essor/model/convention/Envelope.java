package fr.essor.model.convention;

import fr.essor.model.shared.Money;
import java.util.Objects;

/**
 * A convention's envelope as its ledger stands: what is left to allocate is the amount less what is
 * allocated (allocations less releases), plus what was repaid when the fund is revolving (repaid money
 * returns to it). The one place of that formula; the figures themselves are summed from the ledger.
 */
public record Envelope(Money amount, boolean revolving, Money allocated, Money repaid) {

    public Envelope {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(allocated, "allocated");
        Objects.requireNonNull(repaid, "repaid");
    }

    /** amount − allocated (+ repaid when revolving); negative if more was allocated than the envelope holds. */
    public Money remaining() {
        Money left = amount.minus(allocated);
        return revolving ? left.plus(repaid) : left;
    }
}
