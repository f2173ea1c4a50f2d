package fr.essor.model.convention;

/** How often a loan's instalments fall due. */
public enum RepaymentFrequency {
    MONTHLY(1),
    QUARTERLY(3);

    private final int months;

    RepaymentFrequency(int months) {
        this.months = months;
    }

    /** Months between two instalments. */
    public int months() {
        return months;
    }

    /** Periods in a year. */
    public int perYear() {
        return 12 / months;
    }
}
