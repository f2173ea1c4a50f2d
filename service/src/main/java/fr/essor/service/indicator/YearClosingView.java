package fr.essor.service.indicator;

import fr.essor.model.indicator.YearClosing;
import java.time.Instant;

/** A year's closing: in force, or reopened (kept as history, with who, when and why). */
public record YearClosingView(long id, int year, boolean inForce, Instant closedAt, String closedBy, Instant reopenedAt,
                              String reopenedBy, String reopenReason, long version) {

    static YearClosingView of(YearClosing c) {
        return new YearClosingView(c.getId(), c.getYear(), c.isInForce(), c.getClosedAt(), c.getClosedBy(), c.getReopenedAt(),
                c.getReopenedBy(), c.getReopenReason(), c.getVersion());
    }
}
