package fr.essor.model.followup;

import fr.essor.model.shared.Identified;
import fr.essor.model.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One milestone of a {@link FollowUp}, changed only through it: its date, then its answer. */
@Entity
@Table(name = "follow_up_milestone")
public class FollowUpMilestone extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "follow_up_id", nullable = false, updatable = false)
    private FollowUp followUp;

    @Column(name = "seq", nullable = false, updatable = false)
    private int seq;

    @Column(name = "months_after", nullable = false, updatable = false)
    private int monthsAfter;

    @Column(name = "due_date", nullable = false, updatable = false)
    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 12, nullable = false)
    private MilestoneStatus status = MilestoneStatus.PLANNED;

    @Column(name = "still_active")
    private Boolean stillActive;

    @Column(name = "jobs", precision = 9, scale = 2)
    private BigDecimal jobs;

    @Column(name = "turnover", precision = 15, scale = 2)
    private Money turnover;

    @Column(name = "difficulties", length = FollowUp.TEXT_MAX)
    private String difficulties;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", length = 10)
    private FollowUpChannel channel;

    @Column(name = "answered_by", length = 254)
    private String answeredBy;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "reminded_at")
    private Instant remindedAt;

    protected FollowUpMilestone() {
    }

    FollowUpMilestone(FollowUp followUp, FollowUpSchedule.Step step) {
        this.followUp = followUp;
        this.seq = step.seq();
        this.monthsAfter = step.monthsAfter();
        this.dueDate = step.dueDate();
    }

    void answer(boolean active, BigDecimal jobs, Money turnover, String difficulties, FollowUpChannel channel, String actor,
                Instant now) {
        this.status = MilestoneStatus.ANSWERED;
        this.stillActive = active;
        this.jobs = jobs;
        this.turnover = turnover;
        this.difficulties = difficulties;
        this.channel = channel;
        this.answeredBy = actor;
        this.answeredAt = now;
    }

    void remind(Instant at) {
        this.remindedAt = at;
    }

    void cancel() {
        this.status = MilestoneStatus.CANCELLED;
    }

    public boolean isDue(LocalDate today) {
        return status == MilestoneStatus.PLANNED && FollowUpSchedule.isDue(dueDate, today);
    }

    public boolean isOverdue(LocalDate today) {
        return status == MilestoneStatus.PLANNED && FollowUpSchedule.isOverdue(dueDate, today);
    }

    public FollowUp getFollowUp() {
        return followUp;
    }

    public int getSeq() {
        return seq;
    }

    public int getMonthsAfter() {
        return monthsAfter;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public MilestoneStatus getStatus() {
        return status;
    }

    public Boolean getStillActive() {
        return stillActive;
    }

    public BigDecimal getJobs() {
        return jobs;
    }

    public Money getTurnover() {
        return turnover;
    }

    public String getDifficulties() {
        return difficulties;
    }

    public FollowUpChannel getChannel() {
        return channel;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public Instant getRemindedAt() {
        return remindedAt;
    }
}
