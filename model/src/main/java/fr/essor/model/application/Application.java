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

import fr.essor.model.shared.VersionedEntity;
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
import fr.essor.model.shared.FreeText;
import fr.essor.model.shared.Money;
import java.math.BigDecimal;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
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
public class Application extends VersionedEntity {

    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 4000;
    public static final int STAGE_MAX = 20;
    public static final int STATUS_MAX = StatusChange.STATUS_MAX;

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

    /** The id of the association's rules version in force when the file was submitted (null for a draft). */
    @Column(name = "rules_id")
    private Long rulesId;

    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL)
    @OrderBy("occurredAt, id")
    private List<StatusChange> history = new ArrayList<>();

    public static final int TERRITORY_MAX = 200;
    public static final int SOCIAL_UTILITY_MAX = 4000;
    /** An application may request a handful of lines; more is a sign of a broken client. */
    public static final int MAX_LINES = 10;
    public static final int MAX_PLAN_ITEMS = 40;

    @Size(max = TERRITORY_MAX)
    @Column(name = "territory", length = TERRITORY_MAX)
    private String territory;

    @ElementCollection
    @CollectionTable(name = "application_line", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "line_no")
    private List<FinancingLine> requestedLines = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "application_plan_item", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "position")
    private List<PlanItem> plan = new ArrayList<>();

    @Column(name = "jobs_created", precision = 7, scale = 2)
    private BigDecimal jobsCreated;

    @Column(name = "jobs_maintained", precision = 7, scale = 2)
    private BigDecimal jobsMaintained;

    @Column(name = "beneficiaries")
    private Integer beneficiaries;

    @Size(max = SOCIAL_UTILITY_MAX)
    @Column(name = "social_utility", length = SOCIAL_UTILITY_MAX)
    private String socialUtility;

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

    /** The territory the project serves (communes, quarter, department). */
    public void serveTerritory(String newTerritory) {
        requireEditable();
        String t = blankToNull(newTerritory);
        if (t != null && t.length() > TERRITORY_MAX) {
            throw new EssorDomainException("Territory longer than " + TERRITORY_MAX);
        }
        this.territory = t;
    }

    /** Replaces the requested lines (each already checked against its instrument). */
    public void replaceRequestedLines(List<FinancingLine> lines) {
        requireEditable();
        if (lines.size() > MAX_LINES) {
            throw new EssorDomainException("At most " + MAX_LINES + " lines");
        }
        requestedLines.clear();
        requestedLines.addAll(lines);
    }

    /** Replaces the financing plan. */
    public void replacePlan(List<PlanItem> items) {
        requireEditable();
        if (items.size() > MAX_PLAN_ITEMS) {
            throw new EssorDomainException("At most " + MAX_PLAN_ITEMS + " plan items");
        }
        plan.clear();
        plan.addAll(items);
    }

    /** The expected impact: jobs (FTE), beneficiaries and social utility. */
    public void describeImpact(BigDecimal created, BigDecimal maintained, Integer newBeneficiaries, String utility) {
        requireEditable();
        if ((created != null && created.signum() < 0) || (maintained != null && maintained.signum() < 0)
                || (newBeneficiaries != null && newBeneficiaries < 0)) {
            throw new EssorDomainException("Impact figures cannot be negative");
        }
        String u = blankToNull(utility);
        if (u != null && u.length() > SOCIAL_UTILITY_MAX) {
            throw new EssorDomainException("Social utility longer than " + SOCIAL_UTILITY_MAX);
        }
        this.jobsCreated = created;
        this.jobsMaintained = maintained;
        this.beneficiaries = newBeneficiaries;
        this.socialUtility = u;
    }

    public Money totalUses() {
        return total(PlanItem.Kind.USE);
    }

    public Money totalSources() {
        return total(PlanItem.Kind.SOURCE);
    }

    /** Sources minus uses: zero when the plan balances. */
    public Money planDifference() {
        return totalSources().minus(totalUses());
    }

    private Money total(PlanItem.Kind kind) {
        Money sum = Money.zero();
        for (PlanItem item : plan) {
            if (item.getKind() == kind) {
                sum = sum.plus(item.getAmount());
            }
        }
        return sum;
    }

    /**
     * What the application still lacks before submission, step by step; empty when it can be
     * submitted. Documents are counted by the caller, which holds them.
     */
    public List<MissingPiece> missingPieces(int documentCount) {
        List<MissingPiece> missing = new ArrayList<>();
        if (description == null || description.isBlank()) {
            missing.add(new MissingPiece(MissingPiece.WizardStep.PROJECT, "missing.description", null));
        }
        if (territory == null) {
            missing.add(new MissingPiece(MissingPiece.WizardStep.PROJECT, "missing.territory", null));
        }
        if (requestedLines.isEmpty()) {
            missing.add(new MissingPiece(MissingPiece.WizardStep.FINANCING, "missing.lines", null));
        }
        if (totalUses().isZero() || totalSources().isZero()) {
            missing.add(new MissingPiece(MissingPiece.WizardStep.PLAN, "missing.plan", null));
        } else if (!planDifference().isZero()) {
            missing.add(new MissingPiece(MissingPiece.WizardStep.PLAN, "missing.planUnbalanced", planDifference()));
        }
        if (jobsCreated == null || jobsMaintained == null) {
            missing.add(new MissingPiece(MissingPiece.WizardStep.IMPACT, "missing.jobs", null));
        }
        if (socialUtility == null) {
            missing.add(new MissingPiece(MissingPiece.WizardStep.IMPACT, "missing.socialUtility", null));
        }
        if (documentCount == 0) {
            missing.add(new MissingPiece(MissingPiece.WizardStep.DOCUMENTS, "missing.documents", null));
        }
        return missing;
    }

    /** Submits a complete draft; refuses, naming what is missing, when it is not complete. */
    public void submitComplete(String actorEmail, Instant now, int documentCount) {
        submitComplete(actorEmail, now, documentCount, List.of(), null);
    }

    /**
     * Submits a complete draft under the association's rules version {@code rulesVersionId}, which
     * the file keeps from then on; {@code alsoMissing} is what those rules require that the file lacks
     * (the documents of the checklist). Refuses, naming everything missing, when it is not complete.
     */
    public void submitComplete(String actorEmail, Instant now, int documentCount, List<MissingPiece> alsoMissing,
                               Long rulesVersionId) {
        List<MissingPiece> missing = new ArrayList<>(missingPieces(documentCount));
        missing.addAll(alsoMissing);
        if (!missing.isEmpty()) {
            throw new IncompleteApplicationException(missing);
        }
        submit(actorEmail, now);
        if (rulesVersionId != null) {
            this.rulesId = rulesVersionId;
        }
    }

    /** The id of the rules version the file was submitted under; null for a draft (or a file older than rules). */
    public Long getRulesId() {
        return rulesId;
    }

    private void requireEditable() {
        if (!isEditableByApplicant()) {
            throw new EssorDomainException("Application " + reference + " cannot be changed in status " + status);
        }
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
        FreeText.require("title", t, false);
        FreeText.require("description", newDescription, true);
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

    /** Taken off a planned agenda before the session: ready for another one. Internal step. */
    public void takeOffAgenda(String actorEmail, Instant now) {
        if (status != ON_AGENDA) {
            throw new IllegalTransitionException(status, READY_FOR_COMMITTEE);
        }
        moveTo(READY_FOR_COMMITTEE, actorEmail, null, false, now);
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

    /** Nobody instructs the file any more; it waits in the queue for an advisor. */
    public void unassign() {
        this.assignedAdvisor = null;
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

    public String getTerritory() {
        return territory;
    }

    public List<FinancingLine> getRequestedLines() {
        return Collections.unmodifiableList(requestedLines);
    }

    public List<PlanItem> getPlan() {
        return Collections.unmodifiableList(plan);
    }

    public BigDecimal getJobsCreated() {
        return jobsCreated;
    }

    public BigDecimal getJobsMaintained() {
        return jobsMaintained;
    }

    public Integer getBeneficiaries() {
        return beneficiaries;
    }

    public String getSocialUtility() {
        return socialUtility;
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

    @Override
    public String toString() {
        return "Application[" + getId() + ", " + reference + ", " + status + "]";
    }
}
