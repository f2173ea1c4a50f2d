package fr.essor.model.committee;

import fr.essor.model.application.Application;
import fr.essor.model.application.DecisionOutcome;
import fr.essor.model.application.FinancingLine;
import fr.essor.model.shared.FreeText;
import fr.essor.model.shared.VersionedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A committee's decision on an application: the outcome, the lines granted (which may differ from
 * the request, each within its instrument's limits), conditions or reasons. Immutable once made.
 */
@Entity
@Table(name = "decision")
public class Decision extends VersionedEntity {

    public static final int TEXT_MAX = 4000;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", nullable = false, updatable = false)
    private Application application;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", length = 10, nullable = false, updatable = false)
    private DecisionOutcome outcome;

    @OneToMany(mappedBy = "decision", cascade = CascadeType.PERSIST)
    @OrderBy("lineNo")
    private List<GrantedLine> grantedLines = new ArrayList<>();

    /** The agenda item of the committee session that decided; one decision per item. */
    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "agenda_item_id", unique = true, updatable = false)
    private AgendaItem agendaItem;

    @Column(name = "conditions", length = TEXT_MAX, updatable = false)
    private String conditions;

    @Column(name = "reasons", length = TEXT_MAX, updatable = false)
    private String reasons;

    @Column(name = "decision_date", nullable = false, updatable = false)
    private LocalDate decisionDate;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    @Column(name = "decided_by", length = 254, nullable = false, updatable = false)
    private String decidedBy;

    protected Decision() {
    }

    private Decision(Application application, AgendaItem item, DecisionOutcome outcome, List<FinancingLine> lines, String conditions,
                     String reasons, LocalDate decisionDate, String decidedBy, Instant decidedAt) {
        this.application = Objects.requireNonNull(application);
        this.agendaItem = item;
        this.outcome = Objects.requireNonNull(outcome);
        for (int i = 0; i < lines.size(); i++) {
            this.grantedLines.add(new GrantedLine(this, i, lines.get(i)));
        }
        this.conditions = conditions;
        this.reasons = reasons;
        this.decisionDate = Objects.requireNonNull(decisionDate);
        this.decidedBy = Objects.requireNonNull(decidedBy);
        this.decidedAt = Objects.requireNonNull(decidedAt);
    }

    /** Approves with at least one granted line; the application moves to APPROVED. */
    public static Decision approve(Application application, List<FinancingLine> granted, String conditions,
                                   LocalDate decisionDate, String decidedBy, Instant now) {
        return approve(application, null, granted, conditions, decisionDate, decidedBy, now);
    }

    /** Defers with a reason; the application moves to DEFERRED, and back to review later. */
    public static Decision defer(Application application, String reason, LocalDate decisionDate, String decidedBy, Instant now) {
        return defer(application, null, reason, decisionDate, decidedBy, now);
    }

    /** Rejects with reasons; the application moves to REJECTED. */
    public static Decision reject(Application application, String reasons, LocalDate decisionDate, String decidedBy,
                                  Instant now) {
        return reject(application, null, reasons, decisionDate, decidedBy, now);
    }

    /** Approval made at a committee session (see CommitteeSession#recordDecision). */
    public static Decision approve(Application application, AgendaItem item,
                                   List<FinancingLine> granted, String conditions,
                                   LocalDate decisionDate, String decidedBy, Instant now) {
        return approve(application, item, granted, conditions, null, decisionDate, decidedBy, now);
    }

    /** Approval with the committee's reasons (required by the session when it grants more than requested). */
    public static Decision approve(Application application, AgendaItem item,
                                   List<FinancingLine> granted, String conditions, String reasons,
                                   LocalDate decisionDate, String decidedBy, Instant now) {
        if (granted == null || granted.isEmpty()) {
            throw new IllegalArgumentException("An approval grants at least one line");
        }
        String c = text("conditions", conditions);
        String r = text("reasons", reasons);
        application.approve(decidedBy, now);
        return new Decision(application, item, DecisionOutcome.APPROVED, granted, c, r, decisionDate, decidedBy, now);
    }

    public static Decision defer(Application application, AgendaItem item, String reason,
                                 LocalDate decisionDate, String decidedBy, Instant now) {
        String r = text("reasons", reason);
        application.defer(decidedBy, now, reason);
        return new Decision(application, item, DecisionOutcome.DEFERRED, List.of(), null, r, decisionDate, decidedBy, now);
    }

    public static Decision reject(Application application, AgendaItem item, String reasons,
                                  LocalDate decisionDate, String decidedBy, Instant now) {
        String r = text("reasons", reasons);
        application.reject(decidedBy, now, reasons);
        return new Decision(application, item, DecisionOutcome.REJECTED, List.of(), null, r, decisionDate, decidedBy, now);
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > TEXT_MAX) {
            throw new IllegalArgumentException("Text longer than " + TEXT_MAX);
        }
        return FreeText.require(field, v, true);
    }

    public Application getApplication() {
        return application;
    }

    /** The agenda item that decided, or null for a decision recorded before committees existed. */
    public AgendaItem getAgendaItem() {
        return agendaItem;
    }

    public DecisionOutcome getOutcome() {
        return outcome;
    }

    public List<FinancingLine> getGrantedLines() {
        return grantedLines.stream().map(GrantedLine::getLine).toList();
    }

    /** The granted lines with their identity, to which convention money is allocated. */
    public List<GrantedLine> getGranted() {
        return Collections.unmodifiableList(grantedLines);
    }

    public String getConditions() {
        return conditions;
    }

    public String getReasons() {
        return reasons;
    }

    public LocalDate getDecisionDate() {
        return decisionDate;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }
}
