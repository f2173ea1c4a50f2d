package fr.essor.web.partner;

import fr.essor.service.convention.ConventionExports;
import fr.essor.service.shared.EssorException;
import fr.essor.web.shared.Downloads;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A convention's exports for whoever the service lets see it, in the session's language, always as an
 * attachment with no-sniff: {@code /files/conventions/{id}/funded.csv|.xlsx|.pdf} and
 * {@code /files/conventions/{id}/report-{year}.pdf}. Anything else, or a convention that is not the
 * caller's, is a 404 (the longer mapping wins over {@code /files/*}).
 */
@WebServlet(urlPatterns = "/files/conventions/*")
public class ConventionExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern FUNDED = Pattern.compile("/(\\d{1,18})/funded\\.(csv|xlsx|pdf)");
    private static final Pattern REPORT = Pattern.compile("/(\\d{1,18})/report-(\\d{4})\\.pdf");

    @EJB
    private ConventionExports exports;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = Downloads.path(request);
        Matcher funded = FUNDED.matcher(path);
        Matcher report = REPORT.matcher(path);
        byte[] body;
        String type;
        String name;
        try {
            if (funded.matches()) {
                long id = Long.parseLong(funded.group(1));
                String format = funded.group(2);
                body = exports.funded(id, format, Downloads.locale(request));
                type = ConventionExports.mediaType(format);
                name = Downloads.name(Downloads.locale(request), "funded", format, id);
            } else if (report.matches()) {
                long id = Long.parseLong(report.group(1));
                int year = Integer.parseInt(report.group(2));
                body = exports.annualReport(id, year, Downloads.locale(request));
                type = "application/pdf";
                name = Downloads.name(Downloads.locale(request), "conventionReport", "pdf", id, year);
            } else {
                response.sendError(404);
                return;
            }
        } catch (EssorException | EJBAccessException | NumberFormatException e) {
            response.sendError(404);
            return;
        }
        Downloads.attachment(response, type, name, body);
    }

}
