package fr.essor.web.account;

import fr.essor.web.security.LoginRedirect;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The signed-in user as the layout shows them: name, roles, navigation, logout. */
@Named("currentUser")
@RequestScoped
public class SessionBacking {

    private static final List<String> ROLE_ORDER = List.of("ADMIN", "ADVISOR", "COMMITTEE_MEMBER", "PARTNER", "ENTREPRENEUR");

    @Inject
    private SecurityContext securityContext;

    @Inject
    private FacesContext facesContext;

    public boolean isSignedIn() {
        return securityContext.getCallerPrincipal() != null;
    }

    public String getEmail() {
        Principal p = securityContext.getCallerPrincipal();
        return p == null ? null : p.getName();
    }

    public boolean hasRole(String role) {
        return securityContext.isCallerInRole(role);
    }

    public List<String> getRoles() {
        List<String> roles = new ArrayList<>();
        for (String role : ROLE_ORDER) {
            if (securityContext.isCallerInRole(role)) {
                roles.add(role);
            }
        }
        return roles;
    }

    public String getHome() {
        Set<String> roles = new LinkedHashSet<>(getRoles());
        return LoginRedirect.landingPage(roles);
    }

    public void logout() throws IOException, ServletException {
        ExternalContext ec = facesContext.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ec.getRequest();
        request.logout();
        ec.invalidateSession();
        ec.redirect(ec.getRequestContextPath() + "/login.xhtml?loggedOut=true");
        facesContext.responseComplete();
    }
}
