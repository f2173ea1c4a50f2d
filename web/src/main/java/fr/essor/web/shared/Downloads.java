package fr.essor.web.shared;

import fr.essor.web.i18n.LocaleBean;
import fr.essor.web.i18n.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What the download servlets of the signed-in pages ({@code /files/...}) and the API's files share: the request's
 * path, the language to write the file in, the file's name in that language, and the response that sends a file as
 * an attachment the browser must not sniff.
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

    /**
     * The name of a generated file in the reader's language: the bundle's pattern {@code download.<kind>}
     * ({@code proces-verbal-{0}} in French, {@code minutes-{0}} in English) with the parts written as they are
     * (no grouping of digits), made ASCII-safe, then the extension.
     */
    public static String name(Locale locale, String kind, String extension, Object... parts) {
        String pattern = ResourceBundle.getBundle(Messages.BUNDLE, locale).getString("download." + kind);
        Object[] plain = Arrays.stream(parts).map(String::valueOf).toArray();
        return ascii(new MessageFormat(pattern, Locale.ROOT).format(plain)) + "." + extension;
    }

    /**
     * {@code attachment} with the file's name: {@code filename="…"} in ASCII (accents dropped, anything else
     * that is not a letter, a digit, a dot or a dash becomes a dash), and, when that changed the name, the
     * exact name as RFC 6266's {@code filename*=UTF-8''…} (RFC 5987 encoding), which browsers prefer.
     */
    public static String disposition(String fileName) {
        String ascii = ascii(fileName);
        String disposition = "attachment; filename=\"" + (ascii.isEmpty() ? "document" : ascii) + "\"";
        return ascii.equals(fileName) ? disposition
                : disposition + "; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The name with its accents dropped and every run of other characters than [A-Za-z0-9._-] as one dash. */
    static String ascii(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
    }

    /** Sends {@code content} as an attachment named {@code fileName} ({@link #disposition}). */
    public static void attachment(HttpServletResponse response, String mediaType, String fileName, byte[] content)
            throws IOException {
        send(response, mediaType, disposition(fileName), content);
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
