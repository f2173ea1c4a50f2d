package fr.essor.web.home;

import fr.essor.web.api.ApiError;
import fr.essor.web.i18n.LocaleBean;
import fr.essor.web.i18n.Messages;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;

/**
 * The error pages (403, 404, 500, expired view) in the user's language. Plain servlet output on
 * purpose: an error page must not depend on Faces, which may be what just failed, and never shows
 * a stack trace.
 */
@WebServlet(urlPatterns = "/error/*")
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Set<String> KINDS = Set.of("400", "403", "404", "405", "500", "501", "expired");
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String kind = request.getPathInfo() == null ? "404" : request.getPathInfo().substring(1);
        if (!KINDS.contains(kind)) {
            kind = "404";
        }
        Object status = request.getAttribute("jakarta.servlet.error.status_code");
        if (status == null) {
            response.setStatus("expired".equals(kind) ? 400 : Integer.parseInt(kind));
        } else if ("expired".equals(kind)) {
            response.setStatus(400);
        }
        Locale locale = locale(request);
        Object uri = request.getAttribute("jakarta.servlet.error.request_uri");
        if (uri instanceof String u && u.startsWith(request.getContextPath() + "/api/")) {
            // an error the container raised on an API request: JSON, like every other API error
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            String code = switch (kind) {
                case "400" -> "BAD_REQUEST";
                case "403" -> "FORBIDDEN";
                case "404" -> "NOT_FOUND";
                case "405" -> "METHOD_NOT_ALLOWED";
                case "501" -> "NOT_IMPLEMENTED";
                default -> "SERVER_ERROR";
            };
            response.getWriter().write(JSONB.toJson(new ApiError(code, Messages.text(locale, "error." + kind + ".text"))));
            return;
        }
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Language", locale.getLanguage());
        String context = request.getContextPath();
        PrintWriter out = response.getWriter();
        out.println("<!DOCTYPE html>");
        out.println("<html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\"/>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>");
        out.println("<title>" + Messages.text(locale, "error." + kind + ".title") + " — Essor</title>");
        out.println("<link rel=\"stylesheet\" href=\"" + context + "/resources/css/essor.css\"/></head><body>");
        out.println("<header class=\"essor-header\"><div class=\"essor-brand\"><a class=\"essor-logo\" href=\"" + context
                + "/home\">Essor</a> <span class=\"essor-tagline\">" + Messages.text(locale, "app.tagline") + "</span></div></header>");
        out.println("<main id=\"main\" class=\"essor-main\"><h1>" + Messages.text(locale, "error." + kind + ".title") + "</h1>");
        out.println("<div class=\"card\" id=\"error-" + kind + "\"><p>" + Messages.text(locale, "error." + kind + ".text") + "</p>");
        out.println("<p><a href=\"" + context + "/home\">" + Messages.text(locale, "error.backHome") + "</a></p></div></main>");
        out.println("<footer class=\"essor-footer\"><p>" + Messages.text(locale, "layout.footer") + "</p></footer></body></html>");
    }

    private static Locale locale(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object chosen = session == null ? null : session.getAttribute(LocaleBean.SESSION_LANGUAGE);
        String lang = chosen instanceof String s ? s : LocaleBean.preferred(request.getHeader("Accept-Language"));
        return Locale.forLanguageTag(lang);
    }
}
