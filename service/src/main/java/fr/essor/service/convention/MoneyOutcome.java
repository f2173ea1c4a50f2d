package fr.essor.service.convention;

import java.io.Serializable;
import java.util.List;

/**
 * What a money movement asked by an advisor became: done at once (the allocation, and for a
 * write-off the schedule), or, above the association's threshold, a proposal waiting for a second
 * person (four eyes, issue 13).
 */
public record MoneyOutcome(ConventionViews.AllocationRow allocation, List<ConventionViews.InstalmentRow> instalments,
                           FourEyesViews.Proposal proposal) implements Serializable {

    static MoneyOutcome done(ConventionViews.AllocationRow allocation) {
        return new MoneyOutcome(allocation, List.of(), null);
    }

    static MoneyOutcome done(ConventionViews.AllocationRow allocation, List<ConventionViews.InstalmentRow> instalments) {
        return new MoneyOutcome(allocation, instalments, null);
    }

    static MoneyOutcome proposed(FourEyesViews.Proposal proposal) {
        return new MoneyOutcome(null, List.of(), proposal);
    }

    public boolean isProposed() {
        return proposal != null;
    }
}
