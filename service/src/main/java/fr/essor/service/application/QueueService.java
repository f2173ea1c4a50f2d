package fr.essor.service.application;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.application.Application;
import fr.essor.model.application.ApplicationStatus;
import fr.essor.model.application.SavedFilter;
import fr.essor.model.enterprise.Enterprise;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.security.Access;
import fr.essor.service.security.UseCaseService;
import fr.essor.service.shared.ForbiddenException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.Locking;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Page;
import fr.essor.service.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The advisors' work queue: the applications of the caller's association (of the whole network for a
 * national administrator), who instructs each, and the filters each advisor saved.
 */
@Stateless
@RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
public class QueueService extends UseCaseService {

    /** Enough for anyone's habits; more is a sign of a script gone wrong. */
    public static final int MAX_SAVED_FILTERS = 30;

    @Inject
    private ApplicationQueue queue;

    /** An advisor someone may hand a file to. */
    public record Colleague(long id, String name) implements Serializable {
    }

    /** Who instructs an application now, and the application's new version. */
    public record Assignment(long applicationId, Long advisorId, String advisorName, long version) implements Serializable {
    }

    public record SavedFilterView(long id, String name, QueueFilter filter) implements Serializable {
    }

    /** One page of the queue in the caller's scope. */
    public Page<QueueRow> page(QueueFilter filter, QueueSort sort, int first, int size) {
        return queue.page(scope(caller.account()), checked(filter), sort, first, size);
    }

    /** Counts per status in the caller's scope, for the filter without its statuses. */
    public Map<String, Long> countsByStatus(QueueFilter filter) {
        return queue.countsByStatus(scope(caller.account()), checked(filter));
    }

    /** The caller's account id, for "assigned to me". */
    public long me() {
        return caller.account().getId();
    }

    /** Active advisors of the caller's association (of the network for a national administrator), by name. */
    public List<Colleague> colleagues() {
        Long scope = scope(caller.account());
        String jpql = "SELECT u.id, u.displayName FROM UserAccount u JOIN u.roles r WHERE r = :role AND u.active = TRUE"
                + (scope == null ? "" : " AND u.association.id = :association") + " ORDER BY u.displayName, u.id";
        var q = em.createQuery(jpql, Object[].class).setParameter("role", Role.ADVISOR);
        if (scope != null) {
            q.setParameter("association", scope);
        }
        return q.getResultList().stream().map(r -> new Colleague((Long) r[0], (String) r[1])).toList();
    }

    /**
     * Hands an application to an active advisor of its association (the caller or a colleague), or to
     * nobody when {@code advisorId} is null; refused when the application changed since
     * {@code expectedVersion} was read (a negative version skips the check).
     */
    public Assignment assign(long applicationId, Long advisorId, long expectedVersion) {
        UserAccount me = caller.account();
        Application a = em.find(Application.class, applicationId);
        if (a == null || a.getStatus() == ApplicationStatus.DRAFT || !Access.isStaffOf(me, a.getEnterprise())) {
            throw new NotFoundException("application");
        }
        Locking.atVersion(em, a, expectedVersion);
        UserAccount previous = a.getAssignedAdvisor();
        UserAccount advisor = advisorId == null ? null : colleagueFor(advisorId, a.getEnterprise());
        if (Objects.equals(previous == null ? null : previous.getId(), advisorId)) {
            return assignment(a);
        }
        if (advisor == null) {
            a.unassign();
        } else {
            a.assignTo(advisor);
        }
        em.flush();
        audit.record(me.getEmail(), "Application", a.getId(), advisor == null ? AuditAction.UNASSIGN : AuditAction.ASSIGN,
                advisor == null ? "Unassigned (was " + (previous == null ? "nobody" : "account " + previous.getId()) + ")"
                        : "Assigned to account " + advisor.getId());
        return assignment(a);
    }

    private UserAccount colleagueFor(long advisorId, Enterprise enterprise) {
        UserAccount advisor = em.find(UserAccount.class, advisorId);
        if (advisor == null || !advisor.isActive() || !advisor.hasRole(Role.ADVISOR) || advisor.getAssociation() == null
                || !advisor.getAssociation().getId().equals(enterprise.getAssociation().getId())) {
            throw new InvalidInputException("advisorId", "queue.notAColleague");
        }
        return advisor;
    }

    private static Assignment assignment(Application a) {
        UserAccount advisor = a.getAssignedAdvisor();
        return new Assignment(a.getId(), advisor == null ? null : advisor.getId(),
                advisor == null ? null : advisor.getDisplayName(), a.getVersion());
    }

    /** Saves the filter under that name for the caller; a filter of the same name is replaced. */
    public SavedFilterView saveFilter(String name, QueueFilter filter) {
        UserAccount me = caller.account();
        String n = ApplicationService.requiredLine("name", name, SavedFilter.NAME_MAX);
        String criteria = checked(filter == null ? QueueFilter.any() : filter).serialize();
        if (criteria.length() > SavedFilter.CRITERIA_MAX) {
            throw new InvalidInputException("name", "queue.filterTooLong");
        }
        List<SavedFilter> existing = em.createQuery("SELECT f FROM SavedFilter f WHERE f.account = :me AND f.name = :name",
                SavedFilter.class).setParameter("me", me).setParameter("name", n).getResultList();
        SavedFilter saved;
        if (existing.isEmpty()) {
            long count = em.createQuery("SELECT COUNT(f) FROM SavedFilter f WHERE f.account = :me", Long.class)
                    .setParameter("me", me).getSingleResult();
            if (count >= MAX_SAVED_FILTERS) {
                throw new InvalidInputException("name", "queue.tooManyFilters", MAX_SAVED_FILTERS);
            }
            saved = new SavedFilter(me, n, criteria);
            em.persist(saved);
        } else {
            saved = existing.get(0);
            saved.replaceCriteria(criteria);
        }
        em.flush();
        audit.record(me.getEmail(), "SavedFilter", saved.getId(), existing.isEmpty() ? AuditAction.CREATE : AuditAction.REPLACE,
                "Queue filter \"" + n + "\": " + criteria);
        return new SavedFilterView(saved.getId(), saved.getName(), QueueFilter.parse(saved.getCriteria()));
    }

    /** The caller's saved filters, by name. */
    public List<SavedFilterView> savedFilters() {
        return em.createQuery("SELECT f FROM SavedFilter f WHERE f.account = :me ORDER BY f.name, f.id", SavedFilter.class)
                .setParameter("me", caller.account()).getResultList().stream()
                .map(f -> new SavedFilterView(f.getId(), f.getName(), QueueFilter.parse(f.getCriteria()))).toList();
    }

    /** Deletes one of the caller's saved filters; anyone else's does not exist for the caller. */
    public void deleteFilter(long id) {
        UserAccount me = caller.account();
        SavedFilter f = em.find(SavedFilter.class, id);
        if (f == null || !f.belongsTo(me)) {
            throw new NotFoundException("filter");
        }
        em.remove(f);
        em.flush();
        audit.record(me.getEmail(), "SavedFilter", id, AuditAction.DELETE, "Queue filter \"" + f.getName() + "\" deleted");
    }

    /** Staff see their association; a national administrator (no association) sees the network. */
    private static Long scope(UserAccount account) {
        if (account.getAssociation() != null) {
            return account.getAssociation().getId();
        }
        if (account.hasRole(Role.ADMIN)) {
            return null;
        }
        throw new ForbiddenException();
    }

    private static QueueFilter checked(QueueFilter filter) {
        QueueFilter f = filter == null ? QueueFilter.any() : filter;
        if (f.text() != null && f.text().length() > QueueFilter.TEXT_MAX) {
            throw new InvalidInputException("text", "field.tooLong", QueueFilter.TEXT_MAX);
        }
        if (f.department() != null && f.department().length() > QueueFilter.DEPARTMENT_MAX) {
            throw new InvalidInputException("department", "field.tooLong", QueueFilter.DEPARTMENT_MAX);
        }
        if (f.submittedFrom() != null && f.submittedTo() != null && f.submittedTo().isBefore(f.submittedFrom())) {
            throw new InvalidInputException("submittedTo", "queue.datesReversed");
        }
        return f;
    }
}
