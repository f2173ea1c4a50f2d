package fr.essor.service.privacy;

import fr.essor.model.privacy.RetentionKind;

/** A retention rule: the period in months (null: kept) and the default. */
public record RetentionRuleView(RetentionKind kind, Integer months, Integer defaultMonths, long version) {
}
