package fr.essor.model.accounting;

import fr.essor.model.application.Instrument;
import fr.essor.model.convention.MovementKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A ledger movement as the export reads it: its id (the piece's reference), kind, the instrument of its line,
 * amount (negative only for a repayment's reversal), date, the day it was recorded (UTC), the convention's and
 * the file's references and the enterprise (the auxiliary account of a third-party or loan account).
 */
public record JournalMovement(long id, MovementKind kind, Instrument instrument, BigDecimal amount, LocalDate occurredOn,
                              LocalDate recordedOn, String conventionReference, String applicationReference,
                              long enterpriseId, String enterpriseName) {

    public JournalMovement {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(amount);
        Objects.requireNonNull(occurredOn);
        Objects.requireNonNull(recordedOn);
    }
}
