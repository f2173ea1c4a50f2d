package fr.essor.model.convention;

/** FINANCING_FUND: money allocated to enterprises; OPERATING_SUPPORT: money for the association's advice work, judged on targets. */
public enum ConventionKind {
    FINANCING_FUND,
    OPERATING_SUPPORT
}
