package fr.essor.service.privacy;

import fr.essor.model.privacy.ErasureStatus;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An erasure request as administrators and the person see it: no name, no address (once erased
 * there is none); {@code answerDueOn} is one month after the request; {@code eraseOn} the day the
 * data is (or was) erased.
 */
public record ErasureView(long id, long accountId, Instant requestedAt, LocalDate answerDueOn, ErasureStatus status,
        LocalDate eraseOn, Instant erasedAt, Instant handledAt) {
}
