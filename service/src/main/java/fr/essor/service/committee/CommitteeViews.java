package fr.essor.service.committee;

import fr.essor.model.application.PlanItem;
import fr.essor.service.application.ApplicationViews;
import fr.essor.service.application.ReviewView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/** What the committee pages and the API show; built inside the service's transaction. */
public final class CommitteeViews {

    private CommitteeViews() {
    }

    public record CommitteeSummary(long id, String name, String associationCode, int quorum, int members, boolean active) {
    }

    public record Member(long accountId, String name, String email, String role, boolean present) {
    }

    public record SessionSummary(long id, long committeeId, String committeeName, LocalDateTime startsAt, String place,
                                 String videoLink, String status, long items, boolean minutes) {
    }

    /**
     * One agenda item as the caller may see it. {@code conflictedMembers} are display names; the vote
     * counts and the decision are shown to every member, the analysis note separately.
     */
    public record Item(long id, int position, long applicationId, String reference, String title, String enterprise,
                       String department, String stage, String applicationStatus, String presenter,
                       BigDecimal requested, List<String> conflictedMembers, boolean callerConflicted, String callerVote,
                       long votesFor, long votesAgainst, long abstentions, int participants, int missingForQuorum,
                       ApplicationViews.DecisionView decision, long version, int quorum, String majority) {
    }

    public record Session(long id, long committeeId, String committeeName, String associationCode, int quorum,
                          LocalDateTime startsAt, String place, String videoLink, String status, Instant openedAt,
                          Instant closedAt, List<Member> members, List<Item> items, boolean callerMember,
                          boolean callerChair, boolean callerPresent, boolean minutes, long version,
                          String adjournmentReason) {
    }

    /** A file ready for committee, waiting for an agenda. */
    public record ReadyFile(long applicationId, String reference, String title, String enterprise, String advisor) {
    }

    /**
     * What a sitting shows of one file on the agenda: its description, requested lines and jobs, its whole
     * financing plan (needs and sources, in the applicant's order), its documents (not the files attached
     * to its thread), and its analysis note when the caller may read it (null when none was written, after
     * a conflict of interest declared on the file, or for its applicant).
     */
    public record AgendaFile(long itemId, long applicationId, String description, List<ApplicationViews.Line> lines,
                             BigDecimal jobsCreated, List<ApplicationViews.Item> plan,
                             List<ApplicationViews.Document> documents, ReviewView analysis) {

        /** The needs of the plan. */
        public List<ApplicationViews.Item> uses() {
            return ApplicationViews.Item.ofKind(plan, PlanItem.Kind.USE);
        }

        /** The sources of the plan. */
        public List<ApplicationViews.Item> sources() {
            return ApplicationViews.Item.ofKind(plan, PlanItem.Kind.SOURCE);
        }

        public BigDecimal totalUses() {
            return ApplicationViews.Item.total(uses());
        }

        public BigDecimal totalSources() {
            return ApplicationViews.Item.total(sources());
        }
    }
}
