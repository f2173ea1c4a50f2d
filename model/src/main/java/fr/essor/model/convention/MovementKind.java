package fr.essor.model.convention;

/**
 * Kinds of money movement in the ledger of a convention. Every figure a partner sees is a sum of
 * these rows: allocated = ALLOCATION − RELEASE, disbursed = DISBURSEMENT, repaid = REPAYMENT.
 */
public enum MovementKind {
    ALLOCATION,
    RELEASE,
    DISBURSEMENT,
    REPAYMENT,
    WRITE_OFF,
    GUARANTEE_CALL,
    /** Issue 14 (arrears): money recovered on a loan after its write-off; at most what was written off. */
    RECOVERY
}
