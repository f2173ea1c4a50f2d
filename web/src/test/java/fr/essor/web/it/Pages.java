package fr.essor.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages without a browser: a signed-in session's cookie, a page read with it, a Faces form posted with its view
 * state, in French. For what a person sees and does, a {@link BrowserJourney}; for what the server answers to a form
 * (status, headers, the page), this.
 *
 * <p>A test class keeps one in a field: {@code private final Pages pages = new Pages(() -> base);} then
 * {@code String cookie = pages.login(ADVISOR); pages.get(cookie, "/advisor/queue.xhtml")}.
 */
final class Pages {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\" id=\"[^\"]*\" value=\"([^\"]*)\"");

    private final Supplier<URL> base;

    Pages(Supplier<URL> base) {
        this.base = base;
    }

    /** Signs in through the login form with the demo password; asserts the redirect and returns the session's cookie. */
    String login(String email) throws Exception {
        return login(email, Api.DEMO_PASSWORD);
    }

    /** Signs in through the login form; asserts the redirect and returns the session's cookie. */
    String login(String email, String password) throws Exception {
        HttpResponse<String> page = get(null, "/login.xhtml");
        HttpResponse<String> r = postLogin(page, email, password);
        assertEquals(302, r.statusCode(), "login of " + email + ": " + r.body());
        String signedIn = sessionCookie(r);
        return signedIn != null ? signedIn : sessionCookie(page);
    }

    /** The answer to the login form, whatever it is (a test of refusals and throttling). */
    HttpResponse<String> loginResponse(String email, String password) throws Exception {
        return postLogin(get(null, "/login.xhtml"), email, password);
    }

    private HttpResponse<String> postLogin(HttpResponse<String> loginPage, String email, String password) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:email", email);
        form.put("login:password", password);
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", viewState(loginPage.body()));
        return post(sessionCookie(loginPage), "/login.xhtml", form);
    }

    /** A page (or a file) of the application, with the session's cookie when not null. */
    HttpResponse<String> get(String cookie, String path) throws Exception {
        return Api.send(request(cookie, path).GET().build());
    }

    /** A file the signed-in pages link to ({@code /files/…}, or a link's whole address), as bytes, whatever the status. */
    HttpResponse<byte[]> file(String cookie, String pathOrUrl) throws Exception {
        HttpRequest.Builder b = pathOrUrl.startsWith("http") ? HttpRequest.newBuilder(URI.create(pathOrUrl))
                .header("Accept-Language", "fr").header("Cookie", cookie) : request(cookie, pathOrUrl);
        return Api.sendForBytes(b.GET().build());
    }

    /** Posts a form (URL-encoded, in the order of the map) with the session's cookie when not null. */
    HttpResponse<String> post(String cookie, String path, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> e : form.entrySet()) {
            body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return Api.send(request(cookie, path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** A multipart post of a Faces form with one PDF file, as a browser sends it, to the form's action. */
    HttpResponse<String> postMultipart(String cookie, String action, Map<String, String> fields, String fileField,
                                       String fileName, byte[] content) throws Exception {
        String boundary = "----essor" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue()
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return Api.send(HttpRequest.newBuilder(URI.create(Api.root(base.get())).resolve(action)).header("Cookie", cookie)
                .header("Accept-Language", "fr").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private HttpRequest.Builder request(String cookie, String path) throws InterruptedException {
        Deployments.awaitReady(base.get());
        HttpRequest.Builder b = HttpRequest.newBuilder(Api.uri(base.get(), path)).header("Accept-Language", "fr");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b;
    }

    /** The Faces view state of a page's form. */
    static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        assertTrue(m.find(), "no view state in the page");
        return m.group(1);
    }

    /** The action of the form with this id, as a path on the server. */
    static String formAction(String html, String formId) {
        Matcher m = Pattern.compile("<form id=\"" + formId + "\"[^>]*action=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), "no form " + formId);
        return m.group(1).replace("&amp;", "&").replaceFirst("^https?://[^/]+", "");
    }

    /** The session cookie ({@code ESSORSESSION=…}) an answer sets, or null. */
    static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ESSORSESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
    }
}
