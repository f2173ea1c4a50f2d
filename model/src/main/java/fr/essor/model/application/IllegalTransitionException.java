package fr.essor.model.application;

import fr.essor.model.shared.RuleException;

/** A status change the state machine does not allow. */
public class IllegalTransitionException extends RuleException {

    private static final long serialVersionUID = 1L;

    private final ApplicationStatus from;
    private final ApplicationStatus to;

    public IllegalTransitionException(ApplicationStatus from, ApplicationStatus to) {
        super("Illegal transition " + from + " -> " + to, TRANSITION, "application.illegalTransition", null,
                from.name(), to.name());
        this.from = from;
        this.to = to;
    }

    public ApplicationStatus from() {
        return from;
    }

    public ApplicationStatus to() {
        return to;
    }
}
