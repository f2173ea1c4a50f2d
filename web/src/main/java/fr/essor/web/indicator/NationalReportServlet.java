package fr.essor.web.indicator;

import fr.essor.service.indicator.NationalFiguresService;
import fr.essor.service.shared.ForbiddenException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.web.shared.DownloadServlet;
import fr.essor.web.shared.Downloads;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /files/national/{year}.{xlsx|csv}}: a year's figures by association with the network's total;
 * {@code /files/national/trend/{from}-{to}.{xlsx|csv}}: the network's figures year by year. National administrators only.
 */
@WebServlet(urlPatterns = "/files/national/*")
public class NationalReportServlet extends DownloadServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern YEAR = Pattern.compile("/(\\d{4})\\.(xlsx|csv)");
    private static final Pattern TREND = Pattern.compile("/trend/(\\d{4})-(\\d{4})\\.(xlsx|csv)");

    @EJB
    private NationalFiguresService national;

    @Override
    protected Attachment file(String path, HttpServletRequest request) {
        Matcher y = YEAR.matcher(path);
        Matcher t = TREND.matcher(path);
        Locale locale = Downloads.locale(request);
        if (y.matches()) {
            String format = y.group(2);
            return new Attachment(Downloads.mediaType(format), Downloads.name(locale, "network", format, y.group(1)),
                    national.exportByAssociation(Integer.parseInt(y.group(1)), format, locale));
        }
        if (t.matches()) {
            String format = t.group(3);
            return new Attachment(Downloads.mediaType(format), Downloads.name(locale, "networkTrend", format, t.group(1), t.group(2)),
                    national.exportTrend(Integer.parseInt(t.group(1)), Integer.parseInt(t.group(2)), format, locale));
        }
        return null;
    }

    @Override
    protected int status(RuntimeException refusal) {
        return refusal instanceof InvalidInputException ? 400
                : refusal instanceof ForbiddenException || refusal instanceof EJBAccessException ? 403 : 404;
    }
}
