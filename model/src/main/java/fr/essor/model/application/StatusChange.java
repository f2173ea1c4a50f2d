package fr.essor.model.application;

import fr.essor.model.shared.Identified;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One step of an application's history: who moved it from which status to which, when and why. Immutable. */
@Entity
@Table(name = "application_status_change")
public class StatusChange extends Identified {

    public static final int STATUS_MAX = 30;
    public static final int ACTOR_MAX = 254;
    public static final int COMMENT_MAX = 2000;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", nullable = false, updatable = false)
    private Application application;

    /** Null for the creation of the application. */
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = STATUS_MAX, updatable = false)
    private ApplicationStatus fromStatus;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", length = STATUS_MAX, nullable = false, updatable = false)
    private ApplicationStatus toStatus;

    @NotNull
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @NotNull
    @Size(max = ACTOR_MAX)
    @Column(name = "actor", length = ACTOR_MAX, nullable = false, updatable = false)
    private String actor;

    @Size(max = COMMENT_MAX)
    @Column(name = "comment_text", length = COMMENT_MAX, updatable = false)
    private String comment;

    @Column(name = "visible_to_applicant", nullable = false, updatable = false)
    private boolean visibleToApplicant;

    protected StatusChange() {
    }

    StatusChange(Application application, ApplicationStatus fromStatus, ApplicationStatus toStatus,
            Instant occurredAt, String actor, String comment, boolean visibleToApplicant) {
        this.application = Objects.requireNonNull(application, "application");
        this.fromStatus = fromStatus;
        this.toStatus = Objects.requireNonNull(toStatus, "toStatus");
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("The actor of a status change is required");
        }
        if (actor.length() > ACTOR_MAX) {
            throw new IllegalArgumentException("An actor has at most " + ACTOR_MAX + " characters");
        }
        if (comment != null && comment.length() > COMMENT_MAX) {
            throw new IllegalArgumentException("A comment has at most " + COMMENT_MAX + " characters");
        }
        this.actor = actor;
        this.comment = comment;
        this.visibleToApplicant = visibleToApplicant;
    }

    public Application getApplication() {
        return application;
    }

    public ApplicationStatus getFromStatus() {
        return fromStatus;
    }

    public ApplicationStatus getToStatus() {
        return toStatus;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getComment() {
        return comment;
    }

    public boolean isVisibleToApplicant() {
        return visibleToApplicant;
    }

    @Override
    public String toString() {
        return "StatusChange[" + fromStatus + " -> " + toStatus + " by " + actor + " at " + occurredAt + "]";
    }
}
