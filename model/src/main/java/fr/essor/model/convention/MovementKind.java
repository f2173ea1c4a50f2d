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
    RECOVERY,
    // guar (issue 14, item 4): the commission charged on a guarantee, money recovered after a call paid
    GUARANTEE_COMMISSION,
    GUARANTEE_RECOVERY
}
