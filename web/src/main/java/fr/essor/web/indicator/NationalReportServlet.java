package fr.essor.web.indicator;

import fr.essor.service.indicator.NationalFiguresService;
import fr.essor.service.shared.EssorException;
import fr.essor.service.shared.ForbiddenException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.web.shared.Downloads;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /files/national/{year}.{xlsx|csv}}: a year's figures by association with the network's total;
 * {@code /files/national/trend/{from}-{to}.{xlsx|csv}}: the network's figures year by year. National administrators only.
 */
@WebServlet(urlPatterns = "/files/national/*")
public class NationalReportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern YEAR = Pattern.compile("/(\\d{4})\\.(xlsx|csv)");
    private static final Pattern TREND = Pattern.compile("/trend/(\\d{4})-(\\d{4})\\.(xlsx|csv)");

    @EJB
    private NationalFiguresService national;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = Downloads.path(request);
        Matcher y = YEAR.matcher(path);
        Matcher t = TREND.matcher(path);
        Locale locale = Downloads.locale(request);
        byte[] content;
        String format;
        String name;
        try {
            if (y.matches()) {
                format = y.group(2);
                name = Downloads.name(locale, "network", y.group(2), y.group(1));
                content = national.exportByAssociation(Integer.parseInt(y.group(1)), format, locale);
            } else if (t.matches()) {
                format = t.group(3);
                name = Downloads.name(locale, "networkTrend", t.group(3), t.group(1), t.group(2));
                content = national.exportTrend(Integer.parseInt(t.group(1)), Integer.parseInt(t.group(2)), format, locale);
            } else {
                response.sendError(404);
                return;
            }
        } catch (EssorException | EJBAccessException e) {
            response.sendError(e instanceof InvalidInputException ? 400 : e instanceof ForbiddenException
                    || e instanceof EJBAccessException ? 403 : 404);
            return;
        }
        Downloads.attachment(response, "xlsx".equals(format) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : "text/csv;charset=UTF-8", name, content);
    }
}
