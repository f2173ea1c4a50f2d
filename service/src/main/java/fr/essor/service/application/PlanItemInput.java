package fr.essor.service.application;

import java.math.BigDecimal;

/** A financing plan row as typed: USE or SOURCE, label, amount. */
public record PlanItemInput(String kind, String label, BigDecimal amount) {
}
