package fr.essor.service.committee;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.application.Application;
import fr.essor.model.application.ApplicationStatus;
import fr.essor.model.application.DecisionOutcome;
import fr.essor.model.application.FinancingLine;
import fr.essor.model.association.Association;
import fr.essor.model.committee.AgendaItem;
import fr.essor.model.committee.Committee;
import fr.essor.model.committee.CommitteeMember;
import fr.essor.model.committee.CommitteeSession;
import fr.essor.model.committee.ConflictOfInterest;
import fr.essor.model.committee.Decision;
import fr.essor.model.committee.MemberRole;
import fr.essor.model.committee.SessionMinutes;
import fr.essor.model.committee.SessionStatus;
import fr.essor.model.committee.VoteChoice;
import fr.essor.model.rules.CommitteeRule;
import fr.essor.model.shared.Crypto;
import fr.essor.model.shared.FreeText;
import fr.essor.model.shared.Money;
import fr.essor.service.application.Lines;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.mail.MailService;
import fr.essor.service.mail.MailTemplates;
import fr.essor.service.report.SessionMinutesReport;
import fr.essor.service.security.UseCaseService;
import fr.essor.service.shared.ConcurrentChangeException;
import fr.essor.service.shared.ConflictException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Page;
import fr.essor.service.shared.Roles;
import fr.essor.service.shared.RuleRefusals;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;


/**
 * The "comité d'engagement": committees and their members, sessions and their agenda, conflicts of
 * interest, attendance, votes, decisions and minutes. Every change to a session locks its row, so
 * that two people acting on the same session at once are serialised; the model checks the rules.
 */
@Stateless
@Interceptors(RuleRefusals.class)
public class CommitteeService extends UseCaseService {

    /** The conditions precedent of an approval, recorded with it (issue 13). */
    @EJB
    private ConditionService conditionItems;


    public static final ZoneId NETWORK_ZONE = ZoneId.of("Europe/Paris");

    @EJB
    private MailService mail;

    @Inject
    private SessionQuery sessions;

    private final Clock clock = Clock.systemUTC();

    // ---- committees (administration) -------------------------------------------------------------

    /** The committees of the caller's association (all of them for a national administrator). */
    @RolesAllowed({Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.ADMIN})
    public List<CommitteeViews.CommitteeSummary> committees() {
        UserAccount me = caller.account();
        String where = me.getAssociation() == null && me.hasRole(Role.ADMIN) ? "" : " WHERE c.association = :assoc";
        // a subquery, not SIZE(c.members): EclipseLink turns SIZE into an inner join that drops a committee without members
        TypedQuery<Object[]> q = em.createQuery("SELECT c.id, c.name, a.code, c.quorum,"
                + " (SELECT COUNT(m) FROM CommitteeMember m WHERE m.committee = c), c.active"
                + " FROM Committee c JOIN c.association a" + where + " ORDER BY a.code, c.name", Object[].class);
        if (!where.isEmpty()) {
            q.setParameter("assoc", me.getAssociation());
        }
        return q.getResultList().stream().map(r -> new CommitteeViews.CommitteeSummary((Long) r[0], (String) r[1],
                (String) r[2], (Integer) r[3], ((Number) r[4]).intValue(), (Boolean) r[5])).toList();
    }

    /** Creates a committee in the administrator's association (or the given one for a national admin). */
    @RolesAllowed(Roles.ADMIN)
    public CommitteeViews.CommitteeSummary create(Long associationId, String name, int quorum) {
        UserAccount me = caller.account();
        Association association = me.getAssociation();
        if (association == null) {
            association = associationId == null ? null : em.find(Association.class, associationId);
            if (association == null) {
                throw new InvalidInputException("association", "field.required");
            }
        }
        if (!FreeText.isClean(name, false)) {
            throw new InvalidInputException("name", "text.invalidCharacters");
        }
        Association home = em.find(Association.class, association.getId());
        Committee c = new Committee(home, name, quorum);
        em.persist(c);
        em.flush();
        audit.record(me.getEmail(), "Committee", c.getId(), AuditAction.CREATE, "Committee " + c.getName() + ", quorum " + quorum);
        return new CommitteeViews.CommitteeSummary(c.getId(), c.getName(), c.getAssociation().getCode(), c.getQuorum(), 0, true);
    }

    @RolesAllowed(Roles.ADMIN)
    public List<CommitteeViews.Member> members(long committeeId) {
        Committee c = administered(committeeId);
        return c.getMembers().stream().map(m -> SessionQuery.member(m, null)).toList();
    }

    /** Seats a committee member (CHAIR or MEMBER); a new chair replaces the former one. */
    @RolesAllowed(Roles.ADMIN)
    public List<CommitteeViews.Member> seat(long committeeId, long accountId, String role) {
        Committee c = administered(committeeId);
        em.lock(c, LockModeType.PESSIMISTIC_WRITE);
        UserAccount account = em.find(UserAccount.class, accountId);
        if (account == null) {
            throw new NotFoundException("account");
        }
        MemberRole r = parse(MemberRole.class, role, "role");
        c.seat(account, r);
        em.flush();
        audit.record(caller.email(), "Committee", c.getId(), AuditAction.SEAT, "Account " + account.getId() + " seated as " + r);
        return c.getMembers().stream().map(m -> SessionQuery.member(m, null)).toList();
    }

    @RolesAllowed(Roles.ADMIN)
    public List<CommitteeViews.Member> unseat(long committeeId, long accountId) {
        Committee c = administered(committeeId);
        em.lock(c, LockModeType.PESSIMISTIC_WRITE);
        UserAccount account = em.find(UserAccount.class, accountId);
        if (account != null) {
            c.unseat(account);
            em.flush();
            audit.record(caller.email(), "Committee", c.getId(), AuditAction.UNSEAT, "Account " + account.getId() + " left the committee");
        }
        return c.getMembers().stream().map(m -> SessionQuery.member(m, null)).toList();
    }

    @RolesAllowed(Roles.ADMIN)
    public CommitteeViews.CommitteeSummary changeQuorum(long committeeId, int quorum) {
        Committee c = administered(committeeId);
        em.lock(c, LockModeType.PESSIMISTIC_WRITE);
        long open = em.createQuery("SELECT COUNT(s) FROM CommitteeSession s WHERE s.committee = :c AND s.status = :open",
                Long.class).setParameter("c", c).setParameter("open", SessionStatus.OPEN).getSingleResult();
        if (open > 0) {
            throw new ConflictException("COMMITTEE_RULE", "committee.quorumDuringSession");
        }
        c.changeQuorum(quorum);
        em.flush();
        audit.record(caller.email(), "Committee", c.getId(), AuditAction.QUORUM, "Quorum set to " + quorum);
        return new CommitteeViews.CommitteeSummary(c.getId(), c.getName(), c.getAssociation().getCode(), c.getQuorum(),
                c.getMembers().size(), c.isActive());
    }

    /** Accounts of the committee's association that hold the committee member role: who may be seated. */
    @RolesAllowed(Roles.ADMIN)
    public List<CommitteeViews.Member> candidates(long committeeId) {
        Committee c = administered(committeeId);
        return em.createQuery("SELECT a FROM UserAccount a JOIN a.roles r WHERE a.association = :assoc AND r = :role"
                        + " AND a.active = TRUE ORDER BY a.displayName", UserAccount.class)
                .setParameter("assoc", c.getAssociation()).setParameter("role", Role.COMMITTEE_MEMBER)
                .setMaxResults(500).getResultList().stream()
                .map(a -> new CommitteeViews.Member(a.getId(), a.getDisplayName(), a.getEmail(), null, false)).toList();
    }

    private Committee administered(long committeeId) {
        Committee c = em.find(Committee.class, committeeId);
        UserAccount me = caller.account();
        if (c == null || (me.getAssociation() != null && !me.getAssociation().equals(c.getAssociation()))) {
            throw new NotFoundException("committee");
        }
        return c;
    }

    // ---- sessions and agenda ---------------------------------------------------------------------

    /**
     * One page of the sessions the caller may see: coming ones (soonest first) or past ones (latest
     * first). Members see their committees' sessions, advisors and admins their association's.
     */
    @RolesAllowed({Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.ADMIN})
    public Page<CommitteeViews.SessionSummary> sessions(boolean upcoming, int first, int size) {
        UserAccount me = caller.account();
        boolean national = me.getAssociation() == null && me.hasRole(Role.ADMIN);
        boolean staff = me.hasRole(Role.ADVISOR) || me.hasRole(Role.ADMIN);
        String scope = national ? "1 = 1" : staff
                ? "(s.committee.association = :assoc OR EXISTS (SELECT m FROM CommitteeMember m WHERE m.committee = s.committee AND m.account = :me))"
                : "EXISTS (SELECT m FROM CommitteeMember m WHERE m.committee = s.committee AND m.account = :me)";
        String when = upcoming ? "s.status <> :closed" : "s.status = :closed";
        String order = upcoming ? "s.startsAt ASC, s.id ASC" : "s.startsAt DESC, s.id DESC";
        TypedQuery<Object[]> rows = em.createQuery("SELECT s.id, c.id, c.name, s.startsAt, s.place, s.videoLink, s.status,"
                + " (SELECT COUNT(i) FROM AgendaItem i WHERE i.session = s),"
                + " (SELECT COUNT(mn) FROM SessionMinutes mn WHERE mn.sessionId = s.id)"
                + " FROM CommitteeSession s JOIN s.committee c WHERE " + scope + " AND " + when + " ORDER BY " + order,
                Object[].class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(s) FROM CommitteeSession s WHERE " + scope + " AND " + when,
                Long.class);
        for (TypedQuery<?> q : List.of(rows, count)) {
            q.setParameter("closed", SessionStatus.CLOSED);
            if (!national) {
                q.setParameter("me", me);
                if (staff) {
                    q.setParameter("assoc", me.getAssociation());
                }
            }
        }
        int pageSize = Page.clampSize(size);
        List<CommitteeViews.SessionSummary> items = rows.setFirstResult(Math.max(0, first)).setMaxResults(pageSize)
                .getResultList().stream().map(r -> new CommitteeViews.SessionSummary((Long) r[0], (Long) r[1], (String) r[2],
                        (LocalDateTime) r[3], (String) r[4], (String) r[5], ((SessionStatus) r[6]).name(),
                        ((Number) r[7]).longValue(), ((Number) r[8]).longValue() > 0)).toList();
        return new Page<>(items, count.getSingleResult(), Math.max(0, first), pageSize);
    }

    /** One session with its members and agenda, as the caller may see it. */
    @RolesAllowed({Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.ADMIN})
    public CommitteeViews.Session session(long id) {
        return view(visible(id, false));
    }

    /**
     * What the caller reads of the files on a session's agenda (description, requested lines, jobs, and the
     * analysis note when the caller may read it), for the sitting's page: one call and a fixed number of
     * statements instead of one file and one note per agenda item.
     */
    @RolesAllowed({Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.ADMIN})
    public List<CommitteeViews.AgendaFile> agendaFiles(long sessionId) {
        return sessions.files(visible(sessionId, false), caller.account());
    }

    /** An advisor schedules a session of one of the association's committees. */
    @RolesAllowed(Roles.ADVISOR)
    public CommitteeViews.Session schedule(long committeeId, LocalDateTime startsAt, String place, String videoLink) {
        Committee c = em.find(Committee.class, committeeId);
        UserAccount me = caller.account();
        if (c == null || !Objects.equals(me.getAssociation(), c.getAssociation())) {
            throw new NotFoundException("committee");
        }
        sessions.loadMembers(c);
        if (!FreeText.isClean(place, false)) {
            throw new InvalidInputException("place", "text.invalidCharacters");
        }
        CommitteeSession s = new CommitteeSession(c, startsAt, place, videoLink);
        em.persist(s);
        em.flush();
        audit.record(me.getEmail(), "CommitteeSession", s.getId(), AuditAction.SCHEDULE,
                "Session of " + c.getName() + " on " + s.getStartsAt());
        return view(s);
    }

    /** Files of the advisor's association that are ready for committee and on no agenda yet. */
    @RolesAllowed(Roles.ADVISOR)
    public List<CommitteeViews.ReadyFile> readyFiles() {
        UserAccount me = caller.account();
        return em.createQuery("SELECT a.id, a.reference, a.title, e.legalName, adv.displayName FROM Application a"
                        + " JOIN a.enterprise e LEFT JOIN a.assignedAdvisor adv"
                        + " WHERE e.association = :assoc AND a.status = :ready ORDER BY a.id", Object[].class)
                .setParameter("assoc", me.getAssociation()).setParameter("ready", ApplicationStatus.READY_FOR_COMMITTEE)
                .setMaxResults(200).getResultList().stream()
                .map(r -> new CommitteeViews.ReadyFile((Long) r[0], r[1].toString(), (String) r[2], (String) r[3],
                        (String) r[4])).toList();
    }

    /** Puts a ready file on the agenda, presented by the given advisor (the caller by default). */
    @RolesAllowed(Roles.ADVISOR)
    public CommitteeViews.Session addToAgenda(long sessionId, long applicationId, Long presenterId) {
        CommitteeSession s = lockedForAdvisor(sessionId);
        Application a = em.find(Application.class, applicationId);
        if (a == null || !Objects.equals(a.association(), caller.account().getAssociation())) {
            throw new NotFoundException("application");
        }
        em.lock(a, LockModeType.PESSIMISTIC_WRITE);
        UserAccount presenter = presenterId == null ? caller.account() : em.find(UserAccount.class, presenterId);
        AgendaItem item = s.addToAgenda(a, presenter, caller.email(), now());
        em.flush();
        audit.record(caller.email(), "CommitteeSession", s.getId(), AuditAction.AGENDA_ADD, a.getReference() + " put on the agenda");
        audit.record(caller.email(), "Application", a.getId(), AuditAction.ON_AGENDA, "On the agenda of session " + s.getId()
                + " (item " + item.getId() + ")");
        return view(s);
    }

    @RolesAllowed(Roles.ADVISOR)
    public CommitteeViews.Session removeFromAgenda(long sessionId, long itemId) {
        CommitteeSession s = lockedForAdvisor(sessionId);
        AgendaItem item = s.item(itemId);
        Application a = item.getApplication();
        s.removeFromAgenda(item, caller.email(), now());
        em.flush();
        audit.record(caller.email(), "CommitteeSession", s.getId(), AuditAction.AGENDA_REMOVE, a.getReference() + " taken off the agenda");
        return view(s);
    }

    /** Moves an item one place up (negative delta) or down (positive). */
    @RolesAllowed(Roles.ADVISOR)
    public CommitteeViews.Session move(long sessionId, long itemId, int delta) {
        CommitteeSession s = lockedForAdvisor(sessionId);
        s.move(s.item(itemId), delta);
        em.flush();
        audit.record(caller.email(), "CommitteeSession", s.getId(), AuditAction.AGENDA_MOVE, "Item " + itemId + " moved " + delta);
        return view(s);
    }

    /**
     * Sends the convocation with the agenda to each member not yet convened to the session's date and
     * place; returns how many mails were queued (0 when every member already has it). An empty
     * agenda is refused.
     */
    @RolesAllowed(Roles.ADVISOR)
    public int convene(long sessionId) {
        CommitteeSession s = lockedForAdvisor(sessionId);
        List<UserAccount> fresh = s.convene(s.getCommittee().getMembers().stream().map(CommitteeMember::getAccount).toList());
        String agenda = s.getItems().stream().map(i -> i.getPosition() + ". " + i.getApplication().getReference() + " — "
                + i.getApplication().getEnterprise().getLegalName() + " — " + i.getApplication().getTitle())
                .collect(Collectors.joining("\n"));
        String where = s.getPlace() != null ? s.getPlace() : s.getVideoLink();
        for (UserAccount account : fresh) {
            Locale locale = MailTemplates.recipientLocale(account.getPreferredLocale());
            String when = DateTimeFormatter.ofPattern(locale.getLanguage().equals("en") ? "d MMMM yyyy, HH:mm" : "d MMMM yyyy 'à' HH:mm",
                    locale).format(s.getStartsAt());
            mail.sessionConvened(account.getEmail(), locale, s.getId(), when, s.getCommittee().getName(), where, agenda);
        }
        em.flush();
        audit.record(caller.email(), "CommitteeSession", s.getId(), AuditAction.CONVENE, fresh.size() + " member(s) convened");
        return fresh.size();
    }

    // ---- the sitting -------------------------------------------------------------------------------

    /** The chair opens the session and takes attendance (account ids of the members present). */
    @RolesAllowed(Roles.COMMITTEE_MEMBER)
    public CommitteeViews.Session open(long sessionId, Collection<Long> presentAccountIds) {
        CommitteeSession s = visible(sessionId, true);
        UserAccount me = caller.account();
        List<UserAccount> present = attendees(presentAccountIds);
        s.open(me, present, now());
        em.flush();
        audit.record(me.getEmail(), "CommitteeSession", s.getId(), AuditAction.OPEN, "Session opened, " + present.size() + " present: "
                + "accounts " + present.stream().map(m -> String.valueOf(m.getId())).collect(Collectors.joining(", ")));
        return view(s);
    }

    /**
     * The chair corrects the attendance of the open session (account ids of the members present,
     * each once): a member forgotten at the opening can vote, one marked by mistake no longer counts.
     */
    @RolesAllowed(Roles.COMMITTEE_MEMBER)
    public CommitteeViews.Session correctAttendance(long sessionId, Collection<Long> presentAccountIds) {
        CommitteeSession s = visible(sessionId, true);
        UserAccount me = caller.account();
        List<UserAccount> present = attendees(presentAccountIds);
        s.correctAttendance(me, present);
        em.flush();
        audit.record(me.getEmail(), "CommitteeSession", s.getId(), AuditAction.ATTENDANCE, "Attendance corrected, " + present.size()
                + " present: " + "accounts " + present.stream().map(m -> String.valueOf(m.getId())).collect(Collectors.joining(", ")));
        return view(s);
    }

    /**
     * The chair adjourns the open session with a reason: undecided files go back to be scheduled
     * (READY_FOR_COMMITTEE), decisions taken stay, the session is closed and its minutes, which
     * carry the reason and the adjourned files, are kept.
     */
    @RolesAllowed(Roles.COMMITTEE_MEMBER)
    public CommitteeViews.Session adjourn(long sessionId, String reason) {
        CommitteeSession s = visible(sessionId, true);
        UserAccount me = caller.account();
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "session.adjournReasonRequired");
        }
        if (!FreeText.isClean(reason, true)) {
            throw new InvalidInputException("reason", "text.invalidCharacters");
        }
        if (reason.strip().length() > CommitteeSession.ADJOURNMENT_MAX) {
            throw new InvalidInputException("reason", "field.tooLong", CommitteeSession.ADJOURNMENT_MAX);
        }
        for (AgendaItem item : s.getItems()) {
            if (!item.isDecided()) {
                em.lock(item.getApplication(), LockModeType.PESSIMISTIC_WRITE);
            }
        }
        Instant now = now();
        List<Application> adjourned = s.adjourn(me, reason, now);
        em.flush();
        List<String> references = adjourned.stream().map(a -> a.getReference().toString()).toList();
        byte[] pdf = SessionMinutesReport.pdf(s, references, sessions.minutesRules(s), Locale.FRENCH, NETWORK_ZONE);
        em.persist(new SessionMinutes(s.getId(), pdf, Crypto.sha256Hex(pdf), now));
        mailDecisions(s);
        em.flush();
        for (Application a : adjourned) {
            audit.record(me.getEmail(), "Application", a.getId(), AuditAction.ADJOURNED, "Taken off the agenda of session " + s.getId()
                    + ", adjourned: " + s.getAdjournmentReason());
        }
        audit.record(me.getEmail(), "CommitteeSession", s.getId(), AuditAction.ADJOURN, "Session adjourned, " + adjourned.size()
                + " file(s) back to be scheduled" + (references.isEmpty() ? "" : " (" + String.join(", ", references) + ")")
                + ": " + s.getAdjournmentReason() + "; minutes " + Crypto.sha256Hex(pdf));
        return view(s);
    }

    private List<UserAccount> attendees(Collection<Long> accountIds) {
        List<UserAccount> present = new ArrayList<>();
        for (Long id : accountIds == null ? List.<Long>of() : accountIds) {
            UserAccount a = id == null ? null : em.find(UserAccount.class, id);
            if (a == null) {
                throw new InvalidInputException("present", "committee.notMember");
            }
            present.add(a);
        }
        return present;
    }

    /** The chair marks a member who arrived late as present. */
    @RolesAllowed(Roles.COMMITTEE_MEMBER)
    public CommitteeViews.Session markPresent(long sessionId, long accountId) {
        CommitteeSession s = visible(sessionId, true);
        UserAccount me = caller.account();
        if (!s.getCommittee().isChair(me)) {
            throw new ConflictException("COMMITTEE_RULE", "committee.notChair");
        }
        UserAccount member = em.find(UserAccount.class, accountId);
        s.markPresent(member);
        em.flush();
        audit.record(me.getEmail(), "CommitteeSession", s.getId(), AuditAction.PRESENT, "Account " + member.getId() + " marked present");
        return view(s);
    }

    /** The caller declares a conflict of interest on an item; any vote already cast on it is withdrawn. */
    @RolesAllowed(Roles.COMMITTEE_MEMBER)
    public CommitteeViews.Session declareConflict(long sessionId, long itemId, String reason) {
        CommitteeSession s = visible(sessionId, true);
        UserAccount me = caller.account();
        AgendaItem item = s.item(itemId);
        if (reason != null && reason.strip().length() > ConflictOfInterest.REASON_MAX) {
            throw new InvalidInputException("reason", "field.tooLong", ConflictOfInterest.REASON_MAX);
        }
        if (!FreeText.isClean(reason, true)) {
            throw new InvalidInputException("reason", "text.invalidCharacters");
        }
        s.declareConflict(item, me, reason, now());
        em.flush();
        audit.record(me.getEmail(), "CommitteeSession", s.getId(), AuditAction.CONFLICT, "Conflict of interest declared on "
                + item.getApplication().getReference());
        return view(s);
    }

    /** The caller votes FOR, AGAINST or ABSTAIN on an item; voting again replaces the vote. */
    @RolesAllowed(Roles.COMMITTEE_MEMBER)
    public CommitteeViews.Session vote(long sessionId, long itemId, String choice) {
        CommitteeSession s = visible(sessionId, true);
        UserAccount me = caller.account();
        VoteChoice c = parse(VoteChoice.class, choice, "choice");
        AgendaItem item = s.item(itemId);
        s.vote(item, me, c, now());
        em.flush();
        audit.record(me.getEmail(), "CommitteeSession", s.getId(), AuditAction.VOTE, "Vote on " + item.getApplication().getReference());
        return view(s);
    }

    /**
     * The chair records the decision on an item. {@code expectedItemVersion} is the item's version
     * as the chair last saw it (-1 to skip): when someone recorded a decision meanwhile, the chair is
     * told that the record changed.
     */
    @RolesAllowed(Roles.COMMITTEE_MEMBER)
    public CommitteeViews.Session decide(long sessionId, long itemId, long expectedItemVersion, DecisionInput in) {
        CommitteeSession s = visible(sessionId, true);
        UserAccount me = caller.account();
        AgendaItem item = s.item(itemId);
        if (item.isDecided() || (expectedItemVersion >= 0 && item.getVersion() != expectedItemVersion)) {
            if (s.getStatus() == SessionStatus.CLOSED) {
                throw new ConflictException("COMMITTEE_RULE", "session.closed");
            }
            throw new ConcurrentChangeException();
        }
        if (in == null || in.outcome() == null || in.outcome().isBlank()) {
            throw new InvalidInputException("outcome", "decision.outcomeRequired");
        }
        DecisionOutcome outcome = parse(DecisionOutcome.class, in.outcome(), "outcome");
        List<FinancingLine> lines = outcome == DecisionOutcome.APPROVED ? Lines.parseAll(in.lines()) : List.of();
        if (outcome == DecisionOutcome.APPROVED && lines.size() > Application.MAX_LINES) {
            throw new InvalidInputException("lines", "line.tooMany", Application.MAX_LINES);
        }
        String conditions = text("conditions", in.conditions());
        String reasons = text("reasons", in.reasons());
        em.lock(item.getApplication(), LockModeType.PESSIMISTIC_WRITE);
        // decided under the committee rule of the rules the file was submitted under
        CommitteeRule rule = SessionQuery.rule(sessions.committeeRules(s), item.getApplication());
        Decision d = s.recordDecision(item, me, outcome, lines, conditions, reasons, rule, now());
        em.persist(d);
        em.lock(item, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        em.flush();
        audit.record(me.getEmail(), "Application", item.getApplication().getId(), AuditAction.decision(outcome),
                "Decision " + outcome + " at session " + s.getId() + total(lines));
        if (outcome == DecisionOutcome.APPROVED && in.conditionItems() != null && !in.conditionItems().isEmpty()) {
            conditionItems.record(d, in.conditionItems());
        }
        return view(s);
    }

    private static String total(List<FinancingLine> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        Money t = Money.zero();
        for (FinancingLine l : lines) {
            t = t.plus(l.getAmount());
        }
        return ", granted " + t.amount().toPlainString() + " EUR";
    }

    /**
     * The chair closes the session: decisions become final, the minutes are generated and kept, and
     * the applicants are told by mail that their decision letter is ready.
     */
    @RolesAllowed(Roles.COMMITTEE_MEMBER)
    public CommitteeViews.Session close(long sessionId) {
        CommitteeSession s = visible(sessionId, true);
        UserAccount me = caller.account();
        Instant now = now();
        s.close(me, now);
        em.flush();
        byte[] pdf = SessionMinutesReport.pdf(s, List.of(), sessions.minutesRules(s), Locale.FRENCH, NETWORK_ZONE);
        em.persist(new SessionMinutes(s.getId(), pdf, Crypto.sha256Hex(pdf), now));
        mailDecisions(s);
        em.flush();
        audit.record(me.getEmail(), "CommitteeSession", s.getId(), AuditAction.CLOSE, "Session closed, "
                + s.getItems().size() + " decision(s), minutes " + Crypto.sha256Hex(pdf));
        return view(s);
    }

    /** The minutes of a closed session, as kept at closing. */
    @RolesAllowed({Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.ADMIN})
    public byte[] minutes(long sessionId) {
        CommitteeSession s = seen(sessionId, false);
        SessionMinutes m = em.find(SessionMinutes.class, s.getId());
        if (m == null) {
            throw new NotFoundException("minutes");
        }
        return m.getContent();
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private Instant now() {
        return Instant.now(clock);
    }

    /**
     * A session the caller may see (a member of its committee, or an advisor or admin of its
     * association), optionally locked for a change, with its agenda loaded as the view and the rules
     * of a sitting read it (a fixed number of statements); anyone else is told it does not exist.
     */
    private CommitteeSession visible(long id, boolean lock) {
        CommitteeSession s = seen(id, lock);
        sessions.loadAgenda(s);
        return s;
    }

    /** The same check, with the committee's members loaded but not the agenda. */
    private CommitteeSession seen(long id, boolean lock) {
        CommitteeSession s = sessions.session(id, lock);
        if (s == null || !canSee(caller.account(), s)) {
            throw new NotFoundException("session");
        }
        return s;
    }

    private static boolean canSee(UserAccount me, CommitteeSession s) {
        if (s.getCommittee().isMember(me)) {
            return true;
        }
        if (me.hasRole(Role.ADMIN) && me.getAssociation() == null) {
            return true;
        }
        return (me.hasRole(Role.ADVISOR) || me.hasRole(Role.ADMIN))
                && Objects.equals(me.getAssociation(), s.getCommittee().getAssociation());
    }

    private CommitteeSession lockedForAdvisor(long sessionId) {
        CommitteeSession s = em.find(CommitteeSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        UserAccount me = caller.account();
        if (s == null || !me.hasRole(Role.ADVISOR) || !Objects.equals(me.getAssociation(), s.getCommittee().getAssociation())) {
            throw new NotFoundException("session");
        }
        sessions.loadMembers(s.getCommittee());
        sessions.loadAgenda(s);
        return s;
    }

    private CommitteeViews.Session view(CommitteeSession s) {
        return sessions.view(s, caller.account());
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > Decision.TEXT_MAX) {
            throw new InvalidInputException(field, "field.tooLong", Decision.TEXT_MAX);
        }
        if (!FreeText.isClean(v, true)) {
            throw new InvalidInputException(field, "text.invalidCharacters");
        }
        return v;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "field.invalidChoice");
        }
    }

    /** Each decided file's owners are told its decision, in their language, once the session is over. */
    private void mailDecisions(CommitteeSession s) {
        for (AgendaItem item : s.getItems()) {
            if (!item.isDecided()) {
                continue;
            }
            Application a = item.getApplication();
            for (UserAccount owner : a.getEnterprise().getOwners()) {
                mail.decisionMade(owner.getEmail(), MailTemplates.recipientLocale(owner.getPreferredLocale()),
                        a.getReference(), item.getDecision().getOutcome());
            }
        }
    }
}
