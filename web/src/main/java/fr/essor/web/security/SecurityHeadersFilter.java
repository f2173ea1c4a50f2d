package fr.essor.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response. Faces pages need inline scripts (PrimeFaces widgets and
 * handlers) but only from this origin; everything else gets a policy without any script.
 */
// ERROR too: an error page that the container dispatches itself (a 403 of a security constraint,
// checked before any filter runs) carries the headers as well
@WebFilter(filterName = "securityHeaders", urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(request, response);
        chain.doFilter(request, response);
    }

    /** Sets the headers; also called by the authentication mechanism, which answers before filters run. */
    public static void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/jakarta.faces.resource/")) {
            // Pages carry personal data: never cached, and the API and pages forbid framing.
            response.setHeader("Cache-Control", "no-store");
        }
        boolean page = path.endsWith(".xhtml") && !path.startsWith("/jakarta.faces.resource/");
        response.setHeader("Content-Security-Policy", POLICY + (page ? "; script-src 'self' 'unsafe-inline'" : "; script-src 'self'"));
    }
}
