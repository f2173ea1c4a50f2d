package fr.essor.service.application;

import java.math.BigDecimal;

/** The impact step: jobs created and maintained (FTE), beneficiaries, social utility. */
public record ImpactInput(BigDecimal jobsCreated, BigDecimal jobsMaintained, Integer beneficiaries, String socialUtility) {
}
