package fr.essor.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The running application seen over HTTP: redirects, headers, cookies, the API and its errors, operations. */
class HttpIT extends OnTheBuiltWar {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }

    private URI serverUri(String path) {
        return URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + path);
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    private static void assertSecurityHeaders(HttpResponse<?> response) {
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(null));
        List<String> csp = response.headers().allValues("Content-Security-Policy");
        assertTrue(csp.stream().anyMatch(v -> v.contains("frame-ancestors 'none'")), "CSP: " + csp);
    }

    @Test
    void theRootSendsAnonymousVisitorsToTheLoginPage() throws Exception {
        HttpResponse<String> root = get("/");
        assertEquals(302, root.statusCode());
        assertTrue(root.headers().firstValue("Location").orElseThrow().endsWith("/login.xhtml"));
    }

    @Test
    void theLoginPageSpeaksFrenchFirstAndEnglishOnRequest() throws Exception {
        HttpResponse<String> fr = get("/login.xhtml");
        assertEquals(200, fr.statusCode());
        assertTrue(fr.body().contains("Connexion"), fr.body());
        assertTrue(fr.body().contains("lang=\"fr\""));
        HttpResponse<String> en = get("/login.xhtml", "Accept-Language", "en-GB,en;q=0.9");
        assertTrue(en.body().contains("Sign in"));
        assertTrue(en.body().contains("lang=\"en\""));
        assertSecurityHeaders(fr);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndNeverInTheUrl() throws Exception {
        HttpResponse<String> page = get("/login.xhtml");
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("ESSORSESSION=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase(Locale.ROOT).contains("samesite=strict"), cookie);
        assertFalse(page.body().contains(";jsessionid="), "session id leaked into a URL");
    }

    private static String viewState(String html) {
        Matcher m = Pattern
                .compile("name=\"jakarta.faces.ViewState\" id=\"[^\"]*\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), "no view state in the page");
        return m.group(1);
    }

    private HttpResponse<String> postLogin(String cookie, String viewState, String email, String password) throws Exception {
        String form = "login=login&login%3Aemail=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&login%3Apassword=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&login%3Asubmit=&jakarta.faces.ViewState=" + URLEncoder.encode(viewState, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri("/login.xhtml"))
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    @Test
    void loggingInGivesANewSessionIdAndTheOldOneOpensNothing() throws Exception {
        HttpResponse<String> page = get("/login.xhtml");
        String before = Pages.sessionCookie(page);
        HttpResponse<String> login = postLogin(before, viewState(page.body()), "porteur@demo.essor", "essor-demo");
        assertEquals(302, login.statusCode(), login.body());
        assertTrue(login.headers().firstValue("Location").orElseThrow().endsWith("/entrepreneur/index.xhtml"));
        String after = Pages.sessionCookie(login);
        assertNotNull(after, "a new session cookie must be set at login");
        assertFalse(after.equals(before), "the session id must change at login");

        HttpResponse<String> withNew = get("/entrepreneur/index.xhtml", "Cookie", after);
        assertEquals(200, withNew.statusCode());
        assertTrue(withNew.body().contains("La Fabrique Solidaire"));
        HttpResponse<String> withOld = get("/entrepreneur/index.xhtml", "Cookie", before);
        assertEquals(302, withOld.statusCode(), "the pre-login session id must not be signed in");
    }

    @Test
    void aFormPostWithAForgedViewStateIsRefusedAndSignsNobodyIn() throws Exception {
        HttpResponse<String> page = get("/login.xhtml");
        String cookie = Pages.sessionCookie(page);
        HttpResponse<String> forged = postLogin(cookie, "-1234567890:987654321", "porteur@demo.essor", "essor-demo");
        assertTrue(forged.statusCode() >= 400, "status " + forged.statusCode());
        assertFalse(forged.body().contains(".java:"), "stack trace shown");
        assertEquals(302, get("/entrepreneur/index.xhtml", "Cookie", cookie).statusCode());
    }

    @Test
    void anEntrepreneurAskingForAnAdminPageGets403() throws Exception {
        HttpResponse<String> page = get("/login.xhtml");
        HttpResponse<String> login = postLogin(Pages.sessionCookie(page), viewState(page.body()), "porteur@demo.essor", "essor-demo");
        HttpResponse<String> admin = get("/admin/accounts.xhtml", "Cookie", Pages.sessionCookie(login));
        assertEquals(403, admin.statusCode());
        assertTrue(admin.body().contains("Accès refusé"));
    }

    @Test
    void aRolePageWithoutASessionRedirectsToTheLoginPage() throws Exception {
        for (String page : List.of("/admin/index.xhtml", "/advisor/index.xhtml", "/entrepreneur/index.xhtml",
                "/committee/index.xhtml", "/partner/index.xhtml")) {
            HttpResponse<String> response = get(page);
            assertEquals(302, response.statusCode(), page);
            assertTrue(response.headers().firstValue("Location").orElseThrow().contains("/login.xhtml"), page);
        }
    }

    @Test
    void anUnknownPageGivesTheFrenchNotFoundPageWithoutAStackTrace() throws Exception {
        HttpResponse<String> response = get("/nulle-part.xhtml");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("Page introuvable"), response.body());
        assertFalse(response.body().contains("Exception"), response.body());
        assertFalse(response.body().contains(".java:"), "stack trace shown");
        assertSecurityHeaders(response);
    }

    @Test
    void meAnswersTheSignedInCaller() throws Exception {
        HttpResponse<String> porteur = get("/api/v1/me", "Authorization", Api.basic("porteur@demo.essor", "essor-demo"));
        assertEquals(200, porteur.statusCode(), porteur.body());
        JsonObject me = Api.json(porteur);
        assertEquals("porteur@demo.essor", me.getString("email"));
        assertEquals(List.of("ENTREPRENEUR"), me.getJsonArray("roles").getValuesAs(JsonString.class)
                .stream().map(JsonString::getString).toList());
        JsonObject advisor = Api.json(get("/api/v1/me", "Authorization", Api.basic("conseil@demo.essor", "essor-demo")));
        assertEquals("CVL", advisor.getString("association"));
        assertSecurityHeaders(porteur);
        assertTrue(porteur.headers().allValues("Set-Cookie").isEmpty(), "the API must not open sessions");
    }

    @Test
    void theApiWithoutOrWithWrongCredentialsAnswers401InJsonAlike() throws Exception {
        HttpResponse<String> none = get("/api/v1/me");
        assertEquals(401, none.statusCode());
        assertEquals("UNAUTHENTICATED", Api.json(none).getString("error"));
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic"));

        HttpResponse<String> wrong = get("/api/v1/me", "Authorization", Api.basic("porteur@demo.essor", "not-the-password"));
        HttpResponse<String> unknown = get("/api/v1/me", "Authorization", Api.basic("personne@demo.essor", "not-the-password"));
        assertEquals(401, wrong.statusCode());
        assertEquals(401, unknown.statusCode());
        assertEquals(wrong.body(), unknown.body(), "an unknown account must look like a wrong password");
        HttpResponse<String> english = get("/api/v1/me", "Accept-Language", "en");
        assertEquals("Authentication required (HTTP Basic).", Api.json(english).getString("message"));
    }

    @Test
    void anUnknownApiPathAnswers404InJson() throws Exception {
        HttpResponse<String> response = get("/api/v1/nothing-here", "Authorization", Api.basic("porteur@demo.essor", "essor-demo"));
        assertEquals(404, response.statusCode());
        assertEquals("NOT_FOUND", Api.json(response).getString("error"));
    }

    @Test
    void aBodyThatIsNotJsonAnswers400AndChangesNothing() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/me/password"))
                .header("Authorization", Api.basic("porteur2@demo.essor", "essor-demo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"currentPassword\": \"essor-demo\", "))
                .build());
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("MALFORMED_JSON", Api.json(response).getString("error"));
        assertEquals(200, get("/api/v1/me", "Authorization", Api.basic("porteur2@demo.essor", "essor-demo")).statusCode());
    }

    @Test
    void aWeakNewPasswordIsRefusedWithTheRuleInTheCallersLanguage() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/me/password"))
                .header("Authorization", Api.basic("porteur2@demo.essor", "essor-demo"))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "fr")
                .POST(HttpRequest.BodyPublishers.ofString("{\"currentPassword\":\"essor-demo\",\"newPassword\":\"court\"}"))
                .build());
        assertEquals(400, response.statusCode(), response.body());
        JsonObject error = Api.json(response);
        assertEquals("INVALID_INPUT", error.getString("error"));
        assertEquals("Le mot de passe doit contenir au moins 10 caractères.", error.getString("message"));
        assertEquals(200, get("/api/v1/me", "Authorization", Api.basic("porteur2@demo.essor", "essor-demo")).statusCode());
    }

    @Test
    void healthReportsTheDatabaseUp() throws Exception {
        HttpResponse<String> health = send(HttpRequest.newBuilder(serverUri("/health")).GET().build());
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"UP\""), health.body());
        assertTrue(health.body().contains("essor-database"), "the application's check must be there: " + health.body());
        // the database's name is for administrators only (issue 18), not in the anonymous /health
        HttpResponse<String> system = get("/api/v1/admin/system", "Authorization", Api.basic("admin@demo.essor", "essor-demo"));
        assertEquals(200, system.statusCode(), system.body());
        System.out.println("Essor under test runs on: " + system.body());
        String expected = System.getProperty("essor.it.expect.db", "");
        if (!expected.isBlank()) {
            assertTrue(system.body().contains(expected), "expected the tests to run on " + expected);
        }
    }

    @Test
    void openApiDocumentsTheApi() throws Exception {
        HttpResponse<String> doc = send(HttpRequest.newBuilder(serverUri("/openapi")).GET().build());
        assertEquals(200, doc.statusCode());
        assertTrue(doc.body().contains("Essor API"), doc.body());
        assertTrue(doc.body().contains("/me"));
        assertNotNull(doc.headers().firstValue("Content-Type").orElse(null));
    }
}
