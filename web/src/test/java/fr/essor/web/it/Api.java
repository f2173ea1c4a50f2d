package fr.essor.web.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The HTTP side of the container tests: the server's address, Basic credentials, JSON bodies, and a
 * client for the REST API ({@code /api/v1}) that calls as a demo user, in French.
 *
 * <p>A test class keeps one client in a field, built on its injected address:
 * {@code private final Api api = new Api(() -> base);} then {@code api.call(user, "POST", "/applications", json)}.
 */
final class Api {

    /** The password of every demo account. */
    static final String DEMO_PASSWORD = "essor-demo";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Supplier<URL> base;
    private final Duration timeout;

    /** A client with no time limit per request beyond the connection's. */
    Api(Supplier<URL> base) {
        this(base, null);
    }

    private Api(Supplier<URL> base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
    }

    /** The same client, each request failing after the given time. */
    Api timeout(Duration perRequest) {
        return new Api(base, perRequest);
    }

    /**
     * Calls the API as a demo user (the demo password), in French; {@code body}, when not null, is
     * sent as JSON. Waits first, once per deployment, for the application to answer.
     */
    HttpResponse<String> call(String user, String method, String path, String body) throws Exception {
        Deployments.awaitReady(base.get());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(base.get(), "/api/v1" + path))
                .header("Authorization", basic(user))
                .header("Accept-Language", "fr");
        if (timeout != null) {
            b.timeout(timeout);
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Uploads a file as a demo user (the document endpoints take the file's bytes and its name in X-File-Name). */
    HttpResponse<String> upload(String user, String path, String fileName, byte[] content) throws Exception {
        Deployments.awaitReady(base.get());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(base.get(), "/api/v1" + path))
                .header("Authorization", basic(user)).header("X-File-Name", fileName)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content));
        if (timeout != null) {
            b.timeout(timeout);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * The application's root without a trailing slash, on 127.0.0.1: Payara listens on 127.0.0.1 only,
     * and "localhost" may resolve to ::1 first.
     */
    static String root(URL base) {
        return base.toString().replace("//localhost:", "//127.0.0.1:").replaceAll("/$", "");
    }

    static URI uri(URL base, String path) {
        return URI.create(root(base) + path);
    }

    /** The Authorization header of a demo user. */
    static String basic(String user) {
        return basic(user, DEMO_PASSWORD);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static JsonObject json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    static JsonArray array(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readArray();
        }
    }
}
