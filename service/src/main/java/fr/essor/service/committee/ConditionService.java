package fr.essor.service.committee;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.application.Application;
import fr.essor.model.application.ApplicationDocument;
import fr.essor.model.application.DocumentKind;
import fr.essor.model.committee.ConditionLifter;
import fr.essor.model.committee.Decision;
import fr.essor.model.committee.DecisionCondition;
import fr.essor.model.committee.GrantedLine;
import fr.essor.model.document.DocumentCheck;
import fr.essor.service.application.ApplicationAccess;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.security.Access;
import fr.essor.service.security.UseCaseService;
import fr.essor.service.shared.Columns;
import fr.essor.service.shared.ConflictException;
import fr.essor.service.shared.ForbiddenException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.Locking;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Page;
import fr.essor.service.shared.Roles;
import fr.essor.service.shared.RuleRefusals;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Conditions precedent of an approval (issue 13): recorded by the committee with its decision, seen
 * and provided by the entrepreneur (a document checked as every upload is), lifted or refused by
 * the advisor. While one is not lifted, the money of the line it holds back is not paid out
 * (invariant 7, {@link #requireLifted}).
 */
@Stateless
@Interceptors(RuleRefusals.class)
public class ConditionService extends UseCaseService {

    static final ZoneId NETWORK_ZONE = ZoneId.of("Europe/Paris");
    /** A decision carries a bounded number of conditions. */
    public static final int MAX_CONDITIONS = 20;

    @Inject
    private ApplicationAccess applications;

    private final Clock clock = Clock.systemUTC();

    /**
     * The committee's conditions of an approval it has just recorded, in the same transaction (called
     * by {@link CommitteeService#decide}): each due today or later, each on a line of the decision.
     * The items' single-value rules are the model's ({@link DecisionCondition}), refused on their field
     * with the same keys as the record's constraints: called from another use case, a container-level
     * violation would leave it as a system exception.
     */
    @RolesAllowed(Roles.COMMITTEE_MEMBER)
    public int record(Decision decision, List<ConditionInput> items) {
        if (items == null || items.isEmpty()) {
            return 0;
        }
        if (items.size() > MAX_CONDITIONS) {
            throw new InvalidInputException("conditionItems", "condition.tooMany", MAX_CONDITIONS);
        }
        LocalDate today = today();
        String me = caller.email();
        for (ConditionInput in : items) {
            if (in == null) {
                throw new InvalidInputException("conditionItems", "field.required");
            }
            if (in.dueDate() != null && in.dueDate().isBefore(today)) {
                throw new InvalidInputException("dueDate", "condition.dueInPast");
            }
            GrantedLine line = null;
            if (in.lineNo() != null) {
                List<GrantedLine> granted = decision.getGranted();
                if (in.lineNo() < 0 || in.lineNo() >= granted.size()) {
                    throw new InvalidInputException("line", "condition.lineUnknown");
                }
                line = granted.get(in.lineNo());
            }
            DecisionCondition c = new DecisionCondition(decision, line, in.kind(), in.text(), in.liftedBy(), in.dueDate(), me,
                    Instant.now(clock));
            em.persist(c);
            em.flush();
            audit.record(me, "Application", decision.getApplication().getId(), AuditAction.CONDITION_RECORDED,
                    "Condition " + c.getId() + " (" + c.getKind() + (line == null ? ", every line" : ", line " + line.getId())
                            + ", due " + c.getDueDate() + ")");
        }
        return items.size();
    }

    /**
     * The conditions of a file's approvals, due first: for its applicants once the decision is final
     * (the session closed), for the staff of its association and its committee's members.
     */
    @RolesAllowed({Roles.ENTREPRENEUR, Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.ADMIN})
    public List<ConditionViews.Condition> ofApplication(long applicationId) {
        Application a = applications.visible(applicationId);
        UserAccount me = caller.account();
        if (a.getEnterprise().isOwnedBy(me) && !Access.isStaffOf(me, a.getEnterprise()) && applications.decisionPending(a)) {
            return List.of();
        }
        LocalDate today = today();
        return em.createQuery("SELECT c FROM DecisionCondition c LEFT JOIN FETCH c.line WHERE c.decision.application = :a"
                        + " ORDER BY c.dueDate, c.id", DecisionCondition.class)
                .setParameter("a", a).setMaxResults(Page.MAX_SIZE).getResultList().stream()
                .map(c -> ConditionViews.Condition.of(c, today)).toList();
    }

    /** The entrepreneur provides what a condition asks: a document, checked from its content as every upload is. */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public ConditionViews.Condition provide(long conditionId, String originalFileName, byte[] content) {
        DecisionCondition c = find(conditionId);
        Application a = c.getDecision().getApplication();
        if (!a.getEnterprise().isOwnedBy(caller.account()) || applications.decisionPending(a)) {
            throw new NotFoundException("condition");
        }
        Locking.atVersion(em, c, -1);
        if (!c.getStatus().canProvide()) {
            throw new ConflictException("CONDITION_RULE", "condition.notOpen", c.getText());
        }
        DocumentCheck.Accepted ok = applications.acceptedDocument(a, originalFileName, content);
        ApplicationDocument document = applications.store(a, DocumentKind.OTHER, ok, content, Instant.now(clock));
        c.provide(document.getId());
        em.flush();
        audit.record(caller.email(), "Application", a.getId(), AuditAction.CONDITION_PROVIDED, "Condition " + c.getId()
                + ": document " + document.getId() + " (" + ok.size() + " bytes, sha256 " + ok.sha256() + ")");
        return ConditionViews.Condition.of(c, today());
    }

    /** The advisor (or the admin, when the committee said so) lifts a condition: the money it held back may go. */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public ConditionViews.Condition lift(long conditionId, String comment) {
        DecisionCondition c = decidable(conditionId);
        c.lift(comment, caller.email(), Instant.now(clock));
        em.flush();
        audit.record(caller.email(), "Application", c.getDecision().getApplication().getId(), AuditAction.CONDITION_LIFTED,
                "Condition " + c.getId() + " lifted" + (c.getComment() == null ? "" : ": " + c.getComment()));
        return ConditionViews.Condition.of(c, today());
    }

    /** The advisor refuses what was provided, saying why; the entrepreneur may provide again. */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public ConditionViews.Condition refuse(long conditionId, String comment) {
        DecisionCondition c = decidable(conditionId);
        c.refuse(comment, caller.email(), Instant.now(clock));
        em.flush();
        audit.record(caller.email(), "Application", c.getDecision().getApplication().getId(), AuditAction.CONDITION_REFUSED,
                "Condition " + c.getId() + " refused: " + c.getComment());
        return ConditionViews.Condition.of(c, today());
    }

    /**
     * Invariant 7: refused with 409 naming the first condition, by due date, that still holds back
     * the money of that granted line (one attached to it or to its whole decision).
     */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public void requireLifted(long grantedLineId) {
        List<?> open = em.createNativeQuery("SELECT c.id, c.text FROM decision_condition c"
                        + " JOIN granted_line g ON g.decision_id = c.decision_id"
                        + " WHERE g.id = ? AND c.status <> 'LIFTED' AND (c.granted_line_id IS NULL OR c.granted_line_id = g.id)"
                        + " ORDER BY c.due_date, c.id")
                .setParameter(1, grantedLineId).setMaxResults(1).getResultList();
        if (!open.isEmpty()) {
            Object[] r = (Object[]) open.get(0);
            throw new ConflictException("CONDITION_OPEN", "condition.blocksMoney", r[1], ((Number) r[0]).longValue());
        }
    }

    /** Conditions of the caller's association past their due date and not lifted, the oldest first, paged in SQL. */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public Page<ConditionViews.Overdue> overdue(int first, int size) {
        UserAccount me = caller.account();
        String scope = me.getAssociation() == null ? "1 = 1" : "e.association_id = " + me.getAssociation().getId();
        String from = " FROM decision_condition c JOIN decision d ON d.id = c.decision_id"
                + " JOIN application ap ON ap.id = d.application_id JOIN enterprise e ON e.id = ap.enterprise_id"
                + " WHERE " + scope + " AND c.status <> 'LIFTED' AND c.due_date < ?";
        int pageSize = Page.clampSize(size);
        LocalDate today = today();
        List<?> rows = em.createNativeQuery("SELECT c.id, ap.id, ap.reference, e.legal_name, c.kind, c.text, c.due_date, c.status"
                        + from + " ORDER BY c.due_date, c.id LIMIT " + pageSize + " OFFSET " + Math.max(0, first))
                .setParameter(1, today).getResultList();
        long total = ((Number) em.createNativeQuery("SELECT COUNT(*)" + from).setParameter(1, today).getSingleResult())
                .longValue();
        List<ConditionViews.Overdue> items = new ArrayList<>();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            items.add(new ConditionViews.Overdue(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                    (String) r[3], (String) r[4], (String) r[5], Columns.date(r[6]), (String) r[7]));
        }
        return new Page<>(items, total, Math.max(0, first), pageSize);
    }

    private DecisionCondition find(long id) {
        DecisionCondition c = em.find(DecisionCondition.class, id);
        if (c == null) {
            throw new NotFoundException("condition");
        }
        return c;
    }

    /** A condition of the caller's association, locked; the admin's when the committee said the admin lifts it. */
    private DecisionCondition decidable(long id) {
        DecisionCondition c = find(id);
        UserAccount me = caller.account();
        if (!Access.isStaffOf(me, c.getDecision().getApplication().getEnterprise())) {
            throw new NotFoundException("condition");
        }
        if (c.getLifter() == ConditionLifter.ADMIN && !me.hasRole(Role.ADMIN)) {
            throw new ForbiddenException("FORBIDDEN", "condition.liftedByAdmin");
        }
        return Locking.atVersion(em, c, -1);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(NETWORK_ZONE));
    }
}
