package fr.essor.service.convention;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** What the pages and the API show of four eyes on money. */
public final class FourEyesViews {

    private FourEyesViews() {
    }

    /** A proposed money movement; {@code mayDecide} when the caller is someone else than its proposer. */
    public record Proposal(long id, long allocationId, String applicationReference, String enterprise, String instrument,
                           String kind, BigDecimal amount, LocalDate date, String status, String proposedBy,
                           Instant proposedAt, String decidedBy, Instant decidedAt, String reason, boolean mayDecide)
            implements Serializable {
    }

    /** An association's four-eyes threshold. */
    public record Threshold(long associationId, String code, String name, BigDecimal threshold) implements Serializable {
    }
}
