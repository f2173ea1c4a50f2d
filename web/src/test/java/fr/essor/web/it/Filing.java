package fr.essor.web.it;

import static fr.essor.web.it.Fixtures.ADMIN;
import static fr.essor.web.it.Fixtures.ADVISOR;
import static fr.essor.web.it.Fixtures.ANALYSIS;
import static fr.essor.web.it.Fixtures.CHAIR;
import static fr.essor.web.it.Fixtures.COMPLETE;
import static fr.essor.web.it.Fixtures.M1;
import static fr.essor.web.it.Fixtures.M2;
import static fr.essor.web.it.Fixtures.M3;
import static fr.essor.web.it.Fixtures.PDF;
import static fr.essor.web.it.Fixtures.PORTEUR;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Files applications through the API, the way the demo users would, for the tests that need one at a later step:
 * analysed, ready for the committee, on an open session's agenda, decided; and the CVL financing fund that takes the
 * granted lines. Every step is asserted; the in-server tests only (the committee is read with {@link Sql#ds()}).
 */
final class Filing {

    private Filing() {
    }

    /** An application and the response to its analysis. */
    record Analysed(long id, HttpResponse<String> analysis) {
    }

    /**
     * A fresh complete application ({@link Fixtures#COMPLETE}) of porteur@ on their first enterprise,
     * with its business plan, submitted, taken in review by conseil@ and analysed ({@link Fixtures#ANALYSIS}).
     * Every step is asserted.
     */
    static Analysed analysed(Api api, String title) throws Exception {
        long id = completeDraft(api, title);
        HttpResponse<String> doc = api.upload(PORTEUR, "/applications/" + id + "/documents?kind=BUSINESS_PLAN", "plan.pdf", PDF);
        assertEquals(201, doc.statusCode(), doc.body());
        HttpResponse<String> submitted = api.call(PORTEUR, "POST", "/applications/" + id + "/submit", null);
        assertEquals(200, submitted.statusCode(), submitted.body());
        HttpResponse<String> review = api.call(ADVISOR, "POST", "/applications/" + id + "/review?version="
                + Api.json(submitted).getJsonNumber("version"), null);
        assertEquals(200, review.statusCode(), review.body());
        HttpResponse<String> analysis = api.call(ADVISOR, "PUT", "/applications/" + id + "/instruction/analysis", ANALYSIS);
        assertEquals(200, analysis.statusCode(), analysis.body());
        return new Analysed(id, analysis);
    }

    /**
     * A fresh draft of porteur@ on their first enterprise, filled in completely ({@link Fixtures#COMPLETE}) but with no
     * document and not submitted; its id. Every step is asserted.
     */
    static long completeDraft(Api api, String title) throws Exception {
        HttpResponse<String> mine = api.call(PORTEUR, "GET", "/enterprises/mine", null);
        assertEquals(200, mine.statusCode(), mine.body());
        long enterprise = Api.array(mine.body()).getJsonObject(0).getJsonNumber("id").longValue();
        HttpResponse<String> created = api.call(PORTEUR, "POST", "/applications",
                "{\"enterpriseId\":" + enterprise + ",\"title\":\"" + title + "\",\"stage\":\"CREATION\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject draft = Api.json(created);
        long id = draft.getJsonNumber("id").longValue();
        HttpResponse<String> put = api.call(PORTEUR, "PUT", "/applications/" + id,
                "{\"version\":" + draft.getJsonNumber("version") + "," + COMPLETE + "}");
        assertEquals(200, put.statusCode(), put.body());
        return id;
    }

    /** The agenda item {@code itemId} of a session as {@code GET /sessions/{id}} answers it. */
    static JsonObject itemOf(JsonObject session, long itemId) {
        return session.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getJsonNumber("id").longValue() == itemId).findFirst()
                .orElseThrow(() -> new AssertionError("item " + itemId + " not in " + session));
    }

    /** A file on the agenda of an open session: the application, the session and the agenda item. */
    record Sitting(long app, long session, long item) {
    }

    /** A fresh analysed application ({@link #analysed}) that conseil@ marks ready for the committee. */
    static long ready(Api api, String title) throws Exception {
        long app = analysed(api, title).id();
        HttpResponse<String> ready = api.call(ADVISOR, "POST", "/applications/" + app + "/instruction/ready?version="
                + api.read(ADVISOR, "/applications/" + app).getJsonNumber("version"), null);
        assertEquals(200, ready.statusCode(), ready.body());
        return app;
    }

    /** Puts the file on the session's agenda as conseil@; returns the agenda item's id. */
    static long putOnAgenda(Api api, long session, long application) throws Exception {
        HttpResponse<String> r = api.call(ADVISOR, "POST", "/sessions/" + session + "/items", "{\"applicationId\":" + application + "}");
        assertEquals(200, r.statusCode(), r.body());
        return Api.json(r).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getJsonNumber("applicationId").longValue() == application).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    /**
     * A fresh file ready for the committee ({@link #ready}) on the agenda of a new session of the CVL committee today in
     * Orléans, opened with the four members, the chair, M1 and M2 voting for.
     */
    static Sitting sitting(Api api, String title) throws Exception {
        long app = ready(api, title);
        long committee = Sql.count(Sql.ds(), "SELECT MIN(id) FROM committee WHERE name = 'Comité d''engagement Centre-Val de Loire'");
        HttpResponse<String> created = api.call(ADVISOR, "POST", "/sessions", "{\"committeeId\":" + committee
                + ",\"startsAt\":\"" + today() + "T09:00\",\"place\":\"Orléans\"}");
        assertEquals(201, created.statusCode(), created.body());
        long s = Api.json(created).getJsonNumber("id").longValue();
        long item = putOnAgenda(api, s, app);
        StringBuilder present = new StringBuilder();
        for (String e : List.of(CHAIR, M1, M2, M3)) {
            present.append(present.length() == 0 ? "" : ",").append(Sql.count(Sql.ds(), "SELECT id FROM user_account WHERE email = ?", e));
        }
        HttpResponse<String> opened = api.call(CHAIR, "POST", "/sessions/" + s + "/open", "{\"present\":[" + present + "]}");
        assertEquals(200, opened.statusCode(), opened.body());
        for (String m : List.of(CHAIR, M1, M2)) {
            assertEquals(200, api.call(m, "PUT", "/sessions/" + s + "/items/" + item + "/vote", "{\"choice\":\"FOR\"}").statusCode());
        }
        return new Sitting(app, s, item);
    }

    /**
     * The chair's decision on the sitting's item, sent at the item's current version; {@code decision} is the rest of
     * the JSON object, e.g. {@code "outcome":"APPROVED","lines":[...]}. Not asserted.
     */
    static HttpResponse<String> decide(Api api, Sitting s, String decision) throws Exception {
        long version = api.read(CHAIR, "/sessions/" + s.session()).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getJsonNumber("id").longValue() == s.item()).findFirst().orElseThrow().getJsonNumber("version").longValue();
        return api.call(CHAIR, "POST", "/sessions/" + s.session() + "/items/" + s.item() + "/decision",
                "{\"version\":" + version + "," + decision + "}");
    }

    /** The chair approves the 8,000.00 honour loan over 60 months with the given conditions (a JSON array). Not asserted. */
    static HttpResponse<String> approveHonourLoan(Api api, Sitting s, String conditionItems) throws Exception {
        return decide(api, s, "\"outcome\":\"APPROVED\",\"lines\":[{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"8000.00\","
                + "\"durationMonths\":60}],\"conditionItems\":" + conditionItems);
    }

    /**
     * A new ACTIVE financing fund of the CVL association with the Banque des Territoires for the given instrument, over
     * 2020–2030, 500,000.00, revolving; its reference is {@code prefix} and ten random characters.
     */
    static long activeConvention(Api api, String prefix, String instrument) throws Exception {
        long bdt = Sql.count(Sql.ds(), "SELECT id FROM partner WHERE name = 'Banque des Territoires'");
        long cvl = Sql.count(Sql.ds(), "SELECT id FROM association WHERE code = 'CVL'");
        String reference = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
        HttpResponse<String> r = api.call(ADMIN, "POST", "/conventions", "{\"reference\":\"" + reference + "\",\"partnerId\":" + bdt
                + ",\"associationId\":" + cvl + ",\"kind\":\"FINANCING_FUND\",\"periodStart\":\"2020-01-01\","
                + "\"periodEnd\":\"2030-12-31\",\"amount\":\"500000.00\",\"revolving\":true,\"instruments\":[\"" + instrument + "\"]}");
        assertEquals(201, r.statusCode(), r.body());
        long id = Api.json(r).getJsonNumber("id").longValue();
        assertEquals(200, api.call(ADMIN, "POST", "/conventions/" + id + "/activation", null).statusCode());
        return id;
    }

    /** conseil@ allocates {@code amount} of the convention to the granted line; returns the allocation's id. */
    static long allocate(Api api, long convention, long line, String amount) throws Exception {
        HttpResponse<String> r = api.call(ADVISOR, "POST", "/conventions/" + convention + "/allocations",
                "{\"decisionLineId\":" + line + ",\"amount\":\"" + amount + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        return Api.json(r).getJsonNumber("id").longValue();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }
}
