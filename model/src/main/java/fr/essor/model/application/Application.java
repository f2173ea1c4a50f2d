package fr.essor.model.application;

import static fr.essor.model.application.ApplicationStatus.APPROVED;
import static fr.essor.model.application.ApplicationStatus.CLOSED;
import static fr.essor.model.application.ApplicationStatus.CONTRACTED;
import static fr.essor.model.application.ApplicationStatus.DEFERRED;
import static fr.essor.model.application.ApplicationStatus.DRAFT;
import static fr.essor.model.application.ApplicationStatus.INFO_REQUESTED;
import static fr.essor.model.application.ApplicationStatus.IN_REVIEW;
import static fr.essor.model.application.ApplicationStatus.ON_AGENDA;
import static fr.essor.model.application.ApplicationStatus.READY_FOR_COMMITTEE;
import static fr.essor.model.application.ApplicationStatus.REJECTED;
import static fr.essor.model.application.ApplicationStatus.SUBMITTED;
import static fr.essor.model.application.ApplicationStatus.WITHDRAWN;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.association.Association;
import fr.essor.model.enterprise.Enterprise;
import fr.essor.model.shared.EssorDomainException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An application (dossier) for financing, the aggregate root of its history. Its status changes only
 * through the behaviour methods below, each checked by the state machine of {@link ApplicationStatus}
 * and recorded as a {@link StatusChange}.
 */
@Entity
@Table(name = "application")
public class Application {

    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 4000;
    public static final int STAGE_MAX = 20;
    public static final int STATUS_MAX = StatusChange.STATUS_MAX;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @NotNull
    @Column(name = "reference", length = ApplicationReference.MAX_LENGTH, nullable = false, unique = true,
            updatable = false)
    private ApplicationReference reference;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "enterprise_id", nullable = false, updatable = false)
    private Enterprise enterprise;

    @NotBlank
    @Size(max = TITLE_MAX)
    @Column(name = "title", length = TITLE_MAX, nullable = false)
    private String title;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "stage", length = STAGE_MAX, nullable = false)
    private Stage stage;

    @Size(max = DESCRIPTION_MAX)
    @Column(name = "description", length = DESCRIPTION_MAX)
    private String description;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = STATUS_MAX, nullable = false)
    private ApplicationStatus status;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assigned_advisor_id")
    private UserAccount assignedAdvisor;

    @NotNull
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL)
    @OrderBy("occurredAt, id")
    private List<StatusChange> history = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Application() {
    }

    /** A new DRAFT; its creation is the first entry of the history. */
    public Application(ApplicationReference reference, Enterprise enterprise, String title, Stage stage,
            String description, String actorEmail, Instant now) {
        this.reference = Objects.requireNonNull(reference, "reference");
        this.enterprise = Objects.requireNonNull(enterprise, "enterprise");
        Association association = enterprise.getAssociation();
        if (association != null && !reference.associationCode().equals(association.getCode())) {
            throw new EssorDomainException("Reference " + reference + " does not belong to association "
                    + association.getCode() + " of the enterprise");
        }
        describe(title, stage, description);
        this.createdAt = Objects.requireNonNull(now, "now");
        this.status = DRAFT;
        history.add(new StatusChange(this, null, DRAFT, now, actorEmail, null, true));
    }

    /** Changes what the applicant wrote; allowed while the applicant holds the file (DRAFT, INFO_REQUESTED). */
    public void revise(String newTitle, Stage newStage, String newDescription) {
        if (!isEditableByApplicant()) {
            throw new EssorDomainException("Application " + reference + " cannot be changed in status " + status);
        }
        describe(newTitle, newStage, newDescription);
    }

    public boolean isEditableByApplicant() {
        return status == DRAFT || status == INFO_REQUESTED;
    }

    private void describe(String newTitle, Stage newStage, String newDescription) {
        String t = requireText(newTitle, "title");
        if (t.length() > TITLE_MAX) {
            throw new IllegalArgumentException("A title has at most " + TITLE_MAX + " characters");
        }
        if (newDescription != null && newDescription.length() > DESCRIPTION_MAX) {
            throw new IllegalArgumentException("A description has at most " + DESCRIPTION_MAX + " characters");
        }
        this.title = t;
        this.stage = Objects.requireNonNull(newStage, "stage");
        this.description = newDescription == null || newDescription.isBlank() ? null : newDescription;
    }

    public void submit(String actorEmail, Instant now) {
        moveTo(SUBMITTED, actorEmail, null, true, now);
        submittedAt = now;
    }

    public void startReview(String actorEmail, Instant now) {
        moveTo(IN_REVIEW, actorEmail, null, true, now);
    }

    /** The question is shown to the applicant, who answers with {@link #answerInformation}. */
    public void requestInformation(String actorEmail, Instant now, String question) {
        moveTo(INFO_REQUESTED, actorEmail, requireText(question, "question"), true, now);
    }

    public void answerInformation(String actorEmail, Instant now, String answer) {
        moveTo(IN_REVIEW, actorEmail, requireText(answer, "answer"), true, now);
    }

    /** The advisor's optional note is internal: this step is not shown to the applicant. */
    public void markReadyForCommittee(String actorEmail, Instant now, String internalNote) {
        moveTo(READY_FOR_COMMITTEE, actorEmail, blankToNull(internalNote), false, now);
    }

    public void markReadyForCommittee(String actorEmail, Instant now) {
        markReadyForCommittee(actorEmail, now, null);
    }

    public void putOnAgenda(String actorEmail, Instant now) {
        moveTo(ON_AGENDA, actorEmail, null, true, now);
    }

    public void approve(String actorEmail, Instant now) {
        moveTo(APPROVED, actorEmail, null, true, now);
        decidedAt = now;
    }

    public void defer(String actorEmail, Instant now, String reason) {
        moveTo(DEFERRED, actorEmail, requireText(reason, "reason"), true, now);
        decidedAt = now;
    }

    public void reject(String actorEmail, Instant now, String reasons) {
        moveTo(REJECTED, actorEmail, requireText(reasons, "reasons"), true, now);
        decidedAt = now;
    }

    /** A deferred file goes back to the advisor; it is no longer decided. */
    public void resumeReview(String actorEmail, Instant now) {
        moveTo(IN_REVIEW, actorEmail, null, true, now);
        decidedAt = null;
    }

    public void markContracted(String actorEmail, Instant now) {
        moveTo(CONTRACTED, actorEmail, null, true, now);
    }

    public void close(String actorEmail, Instant now) {
        moveTo(CLOSED, actorEmail, null, true, now);
    }

    public void withdraw(String actorEmail, Instant now, String reason) {
        moveTo(WITHDRAWN, actorEmail, requireText(reason, "reason"), true, now);
    }

    /** Only an advisor of the enterprise's association may instruct the file. */
    public void assignTo(UserAccount advisor) {
        Objects.requireNonNull(advisor, "advisor");
        if (!advisor.hasRole(Role.ADVISOR)) {
            throw new EssorDomainException(advisor.getEmail() + " is not an advisor");
        }
        if (!Objects.equals(advisor.getAssociation(), association())) {
            throw new EssorDomainException(advisor.getEmail() + " is not an advisor of association "
                    + reference.associationCode());
        }
        this.assignedAdvisor = advisor;
    }

    private void moveTo(ApplicationStatus target, String actorEmail, String comment, boolean visibleToApplicant,
            Instant now) {
        status.checkMoveTo(target);
        StatusChange change = new StatusChange(this, status, target, Objects.requireNonNull(now, "now"),
                actorEmail, comment, visibleToApplicant);
        history.add(change);
        status = target;
    }

    private static String requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A " + what + " is required");
        }
        return text.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public Long getId() {
        return id;
    }

    public ApplicationReference getReference() {
        return reference;
    }

    public Enterprise getEnterprise() {
        return enterprise;
    }

    /** The tenant: the enterprise's association. */
    public Association association() {
        return enterprise.getAssociation();
    }

    public String getTitle() {
        return title;
    }

    public Stage getStage() {
        return stage;
    }

    public String getDescription() {
        return description;
    }

    public ApplicationStatus getStatus() {
        return status;
    }

    public UserAccount getAssignedAdvisor() {
        return assignedAdvisor;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    /** Oldest first, read-only. */
    public List<StatusChange> history() {
        return Collections.unmodifiableList(history);
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Application other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Application.class.hashCode();
    }

    @Override
    public String toString() {
        return "Application[" + id + ", " + reference + ", " + status + "]";
    }
}
