package fr.essor.service.followup;

import fr.essor.model.followup.FollowUp;
import fr.essor.model.followup.FollowUpMilestone;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the pages and the API show of the follow-up of funded enterprises. */
public final class FollowUpViews {

    private FollowUpViews() {
    }

    /** One milestone; {@code due} and {@code overdue} are as of the business day. */
    public record Milestone(long id, int seq, int monthsAfter, LocalDate dueDate, String status, boolean due, boolean overdue,
                            Boolean stillActive, BigDecimal jobs, BigDecimal turnover, String difficulties, String channel,
                            String answeredBy, Instant answeredAt, Instant remindedAt) implements Serializable {

        static Milestone of(FollowUpMilestone m, LocalDate today) {
            return new Milestone(m.getId(), m.getSeq(), m.getMonthsAfter(), m.getDueDate(), m.getStatus().name(), m.isDue(today),
                    m.isOverdue(today), m.getStillActive(), m.getJobs(), m.getTurnover() == null ? null : m.getTurnover().amount(),
                    m.getDifficulties(), m.getChannel() == null ? null : m.getChannel().name(), m.getAnsweredBy(),
                    m.getAnsweredAt(), m.getRemindedAt());
        }

        /** Waiting for its answer and its date reached. */
        public boolean answerable() {
            return "PLANNED".equals(status) && due;
        }
    }

    /** The follow-up of one funded file, with its milestones in order. */
    public record FollowUpDetail(long id, long applicationId, String reference, String title, String enterpriseName,
                                 LocalDate fundedOn, BigDecimal declaredJobs, BigDecimal latestJobs, BigDecimal latestTurnover,
                                 LocalDate closedOn, String closureNote, String closedBy, boolean closed, long version,
                                 List<Milestone> milestones) implements Serializable {

        static FollowUpDetail of(FollowUp f, String reference, String title, String enterpriseName, LocalDate today) {
            return new FollowUpDetail(f.getId(), f.getApplicationId(), reference, title, enterpriseName, f.getFundedOn(),
                    f.getDeclaredJobs(), f.getLatestJobs(), f.getLatestTurnover() == null ? null : f.getLatestTurnover().amount(),
                    f.getClosedOn(), f.getClosureNote(), f.getClosedBy(), f.isClosed(), f.getVersion(),
                    f.getMilestones().stream().map(m -> Milestone.of(m, today)).toList());
        }
    }

    /** A milestone waiting for its answer and its date reached, in the advisor's list (or on the entrepreneur's page). */
    public record Due(long milestoneId, long followUpId, long applicationId, String reference, String enterpriseName, int seq,
                      int monthsAfter, LocalDate dueDate, boolean overdue, Instant remindedAt) implements Serializable {
    }

    /** Survival after {@code years}: of the {@code cohort} enterprises funded at least that long ago, those still active then. */
    public record SurvivalRate(int years, long cohort, long survivors, BigDecimal percent) implements Serializable {
    }

    /**
     * The follow-up's indicators of a scope (an association, a partner's conventions or the network): files followed,
     * those that answered (or closed), their declared and actual jobs, the closed ones, survival at 1, 2 and 3 years.
     */
    public record Survival(String scope, LocalDate asOf, long followed, long reported, BigDecimal declaredJobs,
                           BigDecimal actualJobs, long closed, List<SurvivalRate> rates) implements Serializable {

        /** The rate at three years (null when no enterprise is three years old). */
        public SurvivalRate atThreeYears() {
            return rates.get(rates.size() - 1);
        }
    }
}
