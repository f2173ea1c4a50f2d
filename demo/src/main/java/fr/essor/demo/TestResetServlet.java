package fr.essor.demo;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;

/**
 * TEST ONLY: {@code POST /test-only/reset} runs {@link TestReset} for the container tests' shared
 * server. It answers 404, as if absent, unless the test-only setting {@code essor.test.clean.database}
 * is {@code true}, and it only answers a caller on the loopback address. It ships in the demo module
 * only: a production war ({@code -Dessor.demo=false}) has no such address at all.
 */
@WebServlet(urlPatterns = "/test-only/reset")
public class TestResetServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient TestReset reset;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!reset.allowed() || !InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        long millis = reset.reset();
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().println("reset in " + millis + " ms");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
