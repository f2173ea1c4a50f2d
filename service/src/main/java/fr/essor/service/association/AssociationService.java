package fr.essor.service.association;

import fr.essor.model.association.Association;
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
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The territorial associations (tenants) of the network, managed by national administrators. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class AssociationService extends UseCaseService {

    static final Pattern CODE = Pattern.compile("^[A-Z]{2,10}$");

    public Page<AssociationView> list(int first, int size) {
        int pageSize = Page.clampSize(size);
        List<AssociationView> items = em.createQuery("SELECT a FROM Association a ORDER BY a.code", Association.class)
                .setFirstResult(Math.max(0, first)).setMaxResults(pageSize).getResultList()
                .stream().map(AssociationView::of).toList();
        long total = em.createQuery("SELECT COUNT(a) FROM Association a", Long.class).getSingleResult();
        return new Page<>(items, total, first, pageSize);
    }

    /** All associations, for choice lists (a network has a few dozen). */
    public List<AssociationView> all() {
        return em.createQuery("SELECT a FROM Association a ORDER BY a.code", Association.class).getResultList()
                .stream().map(AssociationView::of).toList();
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

    public AssociationView update(long id, String name, String region, boolean active) {
        requireNational();
        Association association = em.find(Association.class, id);
        if (association == null) {
            throw new NotFoundException("association");
        }
        association.rename(required("name", name, Association.NAME_MAX), required("region", region, Association.REGION_MAX));
        if (active) {
            association.activate();
        } else {
            association.deactivate();
        }
        audit.record(caller.actor(), "Association", association.getId(), AuditAction.UPDATE,
                "Association " + association.getCode() + " updated" + (active ? "" : " (inactive)"));
        return AssociationView.of(association);
    }

    private void requireNational() {
        if (caller.account().getAssociation() != null) {
            throw new ForbiddenException();
        }
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
