package fr.essor.web.entrepreneur;

import fr.essor.service.application.ApplicationService;
import fr.essor.service.application.DocumentService;
import fr.essor.service.committee.CommitteeService;
import fr.essor.web.shared.DownloadServlet;
import fr.essor.web.shared.Downloads;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Serves an application's document to whoever the service lets see it, always as an attachment
 * with its checked media type and no-sniff, never inline: {@code /files/{applicationId}/{documentId}};
 * and, under the same prefix, {@code /files/letter/{applicationId}} (the decision letter, in the session's language,
 * named in it) and {@code /files/minutes/{sessionId}} (the minutes of a closed committee session, as kept at closing).
 */
@WebServlet(urlPatterns = "/files/*")
public class DocumentDownloadServlet extends DownloadServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private DocumentService documents;

    @EJB
    private ApplicationService applications;

    @EJB
    private CommitteeService committees;

    @Override
    protected Attachment file(String path, HttpServletRequest request) {
        String[] parts = path.isEmpty() ? new String[0] : path.substring(1).split("/");
        if (parts.length != 2) {
            return null;
        }
        Locale locale = Downloads.locale(request);
        String id = parts[1];
        return switch (parts[0]) {
            case "letter" -> new Attachment("application/pdf", Downloads.name(locale, "decisionLetter", "pdf", id),
                    applications.decisionLetter(Long.parseLong(id), locale));
            case "minutes" -> new Attachment("application/pdf", Downloads.name(locale, "minutes", "pdf", id),
                    committees.minutes(Long.parseLong(id)));
            default -> {
                DocumentService.Download file = documents.download(Long.parseLong(parts[0]), Long.parseLong(id));
                yield new Attachment(file.mediaType(), file.fileName(), file.content());
            }
        };
    }
}
