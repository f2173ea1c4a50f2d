package fr.essor.web.shared;

import fr.essor.service.shared.EssorException;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.format.DateTimeParseException;

/**
 * A download servlet of the signed-in pages ({@code /files/...}) that answers a GET with one file a service makes: the
 * subclass turns the path into the file, this sends it as an attachment the browser must not sniff
 * ({@link Downloads#attachment}). A path that names no file is a 404; a refusal of the service, or a part of the path
 * that does not parse, is answered with the status {@link #status} gives: 404 unless the subclass says otherwise (a
 * file the caller may not see is one that is not there).
 */
public abstract class DownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** A file to send: its media type, its name (a plain ASCII name) and its bytes. */
    public record Attachment(String mediaType, String name, byte[] content) {
    }

    /**
     * The file {@code path} names ({@link Downloads#path}: after the servlet's own, "" when there is none), null when
     * it names none.
     */
    protected abstract Attachment file(String path, HttpServletRequest request);

    /** The status that answers a refusal or a part of the path that did not parse: 404. */
    protected int status(RuntimeException refusal) {
        return 404;
    }

    @Override
    protected final void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Attachment file;
        try {
            file = file(Downloads.path(request), request);
        } catch (EssorException | EJBAccessException | NumberFormatException | DateTimeParseException e) {
            response.sendError(status(e));
            return;
        }
        if (file == null) {
            response.sendError(404);
            return;
        }
        Downloads.attachment(response, file.mediaType(), file.name(), file.content());
    }
}
