package fr.essor.model.followup;

import fr.essor.model.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a follow-up milestone asks: is the enterprise still active, its jobs (full-time equivalents)
 * and its turnover of the last twelve months, its difficulties; when it is not active any more, the
 * day it closed.
 */
public record FollowUpAnswer(Boolean stillActive, BigDecimal jobs, Money turnover, String difficulties, LocalDate closedOn) {
}
