package fr.essor.web.afterdecision;

import fr.essor.service.agreement.AgreementService;
import fr.essor.web.shared.DownloadServlet;
import fr.essor.web.shared.Downloads;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;

/**
 * An agreement's PDF as generated, for whoever the service lets see its file, always as an attachment:
 * {@code /files/agreement/{agreementId}} (under {@code /files/*}, so signed-in users only).
 */
@WebServlet(urlPatterns = "/files/agreement/*")
public class AgreementPdfServlet extends DownloadServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private AgreementService agreements;

    @Override
    protected Attachment file(String path, HttpServletRequest request) {
        long id = Long.parseLong(path.isEmpty() ? path : path.substring(1));
        return new Attachment("application/pdf", Downloads.name(Downloads.locale(request), "agreement", "pdf", id), agreements.pdf(id));
    }
}
