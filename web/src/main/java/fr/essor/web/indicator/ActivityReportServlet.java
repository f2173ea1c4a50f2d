package fr.essor.web.indicator;

import fr.essor.service.indicator.IndicatorService;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.web.shared.DownloadServlet;
import fr.essor.web.shared.Downloads;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code /files/indicators/{association|NETWORK}/{year}.{pdf|xlsx|csv}}: the yearly activity report. */
@WebServlet(urlPatterns = "/files/indicators/*")
public class ActivityReportServlet extends DownloadServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/([A-Za-z0-9]{1,10})/(\\d{4})\\.(pdf|xlsx|csv)");

    @EJB
    private IndicatorService indicators;

    @Override
    protected Attachment file(String path, HttpServletRequest request) {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            return null;
        }
        String association = "NETWORK".equals(m.group(1)) ? null : m.group(1);
        String format = m.group(3);
        byte[] content = indicators.activityReport(association, Integer.parseInt(m.group(2)), format, Downloads.locale(request));
        return new Attachment(Downloads.mediaType(format), Downloads.name(Downloads.locale(request), "activity", format, m.group(1), m.group(2)), content);
    }

    @Override
    protected int status(RuntimeException refusal) {
        return refusal instanceof InvalidInputException ? 400 : 404;
    }
}
