package fr.essor.service.enterprise;

import fr.essor.model.enterprise.Enterprise;
import fr.essor.service.security.Access;
import fr.essor.service.security.Caller;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Enterprises as their owners and the staff of their association see them. */
@Stateless
public class EnterpriseService {

    @PersistenceContext(unitName = "essor")
    private EntityManager em;

    @Inject
    private Caller caller;

    @jakarta.ejb.EJB
    private fr.essor.service.audit.AuditService audit;

    /**
     * The caller creates an enterprise they own. It belongs to the territorial association that
     * covers its department.
     */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public EnterpriseView create(EnterpriseInput in) {
        fr.essor.model.account.UserAccount me = caller.account();
        String name = text("legalName", in.legalName(), Enterprise.LEGAL_NAME_MAX, true);
        fr.essor.model.shared.Siret siret;
        try {
            siret = fr.essor.model.shared.Siret.of(in.siret() == null ? "" : in.siret());
        } catch (fr.essor.model.shared.InvalidSiretException e) {
            throw new InvalidInputException("siret", "siret." + e.reason().name());
        }
        fr.essor.model.enterprise.LegalForm form;
        try {
            form = fr.essor.model.enterprise.LegalForm.valueOf(in.legalForm() == null ? "" : in.legalForm().trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("legalForm", "enterprise.legalFormRequired");
        }
        String department = in.department() == null ? "" : in.department().trim().toUpperCase(java.util.Locale.ROOT);
        if (!department.matches(Enterprise.DEPARTMENT_PATTERN)) {
            throw new InvalidInputException("department", "enterprise.departmentInvalid");
        }
        long taken = em.createQuery("SELECT COUNT(e) FROM Enterprise e WHERE e.siret = :s", Long.class)
                .setParameter("s", siret).getSingleResult();
        if (taken > 0) {
            throw new fr.essor.service.shared.ConflictException("SIRET_TAKEN", "enterprise.siretTaken");
        }
        List<?> ids = em.createNativeQuery("SELECT association_id FROM association_department WHERE department = ?1")
                .setParameter(1, department).getResultList();
        if (ids.isEmpty()) {
            throw new InvalidInputException("department", "enterprise.noAssociation", department);
        }
        fr.essor.model.association.Association association =
                em.find(fr.essor.model.association.Association.class, ((Number) ids.get(0)).longValue());
        if (in.creationDate() != null && (in.creationDate().isAfter(java.time.LocalDate.now())
                || in.creationDate().isBefore(java.time.LocalDate.of(1800, 1, 1)))) {
            throw new InvalidInputException("creationDate", "enterprise.creationDateInvalid");
        }
        if (in.employeesFte() != null && (in.employeesFte().signum() < 0 || in.employeesFte().compareTo(new java.math.BigDecimal("99999")) > 0
                || in.employeesFte().stripTrailingZeros().scale() > 2)) {
            throw new InvalidInputException("employeesFte", "impact.fteInvalid");
        }
        Enterprise e = new Enterprise(name, siret, form, association);
        e.recordEsusApproval(in.esusApproved());
        try {
            e.changeAddress(text("addressLine", in.addressLine(), Enterprise.ADDRESS_LINE_MAX, false),
                    text("postalCode", in.postalCode(), Enterprise.POSTAL_CODE_MAX, false),
                    text("city", in.city(), Enterprise.CITY_MAX, false), department);
            e.describeActivity(text("sector", in.sector(), Enterprise.SECTOR_MAX, false), in.creationDate(), in.employeesFte());
        } catch (IllegalArgumentException | fr.essor.model.shared.EssorDomainException ex) {
            throw new InvalidInputException(null, "enterprise.invalid");
        }
        e.addOwner(me);
        em.persist(e);
        em.flush();
        audit.record(me.getEmail(), "Enterprise", e.getId(), "CREATE", "Enterprise " + siret.value() + " created");
        return EnterpriseView.of(e);
    }

    /** An owner adds a co-owner, who must already have an entrepreneur account. */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public EnterpriseView addCoOwner(long enterpriseId, String email) {
        Enterprise e = em.find(Enterprise.class, enterpriseId);
        if (e == null || !e.isOwnedBy(caller.account())) {
            throw new NotFoundException("enterprise");
        }
        String normalized = email == null ? "" : email.trim().toLowerCase(java.util.Locale.ROOT);
        List<fr.essor.model.account.UserAccount> found = em.createQuery(
                        "SELECT a FROM UserAccount a WHERE a.email = :e AND a.active = TRUE", fr.essor.model.account.UserAccount.class)
                .setParameter("e", normalized).getResultList();
        if (found.isEmpty() || !found.get(0).hasRole(fr.essor.model.account.Role.ENTREPRENEUR)) {
            throw new InvalidInputException("coOwner", "enterprise.coOwnerUnknown");
        }
        e.addOwner(found.get(0));
        audit.record(caller.email(), "Enterprise", e.getId(), "ADD_OWNER", "Co-owner " + normalized + " added");
        return EnterpriseView.of(e);
    }

    private static String text(String field, String value, int max, boolean required) {
        String v = value == null ? "" : value.strip();
        if (required && v.isEmpty()) {
            throw new InvalidInputException(field, "field.required");
        }
        if (v.length() > max) {
            throw new InvalidInputException(field, "field.tooLong", max);
        }
        return v.isEmpty() ? null : v;
    }

    /** The enterprises the calling entrepreneur owns. */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public List<EnterpriseView> mine() {
        return em.createQuery("SELECT e FROM Enterprise e JOIN e.owners o JOIN FETCH e.association"
                        + " WHERE o.email = :email ORDER BY e.legalName", Enterprise.class)
                .setParameter("email", caller.email())
                .getResultList().stream().map(EnterpriseView::of).toList();
    }

    /**
     * One enterprise, for its owners, the staff of its association and national administrators;
     * anyone else is told it does not exist.
     */
    @RolesAllowed({Roles.ENTREPRENEUR, Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.ADMIN})
    public EnterpriseView get(long id) {
        Enterprise enterprise = em.find(Enterprise.class, id);
        if (enterprise == null || !Access.canSee(caller.account(), enterprise)) {
            throw new NotFoundException("enterprise");
        }
        return EnterpriseView.of(enterprise);
    }

}
