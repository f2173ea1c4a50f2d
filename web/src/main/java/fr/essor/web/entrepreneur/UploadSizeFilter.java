package fr.essor.web.entrepreneur;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A form upload larger than the documents' limit would make the multipart parser fail with a server
 * error; it is turned into a redirect back to the page, which says the file is too large.
 */
@WebFilter(urlPatterns = "/entrepreneur/*")
public class UploadSizeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** 10 MB of file plus the form fields. */
    static final long MAX_REQUEST = 11_000_000L;
    private static final long DRAIN_LIMIT = 200L * 1024 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        if ("POST".equals(request.getMethod()) && type != null && type.startsWith("multipart/")
                && request.getContentLengthLong() > MAX_REQUEST) {
            try (InputStream in = request.getInputStream()) {
                byte[] sink = new byte[64 * 1024];
                long read = 0;
                for (int n; read < DRAIN_LIMIT && (n = in.read(sink)) > 0; ) {
                    read += n;
                }
            }
            response.sendRedirect(backTo(request));
            return;
        }
        chain.doFilter(request, response);
    }

    private static String backTo(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        String fallback = request.getContextPath() + "/entrepreneur/index.xhtml";
        if (referer == null) {
            return fallback;
        }
        URI uri;
        try {
            uri = new URI(referer);
        } catch (URISyntaxException e) {
            // a malformed Referer (any client can send one) is no reason for a server error
            return fallback;
        }
        String path = uri.getRawPath();
        if (path == null || !path.startsWith(request.getContextPath() + "/entrepreneur/")) {
            return fallback;
        }
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery().replaceAll("&?uploadTooLarge=true", "");
        return path + "?" + (query.isEmpty() ? "" : query + "&") + "uploadTooLarge=true";
    }
}
