package fr.essor.model.convention;

/** Where a guarantee's bank loan stands: running, called by the bank after a default, or released. */
public enum GuaranteeStatus {
    RUNNING,
    CALLED,
    RELEASED
}
