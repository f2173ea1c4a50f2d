package fr.essor.web.accounting;

import fr.essor.service.accounting.AccountingService;
import fr.essor.service.accounting.AccountingViews;
import fr.essor.service.shared.ConflictException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.web.shared.DownloadServlet;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /files/accounting/{association}?from=&to=&format=&separator=}: the journal of a period as a file, for the
 * accounting page's download link (the signed-in session; the API has the same at {@code /api/v1/accounting}).
 * The service decides who may; anyone else gets 404.
 */
@WebServlet(urlPatterns = "/files/accounting/*")
public class AccountingExportServlet extends DownloadServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/([A-Za-z0-9]{1,10})");

    @EJB
    private AccountingService accounting;

    @Override
    protected Attachment file(String path, HttpServletRequest request) {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            return null;
        }
        AccountingViews.ExportFile file = accounting.export(m.group(1), date(request.getParameter("from")),
                date(request.getParameter("to")), request.getParameter("format"), request.getParameter("separator"));
        return new Attachment(file.mediaType(), file.fileName(), file.content());
    }

    @Override
    protected int status(RuntimeException refusal) {
        return refusal instanceof DateTimeParseException || refusal instanceof InvalidInputException ? 400
                : refusal instanceof ConflictException ? 409 : 404;
    }

    private static LocalDate date(String value) {
        return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
    }
}
