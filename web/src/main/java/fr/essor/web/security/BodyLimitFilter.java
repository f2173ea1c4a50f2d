package fr.essor.web.security;

import fr.essor.model.document.DocumentRules;
import fr.essor.web.api.ApiError;
import fr.essor.web.api.BodyTooLargeException;
import fr.essor.web.i18n.LocaleBean;
import fr.essor.web.i18n.Messages;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A body limit per endpoint (issue 18, item 6): document uploads through the API at the documents'
 * 10 MB, any other API body at {@link #JSON_LIMIT}, a page's form (not multipart) at the same.
 * A declared length over the limit is answered at once with a JSON 413 (then a bounded part of the
 * body is drained so that the client reads the answer rather than a reset); a body without a length
 * (chunked) is cut off while it is read, and the read fails with {@link BodyTooLargeException}, which
 * the API answers with the same 413. Multipart page uploads keep their own bound (the multipart
 * configuration and {@code UploadSizeFilter}); form parameters are bounded by the container.
 * Declared in web.xml, first of the filters.
 */
public class BodyLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** Far above any JSON body of the API (an application with all its lines is a few kB). */
    public static final long JSON_LIMIT = 1024 * 1024;
    public static final long DOCUMENT_LIMIT = DocumentRules.MAX_BYTES;
    /** At most this much of a refused body is read (and dropped) after the answer. */
    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;
    private static final Pattern DOCUMENTS = Pattern.compile("/api/v1/applications/[^/]+/documents/?");
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long limit = limitFor(request);
        if (limit < 0) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response, limit);
            response.flushBuffer();
            drain(request.getInputStream());
            return;
        }
        Limited limited = new Limited(request, limit);
        try {
            chain.doFilter(limited, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!limited.exceeded || response.isCommitted()) {
                throw e;
            }
        }
        if (limited.exceeded) {
            if (!response.isCommitted()) {
                response.reset();
                refuse(request, response, limit);
            }
            // the rest of the cut-off body, within a bound, so that the client reads the 413
            drain(request.getInputStream());
        }
    }

    /** The limit of a request's body, or -1 when this filter leaves it to another bound. */
    static long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            return DOCUMENTS.matcher(path).matches() ? DOCUMENT_LIMIT : JSON_LIMIT;
        }
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return -1;
        }
        return JSON_LIMIT;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        Locale locale = Locale.forLanguageTag(LocaleBean.preferred(request.getHeader("Accept-Language")));
        SecurityHeadersFilter.apply(request, response);
        response.setStatus(413);
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        String size = limit >= 1024 * 1024 ? Messages.text(locale, "size.megabytes", limit / (1024 * 1024))
                : Messages.text(locale, "size.kilobytes", limit / 1024);
        response.getWriter().write(JSONB.toJson(new ApiError("BODY_TOO_LARGE",
                Messages.text(locale, "error.api.bodyTooLarge", size))));
    }

    private static void drain(InputStream in) {
        byte[] sink = new byte[64 * 1024];
        long read = 0;
        try {
            for (int n; read < DRAIN_LIMIT && (n = in.read(sink)) > 0; ) {
                read += n;
            }
        } catch (IOException e) {
            // the client gave up: nothing more to do
        }
    }


    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;
        private boolean exceeded;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        private final class Counting extends ServletInputStream {
            private final ServletInputStream in;
            private long count;

            Counting(ServletInputStream in) {
                this.in = in;
            }

            private int counted(int n) throws IOException {
                if (n > 0) {
                    count += n;
                    if (count > limit) {
                        exceeded = true;
                        throw new BodyTooLargeException(limit);
                    }
                }
                return n;
            }

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    counted(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return counted(in.read(b, off, len));
            }

            @Override
            public boolean isFinished() {
                return in.isFinished();
            }

            @Override
            public boolean isReady() {
                return in.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
            }
        }
    }
}
