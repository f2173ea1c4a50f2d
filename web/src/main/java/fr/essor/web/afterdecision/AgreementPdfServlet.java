package fr.essor.web.afterdecision;

import fr.essor.service.agreement.AgreementService;
import fr.essor.service.shared.EssorException;
import fr.essor.web.shared.Downloads;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * An agreement's PDF as generated, for whoever the service lets see its file, always as an attachment:
 * {@code /files/agreement/{agreementId}} (under {@code /files/*}, so signed-in users only).
 */
@WebServlet(urlPatterns = "/files/agreement/*")
public class AgreementPdfServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private AgreementService agreements;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        byte[] pdf;
        long id;
        try {
            id = Long.parseLong(path);
            pdf = agreements.pdf(id);
        } catch (EssorException | EJBAccessException | NumberFormatException e) {
            response.sendError(404);
            return;
        }
        Downloads.attachment(response, "application/pdf", Downloads.name(Downloads.locale(request), "agreement", "pdf", id), pdf);
    }
}
