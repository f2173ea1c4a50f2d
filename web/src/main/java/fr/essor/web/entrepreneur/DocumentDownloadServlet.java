package fr.essor.web.entrepreneur;

import fr.essor.service.application.DocumentService;
import fr.essor.service.shared.EssorException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Serves an application's document to whoever the service lets see it, always as an attachment
 * with its checked media type and no-sniff, never inline: {@code /files/{applicationId}/{documentId}}.
 */
@WebServlet(urlPatterns = "/files/*")
public class DocumentDownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private DocumentService documents;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = request.getPathInfo() == null ? new String[0] : request.getPathInfo().substring(1).split("/");
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
        response.setContentType(file.mediaType());
        response.setContentLength(file.content().length);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Disposition", "attachment; filename=\"document\"; filename*=UTF-8''"
                + URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
        response.getOutputStream().write(file.content());
    }
}
