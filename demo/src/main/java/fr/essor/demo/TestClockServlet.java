package fr.essor.demo;

import fr.essor.service.followup.FollowUpPlanner;
import fr.essor.service.shared.BusinessClock;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;

/**
 * TEST ONLY, like {@link TestResetServlet} (404 unless {@code essor.test.clean.database} is {@code true},
 * loopback callers only, absent from a production war):
 * <ul>
 * <li>{@code POST /test-only/clock?days=N} moves the {@link BusinessClock} N days forward (or back, N
 * negative; |N| at most 4,000) and answers the business day; {@code ?reset} or the test reset puts it back;</li>
 * <li>{@code POST /test-only/followups/sweep} runs the follow-up's morning sweep now
 * ({@link FollowUpPlanner#run}) and answers what it did.</li>
 * </ul>
 */
@WebServlet(urlPatterns = {"/test-only/clock", "/test-only/followups/sweep"})
public class TestClockServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient TestReset reset;

    @Inject
    private transient BusinessClock clock;

    @EJB
    private transient FollowUpPlanner planner;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!reset.allowed() || !InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/json;charset=UTF-8");
        if (request.getServletPath().endsWith("/sweep")) {
            FollowUpPlanner.Sweep s = planner.run();
            response.getWriter().print("{\"day\":\"" + s.day() + "\",\"planned\":" + s.planned() + ",\"reminded\":" + s.reminded() + "}");
            return;
        }
        if (request.getParameter("reset") != null) {
            clock.reset();
            response.getWriter().print("{\"today\":\"" + clock.today() + "\",\"offsetDays\":0}");
            return;
        }
        long days;
        try {
            days = Long.parseLong(String.valueOf(request.getParameter("days")).trim());
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "days: a whole number of days");
            return;
        }
        if (Math.abs(days) > 4000) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "days: at most 4000 either way");
            return;
        }
        clock.shiftDays(days);
        response.getWriter().print("{\"today\":\"" + clock.today() + "\",\"offsetDays\":" + clock.offsetDays() + "}");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
