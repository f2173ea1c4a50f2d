package fr.essor.service.convention;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import java.util.List;

/**
 * Which conventions a caller may see, as a SQL condition on the alias {@code c}: a partner its
 * own, staff their association's, a national administrator all of them.
 */
record ConventionScope(String sql, List<Object> parameters) {

    static ConventionScope of(UserAccount me) {
        if (me.hasRole(Role.PARTNER) && me.getPartner() != null) {
            return new ConventionScope("c.partner_id = ?", List.of(me.getPartner().getId()));
        }
        if ((me.hasRole(Role.ADVISOR) || me.hasRole(Role.ADMIN)) && me.getAssociation() != null) {
            return new ConventionScope("c.association_id = ?", List.of(me.getAssociation().getId()));
        }
        if (me.hasRole(Role.ADMIN)) {
            return new ConventionScope("1 = 1", List.of());
        }
        return new ConventionScope("1 = 0", List.of());
    }
}
