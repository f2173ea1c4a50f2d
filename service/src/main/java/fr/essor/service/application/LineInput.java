package fr.essor.service.application;

import java.math.BigDecimal;

/** A requested line as typed in a form or sent to the API, before it is checked. */
public record LineInput(String instrument, BigDecimal amount, Integer durationMonths, String bankName,
                        BigDecimal bankLoanAmount, BigDecimal guaranteedShare) {
}
