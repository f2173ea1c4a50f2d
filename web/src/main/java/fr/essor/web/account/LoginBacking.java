package fr.essor.web.account;

import fr.essor.service.shared.BusyException;
import fr.essor.service.shared.TooManyAttemptsException;
import fr.essor.web.i18n.Messages;
import fr.essor.web.security.EssorAuthenticationMechanism;
import fr.essor.web.security.LoginRedirect;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/** The login form: hands the credentials to Jakarta Security and sends the user on. */
@Named
@RequestScoped
public class LoginBacking {

    @NotBlank
    @Size(max = 254)
    private String email;

    @NotBlank
    @Size(max = 128)
    private String password;

    @Inject
    private SecurityContext securityContext;

    @Inject
    private FacesContext facesContext;

    public void login() throws IOException {
        ExternalContext ec = facesContext.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ec.getRequest();
        HttpServletResponse response = (HttpServletResponse) ec.getResponse();
        AuthenticationStatus status;
        try {
            status = securityContext.authenticate(request, response, AuthenticationParameters.withParams()
                    .credential(new UsernamePasswordCredential(email.trim(), new Password(password)))
                    .newAuthentication(true));
        } catch (RuntimeException e) {
            TooManyAttemptsException tooMany = find(e, TooManyAttemptsException.class);
            if (tooMany == null) {
                throw e;
            }
            Messages.errorFor(null, "login.tooManyAttempts", tooMany.arguments().toArray());
            return;
        }
        if (status == AuthenticationStatus.SUCCESS) {
            Object target = request.getSession().getAttribute(LoginRedirect.SESSION_TARGET);
            request.getSession().removeAttribute(LoginRedirect.SESSION_TARGET);
            Set<String> roles = new HashSet<>();
            for (String role : new String[] {"ADMIN", "ADVISOR", "COMMITTEE_MEMBER", "PARTNER", "ENTREPRENEUR"}) {
                if (securityContext.isCallerInRole(role)) {
                    roles.add(role);
                }
            }
            String next = target instanceof String t && LoginRedirect.isSafeTarget(t) ? t : LoginRedirect.landingPage(roles);
            ec.redirect(ec.getRequestContextPath() + next);
            facesContext.responseComplete();
        } else if (status == AuthenticationStatus.SEND_CONTINUE) {
            facesContext.responseComplete();
        } else if (request.getAttribute(EssorAuthenticationMechanism.THROTTLED) instanceof TooManyAttemptsException tooMany) {
            Messages.errorFor(null, "login.tooManyAttempts", tooMany.arguments().toArray());
        } else if (request.getAttribute(EssorAuthenticationMechanism.BUSY) != null) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", String.valueOf(BusyException.RETRY_AFTER_SECONDS));
            Messages.errorFor(null, "error.busy");
        } else {
            // Same words whether the e-mail is unknown, the password wrong or the account disabled.
            Messages.errorFor(null, "login.failed");
        }
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
