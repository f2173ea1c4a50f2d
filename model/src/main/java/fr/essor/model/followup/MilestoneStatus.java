package fr.essor.model.followup;

/**
 * Where a follow-up milestone stands. Whether a PLANNED one is due or overdue is not stored: it
 * follows from its due date and the day ({@link FollowUpSchedule#isDue}, {@link FollowUpSchedule#isOverdue}).
 */
public enum MilestoneStatus {
    /** Waiting for its answer (due once its date is reached). */
    PLANNED,
    /** The entrepreneur or the advisor answered. Final. */
    ANSWERED,
    /** Not asked any more: the enterprise closed before it. Final. */
    CANCELLED
}
