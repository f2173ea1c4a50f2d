package fr.essor.service.security;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.enterprise.Enterprise;

/** Who may see an enterprise's records: its owners, the staff of its association, national administrators. */
public final class Access {

    private Access() {
    }

    public static boolean canSee(UserAccount account, Enterprise enterprise) {
        if (enterprise.isOwnedBy(account)) {
            return true;
        }
        return isStaffOf(account, enterprise);
    }

    /**
     * Staff (advisor, administrator) of the enterprise's association, or a national admin. A committee
     * member who is nothing else sees only the files on the agendas of their committees (checked by
     * the application services).
     */
    public static boolean isStaffOf(UserAccount account, Enterprise enterprise) {
        return isStaffOf(account, enterprise.getAssociation().getId());
    }

    /** The same for an enterprise of the association with that id (read with other columns). */
    public static boolean isStaffOf(UserAccount account, long enterpriseAssociationId) {
        boolean staff = account.hasRole(Role.ADVISOR) || account.hasRole(Role.ADMIN);
        if (!staff) {
            return false;
        }
        if (account.hasRole(Role.ADMIN) && account.getAssociation() == null) {
            return true;
        }
        return account.getAssociation() != null
                && account.getAssociation().getId() == enterpriseAssociationId;
    }
}
