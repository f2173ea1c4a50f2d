package fr.essor.web.it;

import static fr.essor.web.it.Fixtures.ADMIN;
import static fr.essor.web.it.Fixtures.ADVISOR;
import static fr.essor.web.it.Fixtures.CHAIR;
import static fr.essor.web.it.Fixtures.PARTNER_BDT;
import static fr.essor.web.it.Fixtures.PDF;
import static fr.essor.web.it.Fixtures.PORTEUR2;
import static fr.essor.web.it.Fixtures.PORTEUR;
import static fr.essor.web.it.Fixtures.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, what an outside probe found about privacy and consent: a draft is its applicant's own
 * until submitted (items 1); nobody becomes a co-owner without accepting, and inviting tells nothing
 * about who has an account (3); two requests racing for the same unique e-mail or convention
 * reference get one 201 and 409s, never a 500 (9); a page past the int range is refused, not read as
 * page 0 (11); a file attached to a message of the thread does not become a document of the
 * submitted file (12). Every request goes over HTTP; the test runs inside the server to re-read the
 * database with JDBC.
 */
class PrivacyAndConsentIT extends OnTheBuiltWar {

    private static final String PASSWORD = "Solide-et-long-42";
    /** Unlike {@link Fixtures#COMPLETE}: a workshop in Tours. */
    private static final String COMPLETE = "\"description\":\"Un atelier\",\"territory\":\"Tours\","
            + "\"lines\":[{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"8000.00\",\"durationMonths\":60}],"
            + "\"plan\":[{\"kind\":\"USE\",\"label\":\"Matériel\",\"amount\":\"8000.00\"},"
            + "{\"kind\":\"SOURCE\",\"label\":\"Prêt d'honneur\",\"amount\":\"8000.00\"}],"
            + "\"impact\":{\"jobsCreated\":\"2\",\"jobsMaintained\":\"1\",\"beneficiaries\":50,\"socialUtility\":\"Réemploi\"}";

    /** For the accounts the tests register, with {@link #PASSWORD}. */
    private final Api members = api.password(PASSWORD);

    // ---- 1. drafts ------------------------------------------------------------------------------------

    @Test
    void aDraftIsItsApplicantsOwnUntilSubmittedNoStaffNorCommitteeNorPartnerIsToldItExists() throws Exception {
        DataSource ds = Sql.ds();
        long enterprise = firstId(api.call(PORTEUR, "GET", "/enterprises/mine", null));
        JsonObject draft = ok(201, api.call(PORTEUR, "POST", "/applications", "{\"enterpriseId\":" + enterprise
                + ",\"title\":\"Brouillon privé\",\"stage\":\"CREATION\"}"));
        long id = draft.getJsonNumber("id").longValue();
        String reference = draft.getString("reference");
        ok(200, api.call(PORTEUR, "PUT", "/applications/" + id, "{\"version\":" + draft.getJsonNumber("version") + "," + COMPLETE + "}"));
        long document = ok(201, api.upload(PORTEUR, "/applications/" + id + "/documents?kind=BUSINESS_PLAN", "plan.pdf", PDF)).getJsonNumber("id").longValue();
        long version = Sql.count(ds, "SELECT version FROM application WHERE id = ?", id);
        long missing = Sql.count(ds, "SELECT MAX(id) FROM application") + 1000;

        List<String> leaks = new ArrayList<>();
        for (String staff : List.of(ADVISOR, ADMIN, CHAIR, PARTNER_BDT)) {
            // the draft answers as an application that does not exist
            for (String sub : List.of("", "/instruction/analysis", "/decision-letter")) {
                HttpResponse<String> r = api.call(staff, "GET", "/applications/" + id + sub, null);
                HttpResponse<String> none = api.call(staff, "GET", "/applications/" + missing + sub, null);
                if (r.statusCode() != none.statusCode() || r.statusCode() < 400 || r.body().contains(reference)) {
                    leaks.add(staff + " GET " + sub + " -> " + r.statusCode() + " (absent: " + none.statusCode() + ") " + r.body());
                }
            }
            String cookie = pages.login(staff);
            for (String path : List.of("/advisor/file.xhtml?id=" + id, "/files/" + id + "/" + document)) {
                HttpResponse<String> r = pages.get(cookie, path);
                if (r.statusCode() != 404 && r.statusCode() != 403 || r.body().contains(reference)) {
                    leaks.add(staff + " " + path + " -> " + r.statusCode());
                }
            }
        }
        // nor can staff act on it: review, question, assignment
        for (String[] write : List.of(new String[] {"POST", "/applications/" + id + "/review?version=" + version, null},
                new String[] {"POST", "/applications/" + id + "/information-requests?version=" + version, "{\"question\":\"Et ?\"}"},
                new String[] {"PUT", "/applications/" + id + "/assignee", "{\"advisorId\":null,\"version\":" + version + "}"})) {
            HttpResponse<String> r = api.call(ADVISOR, write[0], write[1], write[2]);
            if (r.statusCode() != 404) {
                leaks.add("ADVISOR " + write[0] + " " + write[1] + " -> " + r.statusCode() + " " + r.body());
            }
        }
        assertEquals(List.of(), leaks, "a draft was shown or changed by staff");
        assertEquals(version, Sql.count(ds, "SELECT version FROM application WHERE id = ?", id), "the draft is unchanged");
        assertEquals(0, Sql.count(ds, "SELECT COUNT(*) FROM application_message WHERE application_id = ?", id));
        assertEquals(200, pages.get(pages.login(PORTEUR), "/entrepreneur/application.xhtml?id=" + id).statusCode(), "its applicant sees it");

        // once submitted, it is the association's staff's to read
        ok(200, api.call(PORTEUR, "POST", "/applications/" + id + "/submit", null));
        assertTrue(ok(200, api.call(ADVISOR, "GET", "/applications/" + id, null)).getString("reference").equals(reference));
        assertEquals(200, pages.get(pages.login(ADVISOR), "/advisor/file.xhtml?id=" + id).statusCode());
    }

    // ---- 3. co-owners by consent only ---------------------------------------------------------------

    @Test
    void invitingAddsNobodyAndAnswersTheSameForAnEntrepreneurStaffAndAnUnknownAddress() throws Exception {
        DataSource ds = Sql.ds();
        String member = registered("membre");
        long enterprise = firstId(api.call(PORTEUR2, "GET", "/enterprises/mine", null));
        String path = "/enterprises/" + enterprise + "/co-owners";
        long ownersBefore = owners(ds, enterprise);

        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        for (String address : List.of(member, ADVISOR, ADMIN, uniqueEmail("inconnu"))) {
            answers.put(address, api.call(PORTEUR2, "POST", path, "{\"email\":\"" + address + "\"}"));
        }
        for (Map.Entry<String, HttpResponse<String>> a : answers.entrySet()) {
            assertEquals(200, a.getValue().statusCode(), a.getKey() + ": " + a.getValue().body());
            assertEquals("{\"email\":\"#\",\"outcome\":\"INVITED\"}".replace("#", a.getKey()),
                    sorted(a.getValue().body()), "the same answer for every address");
        }
        assertEquals(ownersBefore, owners(ds, enterprise), "nobody was added");
        assertFalse(members.call(member, "GET", "/enterprises/mine", null).body().contains("Coop"));
        JsonObject owners = ok(200, api.call(PORTEUR2, "GET", path, null));
        assertTrue(owners.getJsonArray("invitations").toString().contains(member), "pending, as for anyone");

        // the invited entrepreneur sees it; nobody else can answer it
        JsonArray pending = Api.array(members.call(member, "GET", "/invitations", null));
        assertEquals(1, pending.size(), pending.toString());
        long invitation = pending.getJsonObject(0).getJsonNumber("id").longValue();
        assertTrue(pending.getJsonObject(0).getString("enterprise").contains("Coop"), pending.toString());
        assertEquals(404, api.call(PORTEUR, "POST", "/invitations/" + invitation + "/accept", "").statusCode());
        assertEquals(ownersBefore, owners(ds, enterprise));

        // declining adds nobody and ends it; a new invitation, accepted, makes an owner
        assertEquals(204, members.call(member, "POST", "/invitations/" + invitation + "/decline", "").statusCode());
        assertEquals(404, members.call(member, "POST", "/invitations/" + invitation + "/accept", "").statusCode());
        assertEquals(ownersBefore, owners(ds, enterprise));
        assertEquals(0, Api.array(members.call(member, "GET", "/invitations", null)).size());
        ok(200, api.call(PORTEUR2, "POST", path, "{\"email\":\"" + member + "\"}"));
        long again = Api.array(members.call(member, "GET", "/invitations", null)).getJsonObject(0).getJsonNumber("id").longValue();
        assertNotEquals(invitation, again);
        ok(200, members.call(member, "POST", "/invitations/" + again + "/accept", ""));
        assertEquals(ownersBefore + 1, owners(ds, enterprise));
        assertTrue(members.call(member, "GET", "/enterprises/mine", null).body().contains("Coop"));
    }

    @Test
    void anInvitedEntrepreneurSeesTheInvitationOnHisHomePageAndAcceptsItThere() throws Exception {
        DataSource ds = Sql.ds();
        String member = registered("accueil");
        long enterprise = firstId(api.call(PORTEUR2, "GET", "/enterprises/mine", null));
        ok(200, api.call(PORTEUR2, "POST", "/enterprises/" + enterprise + "/co-owners", "{\"email\":\"" + member + "\"}"));
        long ownersBefore = owners(ds, enterprise);

        String cookie = pages.login(member, PASSWORD);
        HttpResponse<String> home = pages.get(cookie, "/entrepreneur/index.xhtml");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("id=\"pending-invitations\"") && home.body().contains("Coop"), home.body());
        Matcher accept = Pattern.compile("name=\"(invitations:list:0:accept)\"").matcher(home.body());
        assertTrue(accept.find(), "an accept button");
        HttpResponse<String> answered = pages.post(cookie, "/entrepreneur/index.xhtml", Map.of("invitations", "invitations",
                accept.group(1), "", "jakarta.faces.ViewState", Pages.viewState(home.body())));
        assertEquals(200, answered.statusCode(), answered.body());
        assertTrue(answered.body().contains("Vous êtes maintenant co-porteur·se de Coop"), answered.body());
        assertFalse(answered.body().contains("id=\"pending-invitations\""), "answered: no longer pending");
        assertEquals(ownersBefore + 1, owners(ds, enterprise));
    }

    // ---- 9. unique keys under concurrency -----------------------------------------------------------

    @Test
    void concurrentRegistrationsWithOneAddressGiveOne201AndOnly409s() throws Exception {
        DataSource ds = Sql.ds();
        String email = uniqueEmail("course");
        String body = "{\"email\":\"" + email + "\",\"displayName\":\"Camille Course\",\"password\":\"" + PASSWORD
                + "\",\"language\":\"fr\"}";
        List<HttpResponse<String>> answers = race(6, () -> api.call(null, "POST", "/accounts", body));
        assertOne201AndConflicts(answers, "EMAIL_TAKEN", "Un compte existe déjà avec cette adresse e-mail.");
        assertEquals(1, Sql.count(ds, "SELECT COUNT(*) FROM user_account WHERE email = ?", email));
    }

    @Test
    void concurrentConventionsWithOneReferenceGiveOne201AndOnly409s() throws Exception {
        DataSource ds = Sql.ds();
        long partner = Sql.count(ds, "SELECT MIN(id) FROM partner");
        long association = Sql.count(ds, "SELECT id FROM association WHERE code = 'CVL'");
        String reference = "RACE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String body = "{\"reference\":\"" + reference + "\",\"partnerId\":" + partner + ",\"associationId\":" + association
                + ",\"kind\":\"FINANCING_FUND\",\"periodStart\":\"2026-01-01\",\"periodEnd\":\"2026-12-31\",\"amount\":\"1000.00\"}";
        List<HttpResponse<String>> answers = race(12, () -> api.call(ADMIN, "POST", "/conventions", body));
        assertOne201AndConflicts(answers, "DUPLICATE", "Une convention porte déjà la référence " + reference + ".");
        assertEquals(1, Sql.count(ds, "SELECT COUNT(*) FROM convention WHERE reference = ?", reference));
    }

    // ---- 11. paging --------------------------------------------------------------------------------

    @Test
    void aPageBeyondTheIntRangeIsRefusedOnEveryPagedListNotReadAsPageZero() throws Exception {
        DataSource ds = Sql.ds();
        long convention = Sql.count(ds, "SELECT MIN(id) FROM convention");
        long enterprise = Sql.count(ds, "SELECT MIN(enterprise_id) FROM support_record");
        List<String> failures = new ArrayList<>();
        for (String list : List.of("/conventions", "/conventions/" + convention + "/allocations",
                "/conventions/" + convention + "/funded", "/decision-lines", "/sessions", "/sessions?past=true",
                "/enterprises/" + enterprise + "/support-records", "/applications")) {
            // 2^31 / 100 × 100 and 21,474,837 × 100 overflow an int; 10,737,419 × 200 too
            for (String paging : List.of("page=21474837&size=100", "page=10737419&size=200", "page=2147483647&size=200")) {
                String path = list + (list.contains("?") ? "&" : "?") + paging;
                HttpResponse<String> fr = api.language("fr").call(ADMIN, "GET", path, null);
                HttpResponse<String> en = api.language("en").call(ADMIN, "GET", path, null);
                boolean empty = fr.statusCode() == 200 && (fr.body().startsWith("[]") || fr.body().contains("\"items\":[]"));
                boolean refused = fr.statusCode() == 400 && en.statusCode() == 400 && fr.body().contains("\"message\"")
                        && !Api.json(fr).getString("message").equals(Api.json(en).getString("message"));
                if (!empty && !refused) {
                    failures.add(path + " -> " + fr.statusCode() + " " + abbreviate(fr.body()));
                }
            }
        }
        assertEquals(List.of(), failures, "pages beyond the int range must be refused (or empty)");
        HttpResponse<String> lastPossible = api.call(ADMIN, "GET", "/conventions?page=10737417&size=200", null);
        assertEquals(200, lastPossible.statusCode(), "a far page that fits is an empty page: " + lastPossible.body());
        assertEquals("[]", lastPossible.body().strip());
    }

    // ---- 12. thread attachments ---------------------------------------------------------------------

    @Test
    void anAttachmentPostedOnAFileOnTheAgendaStaysInTheThreadAndOutOfTheFilesDocuments() throws Exception {
        DataSource ds = Sql.ds();
        long id = Sql.count(ds, "SELECT MIN(a.id) FROM application a JOIN agenda_item i ON i.application_id = a.id"
                + " WHERE a.status = 'ON_AGENDA'");
        JsonObject before = ok(200, api.call(ADVISOR, "GET", "/applications/" + id, null));
        int documents = before.getJsonArray("documents").size();
        long rows = Sql.count(ds, "SELECT COUNT(*) FROM application_document WHERE application_id = ?", id);
        String cookie = pages.login(ADVISOR);
        HttpResponse<String> page = pages.get(cookie, "/advisor/file.xhtml?id=" + id);
        assertEquals(200, page.statusCode());

        HttpResponse<String> posted = pages.postMultipart(cookie, Pages.formAction(page.body(), "thread"), Map.of("thread", "thread",
                "thread:text", "Voici la pièce promise.", "thread:send", "", "jakarta.faces.ViewState", Pages.viewState(page.body())),
                "thread:attachment", "complement.pdf", PDF);
        assertEquals(200, posted.statusCode(), abbreviate(posted.body()));
        assertEquals(rows + 1, Sql.count(ds, "SELECT COUNT(*) FROM application_document WHERE application_id = ?", id),
                "the attachment was stored: " + abbreviate(posted.body()));
        long attachment = Sql.count(ds, "SELECT MAX(id) FROM application_document WHERE application_id = ?", id);

        // not a document of the file: not for the advisor, the applicant nor the committee
        for (String reader : List.of(ADVISOR, PORTEUR, CHAIR)) {
            HttpResponse<String> r = api.call(reader, "GET", "/applications/" + id, null);
            if (r.statusCode() == 200) {
                assertEquals(documents, Api.json(r).getJsonArray("documents").size(), reader + " sees the attachment as a document");
                assertFalse(Api.json(r).getJsonArray("documents").toString().contains("complement.pdf"), reader);
            }
        }
        assertFalse(pages.get(pages.login(CHAIR), "/committee/session.xhtml?id=" + Sql.count(ds,
                "SELECT MIN(session_id) FROM agenda_item WHERE application_id = ?", id)).body().contains("complement.pdf"));
        // downloadable from the thread, by those who read the thread only
        HttpResponse<String> thread = pages.get(cookie, "/advisor/file.xhtml?id=" + id);
        assertTrue(thread.body().contains("/files/" + id + "/" + attachment), "the thread links the attachment");
        assertEquals(200, pages.get(cookie, "/files/" + id + "/" + attachment).statusCode());
        assertEquals(404, pages.get(pages.login(CHAIR), "/files/" + id + "/" + attachment).statusCode());
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    /** Sends the same request from several threads released at once. */
    private static List<HttpResponse<String>> race(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    // a request the server turns away as busy (503, "try again in a few seconds": the password
                    // hashing gate on a loaded machine) is sent again, as a client is told to: what is raced is the key
                    HttpResponse<String> answer = call.send();
                    for (int attempt = 0; answer.statusCode() == 503 && attempt < 20; attempt++) {
                        Thread.sleep(250);
                        answer = call.send();
                    }
                    return answer;
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOne201AndConflicts(List<HttpResponse<String>> answers, String code, String message) {
        List<String> seen = answers.stream().map(r -> r.statusCode() + " " + abbreviate(r.body())).toList();
        assertEquals(1, answers.stream().filter(r -> r.statusCode() == 201).count(), seen.toString());
        for (HttpResponse<String> r : answers) {
            if (r.statusCode() != 201) {
                assertEquals(409, r.statusCode(), seen.toString());
                assertEquals(code, Api.json(r).getString("error"), r.body());
                assertEquals(message, Api.json(r).getString("message"), r.body());
            }
        }
    }

    private String registered(String prefix) throws Exception {
        return api.register(uniqueEmail(prefix), "Morgan Membre", PASSWORD);
    }

    private static long owners(DataSource ds, long enterprise) throws Exception {
        return Sql.count(ds, "SELECT COUNT(*) FROM enterprise_owner WHERE enterprise_id = ?", enterprise);
    }

    private static long firstId(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return Api.array(r).getJsonObject(0).getJsonNumber("id").longValue();
    }

    private static JsonObject ok(int status, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        return Api.json(r);
    }

    /** A JSON object's text with its keys in order, to compare answers whatever the serializer's order. */
    private static String sorted(String body) {
        JsonObject o = Json.createReader(new StringReader(body)).readObject();
        StringBuilder s = new StringBuilder("{");
        o.keySet().stream().sorted().forEach(k -> s.append(s.length() > 1 ? "," : "").append('"').append(k).append("\":")
                .append(o.get(k)));
        return s.append('}').toString();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
