package fr.essor.service.application;

import fr.essor.model.account.UserAccount;
import fr.essor.model.application.Application;
import fr.essor.model.application.ApplicationStatus;
import fr.essor.model.application.FinancingLine;
import fr.essor.model.application.Review;
import fr.essor.model.application.ScoreCriterion;
import fr.essor.model.rules.AssociationRules;
import fr.essor.model.shared.EssorDomainException;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.rules.RuleBook;
import fr.essor.service.security.Access;
import fr.essor.service.security.UseCaseService;
import fr.essor.service.shared.ConcurrentChangeException;
import fr.essor.service.shared.ConflictException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Roles;
import fr.essor.service.shared.RuleRefusals;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;


/**
 * Instruction of a file by an advisor: the analysis note with its scoring grid, then "ready for
 * committee" once the note is complete, and back to review after a deferral.
 */
@Stateless
@Interceptors(RuleRefusals.class)
public class ReviewService extends UseCaseService {

    /** Statuses in which the advisor may write the note. */
    private static final Set<ApplicationStatus> EDITABLE = EnumSet.of(ApplicationStatus.IN_REVIEW,
            ApplicationStatus.INFO_REQUESTED, ApplicationStatus.READY_FOR_COMMITTEE, ApplicationStatus.DEFERRED);

    @Inject
    private ApplicationAccess access;

    @Inject
    private RuleBook rules;

    private final Clock clock = Clock.systemUTC();

    /**
     * The analysis note of a file, for advisors and admins of its association and for committee
     * members who have it on an agenda and declared no conflict on it. Empty when none was written.
     */
    @RolesAllowed({Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.ADMIN})
    public Optional<ReviewView> review(long applicationId) {
        Application a = access.visible(applicationId);
        UserAccount me = caller.account();
        if (a.getEnterprise().isOwnedBy(me) && !Access.isStaffOf(me, a.getEnterprise())) {
            throw new NotFoundException("review");
        }
        if (conflicted(me, a)) {
            // also for an advisor or administrator who sits on the committee and declared a conflict
            throw new NotFoundException("review");
        }
        return find(a).map(r -> ReviewView.of(r, rules.of(a)));
    }

    /** The scoring grid of the file's rules (criterion → weight), for the analysis form. */
    @RolesAllowed({Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.ADMIN})
    public Map<String, Integer> grid(long applicationId) {
        Map<String, Integer> grid = new LinkedHashMap<>();
        rules.of(access.visible(applicationId)).weights().forEach((c, w) -> grid.put(c.name(), w));
        return grid;
    }

    /** Whether the member declared a conflict on an agenda item of this application. */
    public boolean conflicted(UserAccount member, Application a) {
        return em.createQuery("SELECT COUNT(c) FROM ConflictOfInterest c WHERE c.item.application = :a AND c.member = :me",
                Long.class).setParameter("a", a).setParameter("me", member).getSingleResult() > 0;
    }

    private Optional<Review> find(Application a) {
        return em.createQuery("SELECT r FROM Review r WHERE r.application = :a", Review.class)
                .setParameter("a", a).getResultList().stream().findFirst();
    }

    /**
     * Saves the note; {@code expectedVersion} is the note's version as last read (-1 for a new note).
     */
    @RolesAllowed(Roles.ADVISOR)
    public ReviewView save(long applicationId, long expectedVersion, ReviewInput in) {
        Application a = access.staffLocked(applicationId, -1);
        if (!EDITABLE.contains(a.getStatus())) {
            throw new ConflictException("NOT_EDITABLE", "review.notEditable");
        }
        ReviewInput input = in == null ? new ReviewInput(Map.of(), null, null, null, List.of()) : in;
        Map<ScoreCriterion, Integer> scores = scores(input.scores());
        // the scoring grid of the rules the file was submitted under: only its criteria are scored
        AssociationRules fileRules = rules.of(a);
        for (Map.Entry<ScoreCriterion, Integer> e : scores.entrySet()) {
            if (e.getValue() != null && !fileRules.criteria().contains(e.getKey())) {
                throw new InvalidInputException("scores." + e.getKey().name(), "review.criterionNotInGrid", e.getKey().name());
            }
        }
        String strengths = ApplicationService.optionalText("strengths", input.strengths(), Review.TEXT_MAX);
        String risks = ApplicationService.optionalText("risks", input.risks(), Review.TEXT_MAX);
        String recommendation = ApplicationService.optionalText("recommendation", input.recommendation(), Review.TEXT_MAX);
        if (input.proposedLines() != null && input.proposedLines().size() > Application.MAX_LINES) {
            throw new InvalidInputException("proposedLines", "line.tooMany", Application.MAX_LINES);
        }
        List<FinancingLine> lines = Lines.parseAll(input.proposedLines());
        Instant now = Instant.now(clock);
        Optional<Review> existing = find(a);
        Review review;
        if (existing.isPresent()) {
            review = existing.get();
            // a caller who saw no note (-1) while one exists now would overwrite a colleague's work
            if (review.getVersion() != expectedVersion) {
                throw new ConcurrentChangeException();
            }
        } else {
            if (expectedVersion > 0) {
                throw new ConcurrentChangeException();
            }
            review = new Review(a, caller.email(), now);
            em.persist(review);
        }
        try {
            review.revise(scores, strengths, risks, recommendation, lines, caller.email(), now);
        } catch (EssorDomainException e) {
            throw new InvalidInputException("scores", "review.scoreRange");
        }
        em.flush();
        ReviewView view = ReviewView.of(review, fileRules);
        audit.record(caller.email(), "Application", a.getId(), AuditAction.SAVE_REVIEW,
                "Analysis note saved (" + review.total() + "/25, weighted " + view.weightedScore() + "/5, "
                        + lines.size() + " proposed line(s))");
        return view;
    }

    private static Map<ScoreCriterion, Integer> scores(Map<String, Integer> in) {
        Map<ScoreCriterion, Integer> scores = new EnumMap<>(ScoreCriterion.class);
        if (in == null) {
            return scores;
        }
        for (Map.Entry<String, Integer> e : in.entrySet()) {
            ScoreCriterion c;
            try {
                c = ScoreCriterion.valueOf(e.getKey() == null ? "" : e.getKey().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new InvalidInputException("scores", "review.criterionUnknown", String.valueOf(e.getKey()));
            }
            Integer v = e.getValue();
            if (v != null && (v < ScoreCriterion.MIN || v > ScoreCriterion.MAX)) {
                throw new InvalidInputException("scores." + c.name(), "review.scoreRange");
            }
            scores.put(c, v);
        }
        return scores;
    }

    /** The file goes to the committee's waiting list once its analysis note is complete. */
    @RolesAllowed(Roles.ADVISOR)
    public ApplicationViews.Detail markReady(long applicationId, long expectedVersion, String internalNote) {
        Application a = access.staffLocked(applicationId, expectedVersion);
        Review review = find(a).orElse(null);
        List<ScoreCriterion> criteria = rules.of(a).criteria();
        if (review == null || !review.missing(criteria).isEmpty()) {
            throw new ConflictException("REVIEW_INCOMPLETE", "review.incomplete",
                    review == null ? criteria.size() + 2 : review.missing(criteria).size());
        }
        a.markReadyForCommittee(caller.email(), Instant.now(clock),
                ApplicationService.optionalText("note", internalNote, 2000));
        em.flush();
        audit.record(caller.email(), "Application", a.getId(), AuditAction.READY_FOR_COMMITTEE, "Ready for committee");
        return access.detail(a);
    }

    /** A deferred file goes back to review. */
    @RolesAllowed(Roles.ADVISOR)
    public ApplicationViews.Detail resumeReview(long applicationId, long expectedVersion) {
        Application a = access.staffLocked(applicationId, expectedVersion);
        a.resumeReview(caller.email(), Instant.now(clock));
        em.flush();
        audit.record(caller.email(), "Application", a.getId(), AuditAction.RESUME_REVIEW, "Back to review after deferral");
        return access.detail(a);
    }

}
