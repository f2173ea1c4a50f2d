package fr.essor.model.privacy;

/**
 * The kinds of personal data Essor keeps for a limited time (issue 16), each with the default period
 * of the issue. The national administrator may change a period (1 to 1200 months); the audit trail is
 * kept: it holds no personal content (its summaries name records by their number, its actors are
 * pseudonyms for entrepreneurs), so it needs no period.
 */
public enum RetentionKind {

    /** A draft never submitted: deleted one year after its last change. */
    DRAFT(12),
    /** A refused or withdrawn file: anonymised three years after the decision or the withdrawal. */
    CLOSED_FILE(36),
    /** An entrepreneur's account without activity for three years (and no financed file still kept): erased. */
    INACTIVE_ACCOUNT(36),
    /** A financed file: its documents and personal content removed ten years after the last repayment or the end of the guarantee. */
    FINANCED_FILE(120),
    /** The audit trail: kept. */
    AUDIT_TRAIL(null);

    public static final int MIN_MONTHS = 1;
    public static final int MAX_MONTHS = 1200;

    private final Integer defaultMonths;

    RetentionKind(Integer defaultMonths) {
        this.defaultMonths = defaultMonths;
    }

    /** The period of the defaults, in months; null for data that is kept. */
    public Integer defaultMonths() {
        return defaultMonths;
    }

    /** Whether the administrator may set a period for this kind (the audit trail is kept, always). */
    public boolean limited() {
        return defaultMonths != null;
    }

    /** Checks a period the administrator chose for this kind; returns it. */
    public int checkedMonths(Integer months) {
        if (!limited()) {
            throw new IllegalArgumentException("The audit trail is kept: it has no retention period");
        }
        if (months == null || months < MIN_MONTHS || months > MAX_MONTHS) {
            throw new IllegalArgumentException("A retention period is " + MIN_MONTHS + " to " + MAX_MONTHS + " months: " + months);
        }
        return months;
    }
}
