package fr.essor.model.convention;

/** COMMITTED → PARTLY_DISBURSED → DISBURSED, or RELEASED when the unused money goes back to the envelope. */
public enum AllocationStatus {
    COMMITTED,
    PARTLY_DISBURSED,
    DISBURSED,
    RELEASED
}
