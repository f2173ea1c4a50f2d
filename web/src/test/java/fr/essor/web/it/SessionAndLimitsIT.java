package fr.essor.web.it;

import static fr.essor.web.it.Fixtures.ADMIN;
import static fr.essor.web.it.Fixtures.PDF;
import static fr.essor.web.it.Fixtures.PORTEUR;
import static fr.essor.web.it.Fixtures.PORTEUR2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, items 4, 5, 6, 13, 14 and the endpoints of its "Also": login throttling that slows the
 * guesser and not the owner (other sources are other loopback addresses, 127.0.0.2 and up, bound by
 * a raw socket), sessions that end with their account or password, request bodies bounded per
 * endpoint, document names beyond ASCII, a stateless view state on the public forms, and what the
 * server tells anonymous callers at /health, /metrics and for other methods on /files/*.
 */
class SessionAndLimitsIT extends OnTheBuiltWar {

    private static final String PASSWORD = "un-mot-de-passe-long";

    // ---- item 4: throttling by source and account ---------------------------------------------------

    @Test
    void theOwnerSignsInWhileTheSourceThatGuessedHisPasswordIsRefused() throws Exception {
        String email = register("owner");
        List<Integer> attacker = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            attacker.add(rawGet("127.0.0.2", "/api/v1/me", Api.basic(email, "devine-" + i)).status());
        }
        Raw locked = rawGet("127.0.0.2", "/api/v1/me", Api.basic(email, PASSWORD));
        assertEquals(List.of(401, 401, 401, 401, 401), attacker);
        assertEquals(429, locked.status(), "the guessing source is refused, even with the right password: " + locked.body());

        // the owner, from his own address, is not locked out: by the API and by the form
        assertEquals(200, Api.send(apiRequest("/me", email, PASSWORD).build()).statusCode(), "the owner's API call");
        assertEquals(302, pages.loginResponse(email, PASSWORD).statusCode(), "the owner's sign-in through the form");
        assertNotNull(locked.headers().get("retry-after"), "429 says when to come back");
        System.out.println("Session and limits: 5 wrong passwords from 127.0.0.2 lock that source out (" + locked.status()
                + "), the owner signs in from 127.0.0.1");
    }

    @Test
    void oneAttemptOnEachOfManyAccountsFromOneSourceIsSlowedThereOnly() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        // 20 failures are free for a source (LoginThrottle.SOURCE_FREE_FAILURES), then it waits
        for (int i = 1; i <= 21; i++) {
            String someone = "compte-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
            statuses.add(rawGet("127.0.0.3", "/api/v1/me", Api.basic(someone, "essor-demo")).status());
        }
        assertEquals(20, statuses.stream().filter(s -> s == 401).count(), statuses.toString());
        assertEquals(429, statuses.get(20), "the 21st account tried from the same source: " + statuses);
        // a real account from that source waits too; from another source it signs in at once
        assertEquals(429, rawGet("127.0.0.3", "/api/v1/me", Api.basic(PORTEUR2, Api.DEMO_PASSWORD)).status());
        assertEquals(200, rawGet("127.0.0.4", "/api/v1/me", Api.basic(PORTEUR2, Api.DEMO_PASSWORD)).status());
        System.out.println("Session and limits: one attempt on each of 21 accounts from 127.0.0.3: " + statuses);
    }

    // ---- item 5: sessions end with their account ------------------------------------------------------

    @Test
    void aBrowserSessionEndsWhenAnAdministratorDeactivatesTheAccount() throws Exception {
        String email = register("desactive");
        String session = pages.login(email, PASSWORD);
        assertEquals(200, pages.get(session, "/entrepreneur/index.xhtml").statusCode());
        adminAction(email, "Désactiver", "désactivé");
        assertEquals(302, pages.get(session, "/entrepreneur/index.xhtml").statusCode(), "the open session ends with its account");
        assertEquals(401, Api.send(apiRequest("/me", email, PASSWORD).build()).statusCode(), "and so does the API");
    }

    @Test
    void aBrowserSessionEndsWhenAnAdministratorResetsThePassword() throws Exception {
        String email = register("reinit");
        String session = pages.login(email, PASSWORD);
        assertEquals(200, pages.get(session, "/entrepreneur/index.xhtml").statusCode());
        adminAction(email, "Réinitialiser le mot de passe", "réinitialisé");
        assertEquals(302, pages.get(session, "/entrepreneur/index.xhtml").statusCode(), "the open session ends with its password");
        assertEquals(401, Api.send(apiRequest("/me", email, PASSWORD).build()).statusCode());
    }

    @Test
    void theOtherSessionsEndWhenTheUserChangesHisPassword() throws Exception {
        String email = register("change");
        String laptop = pages.login(email, PASSWORD);
        String phone = pages.login(email, PASSWORD);
        String newPassword = "un-autre-mot-de-passe";
        HttpResponse<String> changed = Api.send(apiRequest("/me/password", email, PASSWORD).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\""
                        + newPassword + "\"}")).build());
        assertEquals(204, changed.statusCode(), changed.body());
        assertEquals(302, pages.get(laptop, "/entrepreneur/index.xhtml").statusCode(), "a session opened with the old password ends");
        assertEquals(302, pages.get(phone, "/entrepreneur/index.xhtml").statusCode());
        assertEquals(200, pages.get(pages.login(email, newPassword), "/entrepreneur/index.xhtml").statusCode(), "the new password opens one");
    }

    // ---- item 6: bounded bodies -----------------------------------------------------------------------

    @Test
    void aBodyOverItsEndpointsLimitGetsAJson413BeforeItIsReadWhole() throws Exception {
        String email = "gros-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String big = "{\"email\":\"" + email + "\",\"displayName\":\"" + "x".repeat(1024 * 1024) + "\",\"password\":\"" + PASSWORD + "\"}";
        // a declared length over 1 MB on a JSON endpoint
        HttpResponse<String> declared = Api.send(HttpRequest.newBuilder(Api.uri(base, "/api/v1/accounts")).header("Accept-Language", "en")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(big)).build());
        assertJson413("JSON over 1 MB", declared.statusCode(), declared.headers().map(), declared.body());
        assertEquals("The request body is larger than this endpoint accepts (1 MB).", Api.json(declared.body()).getString("message"));
        // the same without a length (chunked): cut off while it is read
        HttpResponse<String> chunked = Api.send(HttpRequest.newBuilder(Api.uri(base, "/api/v1/accounts")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        (big + " ".repeat(2 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8)))).build());
        assertJson413("chunked JSON over 1 MB", chunked.statusCode(), chunked.headers().map(), chunked.body());
        assertEquals(401, Api.send(apiRequest("/me", email, PASSWORD).build()).statusCode(), "no account was created");

        // 80 MB announced, a few bytes sent: the answer comes without waiting for the rest
        Raw announced = raw("127.0.0.1", "POST " + path("/api/v1/accounts") + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 80000000\r\n\r\n", "{\"email\":".getBytes(StandardCharsets.US_ASCII));
        assertJson413("80 MB announced", announced.status(), Map.of(), announced.body());

        // a document over 10 MB, and a page's form over 1 MB
        long draft = newDraft();
        HttpResponse<String> document = Api.send(apiRequest("/applications/" + draft + "/documents?kind=OTHER", PORTEUR,
                Api.DEMO_PASSWORD).header("X-File-Name", "gros.pdf").header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[10 * 1024 * 1024 + 1])).build());
        assertJson413("document over 10 MB", document.statusCode(), document.headers().map(), document.body());
        HttpResponse<String> form = Api.send(HttpRequest.newBuilder(Api.uri(base, "/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("login=login&login%3Aemail=" + "a".repeat(1024 * 1024 + 10))).build());
        assertJson413("page form over 1 MB", form.statusCode(), form.headers().map(), form.body());
        System.out.println("Session and limits: 413 for JSON over 1 MB (declared and chunked), 80 MB announced,"
                + " a document over 10 MB, a page form over 1 MB");
    }

    // ---- item 13: document names beyond ASCII -----------------------------------------------------------

    @Test
    void aDocumentNameBeyondAsciiIsAcceptedInItsDocumentedEncodings() throws Exception {
        long draft = newDraft();
        String docs = "/applications/" + draft + "/documents?kind=OTHER";
        HttpResponse<String> rfc5987 = Api.send(apiRequest(docs, PORTEUR, Api.DEMO_PASSWORD)
                .header("Content-Disposition", "attachment; filename*=UTF-8''relev%C3%A9.pdf")
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(PDF)).build());
        assertEquals(201, rfc5987.statusCode(), rfc5987.body());
        assertEquals("relevé.pdf", Api.json(rfc5987.body()).getString("fileName"));
        HttpResponse<String> percent = Api.send(apiRequest(docs, PORTEUR, Api.DEMO_PASSWORD)
                .header("X-File-Name", "bilan%202024%20%E2%82%AC.pdf")
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(PDF)).build());
        assertEquals(201, percent.statusCode(), percent.body());
        assertEquals("bilan 2024 €.pdf", Api.json(percent.body()).getString("fileName"));
        System.out.println("Session and limits: document names relevé.pdf (RFC 5987) and 'bilan 2024 €.pdf'"
                + " (percent-encoded) accepted");
    }

    // ---- item 14: a stateless view state on the public forms ------------------------------------------

    @Test
    void aStatelessViewStateOnTheLoginAndRegistrationFormsGetsTheExpiredPage() throws Exception {
        for (String page : List.of("/login.xhtml", "/register.xhtml")) {
            HttpResponse<String> start = pages.get(null, page);
            String form = page.equals("/login.xhtml") ? "login" : "register";
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put(form, form);
            fields.put(form + ":email", "sans-etat@example.org");
            fields.put("jakarta.faces.ViewState", "stateless");
            HttpResponse<String> r = pages.post(Pages.sessionCookie(start), page, fields);
            assertEquals(400, r.statusCode(), page + ": " + r.body());
            assertTrue(r.body().contains("id=\"error-expired\""), page + ": the expired page: " + r.body());
            assertSecurityHeaders(page, r.headers().map());
        }
    }

    // ---- also: what anonymous callers are told --------------------------------------------------------

    @Test
    void healthMetricsAndOtherMethodsOnFilesTellAnonymousCallersNothingMore() throws Exception {
        HttpResponse<String> health = Api.send(HttpRequest.newBuilder(serverUri("/health")).build());
        assertEquals(200, health.statusCode(), health.body());
        JsonObject check = Api.json(health.body()).getJsonArray("checks").getJsonObject(0);
        assertEquals("essor-database", check.getString("name"));
        assertEquals("UP", check.getString("status"));
        assertTrue(!check.containsKey("data") || check.getJsonObject("data").isEmpty(),
                "no database product or version for anyone: " + health.body());
        HttpResponse<String> system = Api.send(apiRequest("/admin/system", ADMIN, Api.DEMO_PASSWORD).build());
        assertEquals(200, system.statusCode(), "administrators still learn it: " + system.body());
        assertEquals(403, Api.send(apiRequest("/admin/system", PORTEUR, Api.DEMO_PASSWORD).build()).statusCode());

        HttpResponse<String> metrics = Api.send(HttpRequest.newBuilder(serverUri("/metrics")).build());
        assertTrue(metrics.statusCode() == 401 || metrics.statusCode() == 403 || metrics.statusCode() == 404,
                "/metrics is not open to anyone: " + metrics.statusCode() + " " + metrics.body());

        String porteur = pages.login(PORTEUR);
        for (String method : List.of("PUT", "DELETE", "POST", "PATCH")) {
            HttpResponse<String> r = Api.send(HttpRequest.newBuilder(Api.uri(base, "/files/1/1")).header("Cookie", porteur)
                    .method(method, HttpRequest.BodyPublishers.ofString("x")).build());
            assertTrue(r.statusCode() == 405 || r.statusCode() == 501, method + ": " + r.statusCode());
            assertFalse(r.body().contains("Payara"), method + " /files/*: Payara's page: " + r.body());
            assertTrue(r.body().contains("class=\"essor-header\""), method + " /files/*: Essor's page: " + r.body());
            assertSecurityHeaders(method + " /files/*", r.headers().map());
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private void assertJson413(String what, int status, Map<String, List<String>> headers, String body) {
        assertEquals(413, status, what + ": " + body);
        JsonObject error = Api.json(body);
        assertEquals("BODY_TOO_LARGE", error.getString("error"), what);
        if (!headers.isEmpty()) {
            assertSecurityHeaders(what, headers);
        }
    }

    private static void assertSecurityHeaders(String what, Map<String, List<String>> headers) {
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        assertEquals(List.of("nosniff"), h.get("X-Content-Type-Options"), what);
        assertEquals(List.of("DENY"), h.get("X-Frame-Options"), what);
        assertTrue(h.getOrDefault("Content-Security-Policy", List.of()).stream().anyMatch(v -> v.contains("frame-ancestors 'none'")),
                what + ": " + h.get("Content-Security-Policy"));
    }

    /** Administrator's page: finds the account, then presses the button of its row. */
    private void adminAction(String email, String button, String done) throws Exception {
        String admin = pages.login(ADMIN);
        HttpResponse<String> page = pages.get(admin, "/admin/accounts.xhtml");
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("list", "list");
        filter.put("list:text", email);
        filter.put("list:filter", "list:filter");
        filter.put("jakarta.faces.ViewState", Pages.viewState(page.body()));
        HttpResponse<String> found = pages.post(admin, "/admin/accounts.xhtml", filter);
        assertEquals(200, found.statusCode(), found.body());
        Matcher m = Pattern.compile("<button id=\"(list:accounts:0:[^\"]+)\"[^>]*>(?:(?!</button>).)*" + Pattern.quote(button),
                Pattern.DOTALL).matcher(found.body());
        assertTrue(m.find(), "no button '" + button + "' for " + email);
        Map<String, String> press = new LinkedHashMap<>();
        press.put("list", "list");
        press.put("list:text", email);
        press.put(m.group(1), "");
        press.put("jakarta.faces.ViewState", Pages.viewState(found.body()));
        HttpResponse<String> r = pages.post(admin, "/admin/accounts.xhtml", press);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains(done), "the page confirms: " + r.body());
    }

    private String register(String prefix) throws Exception {
        return api.register(prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org", "Essai", PASSWORD);
    }

    private long newDraft() throws Exception {
        long enterprise = Api.array(api.call(PORTEUR, "GET", "/enterprises/mine", null)).getJsonObject(0).getJsonNumber("id")
                .longValue();
        HttpResponse<String> r = api.call(PORTEUR, "POST", "/applications",
                "{\"enterpriseId\":" + enterprise + ",\"title\":\"Limites\",\"stage\":\"CREATION\"}");
        assertEquals(201, r.statusCode(), r.body());
        return Api.json(r).getJsonNumber("id").longValue();
    }

    /** A request to the API as this account with this password, for the headers and bodies these tests set. */
    private HttpRequest.Builder apiRequest(String apiPath, String email, String password) throws InterruptedException {
        return api.password(password).request(email, apiPath);
    }

    private String path(String p) {
        return base.getPath().replaceAll("/$", "") + p;
    }

    private URI serverUri(String p) {
        return URI.create(base.getProtocol() + "://127.0.0.1:" + base.getPort() + p);
    }

    // ---- a raw HTTP/1.1 exchange from a chosen loopback address -------------------------------------

    private record Raw(int status, Map<String, String> headers, String body) {
    }

    private Raw rawGet(String from, String p, String authorization) throws IOException {
        return raw(from, "GET " + path(p) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + authorization
                + "\r\nConnection: close\r\n\r\n", null);
    }

    /** Sends {@code head} (ISO-8859-1, so a test can put raw bytes in it) and {@code body} from {@code from}. */
    private Raw raw(String from, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 10_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = line(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String l = line(in); !l.isEmpty(); l = line(in)) {
                int colon = l.indexOf(':');
                headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                    content.write(in.readNBytes(size));
                    line(in);
                }
            } else if (headers.containsKey("content-length")) {
                content.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
            } else {
                content.write(in.readAllBytes());
            }
            return new Raw(Integer.parseInt(statusLine.split(" ")[1]), headers, content.toString(StandardCharsets.UTF_8));
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
