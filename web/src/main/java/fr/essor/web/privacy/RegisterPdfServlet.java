package fr.essor.web.privacy;

import fr.essor.service.privacy.ProcessingRegister;
import fr.essor.web.shared.Downloads;
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
        Locale locale = Downloads.locale(request);
        byte[] content;
        try {
            content = register.pdf(locale);
        } catch (EJBAccessException e) {
            response.sendError(404);
            return;
        }
        Downloads.attachment(response, "application/pdf", Downloads.name(locale, "register", "pdf"), content);
    }
}
