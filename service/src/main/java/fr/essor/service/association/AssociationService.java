package fr.essor.service.association;

import fr.essor.model.application.ApplicationStatus;
import fr.essor.model.association.Association;
import fr.essor.model.enterprise.Enterprise;
import fr.essor.model.shared.FreeText;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.security.UseCaseService;
import fr.essor.service.shared.ConflictException;
import fr.essor.service.shared.ForbiddenException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Page;
import fr.essor.service.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The territorial associations (tenants) of the network and their territory. National
 * administrators create, edit, deactivate and reactivate associations and give them their
 * départements; an association's own administrator sees and renames his association only.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class AssociationService extends UseCaseService {

    static final Pattern CODE = Pattern.compile("^[A-Z]{2,10}$");
    private static final Pattern DEPARTMENT = Pattern.compile("^(" + Enterprise.DEPARTMENT_PATTERN + ")$");
    /** What an open file is: anything but REJECTED, CLOSED and WITHDRAWN. */
    private static final List<ApplicationStatus> FINISHED = Arrays.stream(ApplicationStatus.values())
            .filter(ApplicationStatus::isTerminal).toList();

    /** The associations the caller administers: all for a national administrator, his own otherwise. */
    public Page<AssociationView> list(int first, int size) {
        int pageSize = Page.clampSize(size);
        Association scope = scope();
        String where = scope == null ? "" : " WHERE a = :scope";
        var q = em.createQuery("SELECT a FROM Association a" + where + " ORDER BY a.code", Association.class);
        var c = em.createQuery("SELECT COUNT(a) FROM Association a" + where, Long.class);
        if (scope != null) {
            q.setParameter("scope", scope);
            c.setParameter("scope", scope);
        }
        List<AssociationView> items = q.setFirstResult(Math.max(0, first)).setMaxResults(pageSize).getResultList()
                .stream().map(AssociationView::of).toList();
        return new Page<>(items, c.getSingleResult(), first, pageSize);
    }

    /** The associations the caller administers, for choice lists (a network has a few dozen). */
    public List<AssociationView> all() {
        Association scope = scope();
        if (scope != null) {
            return List.of(AssociationView.of(scope));
        }
        return em.createQuery("SELECT a FROM Association a ORDER BY a.code", Association.class).getResultList()
                .stream().map(AssociationView::of).toList();
    }

    /** One association; another association than his own is refused to an association's administrator. */
    public AssociationView get(long id) {
        return AssociationView.of(visible(id));
    }

    public AssociationView create(String code, String name, String region) {
        requireNational();
        String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(c).matches()) {
            throw new InvalidInputException("code", "association.codeInvalid");
        }
        String n = required("name", name, Association.NAME_MAX);
        String r = required("region", region, Association.REGION_MAX);
        long taken = em.createQuery("SELECT COUNT(a) FROM Association a WHERE a.code = :code", Long.class)
                .setParameter("code", c).getSingleResult();
        if (taken > 0) {
            throw new ConflictException("CODE_TAKEN", "association.codeTaken", c);
        }
        Association association = new Association(c, n, r);
        em.persist(association);
        em.flush();
        audit.record(caller.actor(), "Association", association.getId(), AuditAction.CREATE, "Association " + c + " created");
        return AssociationView.of(association);
    }

    /** Renames an association (its name and region; the code never changes). */
    public AssociationView rename(long id, String name, String region) {
        Association association = visible(id);
        association.rename(required("name", name, Association.NAME_MAX), required("region", region, Association.REGION_MAX));
        audit.record(caller.actor(), "Association", association.getId(), AuditAction.UPDATE,
                "Association " + association.getCode() + " renamed");
        return AssociationView.of(association);
    }

    /**
     * Deactivates an association: it then receives no new file. Refused, with their number, while
     * files of its enterprises are still open (anything but rejected, closed or withdrawn). The
     * association's row is locked first, so that two administrators deactivating it at once record
     * one change.
     */
    public AssociationView deactivate(long id) {
        requireNational();
        Association association = locked(id);
        if (!association.isActive()) {
            return AssociationView.of(association);
        }
        long open = openFiles(association);
        if (open > 0) {
            throw new ConflictException("OPEN_FILES", "association.openFiles", association.getCode(), open);
        }
        association.deactivate();
        audit.record(caller.actor(), "Association", association.getId(), AuditAction.DEACTIVATE,
                "Association " + association.getCode() + " deactivated");
        return AssociationView.of(association);
    }

    public AssociationView activate(long id) {
        requireNational();
        Association association = locked(id);
        if (association.isActive()) {
            return AssociationView.of(association);
        }
        association.activate();
        audit.record(caller.actor(), "Association", association.getId(), AuditAction.ACTIVATE,
                "Association " + association.getCode() + " reactivated");
        return AssociationView.of(association);
    }

    /** The number of files of the association's enterprises that are not finished. */
    public long openFiles(long id) {
        return openFiles(visible(id));
    }

    private long openFiles(Association association) {
        return em.createQuery("SELECT COUNT(a) FROM Application a WHERE a.enterprise.association = :as"
                        + " AND a.status NOT IN :finished", Long.class)
                .setParameter("as", association).setParameter("finished", FINISHED).getSingleResult();
    }

    // ---- territory -----------------------------------------------------------------------------------

    /** The départements of an association, in order. */
    public List<String> departments(long id) {
        Association association = visible(id);
        return em.createNativeQuery("SELECT department FROM association_department WHERE association_id = ?1"
                        + " ORDER BY department")
                .setParameter(1, association.getId()).getResultList().stream().map(Object::toString).toList();
    }

    /** Every département given to an association, with its association's code: the national administrator's map. */
    public List<DepartmentView> territory() {
        requireNational();
        List<?> rows = em.createNativeQuery("SELECT d.department, a.id, a.code, a.active FROM association_department d"
                + " JOIN association a ON a.id = d.association_id ORDER BY d.department").getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new DepartmentView(r[0].toString(),
                ((Number) r[1]).longValue(), r[2].toString(), Boolean.TRUE.equals(bool(r[3])))).toList();
    }

    /**
     * Gives a département to an association. A département belongs to one association at most: the
     * primary key of {@code association_department} on the département decides between two
     * administrators giving it at the same moment (one insert wins, the other is refused), a
     * département already given is refused naming its association (to take it, move it).
     */
    public DepartmentView assign(long id, String department) {
        requireNational();
        String d = department(department);
        Association association = locked(id);
        if (!association.isActive()) {
            throw new ConflictException("ASSOCIATION_INACTIVE", "association.inactive", association.getCode());
        }
        List<?> holder = em.createNativeQuery("SELECT a.code FROM association_department d JOIN association a"
                + " ON a.id = d.association_id WHERE d.department = ?1").setParameter(1, d).getResultList();
        if (!holder.isEmpty()) {
            throw new ConflictException("DEPARTMENT_TAKEN", "department.takenBy", d, holder.get(0).toString());
        }
        try {
            em.createNativeQuery("INSERT INTO association_department (association_id, department) VALUES (?1, ?2)")
                    .setParameter(1, association.getId()).setParameter(2, d).executeUpdate();
        } catch (PersistenceException e) {
            if (duplicate(e)) {
                throw new ConflictException("DEPARTMENT_TAKEN", "department.taken", d);
            }
            throw e;
        }
        audit.record(caller.actor(), "Association", association.getId(), AuditAction.CREATE,
                "Département " + d + " given to association " + association.getCode());
        return new DepartmentView(d, association.getId(), association.getCode(), true);
    }

    /**
     * Moves a département to another (active) association. Enterprises already routed, and their
     * files, stay where they are; only enterprises described after the move go to the new one.
     */
    public DepartmentView move(String department, long targetId) {
        requireNational();
        String d = department(department);
        Association target = locked(targetId);
        if (!target.isActive()) {
            throw new ConflictException("ASSOCIATION_INACTIVE", "association.inactive", target.getCode());
        }
        List<?> current = em.createNativeQuery("SELECT association_id FROM association_department WHERE department = ?1")
                .setParameter(1, d).getResultList();
        if (current.isEmpty()) {
            throw new NotFoundException("department");
        }
        long from = ((Number) current.get(0)).longValue();
        if (from == target.getId()) {
            throw new ConflictException("DEPARTMENT_ALREADY_THERE", "department.alreadyThere", d, target.getCode());
        }
        int moved = em.createNativeQuery("UPDATE association_department SET association_id = ?1"
                        + " WHERE department = ?2 AND association_id = ?3")
                .setParameter(1, target.getId()).setParameter(2, d).setParameter(3, from).executeUpdate();
        if (moved != 1) {
            throw new ConflictException("CONCURRENT_CHANGE", "department.movedMeanwhile", d);
        }
        Association source = em.find(Association.class, from);
        audit.record(caller.actor(), "Association", target.getId(), AuditAction.UPDATE,
                "Département " + d + " moved from association " + source.getCode() + " to " + target.getCode());
        return new DepartmentView(d, target.getId(), target.getCode(), true);
    }

    /** A département of the territory as the national administrator sees it. */
    public record DepartmentView(String department, long associationId, String associationCode, boolean associationActive) {
    }

    // ---- scope ---------------------------------------------------------------------------------------

    private Association visible(long id) {
        Association association = em.find(Association.class, id);
        if (association == null) {
            throw new NotFoundException("association");
        }
        Association scope = scope();
        if (scope != null && !scope.getId().equals(association.getId())) {
            throw new ForbiddenException();
        }
        return association;
    }

    private Association locked(long id) {
        Association association = visible(id);
        em.lock(association, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(association);
        return association;
    }

    /** The association an administrator is limited to, or null for a national administrator. */
    private Association scope() {
        return caller.account().getAssociation();
    }

    private void requireNational() {
        if (scope() != null) {
            throw new ForbiddenException();
        }
    }

    private static String department(String value) {
        String d = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        if (!DEPARTMENT.matcher(d).matches()) {
            throw new InvalidInputException("department", "enterprise.departmentInvalid");
        }
        return d;
    }

    private static boolean duplicate(Throwable thrown) {
        for (Throwable c = thrown; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private static Object bool(Object value) {
        return value instanceof Number n ? n.intValue() != 0 : value;
    }

    private static String required(String field, String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new InvalidInputException(field, "field.required");
        }
        if (v.length() > max) {
            throw new InvalidInputException(field, "field.tooLong", max);
        }
        if (!FreeText.isClean(v, false)) {
            throw new InvalidInputException(field, "text.invalidCharacters");
        }
        return v;
    }
}
