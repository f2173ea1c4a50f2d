package fr.essor.service.followup;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An answer to a follow-up milestone as typed: still active, jobs (FTE), turnover (EUR), difficulties, the day it closed. */
public record FollowUpInput(Boolean stillActive, BigDecimal jobs, BigDecimal turnover, String difficulties, LocalDate closedOn) {
}
