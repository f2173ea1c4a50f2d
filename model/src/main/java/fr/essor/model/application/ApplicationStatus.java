package fr.essor.model.application;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The life of an application. The transitions below are the whole state machine of the design;
 * an {@link Application} changes status only through {@link #checkMoveTo(ApplicationStatus)}.
 */
public enum ApplicationStatus {
    DRAFT,
    SUBMITTED,
    IN_REVIEW,
    INFO_REQUESTED,
    READY_FOR_COMMITTEE,
    ON_AGENDA,
    APPROVED,
    DEFERRED,
    REJECTED,
    CONTRACTED,
    CLOSED,
    WITHDRAWN;

    private static final Map<ApplicationStatus, Set<ApplicationStatus>> TRANSITIONS =
            new EnumMap<>(ApplicationStatus.class);

    static {
        allow(DRAFT, SUBMITTED, WITHDRAWN);
        allow(SUBMITTED, IN_REVIEW, WITHDRAWN);
        allow(IN_REVIEW, INFO_REQUESTED, READY_FOR_COMMITTEE, WITHDRAWN);
        allow(INFO_REQUESTED, IN_REVIEW, WITHDRAWN);
        allow(READY_FOR_COMMITTEE, ON_AGENDA, WITHDRAWN);
        allow(ON_AGENDA, APPROVED, DEFERRED, REJECTED, READY_FOR_COMMITTEE, WITHDRAWN);
        allow(APPROVED, CONTRACTED);
        allow(CONTRACTED, CLOSED);
        allow(DEFERRED, IN_REVIEW);
        allow(REJECTED);
        allow(CLOSED);
        allow(WITHDRAWN);
    }

    private static void allow(ApplicationStatus from, ApplicationStatus... to) {
        Set<ApplicationStatus> targets = EnumSet.noneOf(ApplicationStatus.class);
        Collections.addAll(targets, to);
        TRANSITIONS.put(from, Collections.unmodifiableSet(targets));
    }

    /** The statuses this one may move to; empty for a terminal status. */
    public Set<ApplicationStatus> allowedTargets() {
        return TRANSITIONS.get(this);
    }

    public boolean canMoveTo(ApplicationStatus target) {
        return target != null && allowedTargets().contains(target);
    }

    /** @throws IllegalTransitionException naming both states when the move is not allowed */
    public void checkMoveTo(ApplicationStatus target) {
        Objects.requireNonNull(target, "target");
        if (!canMoveTo(target)) {
            throw new IllegalTransitionException(this, target);
        }
    }

    /** No way out: REJECTED, CLOSED, WITHDRAWN. */
    public boolean isTerminal() {
        return allowedTargets().isEmpty();
    }

    /** The committee has decided (APPROVED, DEFERRED or REJECTED), or the approved file went on. */
    public boolean isDecided() {
        return switch (this) {
            case APPROVED, DEFERRED, REJECTED, CONTRACTED, CLOSED -> true;
            default -> false;
        };
    }
}
