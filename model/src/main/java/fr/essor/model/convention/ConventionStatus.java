package fr.essor.model.convention;

/** DRAFT → ACTIVE → CLOSED. */
public enum ConventionStatus {
    DRAFT,
    ACTIVE,
    CLOSED
}
