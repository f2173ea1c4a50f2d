package fr.essor.service.inbox;

import java.util.List;

/**
 * Every source of inbox items, in one place. A feature that makes people act adds its source here (one
 * line) and its kind's labels to the bundles; nothing else changes.
 */
public final class InboxSources {

    /** In the order of the life of a file; the inbox sorts its items by their dates, not by this order. */
    public static final List<InboxSource> ALL = List.of(
            // entrepreneur
            new InformationRequested(),
            new ConditionsToMeet(true),
            new ConditionsToMeet(false),
            // advisor
            new FilesToInstruct(),
            new AnswersReceived(),
            new ConditionsToCheck(),
            new OverdueConditions(),
            new ApprovalsWaiting(),
            // committee member
            new SessionsConvened(),
            new VotesToCast()
            // agreements, follow-up, arrears: add their sources below
    );

    private InboxSources() {
    }

    /** The source of a kind, or null. */
    public static InboxSource of(String kind) {
        return ALL.stream().filter(s -> s.kind().equals(kind)).findFirst().orElse(null);
    }
}
