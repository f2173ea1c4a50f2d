package fr.essor.model.followup;

import fr.essor.model.shared.FreeText;
import fr.essor.model.shared.Money;
import fr.essor.model.shared.RuleException;
import fr.essor.model.shared.VersionedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The follow-up of a funded file (issue 13, item 4): from its first disbursement, milestones at which
 * the enterprise tells whether it is still active, its jobs and its turnover
 * ({@link FollowUpSchedule}); its closure, which cancels what was still to ask. The header keeps the
 * latest figures and after how many months the enterprise closed, so that the indicators add them up
 * in SQL.
 */
@Entity
@Table(name = "follow_up")
public class FollowUp extends VersionedEntity {

    public static final int TEXT_MAX = 1000;
    /** The most jobs (full-time equivalents) one enterprise may declare. */
    public static final BigDecimal JOBS_MAX = new BigDecimal("9999.99");

    @Column(name = "application_id", nullable = false, updatable = false)
    private long applicationId;

    @Column(name = "association_id", nullable = false, updatable = false)
    private long associationId;

    @Column(name = "funded_on", nullable = false, updatable = false)
    private LocalDate fundedOn;

    @Column(name = "declared_jobs", precision = 9, scale = 2, updatable = false)
    private BigDecimal declaredJobs;

    @Column(name = "latest_jobs", precision = 9, scale = 2)
    private BigDecimal latestJobs;

    @Column(name = "latest_turnover", precision = 15, scale = 2)
    private Money latestTurnover;

    @Column(name = "last_answered_on")
    private LocalDate lastAnsweredOn;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Column(name = "closed_after_months")
    private Integer closedAfterMonths;

    @Column(name = "closure_note", length = TEXT_MAX)
    private String closureNote;

    @Column(name = "closed_by", length = 254)
    private String closedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "followUp", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    private List<FollowUpMilestone> milestones = new ArrayList<>();

    protected FollowUp() {
    }

    /**
     * The follow-up of a file funded on that day (its first disbursement), with every milestone of the rule;
     * {@code declaredJobs} is what the application expected (jobs created and maintained), null when unknown.
     */
    public static FollowUp plan(long applicationId, long associationId, LocalDate fundedOn, BigDecimal declaredJobs,
                                Instant now) {
        FollowUp f = new FollowUp();
        f.applicationId = applicationId;
        f.associationId = associationId;
        f.fundedOn = Objects.requireNonNull(fundedOn, "fundedOn");
        f.declaredJobs = declaredJobs;
        f.createdAt = Objects.requireNonNull(now, "now");
        for (FollowUpSchedule.Step step : FollowUpSchedule.of(fundedOn)) {
            f.milestones.add(new FollowUpMilestone(f, step));
        }
        return f;
    }

    /**
     * Records the answer to a due milestone (its number from 1). A "no longer active" answer needs the day the enterprise
     * closed, and closes the follow-up ({@link #close}). Refused on its field for a negative or missing
     * figure; with {@link FollowUpRuleException} for a milestone not due yet, already answered or cancelled.
     */
    public FollowUpMilestone answer(int seq, FollowUpAnswer in, FollowUpChannel channel, String actor,
                                    LocalDate today, Instant now) {
        FollowUpMilestone m = milestone(seq);
        if (closedOn != null) {
            throw new FollowUpRuleException("followup.alreadyClosed", closedOn);
        }
        if (m.getStatus() != MilestoneStatus.PLANNED) {
            throw new FollowUpRuleException("followup.alreadyAnswered", m.getDueDate());
        }
        if (!m.isDue(today)) {
            throw new FollowUpRuleException("followup.notDue", m.getDueDate());
        }
        Objects.requireNonNull(channel, "channel");
        if (in == null || in.stillActive() == null) {
            throw RuleException.field("stillActive", "field.required");
        }
        BigDecimal jobs = jobs(in.jobs(), in.stillActive());
        Money turnover = in.turnover();
        if (turnover == null) {
            if (in.stillActive()) {
                throw RuleException.field("turnover", "field.required");
            }
        } else if (turnover.isNegative()) {
            throw RuleException.field("turnover", "followup.negative");
        }
        String difficulties = text("difficulties", in.difficulties());
        if (!in.stillActive()) {
            checkClosure(in.closedOn(), today);
        }
        m.answer(in.stillActive(), jobs, turnover, difficulties, channel, Objects.requireNonNull(actor), Objects.requireNonNull(now));
        this.latestJobs = jobs;
        this.latestTurnover = turnover;
        this.lastAnsweredOn = today;
        if (!in.stillActive()) {
            close(in.closedOn(), difficulties, actor, today);
        }
        return m;
    }

    /**
     * The enterprise has closed on that day (not in the future, not before its funding): what was still
     * to ask is cancelled and its jobs count as none. Refused when it is closed already.
     */
    public void close(LocalDate on, String note, String actor, LocalDate today) {
        if (closedOn != null) {
            throw new FollowUpRuleException("followup.alreadyClosed", closedOn);
        }
        checkClosure(on, today);
        this.closureNote = text("note", note);
        this.closedOn = on;
        this.closedAfterMonths = FollowUpSchedule.monthsBetween(fundedOn, on);
        this.closedBy = Objects.requireNonNull(actor);
        this.latestJobs = BigDecimal.ZERO.setScale(2);
        for (FollowUpMilestone m : milestones) {
            if (m.getStatus() == MilestoneStatus.PLANNED) {
                m.cancel();
            }
        }
    }

    private void checkClosure(LocalDate on, LocalDate today) {
        if (closedOn != null) {
            throw new FollowUpRuleException("followup.alreadyClosed", closedOn);
        }
        if (on == null) {
            throw RuleException.field("closedOn", "field.required");
        }
        if (on.isAfter(today)) {
            throw RuleException.field("closedOn", "followup.closedInFuture");
        }
        if (on.isBefore(fundedOn)) {
            throw RuleException.field("closedOn", "followup.closedBeforeFunding", fundedOn);
        }
    }

    private static BigDecimal jobs(BigDecimal jobs, boolean active) {
        if (jobs == null) {
            if (active) {
                throw RuleException.field("jobs", "field.required");
            }
            return BigDecimal.ZERO.setScale(2);
        }
        if (jobs.signum() < 0) {
            throw RuleException.field("jobs", "followup.negative");
        }
        if (jobs.compareTo(JOBS_MAX) > 0 || jobs.stripTrailingZeros().scale() > 2) {
            throw RuleException.field("jobs", "followup.jobsInvalid", JOBS_MAX);
        }
        return jobs.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = value.strip();
        if (t.length() > TEXT_MAX) {
            throw RuleException.field(field, "field.tooLong", TEXT_MAX);
        }
        if (!FreeText.isClean(t, true)) {
            throw RuleException.field(field, "text.invalidCharacters");
        }
        return t;
    }

    private FollowUpMilestone milestone(int seq) {
        return milestones.stream().filter(m -> m.getSeq() == seq).findFirst()
                .orElseThrow(() -> new FollowUpRuleException("followup.unknownMilestone", seq));
    }

    /** The reminder of that milestone (its number from 1) was sent at that instant (the planner stamps it in SQL). */
    public void reminded(int seq, Instant at) {
        milestone(seq).remind(Objects.requireNonNull(at));
    }

    /** Whether the enterprise's closure is recorded. */
    public boolean isClosed() {
        return closedOn != null;
    }

    /** Whether the enterprise was still active {@code years} years after its funding, as known on {@code today}; null when too young. */
    public Boolean survived(int years, LocalDate today) {
        if (fundedOn.isAfter(FollowUpSchedule.cohortEnd(today, years))) {
            return null;
        }
        return FollowUpSchedule.survived(closedAfterMonths, years);
    }

    public long getApplicationId() {
        return applicationId;
    }

    public long getAssociationId() {
        return associationId;
    }

    public LocalDate getFundedOn() {
        return fundedOn;
    }

    public BigDecimal getDeclaredJobs() {
        return declaredJobs;
    }

    public BigDecimal getLatestJobs() {
        return latestJobs;
    }

    public Money getLatestTurnover() {
        return latestTurnover;
    }

    public LocalDate getLastAnsweredOn() {
        return lastAnsweredOn;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public Integer getClosedAfterMonths() {
        return closedAfterMonths;
    }

    public String getClosureNote() {
        return closureNote;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<FollowUpMilestone> getMilestones() {
        return Collections.unmodifiableList(milestones);
    }
}
