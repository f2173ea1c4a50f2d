package fr.essor.web.entrepreneur;

import fr.essor.service.application.ApplicationService;
import fr.essor.service.application.DocumentService;
import fr.essor.service.committee.CommitteeService;
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
 * Serves an application's document to whoever the service lets see it, always as an attachment
 * with its checked media type and no-sniff, never inline: {@code /files/{applicationId}/{documentId}}.
 */
@WebServlet(urlPatterns = "/files/*")
public class DocumentDownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private DocumentService documents;

    @EJB
    private ApplicationService applications;

    @EJB
    private CommitteeService committees;

    /** {@code /files/letter/{applicationId}}: the decision letter, in the session's language, named in it. */
    private void letter(HttpServletRequest request, HttpServletResponse response, String id) throws IOException {
        byte[] pdf;
        try {
            pdf = applications.decisionLetter(Long.parseLong(id), Downloads.locale(request));
        } catch (EssorException | EJBAccessException | NumberFormatException e) {
            response.sendError(404);
            return;
        }
        Downloads.attachment(response, "application/pdf", Downloads.name(Downloads.locale(request), "decisionLetter", "pdf", id), pdf);
    }

    /** {@code /files/minutes/{sessionId}}: the minutes of a closed committee session, as kept at closing. */
    private void minutes(HttpServletRequest request, HttpServletResponse response, String id) throws IOException {
        byte[] pdf;
        try {
            pdf = committees.minutes(Long.parseLong(id));
        } catch (EssorException | EJBAccessException | NumberFormatException e) {
            response.sendError(404);
            return;
        }
        Downloads.attachment(response, "application/pdf", Downloads.name(Downloads.locale(request), "minutes", "pdf", id), pdf);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = request.getPathInfo() == null ? new String[0] : request.getPathInfo().substring(1).split("/");
        if (parts.length == 2 && "letter".equals(parts[0])) {
            letter(request, response, parts[1]);
            return;
        }
        if (parts.length == 2 && "minutes".equals(parts[0])) {
            minutes(request, response, parts[1]);
            return;
        }
        long applicationId;
        long documentId;
        try {
            applicationId = Long.parseLong(parts[0]);
            documentId = Long.parseLong(parts[1]);
        } catch (RuntimeException e) {
            response.sendError(404);
            return;
        }
        DocumentService.Download file;
        try {
            file = documents.download(applicationId, documentId);
        } catch (EssorException | EJBAccessException e) {
            response.sendError(404);
            return;
        }
        Downloads.attachment(response, file.mediaType(), file.fileName(), file.content());
    }
}
