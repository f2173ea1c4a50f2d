package fr.essor.service.security;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.service.shared.ForbiddenException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.List;

/** Who is calling a service, as established by Jakarta Security, and their account. */
@Dependent
public class Caller {

    @Inject
    SecurityContext securityContext;

    @PersistenceContext(unitName = "essor")
    EntityManager em;

    /** The caller's e-mail, or null for an anonymous call. */
    public String email() {
        Principal p = securityContext.getCallerPrincipal();
        return p == null ? null : p.getName();
    }

    /** The caller's name for the audit trail. */
    public String actor() {
        String email = email();
        return email == null ? "anonymous" : email;
    }

    public boolean is(Role role) {
        return securityContext.isCallerInRole(role.name());
    }

    /** The caller's active account; a call without one is refused. */
    public UserAccount account() {
        String email = email();
        if (email == null) {
            throw new ForbiddenException();
        }
        List<UserAccount> found = em.createQuery(
                        "SELECT a FROM UserAccount a WHERE a.email = :email AND a.active = TRUE", UserAccount.class)
                // roles with the account, in one statement: every service call of a request starts here
                .setHint("eclipselink.left-join-fetch", "a.roles")
                .setParameter("email", email)
                .getResultList();
        if (found.isEmpty()) {
            throw new ForbiddenException();
        }
        return found.get(0);
    }
}
