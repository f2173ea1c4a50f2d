package fr.essor.service.committee;

import fr.essor.model.rules.AssociationRules;
import fr.essor.model.rules.CommitteeRule;
import fr.essor.service.report.SessionMinutesReport;
import fr.essor.service.rules.RuleBook;
import jakarta.inject.Inject;
import fr.essor.model.rules.Majority;
import java.util.Objects;

import fr.essor.model.account.UserAccount;
import fr.essor.model.application.Application;
import fr.essor.model.application.ApplicationDocument;
import fr.essor.model.application.FinancingLine;
import fr.essor.model.application.PlanItem;
import fr.essor.model.application.Review;
import fr.essor.model.committee.AgendaItem;
import fr.essor.model.committee.Committee;
import fr.essor.model.committee.CommitteeMember;
import fr.essor.model.committee.CommitteeSession;
import fr.essor.model.committee.SessionMinutes;
import fr.essor.model.committee.SessionStatus;
import fr.essor.model.committee.VoteChoice;
import fr.essor.model.shared.Money;
import fr.essor.service.application.ApplicationViews;
import fr.essor.service.application.ReviewView;
import fr.essor.service.security.Access;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A committee session as its pages and the API show it, loaded in a fixed number of statements
 * whatever the size of its agenda: the committee's members with their accounts in one query, the
 * agenda items with their files, enterprises and presenters in another, and each collection the view
 * reads (requested lines, votes, conflicts, decisions and their granted lines) in one batch query for
 * all the items, instead of one query per item and relationship. The services load the session this
 * way before they change it, so that the model's rules and the view that follows read it from memory.
 * It checks no permission: {@link CommitteeService} decides who may see what. Not an EJB, so that it
 * runs on its caller's persistence context and cannot be called from outside the application.
 */
@Dependent
public class SessionQuery {

    /** EclipseLink's query hints: fetch relationships with the query, or in one more query for all results. */
    private static final String JOIN_FETCH = "eclipselink.join-fetch";
    private static final String LEFT_JOIN_FETCH = "eclipselink.left-join-fetch";
    private static final String BATCH = "eclipselink.batch";
    private static final String BATCH_TYPE = "eclipselink.batch.type";

    @PersistenceContext(unitName = "essor")
    private EntityManager em;

    @Inject
    private RuleBook book;

    /**
     * The session, optionally locked for a change, with its committee and the committee's members
     * loaded (three statements); null when there is none.
     */
    public CommitteeSession session(long id, boolean lock) {
        CommitteeSession s = lock ? em.find(CommitteeSession.class, id, LockModeType.PESSIMISTIC_WRITE)
                : em.find(CommitteeSession.class, id);
        if (s != null) {
            loadMembers(s.getCommittee());
        }
        return s;
    }

    /**
     * Loads the committee's members with their accounts and roles: two statements, before anything reads
     * {@code committee.getMembers()} (which then takes one more and finds them loaded).
     */
    public void loadMembers(Committee committee) {
        em.createQuery("SELECT m FROM CommitteeMember m WHERE m.committee = :c", CommitteeMember.class)
                .setParameter("c", committee)
                .setHint(JOIN_FETCH, "m.account")
                .setHint(LEFT_JOIN_FETCH, "m.account.roles")
                .getResultList();
    }

    /**
     * Loads the session's agenda with everything the view and the rules of a sitting read: one statement
     * for the items with their files, enterprises and presenters, and one per collection for all of them.
     * Call it before anything reads the items (a list already loaded is not loaded again).
     */
    public void loadAgenda(CommitteeSession session) {
        em.createQuery("SELECT i FROM AgendaItem i WHERE i.session = :s ORDER BY i.position", AgendaItem.class)
                .setParameter("s", session)
                .setHint(JOIN_FETCH, "i.application")
                .setHint(JOIN_FETCH, "i.application.enterprise")
                .setHint(LEFT_JOIN_FETCH, "i.presenter")
                .setHint(LEFT_JOIN_FETCH, "i.application.requestedLines")
                .setHint(LEFT_JOIN_FETCH, "i.presenter.roles")
                .setHint(BATCH_TYPE, "IN")
                .setHint(BATCH, "i.votes")
                .setHint(BATCH, "i.votes.member")
                .setHint(BATCH, "i.conflicts")
                .setHint(BATCH, "i.conflicts.member")
                .setHint(BATCH, "i.decision")
                .setHint(BATCH, "i.decision.grantedLines")
                .getResultList();
    }

    /** The session as {@code me} sees it: members, attendance, agenda with votes and decisions. */
    public CommitteeViews.Session view(CommitteeSession s, UserAccount me) {
        Committee c = s.getCommittee();
        List<CommitteeViews.Member> members = c.getMembers().stream().map(m -> member(m, s)).toList();
        Map<Long, CommitteeRule> rules = committeeRules(s);
        List<CommitteeViews.Item> items = s.getItems().stream()
                .map(i -> item(s, i, me, rule(rules, i.getApplication()))).toList();
        boolean minutes = s.getStatus() == SessionStatus.CLOSED && em.find(SessionMinutes.class, s.getId()) != null;
        return new CommitteeViews.Session(s.getId(), c.getId(), c.getName(), c.getAssociation().getCode(), c.getQuorum(),
                s.getStartsAt(), s.getPlace(), s.getVideoLink(), s.getStatus().name(), s.getOpenedAt(), s.getClosedAt(),
                members, items, c.isMember(me), c.isChair(me), s.isPresent(me), minutes, s.getVersion(),
                s.getAdjournmentReason());
    }

    /**
     * What {@code me} reads of the files on the session's agenda, in five statements after the agenda is
     * loaded, however long it is: the financing plans of all its files, their documents, the analysis notes
     * with their proposed lines, and the files on which {@code me} declared a conflict of interest on any
     * agenda or which {@code me} owns, whose notes are not theirs to read (the rules of
     * {@code ReviewService.review}). The plan and the documents are every member's to read (a document is
     * downloaded through {@code DocumentService.download}, which checks again that the file is on an agenda
     * of one of the caller's committees).
     */
    public List<CommitteeViews.AgendaFile> files(CommitteeSession s, UserAccount me) {
        // bound by id: a list of entities as a parameter is serialised by some drivers (H2)
        List<Long> applications = s.getItems().stream().map(i -> i.getApplication().getId()).toList();
        if (applications.isEmpty()) {
            return List.of();
        }
        Set<Long> conflicted = new HashSet<>(em.createQuery("SELECT DISTINCT c.item.application.id FROM ConflictOfInterest c"
                        + " WHERE c.member = :me AND c.item.application.id IN :apps", Long.class)
                .setParameter("me", me).setParameter("apps", applications).getResultList());
        Set<Long> owned = new HashSet<>(em.createQuery("SELECT a.id FROM Application a JOIN a.enterprise e JOIN e.owners o"
                        + " WHERE o = :me AND a.id IN :apps", Long.class)
                .setParameter("me", me).setParameter("apps", applications).getResultList());
        Map<Long, Review> reviews = new HashMap<>();
        for (Review r : em.createQuery("SELECT r FROM Review r WHERE r.application.id IN :apps", Review.class)
                .setParameter("apps", applications).setHint(BATCH_TYPE, "IN").setHint(BATCH, "r.proposedLines")
                .getResultList()) {
            reviews.put(r.getApplication().getId(), r);
        }
        Map<Long, List<ApplicationViews.Item>> plans = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT a.id, p.kind, p.label, p.amount FROM Application a JOIN a.plan p"
                        + " WHERE a.id IN :apps ORDER BY a.id, INDEX(p)", Object[].class)
                .setParameter("apps", applications).getResultList()) {
            plans.computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                    .add(ApplicationViews.Item.of(new PlanItem((PlanItem.Kind) r[1], (String) r[2], (Money) r[3])));
        }
        Map<Long, List<ApplicationViews.Document>> documents = new HashMap<>();
        for (ApplicationDocument d : em.createQuery("SELECT d FROM ApplicationDocument d WHERE d.application.id IN :apps"
                        + " AND d.threadAttachment = FALSE ORDER BY d.id", ApplicationDocument.class)
                .setParameter("apps", applications).getResultList()) {
            documents.computeIfAbsent(d.getApplication().getId(), k -> new ArrayList<>()).add(ApplicationViews.Document.of(d));
        }
        Map<Long, AssociationRules> rules = book.ofEach(s.getItems().stream().map(AgendaItem::getApplication).toList());
        List<CommitteeViews.AgendaFile> files = new ArrayList<>();
        for (AgendaItem i : s.getItems()) {
            Application a = i.getApplication();
            boolean readable = !conflicted.contains(a.getId())
                    && !(owned.contains(a.getId()) && !Access.isStaffOf(me, a.getEnterprise()));
            Review r = readable ? reviews.get(a.getId()) : null;
            files.add(new CommitteeViews.AgendaFile(i.getId(), a.getId(), a.getDescription(),
                    a.getRequestedLines().stream().map(ApplicationViews.Line::of).toList(), a.getJobsCreated(),
                    plans.getOrDefault(a.getId(), List.of()), documents.getOrDefault(a.getId(), List.of()),
                    r == null ? null : ReviewView.of(r, rules.get(a.getId()))));
        }
        return files;
    }

    /** A committee member, with whether they are present at the session (null: no session). */
    static CommitteeViews.Member member(CommitteeMember m, CommitteeSession s) {
        UserAccount a = m.getAccount();
        return new CommitteeViews.Member(a.getId(), a.getDisplayName(), a.getEmail(), m.getRole().name(),
                s != null && s.isPresent(a));
    }

    /**
     * The committee rule of each file on the agenda, by rules version id, in one statement: each file is
     * decided under the rules it was submitted under.
     */
    public Map<Long, CommitteeRule> committeeRules(CommitteeSession s) {
        List<Long> ids = s.getItems().stream().map(i -> i.getApplication().getRulesId()).filter(Objects::nonNull)
                .distinct().toList();
        Map<Long, CommitteeRule> rules = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Object[] r : em.createQuery("SELECT r.id, r.quorum, r.majority FROM AssociationRules r WHERE r.id IN :ids",
                    Object[].class).setParameter("ids", ids).getResultList()) {
                rules.put((Long) r[0], new CommitteeRule((Integer) r[1], (Majority) r[2]));
            }
        }
        return rules;
    }

    /**
     * Each agenda item's rules for the minutes (by item id), in a fixed number of statements: the rules
     * each file was submitted under and the weighted score of its analysis note.
     */
    public Map<Long, SessionMinutesReport.ItemRules> minutesRules(CommitteeSession s) {
        List<Application> applications = s.getItems().stream().map(AgendaItem::getApplication).toList();
        if (applications.isEmpty()) {
            return Map.of();
        }
        Map<Long, AssociationRules> rules = book.ofEach(applications);
        Map<Long, Review> reviews = new HashMap<>();
        for (Review r : em.createQuery("SELECT r FROM Review r WHERE r.application.id IN :apps", Review.class)
                .setParameter("apps", applications.stream().map(Application::getId).toList()).getResultList()) {
            reviews.put(r.getApplication().getId(), r);
        }
        Map<Long, SessionMinutesReport.ItemRules> result = new HashMap<>();
        for (AgendaItem i : s.getItems()) {
            AssociationRules r = rules.get(i.getApplication().getId());
            CommitteeRule rule = r.committeeRule();
            Review review = reviews.get(i.getApplication().getId());
            result.put(i.getId(), new SessionMinutesReport.ItemRules(r.getNumber(), rule.quorumOr(s.getCommittee().getQuorum()),
                    rule.majority(), r.weights(), review == null ? null : r.weightedScore(review.scores())));
        }
        return result;
    }

    /** A file submitted before rules existed is decided as files were then: the committee's quorum, a simple majority. */
    static CommitteeRule rule(Map<Long, CommitteeRule> rules, Application a) {
        return a.getRulesId() == null ? CommitteeRule.COMMITTEE_QUORUM_SIMPLE_MAJORITY
                : rules.getOrDefault(a.getRulesId(), CommitteeRule.COMMITTEE_QUORUM_SIMPLE_MAJORITY);
    }

    private static CommitteeViews.Item item(CommitteeSession s, AgendaItem i, UserAccount me, CommitteeRule rule) {
        Application a = i.getApplication();
        Money requested = Money.zero();
        for (FinancingLine l : a.getRequestedLines()) {
            requested = requested.plus(l.getAmount());
        }
        return new CommitteeViews.Item(i.getId(), i.getPosition(), a.getId(), a.getReference().toString(), a.getTitle(),
                a.getEnterprise().getLegalName(), a.getEnterprise().getDepartment(), a.getStage().name(),
                a.getStatus().name(), i.getPresenter() == null ? null : i.getPresenter().getDisplayName(), requested.amount(),
                i.getConflicts().stream().map(c -> c.getMember().getDisplayName()).toList(), i.isConflicted(me),
                i.voteOf(me).map(v -> v.getChoice().name()).orElse(null), i.count(VoteChoice.FOR),
                i.count(VoteChoice.AGAINST), i.count(VoteChoice.ABSTAIN), s.participants(i), s.missingForQuorum(i, rule),
                i.getDecision() == null ? null : ApplicationViews.DecisionView.of(i.getDecision()), i.getVersion(),
                rule.quorumOr(s.getCommittee().getQuorum()), rule.majority().name());
    }
}
