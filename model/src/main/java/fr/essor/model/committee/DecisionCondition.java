package fr.essor.model.committee;

import fr.essor.model.application.DecisionOutcome;
import fr.essor.model.shared.FreeText;
import fr.essor.model.shared.RuleException;
import fr.essor.model.shared.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A condition precedent of an approval, recorded by the committee: what is asked, who lifts it, by
 * when, and the granted line it blocks (none: every line of the decision). The money of a blocked
 * line is not paid out while the condition is not LIFTED.
 */
@Entity
@Table(name = "decision_condition")
public class DecisionCondition extends VersionedEntity {

    public static final int TEXT_MAX = 1000;
    public static final int COMMENT_MAX = 1000;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "decision_id", nullable = false, updatable = false)
    private Decision decision;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "granted_line_id", updatable = false)
    private GrantedLine line;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 20, nullable = false, updatable = false)
    private ConditionKind kind;

    @Column(name = "text", length = TEXT_MAX, nullable = false, updatable = false)
    private String text;

    @Enumerated(EnumType.STRING)
    @Column(name = "lifted_by_role", length = 20, nullable = false, updatable = false)
    private ConditionLifter lifter;

    @Column(name = "due_date", nullable = false, updatable = false)
    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 12, nullable = false)
    private ConditionStatus status = ConditionStatus.OPEN;

    @Column(name = "document_id")
    private Long documentId;

    @Column(name = "comment_text", length = COMMENT_MAX)
    private String comment;

    @Column(name = "decided_by", length = 254)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "created_by", length = 254, nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected DecisionCondition() {
    }

    /**
     * A condition of an approval: the text is required, the due date not before the decision, the
     * line (if any) one of the decision's granted lines.
     */
    public DecisionCondition(Decision decision, GrantedLine line, ConditionKind kind, String text, ConditionLifter lifter,
                             LocalDate dueDate, String actor, Instant now) {
        this.decision = Objects.requireNonNull(decision);
        if (decision.getOutcome() != DecisionOutcome.APPROVED) {
            throw RuleException.committee("condition.notAnApproval");
        }
        if (line != null && !decision.getGranted().contains(line)) {
            throw RuleException.field("line", "condition.lineUnknown");
        }
        if (kind == null) {
            throw RuleException.field("kind", "condition.kindRequired");
        }
        if (text == null || text.isBlank()) {
            throw RuleException.field("text", "field.required");
        }
        String t = text.strip();
        if (t.length() > TEXT_MAX) {
            throw RuleException.field("text", "field.tooLong", TEXT_MAX);
        }
        if (!FreeText.isClean(t, true)) {
            throw RuleException.field("text", "text.invalidCharacters");
        }
        if (dueDate == null) {
            throw RuleException.field("dueDate", "field.required");
        }
        if (dueDate.isBefore(decision.getDecisionDate())) {
            throw RuleException.field("dueDate", "condition.dueBeforeDecision", decision.getDecisionDate());
        }
        this.line = line;
        this.kind = kind;
        this.text = t;
        this.lifter = lifter == null ? ConditionLifter.ADVISOR : lifter;
        this.dueDate = dueDate;
        this.createdBy = Objects.requireNonNull(actor);
        this.createdAt = Objects.requireNonNull(now);
    }

    /** The entrepreneur provides what is asked (a stored document); a refused condition may be provided again. */
    public void provide(long document) {
        if (!status.canProvide()) {
            throw RuleException.committee("condition.notOpen", text);
        }
        this.documentId = document;
        this.status = ConditionStatus.PROVIDED;
    }

    /** The advisor lifts the condition: the money it blocked may go out. Final. */
    public void lift(String comment, String actor, Instant now) {
        decide(ConditionStatus.LIFTED, comment, false, actor, now);
    }

    /** The advisor refuses what was provided, saying why; the entrepreneur may try again. */
    public void refuse(String comment, String actor, Instant now) {
        decide(ConditionStatus.REFUSED, comment, true, actor, now);
    }

    private void decide(ConditionStatus to, String comment, boolean commentRequired, String actor, Instant now) {
        if (!status.canDecide()) {
            throw RuleException.committee("condition.notOpen", text);
        }
        String c = FreeText.comment(comment, commentRequired ? "condition.commentRequired" : null, COMMENT_MAX);
        this.status = to;
        this.comment = c;
        this.decidedBy = Objects.requireNonNull(actor);
        this.decidedAt = Objects.requireNonNull(now);
    }

    /** Whether this condition holds back the money of that granted line. */
    public boolean blocks(GrantedLine granted) {
        return status.blocks() && (line == null || line.equals(granted));
    }

    public boolean isOverdue(LocalDate today) {
        return status.blocks() && today.isAfter(dueDate);
    }

    public Decision getDecision() {
        return decision;
    }

    public GrantedLine getLine() {
        return line;
    }

    public ConditionKind getKind() {
        return kind;
    }

    public String getText() {
        return text;
    }

    public ConditionLifter getLifter() {
        return lifter;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public ConditionStatus getStatus() {
        return status;
    }

    public Long getDocumentId() {
        return documentId;
    }

    public String getComment() {
        return comment;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
