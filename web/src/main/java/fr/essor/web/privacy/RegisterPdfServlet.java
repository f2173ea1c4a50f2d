package fr.essor.web.privacy;

import fr.essor.service.privacy.ProcessingRegister;
import fr.essor.web.i18n.LocaleBean;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/** {@code /files/register.pdf}: the register of processing activities, for administrators, in the session's language. */
@WebServlet(urlPatterns = "/files/register.pdf")
public class RegisterPdfServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private ProcessingRegister register;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object lang = request.getSession(false) == null ? null : request.getSession(false).getAttribute(LocaleBean.SESSION_LANGUAGE);
        Locale locale = Locale.forLanguageTag(lang instanceof String l ? l : LocaleBean.preferred(request.getHeader("Accept-Language")));
        byte[] content;
        try {
            content = register.pdf(locale);
        } catch (EJBAccessException e) {
            response.sendError(404);
            return;
        }
        response.setContentType("application/pdf");
        response.setContentLength(content.length);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Disposition", "attachment; filename=\"registre-traitements.pdf\"");
        response.getOutputStream().write(content);
    }
}
