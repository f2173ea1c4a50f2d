package fr.essor.service.application;

import fr.essor.model.application.PlanItem;
import java.math.BigDecimal;

/** A financing plan row as typed: USE or SOURCE, label, amount. */
public record PlanItemInput(PlanItem.Kind kind, String label, BigDecimal amount) {
}
