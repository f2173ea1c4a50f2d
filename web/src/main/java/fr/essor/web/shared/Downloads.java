package fr.essor.web.shared;

import fr.essor.web.i18n.LocaleBean;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Locale;

/**
 * What the download servlets of the signed-in pages ({@code /files/...}) share: the request's path, the language to
 * write the file in, and the response that sends a file as an attachment the browser must not sniff.
 */
public final class Downloads {

    private Downloads() {
    }

    /** The request's path after the servlet's own, "" when there is none. */
    public static String path(HttpServletRequest request) {
        return request.getPathInfo() == null ? "" : request.getPathInfo();
    }

    /** The session's language, else the browser's first supported one, else French. */
    public static Locale locale(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object lang = session == null ? null : session.getAttribute(LocaleBean.SESSION_LANGUAGE);
        return Locale.forLanguageTag(lang instanceof String l ? l : LocaleBean.preferred(request.getHeader("Accept-Language")));
    }

    /** The media type of a report's format: {@code pdf}, {@code xlsx}, else CSV in UTF-8. */
    public static String mediaType(String format) {
        return switch (format) {
            case "pdf" -> "application/pdf";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            default -> "text/csv;charset=UTF-8";
        };
    }

    /** Sends {@code content} as an attachment named {@code fileName} (a plain ASCII name). */
    public static void attachment(HttpServletResponse response, String mediaType, String fileName, byte[] content)
            throws IOException {
        send(response, mediaType, "attachment; filename=\"" + fileName + "\"", content);
    }

    /** Sends {@code content} with the given Content-Disposition, its type declared and not to be sniffed by the browser. */
    public static void send(HttpServletResponse response, String mediaType, String disposition, byte[] content)
            throws IOException {
        response.setContentType(mediaType);
        response.setContentLength(content.length);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Disposition", disposition);
        response.getOutputStream().write(content);
    }
}
