package fr.essor.web.indicator;

import fr.essor.service.indicator.IndicatorService;
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
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code /files/indicators/{association|NETWORK}/{year}.{pdf|xlsx|csv}}: the yearly activity report. */
@WebServlet(urlPatterns = "/files/indicators/*")
public class ActivityReportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/([A-Za-z0-9]{1,10})/(\\d{4})\\.(pdf|xlsx|csv)");

    @EJB
    private IndicatorService indicators;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(Downloads.path(request));
        if (!m.matches()) {
            response.sendError(404);
            return;
        }
        String association = "NETWORK".equals(m.group(1)) ? null : m.group(1);
        String format = m.group(3);
        Locale locale = Downloads.locale(request);
        byte[] content;
        try {
            content = indicators.activityReport(association, Integer.parseInt(m.group(2)), format, locale);
        } catch (EssorException | EJBAccessException e) {
            response.sendError(e instanceof InvalidInputException ? 400 : 404);
            return;
        }
        String mediaType = switch (format) {
            case "pdf" -> "application/pdf";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            default -> "text/csv;charset=UTF-8";
        };
        Downloads.attachment(response, mediaType, Downloads.name(locale, "activity", format, m.group(1), m.group(2)), content);
    }
}
