package fr.essor.web.accounting;

import fr.essor.service.accounting.AccountingService;
import fr.essor.service.accounting.AccountingViews;
import fr.essor.service.shared.ConflictException;
import fr.essor.service.shared.EssorException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.web.shared.Downloads;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
public class AccountingExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/([A-Za-z0-9]{1,10})");

    @EJB
    private AccountingService accounting;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(Downloads.path(request));
        if (!m.matches()) {
            response.sendError(404);
            return;
        }
        AccountingViews.ExportFile file;
        try {
            file = accounting.export(m.group(1), date(request.getParameter("from")), date(request.getParameter("to")),
                    request.getParameter("format"), request.getParameter("separator"));
        } catch (DateTimeParseException | InvalidInputException e) {
            response.sendError(400);
            return;
        } catch (ConflictException e) {
            response.sendError(409);
            return;
        } catch (EssorException | EJBAccessException e) {
            response.sendError(404);
            return;
        }
        Downloads.attachment(response, file.mediaType(), file.fileName(), file.content());
    }

    private static LocalDate date(String value) {
        return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
    }
}
