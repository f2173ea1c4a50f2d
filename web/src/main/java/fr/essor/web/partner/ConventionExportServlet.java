package fr.essor.web.partner;

import fr.essor.service.convention.ConventionExports;
import fr.essor.web.shared.DownloadServlet;
import fr.essor.web.shared.Downloads;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A convention's exports for whoever the service lets see it, in the session's language, always as an
 * attachment with no-sniff: {@code /files/conventions/{id}/funded.csv|.xlsx|.pdf} and
 * {@code /files/conventions/{id}/report-{year}.pdf}. Anything else, or a convention that is not the
 * caller's, is a 404 (the longer mapping wins over {@code /files/*}).
 */
@WebServlet(urlPatterns = "/files/conventions/*")
public class ConventionExportServlet extends DownloadServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern FUNDED = Pattern.compile("/(\\d{1,18})/funded\\.(csv|xlsx|pdf)");
    private static final Pattern REPORT = Pattern.compile("/(\\d{1,18})/report-(\\d{4})\\.pdf");

    @EJB
    private ConventionExports exports;

    @Override
    protected Attachment file(String path, HttpServletRequest request) {
        Matcher funded = FUNDED.matcher(path);
        Matcher report = REPORT.matcher(path);
        if (funded.matches()) {
            long id = Long.parseLong(funded.group(1));
            String format = funded.group(2);
            byte[] body = exports.funded(id, format, Downloads.locale(request));
            return new Attachment(ConventionExports.mediaType(format), Downloads.name(Downloads.locale(request), "funded", format, id), body);
        }
        if (report.matches()) {
            long id = Long.parseLong(report.group(1));
            int year = Integer.parseInt(report.group(2));
            return new Attachment("application/pdf", Downloads.name(Downloads.locale(request), "conventionReport", "pdf", id, year),
                    exports.annualReport(id, year, Downloads.locale(request)));
        }
        return null;
    }
}
