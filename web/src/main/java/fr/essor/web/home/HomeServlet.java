package fr.essor.web.home;

import fr.essor.web.security.EssorAuthenticationMechanism;
import fr.essor.web.security.LoginRedirect;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/** The site root: the landing page of the signed-in user's role, or the login page. */
@WebServlet(urlPatterns = {"", "/home"})
public class HomeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        Object signedIn = session == null ? null : session.getAttribute(EssorAuthenticationMechanism.SESSION_CALLER);
        String target = signedIn instanceof EssorAuthenticationMechanism.SignedIn s
                ? LoginRedirect.landingPage(s.roles())
                : EssorAuthenticationMechanism.LOGIN_PAGE;
        response.sendRedirect(request.getContextPath() + target);
    }
}
