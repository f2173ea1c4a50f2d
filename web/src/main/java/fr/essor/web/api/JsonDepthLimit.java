package fr.essor.web.api;

import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * A JSON body nested deeper than any request of the API needs is refused (400 MALFORMED_JSON)
 * before it is parsed: 100,000 nested arrays made the server drop the connection without an
 * answer (BadInputIT). The body is read once, its brackets counted outside strings, and handed on.
 */
@Provider
public class JsonDepthLimit implements ReaderInterceptor {

    /** Deeper than every body of the API (a few levels) by far. */
    static final int MAX_DEPTH = 32;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        if (tooDeep(body)) {
            throw new JsonParsingException("JSON nested deeper than " + MAX_DEPTH + " levels", null);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    static boolean tooDeep(byte[] json) {
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (byte b : json) {
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '[' || b == '{') {
                if (++depth > MAX_DEPTH) {
                    return true;
                }
            } else if (b == ']' || b == '}') {
                depth--;
            }
        }
        return false;
    }
}
