package fr.essor.model.privacy;

/**
 * Where a person's erasure request stands: ERASED at once when no retention duty applies, otherwise
 * SCHEDULED for the day the last duty ends (the account is closed at once), then ERASED by the
 * nightly job.
 */
public enum ErasureStatus {
    SCHEDULED,
    ERASED
}
