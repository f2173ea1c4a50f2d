package fr.essor.service.enterprise;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.enterprise.Enterprise;
import fr.essor.service.security.Caller;
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
        if (enterprise == null || !canSee(caller.account(), enterprise)) {
            throw new NotFoundException("enterprise");
        }
        return EnterpriseView.of(enterprise);
    }

    static boolean canSee(UserAccount account, Enterprise enterprise) {
        if (enterprise.isOwnedBy(account)) {
            return true;
        }
        boolean staff = account.hasRole(Role.ADVISOR) || account.hasRole(Role.COMMITTEE_MEMBER) || account.hasRole(Role.ADMIN);
        if (!staff) {
            return false;
        }
        if (account.hasRole(Role.ADMIN) && account.getAssociation() == null) {
            return true;
        }
        return account.getAssociation() != null
                && account.getAssociation().getId().equals(enterprise.getAssociation().getId());
    }
}
