package fr.essor.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, part 3, beyond what HttpIT checks: security headers on every kind of response (pages,
 * redirects, the API and its errors, files, error pages, static resources), login throttling
 * through the form and the API, session fixation and logout, documents and exports served as
 * attachments with no-sniff, forged form posts (no view state, a made-up one, another session's)
 * refused on several forms, and no stack trace on malformed page requests.
 */
class WebProtectionIT extends OnTheBuiltWar {

    private static final String PASSWORD = "essor-demo";
    private static final int YEAR = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    // ---- security headers ---------------------------------------------------------------------------

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() throws Exception {
        String porteur = login("porteur@demo.essor");
        String advisor = login("conseil@demo.essor");
        long app = firstApplication("porteur@demo.essor");
        long doc = Api.json(api("porteur@demo.essor", "GET", "/applications/" + app, null)).getJsonArray("documents")
                .getJsonObject(0).getJsonNumber("id").longValue();
        String css = resourcePath(get("/login.xhtml", null).body());
        Map<String, HttpResponse<String>> responses = new LinkedHashMap<>();
        responses.put("login page 200", get("/login.xhtml", null));
        responses.put("signed-in page 200", get("/entrepreneur/index.xhtml", porteur));
        responses.put("root redirect 302", get("/", null));
        responses.put("login redirect of a protected page 302", get("/advisor/index.xhtml", null));
        responses.put("forbidden page 403", get("/admin/index.xhtml", porteur));
        responses.put("not found page 404", get("/nulle-part.xhtml", null));
        responses.put("record not found page 404", get("/entrepreneur/file.xhtml?id=987654321", porteur));
        responses.put("expired view 400", postForm(porteur, "/entrepreneur/index.xhtml", Map.of("new", "new",
                "jakarta.faces.ViewState", "-1:-1")));
        responses.put("document 200", get("/files/" + app + "/" + doc, porteur));
        responses.put("document not found 404", get("/files/" + app + "/987654321", porteur));
        responses.put("files anonymous 302", get("/files/" + app + "/" + doc, null));
        responses.put("CSV export 200", get("/files/indicators/CVL/" + YEAR + ".csv", advisor));
        responses.put("static stylesheet 200", get("/resources/css/essor.css", null));
        responses.put("Faces resource 200", get(css, null));
        responses.put("API 200", api("porteur@demo.essor", "GET", "/me", null));
        responses.put("API 201", api(null, "POST", "/accounts", "{\"email\":\"entetes-" + UUID.randomUUID()
                + "@example.org\",\"displayName\":\"En-têtes\",\"password\":\"un-mot-de-passe-long\"}"));
        responses.put("API 400", api("porteur@demo.essor", "POST", "/applications", "{"));
        responses.put("API 401", api(null, "GET", "/me", null));
        responses.put("API 403", api("porteur@demo.essor", "GET", "/conventions", null));
        responses.put("API 404", api("porteur@demo.essor", "GET", "/applications/987654321", null));
        responses.put("API 405", api("porteur@demo.essor", "DELETE", "/me", null));
        responses.put("API PDF 200", api("porteur@demo.essor", "GET", "/applications/" + epicerie() + "/decision-letter", null));
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, HttpResponse<String>> e : responses.entrySet()) {
            HttpResponse<String> r = e.getValue();
            String expected = e.getKey().replaceAll(".* (\\d{3})$", "$1");
            if (!String.valueOf(r.statusCode()).equals(expected)) {
                missing.add(e.getKey() + ": status " + r.statusCode());
            }
            missing.addAll(securityHeaderProblems(e.getKey(), r));
            if (r.body().contains(".java:")) {
                missing.add(e.getKey() + ": stack trace");
            }
        }
        System.out.println("Web protections: security headers checked on " + responses.size() + " kinds of response");
        assertEquals(List.of(), missing);
    }

    private static List<String> securityHeaderProblems(String what, HttpResponse<?> r) {
        List<String> problems = new ArrayList<>();
        Map<String, String> expected = Map.of("X-Content-Type-Options", "nosniff", "X-Frame-Options", "DENY",
                "Referrer-Policy", "same-origin");
        expected.forEach((name, value) -> {
            if (!value.equals(r.headers().firstValue(name).orElse(null))) {
                problems.add(what + ": " + name + " is " + r.headers().allValues(name));
            }
        });
        List<String> csp = r.headers().allValues("Content-Security-Policy");
        if (csp.stream().noneMatch(v -> v.contains("frame-ancestors 'none'") && v.contains("object-src 'none'"))) {
            problems.add(what + ": Content-Security-Policy is " + csp);
        }
        return problems;
    }

    // ---- login throttling -----------------------------------------------------------------------------

    @Test
    void afterFiveFailedLoginsEvenTheRightPasswordIsRefusedThroughTheFormAndTheApi() throws Exception {
        // an account of its own, so that no other test is locked out
        String email = "throttle-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HttpResponse<String> registered = api(null, "POST", "/accounts", "{\"email\":\"" + email
                + "\",\"displayName\":\"Essais\",\"password\":\"un-mot-de-passe-long\"}");
        assertEquals(201, registered.statusCode(), registered.body());
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> r = formLogin(email, "mauvais-mot-de-passe-" + i);
            assertEquals(200, r.statusCode(), "attempt " + i);
            assertTrue(r.body().contains("Adresse e-mail ou mot de passe incorrect."), "attempt " + i + ": " + r.body());
        }
        HttpResponse<String> locked = formLogin(email, "un-mot-de-passe-long");
        assertEquals(200, locked.statusCode(), "the right password after five failures does not sign in");
        assertTrue(locked.body().contains("Trop de tentatives de connexion échouées"), locked.body());
        assertTrue(Pages.sessionCookie(locked) == null || get("/entrepreneur/index.xhtml", Pages.sessionCookie(locked)).statusCode() == 302);
        HttpResponse<String> apiLocked = send(HttpRequest.newBuilder(uri("/api/v1/me"))
                .header("Authorization", Api.basic(email, "un-mot-de-passe-long")).header("Accept-Language", "en").build());
        assertEquals(429, apiLocked.statusCode(), apiLocked.body());
        assertEquals("TOO_MANY_ATTEMPTS", Api.json(apiLocked).getString("error"));
        assertEquals("Too many failed sign-in attempts; try again later.", Api.json(apiLocked).getString("message"));
        securityHeaderProblems("429", apiLocked).forEach(p -> { throw new AssertionError(p); });

        // the API counts too, and an unknown address is throttled alike (nothing tells it does not exist)
        String unknown = "personne-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            statuses.add(send(HttpRequest.newBuilder(uri("/api/v1/me")).header("Authorization", Api.basic(unknown, "x" + i))
                    .build()).statusCode());
        }
        assertEquals(List.of(401, 401, 401, 401, 401, 429), statuses);
        System.out.println("Web protections: login throttling: 5 failed sign-ins then the right password refused"
                + " (form message, API 429), and an unknown address throttled alike: " + statuses);
    }

    // ---- session fixation and logout ------------------------------------------------------------------

    @Test
    void aSessionIdChosenBeforeLoginIsNeverTheSignedInOneAndLogoutEndsTheSession() throws Exception {
        // an id the attacker made up is not taken on
        String planted = "ESSORSESSION=" + UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> page = get("/login.xhtml", planted);
        String issued = Pages.sessionCookie(page);
        assertNotNull(issued, "the server issues its own id");
        assertNotEquals(planted, issued);
        // an id the attacker got from the server, handed to the victim, who signs in with it
        HttpResponse<String> login = postLogin(issued, Pages.viewState(page.body()), "porteur2@demo.essor", PASSWORD);
        assertEquals(302, login.statusCode());
        String signedIn = Pages.sessionCookie(login);
        assertNotNull(signedIn);
        assertNotEquals(issued, signedIn, "a new id at login");
        assertEquals(302, get("/entrepreneur/index.xhtml", issued).statusCode(), "the attacker's id opens nothing");
        assertEquals(302, get("/entrepreneur/index.xhtml", planted).statusCode());
        HttpResponse<String> home = get("/entrepreneur/index.xhtml", signedIn);
        assertEquals(200, home.statusCode());

        // logout (a form post with the page's view state) ends the session
        Map<String, String> form = new LinkedHashMap<>();
        form.put("logout", "logout");
        form.put("logout:submit", "");
        form.put("jakarta.faces.ViewState", Pages.viewState(home.body()));
        HttpResponse<String> out = postForm(signedIn, "/entrepreneur/index.xhtml", form);
        assertTrue(out.statusCode() == 302 || out.statusCode() == 303, "logout answers " + out.statusCode());
        assertEquals(302, get("/entrepreneur/index.xhtml", signedIn).statusCode(), "the old session is signed out");
        System.out.println("Web protections: session fixation: 2 pre-login ids refused after login; logout ends the session");
    }

    // ---- files ---------------------------------------------------------------------------------------

    /** Issue 19, item 9: a generated file is named in the reader's language, from the bundles, in ASCII. */
    @Test
    void generatedFilesAreNamedInTheReadersLanguage() throws Exception {
        long epicerie = epicerie();
        long session = sessionWithMinutes();
        Map<String, String> named = new LinkedHashMap<>();
        for (String language : List.of("fr", "en")) {
            Api in = api.language(language);
            named.put(language + " letter", in.call("porteur@demo.essor", "GET", "/applications/" + epicerie + "/decision-letter",
                    null).headers().firstValue("Content-Disposition").orElse(""));
            named.put(language + " minutes", in.call("conseil@demo.essor", "GET", "/sessions/" + session + "/minutes", null)
                    .headers().firstValue("Content-Disposition").orElse(""));
        }
        assertEquals("attachment; filename=\"lettre-decision-" + epicerie + ".pdf\"", named.get("fr letter"));
        assertEquals("attachment; filename=\"decision-letter-" + epicerie + ".pdf\"", named.get("en letter"));
        assertEquals("attachment; filename=\"proces-verbal-" + session + ".pdf\"", named.get("fr minutes"));
        assertEquals("attachment; filename=\"minutes-" + session + ".pdf\"", named.get("en minutes"));
        // the pages' downloads take the session's language (French for the demo's advisor)
        assertEquals("attachment; filename=\"proces-verbal-" + session + ".pdf\"", get("/files/minutes/" + session,
                login("conseil@demo.essor")).headers().firstValue("Content-Disposition").orElse(""));
        System.out.println("Download names: " + named);
    }

    @Test
    void documentsLettersMinutesAndExportsAreAttachmentsWithNoSniffAndTheirCheckedType() throws Exception {
        String porteur = login("porteur@demo.essor");
        String advisor = login("conseil@demo.essor");
        String partner = login("partenaire@demo.essor");
        long app = firstApplication("porteur@demo.essor");
        JsonArray documents = Api.json(api("porteur@demo.essor", "GET", "/applications/" + app, null)).getJsonArray("documents");
        Map<String, HttpResponse<String>> files = new LinkedHashMap<>();
        for (JsonObject d : documents.getValuesAs(JsonObject.class)) {
            files.put("document " + d.getString("fileName") + " as " + d.getString("mediaType"),
                    get("/files/" + app + "/" + d.getJsonNumber("id"), porteur));
        }
        long epicerie = epicerie();
        files.put("decision letter", get("/files/letter/" + epicerie, porteur));
        long session = sessionWithMinutes();
        files.put("minutes", get("/files/minutes/" + session, advisor));
        long loans = arrayOf(api("partenaire@demo.essor", "GET", "/conventions?size=200", null)).getValuesAs(JsonObject.class)
                .stream().filter(c -> c.getString("reference").endsWith("PRETS-HONNEUR")).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        for (String f : List.of("funded.csv", "funded.xlsx", "funded.pdf", "report-" + YEAR + ".pdf")) {
            files.put("convention " + f, get("/files/conventions/" + loans + "/" + f, partner));
        }
        for (String f : List.of("pdf", "xlsx", "csv")) {
            files.put("activity report " + f, get("/files/indicators/CVL/" + YEAR + "." + f, advisor));
        }
        files.put("API decision letter", api("porteur@demo.essor", "GET", "/applications/" + epicerie + "/decision-letter", null));
        files.put("API minutes", api("conseil@demo.essor", "GET", "/sessions/" + session + "/minutes", null));
        files.put("API export", api("partenaire@demo.essor", "GET", "/conventions/" + loans + "/funded/export?format=csv", null));
        files.put("API report", api("partenaire@demo.essor", "GET", "/conventions/" + loans + "/report?year=" + YEAR, null));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, HttpResponse<String>> e : files.entrySet()) {
            HttpResponse<String> r = e.getValue();
            String type = r.headers().firstValue("Content-Type").orElse("");
            String disposition = r.headers().firstValue("Content-Disposition").orElse("");
            if (r.statusCode() != 200) {
                problems.add(e.getKey() + ": status " + r.statusCode());
            }
            if (!disposition.startsWith("attachment")) {
                problems.add(e.getKey() + ": Content-Disposition " + disposition);
            }
            if (!"nosniff".equals(r.headers().firstValue("X-Content-Type-Options").orElse(null))) {
                problems.add(e.getKey() + ": no nosniff");
            }
            if (type.isEmpty() || type.startsWith("text/html") || type.contains("xml") && !type.contains("openxml")) {
                problems.add(e.getKey() + ": Content-Type " + type);
            }
            if (e.getKey().startsWith("document ") && !e.getKey().endsWith(" as " + type.replaceAll(";.*", ""))) {
                problems.add(e.getKey() + ": served as " + type + ", not its checked type");
            }
        }
        System.out.println("Web protections: " + files.size() + " kinds of file served as attachments with nosniff");
        assertEquals(List.of(), problems);
        assertTrue(files.size() >= 12);
    }

    // ---- forged form posts ----------------------------------------------------------------------------

    @Test
    void formPostsWithoutTheirOwnViewStateAreRefusedAndChangeNothing() throws Exception {
        String admin = login("admin@demo.essor");
        String advisor = login("conseil@demo.essor");
        String porteur2 = login("porteur2@demo.essor");
        long fabrique = Api.json(api("porteur@demo.essor", "GET", "/applications/" + firstApplication("porteur@demo.essor"), null))
                .getJsonNumber("enterpriseId").longValue();
        long velo = firstApplication("porteur2@demo.essor");
        Random random = new Random();
        String code = "CSRF" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
        String today = LocalDate.now(ZoneId.of("Europe/Paris")).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        // a draft of porteur2's, the newest of his files: the first row of his home, with its "delete" button
        long draft = Api.json(api("porteur2@demo.essor", "POST", "/applications", "{\"enterpriseId\":"
                + Api.json(api("porteur2@demo.essor", "GET", "/applications/" + velo, null)).getJsonNumber("enterpriseId")
                + ",\"title\":\"Brouillon " + code + "\",\"stage\":\"CREATION\"}")).getJsonNumber("id").longValue();
        Marks marks = new Marks(code, admin, advisor, fabrique, velo, porteur2, draft);

        record Form(String name, String email, String cookie, String path, Map<String, String> fields) {
        }
        List<Form> forms = List.of(
                new Form("admin: create an association", "admin@demo.essor", admin, "/admin/associations.xhtml", Map.of(
                        "create", "create", "create:code", code, "create:name", "Association " + code, "create:region",
                        "Nulle part", "create:submit", "")),
                new Form("advisor: record advice", "conseil@demo.essor", advisor, "/advisor/enterprise.xhtml?id=" + fabrique,
                        Map.of("support", "support", "support:date_input", today, "support:kind_input", "DIAGNOSTIC",
                                "support:durationMinutes", "45", "support:notes", "Forgé " + code, "support:save", "")),
                new Form("applicant: withdraw a file", "porteur2@demo.essor", porteur2, "/entrepreneur/file.xhtml?id=" + velo,
                        Map.of("withdraw", "withdraw", "withdraw:reason", "Forgé " + code, "withdraw:confirm", "")),
                new Form("applicant: start an application", "porteur2@demo.essor", porteur2, "/entrepreneur/index.xhtml",
                        Map.of("new", "new", "new:title", "Forgé " + code, "new:stage_input", "CREATION", "new:start", "")),
                new Form("applicant: delete a draft", "porteur2@demo.essor", porteur2, "/entrepreneur/index.xhtml",
                        Map.of("applications:0:draft", "applications:0:draft", "applications:0:draft:delete", "")),
                new Form("anyone: register", null, null, "/register.xhtml", Map.of("register", "register", "register:email",
                        code.toLowerCase(Locale.ROOT) + "@example.org", "register:displayName", "Forgé", "register:password",
                        "un-mot-de-passe-long", "register:passwordAgain", "un-mot-de-passe-long", "register:submit", "")),
                new Form("anyone: log out", "porteur2@demo.essor", porteur2, "/entrepreneur/index.xhtml",
                        Map.of("logout", "logout", "logout:submit", "")));
        int tried = 0;
        List<String> problems = new ArrayList<>();
        for (Form f : forms) {
            String victim = f.cookie() == null ? Pages.sessionCookie(get("/login.xhtml", null)) : f.cookie();
            // a valid view state of the same page, but of another session (the attacker's own)
            String otherSession = f.email() == null ? null : login(f.email());
            String theirs = Pages.viewState(get(f.path(), otherSession).body());
            Map<String, String> none = new LinkedHashMap<>(f.fields());
            Map<String, String> madeUp = new LinkedHashMap<>(f.fields());
            madeUp.put("jakarta.faces.ViewState", "-4242424242424242424:1234567890123456789");
            Map<String, String> stolen = new LinkedHashMap<>(f.fields());
            stolen.put("jakarta.faces.ViewState", theirs);
            for (Map<String, String> attempt : List.of(none, madeUp, stolen)) {
                HttpResponse<String> r = postForm(victim, f.path(), attempt);
                tried++;
                String which = f.name() + " with view state " + attempt.getOrDefault("jakarta.faces.ViewState", "(none)")
                        .replaceAll("^(.{12}).*", "$1…") + " -> " + r.statusCode();
                if (r.statusCode() >= 500 || r.body().contains(".java:")) {
                    problems.add(which + ": server error");
                }
                if (marks.left(f.name())) {
                    problems.add(which + ": the forged post was carried out");
                }
            }
        }

        // the same post with the page's own view state goes through: the forms and fields above are the real ones
        HttpResponse<String> own = get("/admin/associations.xhtml", admin);
        Map<String, String> valid = new LinkedHashMap<>(forms.get(0).fields());
        valid.put("jakarta.faces.ViewState", Pages.viewState(own.body()));
        HttpResponse<String> created = postForm(admin, "/admin/associations.xhtml", valid);
        assertTrue(created.statusCode() < 400, "the genuine post: " + created.statusCode());
        assertTrue(marks.left(forms.get(0).name()), "the genuine post creates the association");
        Form delete = forms.stream().filter(f -> f.name().contains("delete a draft")).findFirst().orElseThrow();
        Map<String, String> genuine = new LinkedHashMap<>(delete.fields());
        genuine.put("jakarta.faces.ViewState", Pages.viewState(get(delete.path(), porteur2).body()));
        assertTrue(postForm(porteur2, delete.path(), genuine).statusCode() < 400, "the genuine delete");
        assertTrue(marks.left(delete.name()), "the genuine post deletes the draft: its fields are the real ones");
        System.out.println("Web protections: CSRF: " + tried + " forged posts on " + forms.size()
                + " forms (no view state, a made-up one, another session's) refused; the genuine post accepted");
        assertEquals(List.of(), problems);
    }

    /** What each forged post would leave behind if it were carried out. */
    private final class Marks {
        private final String code;
        private final String admin;
        private final String advisor;
        private final long fabrique;
        private final long velo;
        private final String porteur2;

        private final long draft;

        Marks(String code, String admin, String advisor, long fabrique, long velo, String porteur2, long draft) {
            this.draft = draft;
            this.code = code;
            this.admin = admin;
            this.advisor = advisor;
            this.fabrique = fabrique;
            this.velo = velo;
            this.porteur2 = porteur2;
        }

        boolean left(String form) throws Exception {
            if (form.startsWith("admin")) {
                return get("/admin/associations.xhtml", admin).body().contains("Association " + code);
            }
            if (form.startsWith("advisor")) {
                return get("/advisor/enterprise.xhtml?id=" + fabrique, advisor).body().contains("Forgé " + code);
            }
            if (form.contains("delete a draft")) {
                return api("porteur2@demo.essor", "GET", "/applications/" + draft, null).statusCode() != 200;
            }
            if (form.contains("withdraw")) {
                return !"SUBMITTED".equals(Api.json(api("porteur2@demo.essor", "GET", "/applications/" + velo, null)).getString("status"));
            }
            if (form.contains("start")) {
                return api("porteur2@demo.essor", "GET", "/applications/mine", null).body().contains("Forgé " + code);
            }
            if (form.contains("register")) {
                return send(HttpRequest.newBuilder(uri("/api/v1/me")).header("Authorization",
                        Api.basic(code.toLowerCase(Locale.ROOT) + "@example.org", "un-mot-de-passe-long")).build()).statusCode() != 401;
            }
            return get("/entrepreneur/index.xhtml", porteur2).statusCode() != 200;
        }
    }

    // ---- no stack traces ------------------------------------------------------------------------------

    @Test
    void malformedPageRequestsShowNoStackTrace() throws Exception {
        Map<String, String> cookies = Map.of("/entrepreneur/", login("porteur@demo.essor"), "/advisor/", login("conseil@demo.essor"),
                "/committee/", login("comite@demo.essor"), "/partner/", login("partenaire@demo.essor"));
        List<String> problems = new ArrayList<>();
        int tried = 0;
        for (String page : List.of("/entrepreneur/file.xhtml", "/entrepreneur/application.xhtml", "/advisor/file.xhtml",
                "/advisor/enterprise.xhtml", "/advisor/session.xhtml", "/advisor/allocation.xhtml", "/committee/session.xhtml",
                "/partner/convention.xhtml", "/advisor/guarantee.xhtml")) {
            String cookie = cookies.entrySet().stream().filter(e -> page.startsWith(e.getKey())).findFirst().orElseThrow().getValue();
            for (String id : List.of("", "abc", "-1", "0", "99999999999999999999", "1e3", "%27%20OR%201=1--", "%3Cscript%3E", "1%00")) {
                HttpResponse<String> r = get(page + "?id=" + id, cookie);
                tried++;
                if (r.statusCode() >= 500 || r.body().contains(".java:") || r.body().contains("Exception")) {
                    problems.add(page + "?id=" + id + " -> " + r.statusCode());
                }
                if (r.statusCode() == 200) {
                    problems.add(page + "?id=" + id + " -> 200 for no record");
                }
            }
        }
        for (String path : List.of("/files/x", "/files/1", "/files/1/2/3", "/files/letter/abc", "/files/minutes/-1",
                "/files/conventions/abc/funded.csv", "/files/indicators/CVL/abcd.csv", "/files/indicators/../../etc/passwd",
                "/files/%2e%2e/%2e%2e/WEB-INF/web.xml", "/WEB-INF/web.xml", "/WEB-INF/templates/layout.xhtml",
                "/jakarta.faces.resource/../WEB-INF/web.xml.xhtml", "/login.xhtml?jakarta.faces.ViewState=x")) {
            HttpResponse<String> r = get(path, cookies.get("/advisor/"));
            tried++;
            if (r.statusCode() >= 500 || r.body().contains(".java:") || r.body().contains("<web-app")) {
                problems.add(path + " -> " + r.statusCode());
            }
        }
        HttpResponse<String> trace = send(HttpRequest.newBuilder(uri("/login.xhtml")).method("TRACE",
                HttpRequest.BodyPublishers.noBody()).header("X-Secret", "abc").build());
        tried++;
        if (trace.statusCode() < 400 || trace.body().contains("X-Secret")) {
            problems.add("TRACE -> " + trace.statusCode());
        }
        System.out.println("Web protections: " + tried + " malformed page and file requests without a 500 or a stack trace");
        assertEquals(List.of(), problems);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private long firstApplication(String user) throws Exception {
        return arrayOf(api(user, "GET", "/applications/mine", null)).getValuesAs(JsonObject.class).stream()
                .filter(a -> "SUBMITTED".equals(a.getString("status"))).findFirst().orElseThrow().getJsonNumber("id").longValue();
    }

    /** A past session of the CVL demo whose minutes are kept. */
    private long sessionWithMinutes() throws Exception {
        return Api.json(api("conseil@demo.essor", "GET", "/sessions?past=true", null)).getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(s -> s.getBoolean("minutes")).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    private long epicerie() throws Exception {
        return arrayOf(api("porteur@demo.essor", "GET", "/applications/mine", null)).getValuesAs(JsonObject.class).stream()
                .filter(a -> "APPROVED".equals(a.getString("status"))).findFirst().orElseThrow().getJsonNumber("id").longValue();
    }

    private static String resourcePath(String html) {
        Matcher m = Pattern.compile("src=\"([^\"]*/jakarta\\.faces\\.resource/[^\"]+)\"").matcher(html);
        assertTrue(m.find(), "a Faces resource on the login page");
        String src = m.group(1).replace("&amp;", "&");
        return src.substring(src.indexOf("/jakarta.faces.resource/"));
    }

    private URI uri(String path) {
        return URI.create(base.toString().replace("//localhost:", "//127.0.0.1:").replaceAll("/$", "") + path);
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Accept-Language", "fr").GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b.build());
    }

    private HttpResponse<String> api(String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/api/v1" + path)).header("Accept-Language", "fr");
        if (user != null) {
            b.header("Authorization", Api.basic(user, PASSWORD));
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(b.build());
    }

    private HttpResponse<String> postForm(String cookie, String path, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> e : form.entrySet()) {
            body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Accept-Language", "fr")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b.build());
    }

    private HttpResponse<String> postLogin(String cookie, String viewState, String email, String password) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:email", email);
        form.put("login:password", password);
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", viewState);
        return postForm(cookie, "/login.xhtml", form);
    }

    private HttpResponse<String> formLogin(String email, String password) throws Exception {
        HttpResponse<String> page = get("/login.xhtml", null);
        return postLogin(Pages.sessionCookie(page), Pages.viewState(page.body()), email, password);
    }

    private String login(String email) throws Exception {
        HttpResponse<String> page = get("/login.xhtml", null);
        HttpResponse<String> r = postLogin(Pages.sessionCookie(page), Pages.viewState(page.body()), email, PASSWORD);
        assertEquals(302, r.statusCode(), "login of " + email);
        String cookie = Pages.sessionCookie(r);
        return cookie != null ? cookie : Pages.sessionCookie(page);
    }

    private static JsonArray arrayOf(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readArray();
        }
    }
}
