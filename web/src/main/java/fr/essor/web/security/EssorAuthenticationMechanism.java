package fr.essor.web.security;

import fr.essor.service.account.AccountService;
import fr.essor.service.shared.BusyException;
import fr.essor.service.shared.TooManyAttemptsException;
import fr.essor.web.api.ApiError;
import fr.essor.web.api.DatabaseUnavailable;
import fr.essor.web.i18n.LocaleBean;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One mechanism for the two ways into Essor: our own form login for the pages (the caller is kept
 * in the HTTP session, whose id changes at login), and HTTP Basic against the same accounts for
 * the REST API under {@code /api/}, which never creates a session.
 */
@ApplicationScoped
public class EssorAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Session attribute holding the signed-in caller. */
    public static final String SESSION_CALLER = "essor.caller";
    public static final String LOGIN_PAGE = "/login.xhtml";
    /** Request attribute: the {@link TooManyAttemptsException} that refused a form login. */
    public static final String THROTTLED = "essor.loginThrottled";
    /** Request attribute: the {@link BusyException} that refused a form login (too many at once). */
    public static final String BUSY = "essor.loginBusy";
    private static final Logger LOG = Logger.getLogger(EssorAuthenticationMechanism.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    private IdentityStoreHandler identityStores;

    @EJB
    private AccountService accounts;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (isApi(request)) {
            return validateApi(request, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return formLogin(request, context, credential);
        }
        HttpSession session = request.getSession(false);
        SignedIn signedIn = session == null ? null : (SignedIn) session.getAttribute(SESSION_CALLER);
        if (signedIn != null) {
            // the account may have been deactivated, or its password changed or reset, on any node
            // since this session signed in: the database says, on every request
            if (accounts.sessionStillValid(signedIn.email(), signedIn.credentialStamp())) {
                return context.notifyContainerAboutLogin(signedIn.email(), signedIn.roles());
            }
            session.invalidate();
        }
        if (context.isProtected()) {
            String target = request.getRequestURI().substring(request.getContextPath().length());
            if (request.getQueryString() != null) {
                target += "?" + request.getQueryString();
            }
            request.getSession(true).setAttribute(LoginRedirect.SESSION_TARGET, target);
            // this redirect is sent before any filter runs
            SecurityHeadersFilter.apply(request, response);
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_CALLER);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        CredentialValidationResult result;
        try {
            result = identityStores.validate(credential);
        } catch (RuntimeException e) {
            // Thrown out of the mechanism, the refusal reaches the login page wrapped by the
            // container without its cause (a 500); the page reads it from the request instead.
            TooManyAttemptsException tooMany = cause(e, TooManyAttemptsException.class);
            if (tooMany != null) {
                request.setAttribute(THROTTLED, tooMany);
                return AuthenticationStatus.SEND_FAILURE;
            }
            BusyException busy = cause(e, BusyException.class);
            if (busy != null) {
                request.setAttribute(BUSY, busy);
                return AuthenticationStatus.SEND_FAILURE;
            }
            throw e;
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            // No sendError here: the login page renders the message itself.
            return AuthenticationStatus.SEND_FAILURE;
        }
        // A new session id at login: a session fixed by an attacker before login is worth nothing after.
        HttpSession session = request.getSession(true);
        if (!session.isNew()) {
            request.changeSessionId();
        }
        session.setAttribute(SESSION_CALLER, new SignedIn(result.getCallerPrincipal().getName(),
                Set.copyOf(result.getCallerGroups()), (String) request.getAttribute(EssorIdentityStore.CREDENTIAL_STAMP)));
        return context.notifyContainerAboutLogin(result);
    }

    private AuthenticationStatus validateApi(HttpServletRequest request, HttpServletResponse response,
                                             HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return unauthorized(request, response, context, "error.api.badCredentials");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return unauthorized(request, response, context, "error.api.badCredentials");
            }
            CredentialValidationResult result;
            try {
                result = identityStores.validate(
                        new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
            } catch (RuntimeException e) {
                TooManyAttemptsException tooMany = cause(e, TooManyAttemptsException.class);
                if (tooMany != null) {
                    response.setHeader("Retry-After", String.valueOf(tooMany.retryAfterSeconds()));
                    return tooManyAttempts(request, response, context);
                }
                if (causedBy(e, BusyException.class)) {
                    response.setHeader("Retry-After", String.valueOf(BusyException.RETRY_AFTER_SECONDS));
                    writeJson(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "BUSY", "error.busy");
                    return AuthenticationStatus.SEND_FAILURE;
                }
                if (DatabaseUnavailable.causes(e)) {
                    // the accounts cannot be read: neither 401 (the credentials may be right) nor an HTML 500
                    LOG.warning(() -> "API authentication failed, database unreachable: " + e);
                    response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
                    writeJson(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "UNAVAILABLE",
                            "error.api.unavailable");
                    return AuthenticationStatus.SEND_FAILURE;
                }
                throw e;
            }
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            return unauthorized(request, response, context, "error.api.badCredentials");
        }
        if (context.isProtected()) {
            return unauthorized(request, response, context, "error.api.unauthenticated");
        }
        return context.doNothing();
    }

    private AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context, String key) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"essor\", charset=\"UTF-8\"");
        writeJson(request, response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED", key);
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus tooManyAttempts(HttpServletRequest request, HttpServletResponse response,
                                                 HttpMessageContext context) {
        writeJson(request, response, 429, "TOO_MANY_ATTEMPTS", "error.api.tooManyAttempts");
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static void writeJson(HttpServletRequest request, HttpServletResponse response, int status, String code, String key) {
        try {
            Locale locale = Locale.forLanguageTag(LocaleBean.preferred(request.getHeader("Accept-Language")));
            SecurityHeadersFilter.apply(request, response);
            String message = ResourceBundle.getBundle("fr.essor.web.i18n.messages", locale).getString(key);
            response.setStatus(status);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(JSONB.toJson(new ApiError(code, message)));
        } catch (IOException e) {
            LOG.log(Level.FINE, "Could not write the authentication error", e);
        }
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }

    /**
     * The signed-in caller as kept in the session, with the stamp of the credential it signed in
     * with; serializable for distributable sessions.
     */
    public record SignedIn(String email, Set<String> roles, String credentialStamp) implements Serializable {
    }
}
