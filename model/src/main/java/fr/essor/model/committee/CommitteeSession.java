package fr.essor.model.committee;

import fr.essor.model.rules.CommitteeRule;
import fr.essor.model.rules.Majority;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.application.Application;
import fr.essor.model.application.DecisionOutcome;
import fr.essor.model.application.FinancingLine;
import fr.essor.model.shared.FreeText;
import fr.essor.model.shared.Money;
import fr.essor.model.shared.RuleException;
import fr.essor.model.shared.VersionedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A sitting of a committee: PLANNED (agenda being built, conflicts may be declared), OPEN
 * (attendance taken, votes, decisions), CLOSED (everything decided and frozen). The session is
 * the aggregate root of its agenda items, their votes, conflicts and decisions: every rule of the
 * committee (quorum, conflicts, immutability) is checked here.
 */
@Entity
@Table(name = "committee_session")
public class CommitteeSession extends VersionedEntity {

    public static final int PLACE_MAX = 200;
    public static final int LINK_MAX = 500;
    public static final int ADJOURNMENT_MAX = 1000;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "committee_id", nullable = false, updatable = false)
    private Committee committee;

    /** Local time of the association (Europe/Paris for the French network). */
    @Column(name = "starts_at", nullable = false)
    private LocalDateTime startsAt;

    @Column(name = "place", length = PLACE_MAX)
    private String place;

    @Column(name = "video_link", length = LINK_MAX)
    private String videoLink;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 10, nullable = false)
    private SessionStatus status = SessionStatus.PLANNED;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @ManyToMany
    @JoinTable(name = "session_attendance", joinColumns = @JoinColumn(name = "session_id"),
            inverseJoinColumns = @JoinColumn(name = "account_id"))
    private Set<UserAccount> present = new HashSet<>();

    /** The members sent the convocation for the current date and place; a new date or place empties it. */
    @ManyToMany
    @JoinTable(name = "session_convocation", joinColumns = @JoinColumn(name = "session_id"),
            inverseJoinColumns = @JoinColumn(name = "account_id"))
    private Set<UserAccount> convened = new HashSet<>();

    @OneToMany(mappedBy = "session", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<AgendaItem> items = new ArrayList<>();

    /** Set when the chair adjourned the session instead of deciding every item. */
    @Column(name = "adjournment_reason", length = ADJOURNMENT_MAX)
    private String adjournmentReason;

    protected CommitteeSession() {
    }

    /** The years a session may be held in: year 0 or 99999 is a typing error. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    public CommitteeSession(Committee committee, LocalDateTime startsAt, String place, String videoLink) {
        this.committee = Objects.requireNonNull(committee, "committee");
        if (!committee.isActive()) {
            throw RuleException.committee("committee.inactive");
        }
        committee.requireCanSit();
        schedule(startsAt, place, videoLink);
    }

    /** Changes date, place or link while the session is planned. */
    public void reschedule(LocalDateTime newStart, String newPlace, String newLink) {
        requireStatus(SessionStatus.PLANNED);
        LocalDateTime before = startsAt;
        String placeBefore = place;
        String linkBefore = videoLink;
        schedule(newStart, newPlace, newLink);
        if (!Objects.equals(before, startsAt) || !Objects.equals(placeBefore, place) || !Objects.equals(linkBefore, videoLink)) {
            convened.clear();
        }
    }

    /**
     * Of the given members, those not yet convened to this date and place: they are marked convened
     * and returned, so that a second convocation reaches only the members added since. A closed
     * session, or one with nothing on its agenda, convenes no one.
     */
    public List<UserAccount> convene(Collection<UserAccount> members) {
        requireNotClosed();
        if (items.isEmpty()) {
            throw RuleException.committee("session.agendaEmpty");
        }
        List<UserAccount> fresh = members.stream().filter(m -> !convened.contains(m)).toList();
        convened.addAll(fresh);
        return fresh;
    }

    public boolean isConvened(UserAccount member) {
        return convened.contains(member);
    }

    private void schedule(LocalDateTime newStart, String newPlace, String newLink) {
        if (newStart == null) {
            throw RuleException.committee("session.dateRequired");
        }
        if (newStart.getYear() < FIRST_YEAR || newStart.getYear() > LAST_YEAR) {
            throw RuleException.committee("session.dateOutOfRange", String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
        }
        String p = blankToNull(newPlace);
        String l = blankToNull(newLink);
        if (p == null && l == null) {
            throw RuleException.committee("session.placeRequired");
        }
        if (p != null && p.length() > PLACE_MAX) {
            throw RuleException.committee("session.placeTooLong", PLACE_MAX);
        }
        if (!FreeText.isClean(p, false)) {
            throw RuleException.committee("text.invalidCharacters");
        }
        if (l != null && !isWebLink(l)) {
            throw RuleException.committee("session.linkInvalid", LINK_MAX);
        }
        this.startsAt = newStart.withNano(0);
        this.place = p;
        this.videoLink = l;
    }

    /** Only http(s) links with a host: a javascript: or data: link is never stored. */
    static boolean isWebLink(String link) {
        if (link.length() > LINK_MAX) {
            return false;
        }
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    // ---- agenda --------------------------------------------------------------------------------

    /** Puts a file that is ready for committee at the end of the agenda. */
    public AgendaItem addToAgenda(Application application, UserAccount presenter, String actor, Instant now) {
        requireNotClosed();
        if (!Objects.equals(application.association(), committee.getAssociation())) {
            throw RuleException.committee("agenda.otherAssociation");
        }
        if (items.stream().anyMatch(i -> i.getApplication().equals(application))) {
            throw RuleException.committee("agenda.alreadyOn", application.getReference().toString());
        }
        if (presenter != null && (!presenter.hasRole(Role.ADVISOR)
                || !Objects.equals(presenter.getAssociation(), committee.getAssociation()))) {
            throw RuleException.committee("agenda.presenterNotAdvisor");
        }
        application.putOnAgenda(actor, now);
        AgendaItem item = new AgendaItem(this, application, items.size() + 1, presenter);
        items.add(item);
        return item;
    }

    /** Takes an undecided file off a planned agenda; it is ready for another session. */
    public void removeFromAgenda(AgendaItem item, String actor, Instant now) {
        requireStatus(SessionStatus.PLANNED);
        AgendaItem i = own(item);
        requireUndecided(i);
        if (!i.isWithdrawn()) {
            i.getApplication().takeOffAgenda(actor, now);
        }
        items.remove(i);
        renumber();
    }

    /** Moves an item one place up (-1) or down (+1) in the agenda. */
    public void move(AgendaItem item, int delta) {
        requireNotClosed();
        AgendaItem i = own(item);
        int from = items.indexOf(i);
        int to = Math.max(0, Math.min(items.size() - 1, from + Integer.signum(delta)));
        if (from != to) {
            Collections.swap(items, from, to);
            renumber();
        }
    }

    public void changePresenter(AgendaItem item, UserAccount presenter) {
        requireNotClosed();
        if (presenter != null && (!presenter.hasRole(Role.ADVISOR)
                || !Objects.equals(presenter.getAssociation(), committee.getAssociation()))) {
            throw RuleException.committee("agenda.presenterNotAdvisor");
        }
        own(item).presentedBy(presenter);
    }

    private void renumber() {
        for (int n = 0; n < items.size(); n++) {
            items.get(n).moveTo(n + 1);
        }
    }

    // ---- sitting --------------------------------------------------------------------------------

    /** The chair opens the session and takes attendance. */
    public void open(UserAccount chair, Collection<UserAccount> attendees, Instant now) {
        requireStatus(SessionStatus.PLANNED);
        requireChair(chair);
        // members may have left since the session was scheduled: a session that could never decide stays planned
        committee.requireCanSit();
        takeAttendance(attendees);
        status = SessionStatus.OPEN;
        openedAt = Objects.requireNonNull(now);
    }

    /**
     * The chair corrects the attendance of the open session (a member forgotten, or marked present
     * by mistake). The votes of a member no longer present stay recorded but no longer count.
     */
    public void correctAttendance(UserAccount chair, Collection<UserAccount> attendees) {
        requireStatus(SessionStatus.OPEN);
        requireChair(chair);
        takeAttendance(attendees);
    }

    /** The attendance list: members of this committee, each once, at least one. */
    private void takeAttendance(Collection<UserAccount> attendees) {
        if (attendees == null || attendees.isEmpty()) {
            throw RuleException.committee("session.nobodyPresent");
        }
        List<UserAccount> seen = new ArrayList<>();
        for (UserAccount a : attendees) {
            requireMember(a);
            if (seen.stream().anyMatch(s -> AgendaItem.same(s, a))) {
                throw RuleException.committee("session.attendanceRepeated", a.getEmail());
            }
            seen.add(a);
        }
        present.clear();
        present.addAll(seen);
    }

    /**
     * The chair adjourns the open session: its undecided items leave the agenda and their files are
     * ready for another session; decisions already taken stay. The session is closed with the reason,
     * which the minutes carry. Returns the files taken off the agenda.
     */
    public List<Application> adjourn(UserAccount chair, String reason, Instant now) {
        requireStatus(SessionStatus.OPEN);
        requireChair(chair);
        String r = blankToNull(reason);
        if (r == null) {
            throw RuleException.committee("session.adjournReasonRequired");
        }
        if (r.length() > ADJOURNMENT_MAX) {
            throw RuleException.committee("session.adjournReasonTooLong", ADJOURNMENT_MAX);
        }
        if (!FreeText.isClean(r, true)) {
            throw RuleException.committee("text.invalidCharacters");
        }
        List<Application> adjourned = new ArrayList<>();
        for (AgendaItem i : List.copyOf(items)) {
            if (i.isDecided()) {
                continue;
            }
            if (!i.isWithdrawn()) {
                i.getApplication().takeOffAgenda(chair.getEmail(), now);
                adjourned.add(i.getApplication());
            }
            items.remove(i);
        }
        renumber();
        adjournmentReason = r;
        status = SessionStatus.CLOSED;
        closedAt = Objects.requireNonNull(now);
        return adjourned;
    }

    /** A member who arrives late is marked present (open session only). */
    public void markPresent(UserAccount member) {
        requireStatus(SessionStatus.OPEN);
        requireMember(member);
        present.add(member);
    }

    public boolean isPresent(UserAccount member) {
        return present.stream().anyMatch(p -> AgendaItem.same(p, member));
    }

    /**
     * A member declares a conflict of interest on an item; a vote already cast on it is withdrawn.
     * Declaring twice changes nothing.
     */
    public void declareConflict(AgendaItem item, UserAccount member, String reason, Instant now) {
        requireNotClosed();
        requireMember(member);
        AgendaItem i = own(item);
        requireUndecided(i);
        if (i.isConflicted(member)) {
            return;
        }
        String r = blankToNull(reason);
        if (r != null && r.length() > ConflictOfInterest.REASON_MAX) {
            throw RuleException.committee("conflict.reasonTooLong", ConflictOfInterest.REASON_MAX);
        }
        if (!FreeText.isClean(r, true)) {
            throw RuleException.committee("text.invalidCharacters");
        }
        i.removeVoteOf(member);
        i.addConflict(new ConflictOfInterest(i, member, r, now));
    }

    /** A present, non-conflicted member votes on an undecided item of the open session. */
    public void vote(AgendaItem item, UserAccount member, VoteChoice choice, Instant now) {
        requireStatus(SessionStatus.OPEN);
        requireMember(member);
        AgendaItem i = own(item);
        requireUndecided(i);
        if (i.isConflicted(member)) {
            throw RuleException.committee("vote.conflicted");
        }
        if (!isPresent(member)) {
            throw RuleException.committee("vote.notPresent");
        }
        Objects.requireNonNull(choice, "choice");
        i.voteOf(member).ifPresentOrElse(v -> v.change(choice, now), () -> i.addVote(new Vote(i, member, choice, now)));
    }

    /** Present, non-conflicted members who voted on the item: those who count towards its quorum. */
    public int participants(AgendaItem item) {
        AgendaItem i = own(item);
        return (int) i.getVotes().stream()
                .filter(v -> isPresent(v.getMember()) && !i.isConflicted(v.getMember()))
                .count();
    }

    /** How many more participants the item needs before it can be decided; 0 when the quorum is met. */
    public int missingForQuorum(AgendaItem item) {
        return missingForQuorum(item, CommitteeRule.COMMITTEE_QUORUM_SIMPLE_MAJORITY);
    }

    /** The same under the committee rule of the item's file (its association's rules version). */
    public int missingForQuorum(AgendaItem item, CommitteeRule rule) {
        return Math.max(0, rule.quorumOr(committee.getQuorum()) - participants(item));
    }

    /** The recording of a decision under the committee's own quorum and a simple majority (the rule before rules existed). */
    public Decision recordDecision(AgendaItem item, UserAccount chair, DecisionOutcome outcome, List<FinancingLine> granted,
                                   String conditions, String reasons, Instant now) {
        return recordDecision(item, chair, outcome, granted, conditions, reasons, CommitteeRule.COMMITTEE_QUORUM_SIMPLE_MAJORITY, now);
    }

    /**
     * The chair records the committee's decision on an item. Refused unless the session is open, the
     * item on its agenda and undecided, and the quorum met; an approval also needs more votes for
     * than against, and grants at least one line.
     */
    public Decision recordDecision(AgendaItem item, UserAccount chair, DecisionOutcome outcome, List<FinancingLine> granted,
                                   String conditions, String reasons, CommitteeRule rule, Instant now) {
        requireStatus(SessionStatus.OPEN);
        requireChair(chair);
        AgendaItem i = own(item);
        requireUndecided(i);
        Objects.requireNonNull(rule, "rule");
        int missing = missingForQuorum(i, rule);
        if (missing > 0) {
            throw RuleException.committee("decision.quorumMissing", missing, rule.quorumOr(committee.getQuorum()), participants(i));
        }
        Objects.requireNonNull(outcome, "outcome");
        String actor = chair.getEmail();
        Decision d = switch (outcome) {
            case APPROVED -> {
                if (granted == null || granted.isEmpty()) {
                    throw RuleException.committee("decision.linesRequired");
                }
                long votesFor = i.count(VoteChoice.FOR);
                long against = i.count(VoteChoice.AGAINST);
                long abstentions = i.count(VoteChoice.ABSTAIN);
                if (!rule.majority().reached(votesFor, against, abstentions)) {
                    if (rule.majority() == Majority.SIMPLE) {
                        throw RuleException.committee("decision.noMajority", votesFor, against);
                    }
                    throw RuleException.committee("decision.noQualifiedMajority", votesFor, votesFor + against + abstentions);
                }
                Money requested = total(i.getApplication().getRequestedLines());
                Money given = total(granted);
                String why = blankToNull(reasons);
                if (given.isGreaterThan(requested) && why == null) {
                    throw RuleException.committee("decision.overRequestNeedsReasons", given.amount(), requested.amount());
                }
                yield Decision.approve(i.getApplication(), i, granted, conditions, why, startsAt.toLocalDate(), actor, now);
            }
            case DEFERRED -> Decision.defer(i.getApplication(), i, required(reasons), startsAt.toLocalDate(), actor, now);
            case REJECTED -> Decision.reject(i.getApplication(), i, required(reasons), startsAt.toLocalDate(), actor, now);
        };
        i.decided(d);
        return d;
    }

    private static Money total(List<FinancingLine> lines) {
        Money t = Money.zero();
        for (FinancingLine l : lines) {
            t = t.plus(l.getAmount());
        }
        return t;
    }

    private static String required(String reasons) {
        String r = blankToNull(reasons);
        if (r == null) {
            throw RuleException.committee("decision.reasonsRequired");
        }
        return r;
    }

    /**
     * The chair closes the session once every item is decided (a file its applicant withdrew meanwhile
     * needs no decision); from then on nothing changes.
     */
    public void close(UserAccount chair, Instant now) {
        requireStatus(SessionStatus.OPEN);
        requireChair(chair);
        long undecided = items.stream().filter(i -> !i.isDecided() && !i.isWithdrawn()).count();
        if (undecided > 0) {
            throw RuleException.committee("session.undecidedItems", undecided);
        }
        status = SessionStatus.CLOSED;
        closedAt = Objects.requireNonNull(now);
    }

    // ---- checks ---------------------------------------------------------------------------------

    private AgendaItem own(AgendaItem item) {
        if (item == null || !items.contains(item)) {
            throw RuleException.committee("agenda.notOnAgenda");
        }
        return items.get(items.indexOf(item));
    }

    private void requireStatus(SessionStatus expected) {
        if (status == SessionStatus.CLOSED) {
            throw RuleException.committee("session.closed");
        }
        if (status != expected) {
            throw RuleException.committee(expected == SessionStatus.OPEN ? "session.notOpen" : "session.alreadyOpen");
        }
    }

    private void requireNotClosed() {
        if (status == SessionStatus.CLOSED) {
            throw RuleException.committee("session.closed");
        }
    }

    private void requireMember(UserAccount account) {
        if (account == null || !committee.isMember(account)) {
            throw RuleException.committee("committee.notMember");
        }
    }

    private void requireChair(UserAccount account) {
        if (account == null || !committee.isChair(account)) {
            throw RuleException.committee("committee.notChair");
        }
    }

    private static void requireUndecided(AgendaItem item) {
        if (item.isDecided()) {
            throw RuleException.committee("decision.alreadyDecided");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public AgendaItem item(long itemId) {
        return items.stream().filter(i -> i.getId() != null && i.getId() == itemId).findFirst()
                .orElseThrow(() -> RuleException.committee("agenda.notOnAgenda"));
    }

    public Committee getCommittee() {
        return committee;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public String getPlace() {
        return place;
    }

    public String getVideoLink() {
        return videoLink;
    }

    public SessionStatus getStatus() {
        return status;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getAdjournmentReason() {
        return adjournmentReason;
    }

    public Set<UserAccount> getPresent() {
        return Collections.unmodifiableSet(present);
    }

    public List<AgendaItem> getItems() {
        return Collections.unmodifiableList(items);
    }
}
