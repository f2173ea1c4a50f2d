package fr.essor.web.privacy;

import fr.essor.service.privacy.ProcessingRegister;
import fr.essor.web.shared.DownloadServlet;
import fr.essor.web.shared.Downloads;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/** {@code /files/register.pdf}: the register of processing activities, for administrators, in the session's language. */
@WebServlet(urlPatterns = "/files/register.pdf")
public class RegisterPdfServlet extends DownloadServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private ProcessingRegister register;

    @Override
    protected Attachment file(String path, HttpServletRequest request) {
        Locale locale = Downloads.locale(request);
        return new Attachment("application/pdf", Downloads.name(locale, "register", "pdf"), register.pdf(locale));
    }
}
