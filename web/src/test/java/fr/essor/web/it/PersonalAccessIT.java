package fr.essor.web.it;

import static fr.essor.web.it.Fixtures.ADMIN;
import static fr.essor.web.it.Fixtures.ADVISOR;
import static fr.essor.web.it.Fixtures.CHAIR;
import static fr.essor.web.it.Fixtures.COMPLETE;
import static fr.essor.web.it.Fixtures.PARTNER_BDT;
import static fr.essor.web.it.Fixtures.PORTEUR;
import static fr.essor.web.it.Fixtures.PORTEUR2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, a person's access and information: an entrepreneur's export holds his data and no one
 * else's; the privacy notice an administrator writes is the one the public page shows and the
 * registration page links to; an optional mail switched off is not sent while a mandatory one is;
 * no page of the three journeys loads anything from another origin.
 */
class PersonalAccessIT extends OnTheBuiltWar {

    /** The outbox timer runs every 15 seconds; a loaded machine may be slow to start a run. */
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static GreenMail smtp;

    @AfterAll
    static void stopSmtpServer() {
        smtp = Smtp.stop(smtp);
    }

    PersonalAccessIT() {
        super(Duration.ofSeconds(60));
    }

    // ---- the export ---------------------------------------------------------------------------------

    @Test
    void theExportHoldsEverythingOfItsEntrepreneurAndNothingOfAnother() throws Exception {
        String a = marker("A");
        String b = marker("B");
        Filed mine = fileAndQuestion(PORTEUR, a);
        Filed theirs = fileAndQuestion(PORTEUR2, b);

        assertEquals(403, export(ADVISOR).statusCode(), "staff have no export of their own");
        assertEquals(403, export(PARTNER_BDT).statusCode());
        HttpResponse<byte[]> first = export(PORTEUR);
        assertEquals(200, first.statusCode());
        assertTrue(first.headers().firstValue("Content-Type").orElse("").startsWith("application/zip"));
        assertTrue(first.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\"essor-mes-donnees-"));

        // a second export: the trail of his actions now holds the first
        Map<String, byte[]> zip = unzip(export(PORTEUR).body());
        String text = new String(zip.get("essor-data.json"), StandardCharsets.UTF_8);
        JsonObject data = Api.json(text);

        // his: the account, the application with its lines and plan, the question asked, his document's bytes
        assertEquals(PORTEUR, data.getJsonObject("account").getString("email"));
        // typed alike on every database: booleans as booleans, instants in UTC
        assertEquals(JsonValue.TRUE, data.getJsonObject("account").get("active"));
        assertTrue(data.getJsonObject("account").getString("createdAt").matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z"),
                data.getJsonObject("account").toString());
        assertTrue(text.contains("Dossier " + a), "his application");
        assertTrue(text.contains("Question " + a), "the question asked to him (status change or mail)");
        assertTrue(text.contains("HONOUR_LOAN") && text.contains("Prêt d'honneur"), "lines and plan");
        assertTrue(data.getJsonArray("auditTrail").stream().map(JsonValue::asJsonObject)
                .anyMatch(e -> e.getString("action").equals("EXPORT_PERSONAL_DATA")), "the export is in the audit trail");
        assertTrue(zip.values().stream().anyMatch(bytes -> Arrays.equals(bytes, mine.document())),
                "his document, byte for byte");

        // every application of his enterprises, and only those
        Set<String> exported = new LinkedHashSet<>();
        List<JsonObject> documents = new ArrayList<>();
        for (JsonValue e : data.getJsonArray("enterprises")) {
            for (JsonValue app : e.asJsonObject().getJsonArray("applications")) {
                exported.add(app.asJsonObject().getString("reference"));
                app.asJsonObject().getJsonArray("documents").forEach(d -> documents.add(d.asJsonObject()));
            }
        }
        Set<String> his = new LinkedHashSet<>();
        Api.array(api.call(PORTEUR, "GET", "/applications/mine?size=200", null).body())
                .forEach(v -> his.add(v.asJsonObject().getString("reference")));
        assertEquals(his, exported);
        assertTrue(exported.contains(mine.reference()));
        // each document listed is in the archive, with the bytes its checksum says
        assertEquals(documents.size(), zip.keySet().stream().filter(k -> k.startsWith("documents/")).count());
        for (JsonObject d : documents) {
            byte[] bytes = zip.get(d.getString("file"));
            assertNotNull(bytes, "in the archive: " + d.getString("file"));
            assertEquals(d.getString("sha256"), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }

        // nothing of the other entrepreneur, of the staff's identities, nor of the advisor's analysis
        for (String foreign : List.of(b, theirs.reference(), PORTEUR2, "Pierre Porteur", ADVISOR, "Camille Conseillère",
                "Analyse " + a)) {
            for (Map.Entry<String, byte[]> entry : zip.entrySet()) {
                assertFalse(new String(entry.getValue(), StandardCharsets.ISO_8859_1).contains(foreign)
                        || new String(entry.getValue(), StandardCharsets.UTF_8).contains(foreign),
                        entry.getKey() + " holds " + foreign);
            }
        }
        assertFalse(zip.values().stream().anyMatch(bytes -> Arrays.equals(bytes, theirs.document())));

        // and the other's export is his own
        String other = new String(unzip(export(PORTEUR2).body()).get("essor-data.json"), StandardCharsets.UTF_8);
        assertTrue(other.contains("Dossier " + b) && !other.contains(a) && !other.contains(PORTEUR), "the other's export");
    }

    @Test
    void theMyDataPageOffersTheDownloadToAnEntrepreneurAndTheMailChoicesToEveryone() throws Exception {
        String porteur = pages.login(PORTEUR);
        HttpResponse<String> page = pages.get(porteur, "/account/my-data.xhtml");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"download\"") && page.body().contains("/files/my-data.zip"), "the download link");
        assertTrue(pages.get(porteur, "/entrepreneur/index.xhtml").body().contains("id=\"nav-my-data\""), "linked from the menu");
        HttpResponse<byte[]> zip = pages.file(porteur, "/files/my-data.zip");
        assertEquals(200, zip.statusCode());
        assertTrue(new String(unzip(zip.body()).get("essor-data.json"), StandardCharsets.UTF_8).contains(PORTEUR));

        String advisor = pages.login(ADVISOR);
        HttpResponse<String> staff = pages.get(advisor, "/account/my-data.xhtml");
        assertEquals(200, staff.statusCode());
        assertFalse(staff.body().contains("id=\"download\""), "no export for staff");
        assertTrue(staff.body().contains("mails:received"), "the mail choices");
        assertEquals(403, pages.file(advisor, "/files/my-data.zip").statusCode());
    }

    // ---- the privacy notice -------------------------------------------------------------------------

    @Test
    void theNoticeAnAdminWritesIsShownOnThePublicPageThatRegistrationLinksTo() throws Exception {
        String m = marker("NOTICE");
        // before any is written: the bundle's text, from the registration page's link
        HttpResponse<String> register = pages.get(null, "/register.xhtml");
        String link = privacyLink(register.body());
        assertTrue(link.endsWith("/privacy.xhtml"), link);
        assertTrue(pages.get(null, link).body().contains("ne dépose aucun traceur"), "the network's text from the bundle");

        // the association's admin (here the national one) writes CVL's notice
        assertEquals(403, api.call(ADVISOR, "PUT", "/privacy-notices/CVL", "{\"body\":\"Intrus\"}").statusCode());
        HttpResponse<String> written = api.call(ADMIN, "PUT", "/privacy-notices/CVL",
                "{\"body\":\"Notice CVL " + m + "\\n\\nSecond paragraphe <b>gras</b>\",\"version\":null}");
        assertEquals(200, written.statusCode(), written.body());
        long version = Api.json(written).getJsonNumber("version").longValue();

        String cvlLink = privacyLink(pages.get(null, "/register.xhtml?association=CVL").body());
        assertTrue(cvlLink.endsWith("/privacy.xhtml?association=CVL"), cvlLink);
        HttpResponse<String> shown = pages.get(null, cvlLink);
        assertEquals(200, shown.statusCode());
        assertTrue(shown.body().contains("Notice CVL " + m), "the admin's text on the public page");
        assertTrue(shown.body().contains("&lt;b&gt;gras&lt;/b&gt;") && !shown.body().contains("<b>gras</b>"), "shown as text");
        assertTrue(shown.body().contains("<p class=\"notice-paragraph\">Second paragraphe"), "in paragraphs");

        // a stale version is refused; the network's default covers associations without one
        assertEquals(409, api.call(ADMIN, "PUT", "/privacy-notices/CVL", "{\"body\":\"Autre\",\"version\":" + (version + 5) + "}")
                .statusCode());
        assertEquals(200, api.call(ADMIN, "PUT", "/privacy-notices/default", "{\"body\":\"Réseau " + m + "\"}").statusCode());
        assertTrue(pages.get(null, "/privacy.xhtml").body().contains("Réseau " + m));
        assertTrue(pages.get(null, "/privacy.xhtml?association=ZZZ").body().contains("Réseau " + m), "an unknown code: the default");
        assertTrue(pages.get(null, cvlLink).body().contains("Notice CVL " + m), "CVL keeps its own");
        JsonObject read = Api.json(api.call(PORTEUR, "GET", "/privacy-notices/CVL", null));
        assertEquals("Notice CVL " + m + "\n\nSecond paragraphe <b>gras</b>", read.getString("body"));
        assertEquals(version, read.getJsonNumber("version").longValue(), "the refused write changed nothing");
    }

    @Test
    void anAdministratorWritesANoticeOnHisPageAndThePublicPageShowsIt() throws Exception {
        String m = marker("PAGE");
        String admin = pages.login(ADMIN);
        HttpResponse<String> page = pages.get(admin, "/admin/privacy-notice.xhtml");
        assertEquals(200, page.statusCode());
        // a national administrator chooses the association, then writes its text
        Map<String, String> choose = new LinkedHashMap<>();
        choose.put("choose", "choose");
        choose.put("choose:scope", "CVL");
        choose.put("choose:load", "");
        choose.put("jakarta.faces.ViewState", Pages.viewState(page.body()));
        HttpResponse<String> chosen = pages.post(admin, "/admin/privacy-notice.xhtml", choose);
        assertEquals(200, chosen.statusCode());
        Map<String, String> write = new LinkedHashMap<>();
        write.put("notice", "notice");
        write.put("notice:body", "Écrit sur la page " + m + "\r\n\r\nVos droits.");
        write.put("notice:save", "");
        write.put("jakarta.faces.ViewState", Pages.viewState(chosen.body()));
        HttpResponse<String> saved = pages.post(admin, "/admin/privacy-notice.xhtml", write);
        assertEquals(200, saved.statusCode());
        assertTrue(saved.body().contains("La notice est enregistrée et publiée."), "the page says it is saved");

        HttpResponse<String> shown = pages.get(null, "/privacy.xhtml?association=CVL");
        assertTrue(shown.body().contains("Écrit sur la page " + m), "the public page shows the text written on the page");
        assertTrue(shown.body().contains("<p class=\"notice-paragraph\">Vos droits.</p>"));
        assertFalse(pages.get(null, "/privacy.xhtml").body().contains(m), "written for CVL, not for the network");
    }

    // ---- mail preferences ---------------------------------------------------------------------------

    @Test
    void anOptionalMailSwitchedOffIsNotSentWhileAMandatoryOneStillIs() throws Exception {
        smtp = Smtp.start();
        try {
            JsonArray preferences = Api.array(api.call(PORTEUR2, "GET", "/me/mail-preferences", null).body());
            assertTrue(preference(preferences, "APPLICATION_SUBMITTED").getBoolean("optional"));
            assertFalse(preference(preferences, "DECISION_MADE").getBoolean("optional"));

            HttpResponse<String> mandatory = api.call(PORTEUR2, "PUT", "/me/mail-preferences/INFORMATION_REQUESTED",
                    "{\"receive\":false}");
            assertEquals(400, mandatory.statusCode(), mandatory.body());
            assertEquals("Ce courriel est toujours envoyé : il ne peut pas être désactivé.", Api.json(mandatory).getString("message"));
            HttpResponse<String> off = api.call(PORTEUR2, "PUT", "/me/mail-preferences/APPLICATION_SUBMITTED", "{\"receive\":false}");
            assertEquals(200, off.statusCode(), off.body());
            assertFalse(preference(Api.array(off.body()), "APPLICATION_SUBMITTED").getBoolean("receive"));
            assertTrue(preference(Api.array(off.body()), "INFORMATION_REQUESTED").getBoolean("receive"));

            Filed switchedOff = fileAndQuestion(PORTEUR2, marker("OFF"));
            Filed control = fileAndQuestion(PORTEUR, marker("ON"));

            // the mandatory question reaches him
            MimeMessage question = waitFor("the question mail to " + PORTEUR2, () -> received(PORTEUR2, switchedOff.reference()));
            assertTrue(question.getSubject().contains(switchedOff.reference()) || String.valueOf(question.getContent())
                    .contains(switchedOff.reference()));
            // the acknowledgement was never queued for him; it was for the one who kept it
            List<JsonObject> outbox = outbox();
            assertEquals(0, count(outbox, PORTEUR2, "APPLICATION_SUBMITTED", switchedOff.reference()), "switched off: not queued");
            assertEquals(1, count(outbox, PORTEUR2, "INFORMATION_REQUESTED", switchedOff.reference()));
            assertEquals(1, count(outbox, PORTEUR, "APPLICATION_SUBMITTED", control.reference()), "kept on: queued");
            waitFor("the control's acknowledgement", () -> received(PORTEUR, control.reference()));
            for (MimeMessage mail : smtp.getReceivedMessages()) {
                String subject = String.valueOf(mail.getSubject());
                assertFalse(addressedTo(mail, PORTEUR2) && subject.contains(switchedOff.reference())
                        && (subject.contains("bien reçu") || subject.contains("received")), "an acknowledgement reached him: " + subject);
            }
        } finally {
            api.call(PORTEUR2, "PUT", "/me/mail-preferences/APPLICATION_SUBMITTED", "{\"receive\":true}");
        }
    }

    // ---- no third party -----------------------------------------------------------------------------

    /**
     * What makes a browser load something: src, srcset, data, poster, the href of a link element
     * (style sheet, icon, preload), a form's action, CSS url() and @import. Not the href of an anchor:
     * a link the user follows loads nothing by itself (a session's video link is an address someone
     * typed); those are counted apart and the pages' Referrer-Policy keeps the page's address to itself.
     */
    private static final Pattern LOAD = Pattern.compile(
            "(?i)(?:\\b(?:src|srcset|data|poster|action|formaction)\\s*=\\s*[\"']([^\"']*)[\"'])"
                    + "|(?:<link\\b[^>]*\\bhref\\s*=\\s*[\"']([^\"']*)[\"'])"
                    + "|url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)|@import\\s+['\"]([^'\"]+)['\"]");
    private static final Pattern ANCHOR = Pattern.compile("(?i)<a\\b[^>]*\\bhref\\s*=\\s*[\"']([^\"']*)[\"']");

    @Test
    void noPageOfTheThreeJourneysLoadsAnythingFromAnotherOrigin() throws Exception {
        long application = firstId(api.call(PORTEUR, "GET", "/applications/mine", null).body());
        long enterprise = firstId(api.call(PORTEUR, "GET", "/enterprises/mine", null).body());
        long session = firstId(api.call(ADVISOR, "GET", "/sessions?past=true", null).body());
        long convention = firstId(api.call(PARTNER_BDT, "GET", "/conventions", null).body());
        Map<String, List<String>> journeys = new LinkedHashMap<>();
        journeys.put(null, List.of("/login.xhtml", "/register.xhtml", "/privacy.xhtml"));
        journeys.put(PORTEUR, List.of("/entrepreneur/index.xhtml", "/entrepreneur/enterprise.xhtml",
                "/entrepreneur/file.xhtml?id=" + application, "/entrepreneur/owners.xhtml?id=" + enterprise,
                "/account/my-data.xhtml"));
        journeys.put(ADVISOR, List.of("/advisor/index.xhtml", "/advisor/file.xhtml?id=" + application, "/advisor/sessions.xhtml",
                "/advisor/session.xhtml?id=" + session, "/advisor/enterprises.xhtml", "/advisor/enterprise.xhtml?id=" + enterprise,
                "/advisor/allocations.xhtml", "/indicators/index.xhtml"));
        journeys.put(CHAIR, List.of("/committee/index.xhtml", "/committee/session.xhtml?id=" + session));
        journeys.put(PARTNER_BDT, List.of("/partner/index.xhtml", "/partner/convention.xhtml?id=" + convention));
        journeys.put(ADMIN, List.of("/admin/index.xhtml", "/admin/accounts.xhtml", "/admin/associations.xhtml",
                "/admin/committees.xhtml", "/admin/conventions.xhtml", "/admin/audit.xhtml", "/admin/outbox.xhtml",
                "/admin/privacy-notice.xhtml"));

        URI origin = Api.uri(base, "/");
        List<String> foreign = new ArrayList<>();
        Set<String> resources = new LinkedHashSet<>();
        Set<String> outgoingLinks = new LinkedHashSet<>();
        int pagesRead = 0;
        int references = 0;
        for (Map.Entry<String, List<String>> journey : journeys.entrySet()) {
            String cookie = journey.getKey() == null ? null : pages.login(journey.getKey());
            for (String path : journey.getValue()) {
                HttpResponse<String> r = pages.get(cookie, path);
                assertEquals(200, r.statusCode(), journey.getKey() + " " + path);
                pagesRead++;
                String policy = r.headers().firstValue("Content-Security-Policy").orElse("");
                if (!policy.contains("default-src 'self'") || policy.matches("(?s).*(https?:|\\*|//).*")) {
                    foreign.add(path + ": Content-Security-Policy " + policy);
                }
                if (!r.headers().firstValue("Referrer-Policy").orElse("").equals("same-origin")) {
                    foreign.add(path + ": Referrer-Policy " + r.headers().firstValue("Referrer-Policy").orElse("none"));
                }
                Matcher anchor = ANCHOR.matcher(r.body());
                while (anchor.find()) {
                    if (resolve(origin, URI.create(Api.root(base) + path), anchor.group(1)) == null) {
                        outgoingLinks.add(anchor.group(1));
                    }
                }
                for (String ref : references(r.body())) {
                    references++;
                    URI target = resolve(origin, URI.create(Api.root(base) + path), ref);
                    if (target == null) {
                        foreign.add(path + ": " + ref);
                    } else if (ref.contains("jakarta.faces.resource") && (ref.contains(".css") || ref.contains(".js"))) {
                        resources.add(target.toString());
                    }
                }
            }
        }
        // the style sheets and scripts the pages load: their url() and @import stay here too
        for (String resource : resources) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(resource)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, r.statusCode(), resource);
            if (resource.contains(".css")) {
                for (String ref : references(r.body())) {
                    references++;
                    if (resolve(origin, URI.create(resource), ref) == null) {
                        foreign.add(resource + ": " + ref);
                    }
                }
            }
        }
        System.out.println("No third party: " + pagesRead + " pages and " + resources.size() + " style sheets and scripts, "
                + references + " loads checked; " + foreign.size() + " from another origin; links people may follow out: "
                + outgoingLinks);
        assertEquals(List.of(), foreign, "nothing may be loaded from another origin");
        assertTrue(pagesRead >= 25 && references > 60, "too few pages or references: " + pagesRead + ", " + references);
    }

    /** The address a reference leads to, or null when it is on another origin. */
    private static URI resolve(URI origin, URI page, String ref) {
        String r = ref.strip().replace("&amp;", "&");
        if (r.isEmpty() || r.startsWith("#") || r.startsWith("data:") || r.startsWith("javascript:") || r.startsWith("mailto:")) {
            return origin;
        }
        URI target;
        try {
            target = page.resolve(r.replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            return null;
        }
        boolean same = origin.getScheme().equals(target.getScheme()) && origin.getHost().equals(target.getHost())
                && origin.getPort() == target.getPort();
        return same ? target : null;
    }

    private static List<String> references(String text) {
        List<String> refs = new ArrayList<>();
        Matcher m = LOAD.matcher(text);
        while (m.find()) {
            String ref = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3)
                    : m.group(4);
            // the XML namespaces of the page (xmlns="http://www.w3.org/1999/xhtml") are names, not loads
            if (ref != null && !ref.startsWith("http://www.w3.org/")) {
                refs.add(ref);
            }
        }
        return refs;
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private record Filed(long id, String reference, byte[] document) {
    }

    /**
     * A complete application of the entrepreneur's first enterprise, titled with the marker, with a
     * business plan holding the marker, submitted; the CVL advisor takes it in review, writes an
     * analysis and asks a question, both with the marker.
     */
    private Filed fileAndQuestion(String owner, String marker) throws Exception {
        long enterprise = firstId(api.call(owner, "GET", "/enterprises/mine", null).body());
        HttpResponse<String> created = api.call(owner, "POST", "/applications",
                "{\"enterpriseId\":" + enterprise + ",\"title\":\"Dossier " + marker + "\",\"stage\":\"CREATION\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject draft = Api.json(created);
        long id = draft.getJsonNumber("id").longValue();
        ok(api.call(owner, "PUT", "/applications/" + id, "{\"version\":" + draft.getJsonNumber("version") + "," + COMPLETE + "}"));
        byte[] pdf = ("%PDF-1.4\n% " + marker + "\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> doc = api.upload(owner, "/applications/" + id + "/documents?kind=BUSINESS_PLAN", "plan.pdf", pdf);
        assertEquals(201, doc.statusCode(), doc.body());
        JsonObject submitted = ok(api.call(owner, "POST", "/applications/" + id + "/submit", null));
        ok(api.call(ADVISOR, "POST", "/applications/" + id + "/review?version=" + submitted.getJsonNumber("version"), null));
        ok(api.call(ADVISOR, "PUT", "/applications/" + id + "/instruction/analysis", Fixtures.ANALYSIS
                .replace("Équipe solide", "Analyse " + marker)));
        long version = Api.json(api.call(ADVISOR, "GET", "/applications/" + id, null)).getJsonNumber("version").longValue();
        ok(api.call(ADVISOR, "POST", "/applications/" + id + "/information-requests?version=" + version,
                "{\"question\":\"Question " + marker + " ?\"}"));
        return new Filed(id, submitted.getString("reference"), pdf);
    }

    private static JsonObject ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return Api.json(r);
    }

    private HttpResponse<byte[]> export(String user) throws Exception {
        return api.bytes(user, "/me/export");
    }

    /** The entries of a ZIP by name (also read by MailIT). */
    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertTrue(entries.containsKey("essor-data.json"), entries.keySet().toString());
        return entries;
    }

    private static String marker(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static long firstId(String body) {
        JsonArray items = body.strip().startsWith("[") ? Api.array(body) : Api.json(body).getJsonArray("items");
        return items.getJsonObject(0).getJsonNumber("id").longValue();
    }

    private static JsonObject preference(JsonArray preferences, String kind) {
        return preferences.stream().map(JsonValue::asJsonObject).filter(p -> p.getString("kind").equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no preference " + kind + " in " + preferences));
    }

    private List<JsonObject> outbox() throws Exception {
        HttpResponse<String> r = api.call(ADMIN, "GET", "/admin/outbox?size=200", null);
        assertEquals(200, r.statusCode(), r.body());
        return Api.json(r).getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
    }

    private static long count(List<JsonObject> outbox, String recipient, String kind, String reference) {
        return outbox.stream().filter(m -> m.getString("recipient").equals(recipient) && m.getString("kind").equals(kind)
                && reference.equals(m.getString("relatedId", null))).count();
    }

    private Optional<MimeMessage> received(String recipient, String reference) throws Exception {
        api.call(ADMIN, "POST", "/admin/outbox/send", null);
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (addressedTo(m, recipient) && (String.valueOf(m.getSubject()).contains(reference)
                    || String.valueOf(m.getContent()).contains(reference))) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static boolean addressedTo(MimeMessage m, String recipient) throws MessagingException {
        Address[] to = m.getAllRecipients();
        if (to == null) {
            return false;
        }
        for (Address a : to) {
            if (a instanceof InternetAddress ia && recipient.equalsIgnoreCase(ia.getAddress())) {
                return true;
            }
        }
        return false;
    }

    private interface Probe<T> {
        Optional<T> get() throws Exception;
    }

    /** Polls until the probe finds something; fails after {@link #WAIT}. */
    private static <T> T waitFor(String what, Probe<T> probe) throws Exception {
        Instant until = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(until)) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(500);
        }
        return fail("waited " + WAIT.toSeconds() + " s for " + what);
    }

    /** The path (without the context) of the registration page's link to the privacy notice. */
    private String privacyLink(String html) {
        Matcher tag = Pattern.compile("<a [^>]*id=\"privacy-notice\"[^>]*>").matcher(html);
        assertTrue(tag.find(), "the registration page links to the privacy notice");
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(tag.group());
        assertTrue(href.find(), tag.group());
        String context = base.getPath().replaceAll("/$", "");
        String path = href.group(1).replace("&amp;", "&").replaceFirst("^https?://[^/]+", "");
        return path.startsWith(context + "/") ? path.substring(context.length()) : path;
    }
}
