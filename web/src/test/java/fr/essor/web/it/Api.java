package fr.essor.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    private final String password;
    private final String language;

    /** A client with no time limit per request beyond the connection's. */
    Api(Supplier<URL> base) {
        this(base, null, DEMO_PASSWORD, "fr");
    }

    private Api(Supplier<URL> base, Duration timeout, String password, String language) {
        this.base = base;
        this.timeout = timeout;
        this.password = password;
        this.language = language;
    }

    /** The same client, each request failing after the given time. */
    Api timeout(Duration perRequest) {
        return new Api(base, perRequest, password, language);
    }

    /** The same client, signing in with this password (an account a test registered) rather than the demo's. */
    Api password(String other) {
        return new Api(base, timeout, other, language);
    }

    /** The same client, asking for answers in this language (Accept-Language). */
    Api language(String other) {
        return new Api(base, timeout, password, other);
    }

    /**
     * Calls the API as a demo user (the demo password, unless {@link #password}), in French (unless
     * {@link #language}); {@code body}, when not null, is sent as JSON. {@code user} null calls anonymously.
     * Waits first, once per deployment, for the application to answer.
     */
    HttpResponse<String> call(String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = request(user, path);
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(b.build());
    }

    /** GETs {@code path} as {@code user} and reads the JSON object answered; anything but 200 fails the test. */
    JsonObject read(String user, String path) throws Exception {
        HttpResponse<String> r = call(user, "GET", path, null);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " as " + user + ": " + r.statusCode() + " " + r.body());
        }
        return json(r);
    }

    /** GETs {@code path} as {@code user} and answers the bytes (a PDF, an export, a ZIP), whatever the status. */
    HttpResponse<byte[]> bytes(String user, String path) throws Exception {
        return sendForBytes(request(user, path).GET().build());
    }

    /**
     * Posts to a test-only endpoint of the server ({@code /test-only/clock?days=…}, {@code /test-only/followups/sweep}…),
     * allowing it a minute; anything but 200 fails the test. Answers the body.
     */
    String testOnly(String path) throws Exception {
        Deployments.awaitReady(base.get());
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(base.get(), path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    /**
     * The OpenAPI document the server publishes at its root ({@code /openapi}, outside the application); anything but
     * 200 fails the test.
     */
    String openApi() throws Exception {
        Deployments.awaitReady(base.get());
        URL at = base.get();
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(at.getProtocol() + "://127.0.0.1:" + at.getPort()
                + "/openapi")).GET().build());
        assertEquals(200, r.statusCode(), "GET /openapi");
        return r.body();
    }

    /**
     * A request to the API as {@code user} (anonymous when null), with this client's password, language and time
     * limit, for a test that sets its own headers and body; send it with {@link #send}.
     */
    HttpRequest.Builder request(String user, String path) throws InterruptedException {
        Deployments.awaitReady(base.get());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(base.get(), "/api/v1" + path)).header("Accept-Language", language);
        if (user != null) {
            b.header("Authorization", basic(user, password));
        }
        if (timeout != null) {
            b.timeout(timeout);
        }
        return b;
    }

    /** Sends a request with the tests' client (no redirects followed) and reads the answer as UTF-8 text. */
    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Sends a request with the tests' client and reads the answer as bytes (a PDF, an export). */
    static HttpResponse<byte[]> sendForBytes(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Creates an account through the public registration endpoint; asserts the 201. */
    String register(String email, String displayName, String accountPassword) throws Exception {
        HttpResponse<String> r = call(null, "POST", "/accounts", "{\"email\":\"" + email + "\",\"displayName\":\""
                + displayName + "\",\"password\":\"" + accountPassword + "\",\"language\":\"" + language + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        return email;
    }

    /** Uploads a file as a demo user (the document endpoints take the file's bytes and its name in X-File-Name). */
    HttpResponse<String> upload(String user, String path, String fileName, byte[] content) throws Exception {
        Deployments.awaitReady(base.get());
        return send(request(user, path).header("X-File-Name", fileName).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build());
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

    static JsonArray array(HttpResponse<String> response) {
        return array(response.body());
    }

    static JsonArray array(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readArray();
        }
    }
}
