package fr.essor.service.application;

import fr.essor.model.application.Instrument;
import java.math.BigDecimal;

/** A requested line as typed in a form or sent to the API (the instrument parsed at the edge), before it is checked. */
public record LineInput(Instrument instrument, BigDecimal amount, Integer durationMonths, String bankName,
                        BigDecimal bankLoanAmount, BigDecimal guaranteedShare) {
}
