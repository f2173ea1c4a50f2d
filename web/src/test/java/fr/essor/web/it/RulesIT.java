package fr.essor.web.it;

import static fr.essor.web.it.Fixtures.ADMIN;
import static fr.essor.web.it.Fixtures.ADVISOR;
import static fr.essor.web.it.Fixtures.ANALYSIS;
import static fr.essor.web.it.Fixtures.CHAIR;
import static fr.essor.web.it.Fixtures.M1;
import static fr.essor.web.it.Fixtures.M2;
import static fr.essor.web.it.Fixtures.M3;
import static fr.essor.web.it.Fixtures.PDF;
import static fr.essor.web.it.Fixtures.PORTEUR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.service.security.PasswordHasher;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Rules per association within the network's rules (issue 12, part 3), through the API: an
 * association's admin narrows the network's limits (a widening is refused, naming the limit, and
 * nothing is stored), another association's admin is refused; a file submitted before a change keeps
 * its rules and one submitted after gets the new ones (limits, document checklist, committee majority);
 * the network narrowing its limits narrows the associations' rules with it. The tests run inside the
 * server, in order, to create the association-scoped administrators (no API creates staff accounts)
 * and to read the database; they call the API over HTTP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RulesIT extends OnTheBuiltWar {

    static final String CVL_ADMIN = "admin@cvl.rules.test";
    static final String OTHER_ADMIN = "admin@zzr.rules.test";

    /** CVL's narrowing: honour loans 1,000–5,000 EUR over 60 months, grants, a checklist, two-thirds majority. */
    private static final String NARROWED = "{\"basedOn\":1,\"instruments\":{"
            + "\"HONOUR_LOAN\":{\"minAmount\":\"1000.00\",\"maxAmount\":\"5000.00\",\"maxDurationMonths\":60},"
            + "\"GRANT\":{\"minAmount\":\"500.00\",\"maxAmount\":\"20000.00\"}},"
            + "\"checklist\":{\"HONOUR_LOAN\":[\"BUSINESS_PLAN\",\"FORECAST\"]},"
            + "\"grid\":{\"SOCIAL_UTILITY\":3,\"ECONOMIC_VIABILITY\":2,\"TEAM\":1},"
            + "\"majority\":\"TWO_THIRDS\"}";

    /** An analysis scoring the three criteria of {@link #NARROWED}'s grid only. */
    private static final String GRID_ANALYSIS = "{\"scores\":{\"SOCIAL_UTILITY\":4,\"ECONOMIC_VIABILITY\":3,\"TEAM\":4},"
            + "\"strengths\":\"Équipe solide\",\"risks\":\"Trésorerie tendue\",\"recommendation\":\"Avis favorable\","
            + "\"proposedLines\":[{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"5000.00\",\"durationMonths\":60}]}";

    private static final String APPROVE_5000 = "\"outcome\":\"APPROVED\",\"lines\":[{\"instrument\":\"HONOUR_LOAN\","
            + "\"amount\":\"5000.00\",\"durationMonths\":60}]";

    RulesIT() {
        super(Duration.ofSeconds(60));
    }

    private final DataSource dataSource = Sql.database();

    /** Files shared by the ordered tests: submitted before the change, and after it. */
    private static long before;
    private static long after;

    // ---- in the server: association-scoped administrators -------------------------------------------

    @Test
    @Order(1)
    void associationAdministratorsExist() throws Exception {
        admin(dataSource, CVL_ADMIN, "CVL");
        if (Sql.count(dataSource, "SELECT COUNT(*) FROM association WHERE code = 'ZZR'") == 0) {
            Sql.update(dataSource, "INSERT INTO association (code, name, region, active, version) VALUES (?, ?, ?, TRUE, 0)",
                    "ZZR", "Association des règles", "Ailleurs");
        }
        admin(dataSource, OTHER_ADMIN, "ZZR");
        assertEquals(2, Sql.count(dataSource, "SELECT COUNT(*) FROM user_account u JOIN account_role r ON r.account_id = u.id"
                + " WHERE u.email IN (?, ?) AND r.role = 'ADMIN' AND u.association_id IS NOT NULL", CVL_ADMIN, OTHER_ADMIN));
    }

    /** An ADMIN account of one association (also used by AccessMatrixIT's rows). */
    static void admin(DataSource ds, String email, String association) throws Exception {
        if (Sql.count(ds, "SELECT COUNT(*) FROM user_account WHERE email = ?", email) > 0) {
            return;
        }
        long a = Sql.count(ds, "SELECT id FROM association WHERE code = ?", association);
        Sql.update(ds, "INSERT INTO user_account (email, display_name, password_hash, association_id, active, created_at,"
                + " version) VALUES (?, ?, ?, ?, TRUE, ?, 0)", email, "Admin " + association,
                PasswordHasher.hash(Api.DEMO_PASSWORD.toCharArray()), a, Timestamp.from(Instant.now()));
        long account = Sql.count(ds, "SELECT id FROM user_account WHERE email = ?", email);
        Sql.update(ds, "INSERT INTO account_role (account_id, role) VALUES (?, 'ADMIN')", account);
    }

    @BeforeEach
    void ready() throws InterruptedException {
        Deployments.awaitReady(base);
    }

    // ---- the rules of the demo reproduce the rules before rules existed ------------------------------

    @Test
    @Order(2)
    void theDemoAssociationStartsAtTheNetworksLimits() throws Exception {
        JsonObject network = ok(api.call(ADVISOR, "GET", "/rules/network", null));
        assertEquals(1, network.getInt("number"));
        JsonObject honour = instrument(network, "HONOUR_LOAN");
        assertEquals("30000.00", honour.getString("maxAmount"));
        assertEquals(84, honour.getInt("maxDurationMonths"));
        assertEquals("80.00", instrument(network, "GUARANTEE").getString("maxGuaranteeShare"));

        JsonObject cvl = ok(api.call(ADVISOR, "GET", "/rules/associations/CVL", null));
        assertEquals(1, cvl.getInt("number"));
        assertEquals(5, cvl.getJsonArray("instruments").size());
        assertEquals("30000.00", instrument(cvl, "HONOUR_LOAN").getString("maxAmount"));
        assertTrue(!cvl.containsKey("quorum") || cvl.isNull("quorum"), "the committee's own quorum: " + cvl);
        assertEquals("SIMPLE", cvl.getString("majority"));
        assertEquals(5, cvl.getJsonObject("grid").size());
        assertEquals(0, cvl.getJsonObject("checklist").size());
    }

    // ---- narrowing, not widening, and only one's own association -------------------------------------

    @Test
    @Order(3)
    void aWideningIsRefusedNamingTheLimitAndNothingIsStored() throws Exception {
        String widened = NARROWED.replace("\"maxAmount\":\"5000.00\"", "\"maxAmount\":\"30000.01\"");
        long versions = versions("CVL");
        long audit = auditCount();
        HttpResponse<String> r = api.call(CVL_ADMIN, "PUT", "/rules/associations/CVL", widened);
        assertEquals(400, r.statusCode(), r.body());
        JsonObject refusal = Api.json(r);
        assertEquals("instruments.HONOUR_LOAN.maxAmount", refusal.getString("field"));
        assertTrue(refusal.getString("message").contains("ne peut dépasser celui du réseau"), r.body());

        HttpResponse<String> en = api.language("en").call(CVL_ADMIN, "PUT", "/rules/associations/CVL",
                NARROWED.replace("\"maxDurationMonths\":60", "\"maxDurationMonths\":85"));
        assertEquals(400, en.statusCode(), en.body());
        assertEquals("instruments.HONOUR_LOAN.maxDurationMonths", Api.json(en).getString("field"));
        assertTrue(Api.json(en).getString("message").contains("cannot exceed the network's, 84 months"), en.body());
        assertEquals(versions, versions("CVL"), "no version stored");
        assertEquals(audit, auditCount(), "no audit event");
    }

    @Test
    @Order(4)
    void anotherAssociationsAdminCannotChangeOrReadItsRules() throws Exception {
        long versions = versions("CVL");
        assertEquals(403, api.call(OTHER_ADMIN, "PUT", "/rules/associations/CVL", NARROWED).statusCode());
        assertEquals(403, api.call(OTHER_ADMIN, "GET", "/rules/associations/CVL", null).statusCode());
        assertEquals(403, api.call(OTHER_ADMIN, "PUT", "/rules/network", "{\"instruments\":{}}").statusCode(),
                "an association's admin does not set the network's limits");
        assertEquals(403, api.call(ADVISOR, "PUT", "/rules/associations/CVL", NARROWED).statusCode());
        assertEquals(200, api.call(OTHER_ADMIN, "GET", "/rules/associations/ZZR", null).statusCode());
        assertEquals(404, api.call(ADMIN, "GET", "/rules/associations/NOPE", null).statusCode());
        assertEquals(versions, versions("CVL"));
    }

    // ---- a file keeps the rules it was submitted under -------------------------------------------------

    @Test
    @Order(5)
    void aFileSubmittedBeforeAChangeKeepsItsRulesAndOneSubmittedAfterGetsTheNewOnes() throws Exception {
        before = Filing.completeDraft(api, "Avant le changement");
        upload(before, "BUSINESS_PLAN");
        assertEquals(200, submit(before).statusCode());
        long pending = Filing.completeDraft(api, "Déposé après le changement");
        upload(pending, "BUSINESS_PLAN");

        HttpResponse<String> changed = api.call(CVL_ADMIN, "PUT", "/rules/associations/CVL", NARROWED);
        assertEquals(201, changed.statusCode(), changed.body());
        JsonObject v2 = Api.json(changed);
        assertEquals(2, v2.getInt("number"));
        assertEquals(CVL_ADMIN, v2.getString("createdBy"));
        assertTrue(changed.headers().firstValue("Location").orElseThrow().endsWith("/rules/associations/CVL/versions/2"));
        assertEquals(2, v2.getJsonArray("instruments").size());
        assertEquals("TWO_THIRDS", v2.getString("majority"));
        assertEquals(1, Sql.count(Sql.ds(), "SELECT COUNT(*) FROM audit_event WHERE action = 'RULES_CHANGED' AND actor = ?",
                CVL_ADMIN));

        // the draft's 8,000 EUR honour loan no longer fits: refused at submission, naming the line and the limit
        HttpResponse<String> over = submit(pending);
        assertEquals(400, over.statusCode(), over.body());
        assertEquals("lines[0]", Api.json(over).getString("field"));
        assertTrue(Api.json(over).getString("message").contains("5"), over.body());
        assertEquals("DRAFT", application(PORTEUR, pending).getString("status"));
        assertEquals(0, Sql.count(Sql.ds(), "SELECT COUNT(*) FROM application WHERE id = ? AND rules_id IS NOT NULL", pending));

        // a line outside the rules is refused when it is saved, too; an instrument not offered as well
        JsonObject d = application(PORTEUR, pending);
        HttpResponse<String> guarantee = api.call(PORTEUR, "PUT", "/applications/" + pending, "{\"version\":"
                + d.getJsonNumber("version") + ",\"lines\":[{\"instrument\":\"EQUITY\",\"amount\":\"1000.00\"}]}");
        assertEquals(400, guarantee.statusCode(), guarantee.body());
        assertEquals("lines[0].instrument", Api.json(guarantee).getString("field"));
        HttpResponse<String> fits = api.call(PORTEUR, "PUT", "/applications/" + pending, "{\"version\":"
                + d.getJsonNumber("version") + ",\"lines\":[{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"5000.00\","
                + "\"durationMonths\":60}],\"plan\":[{\"kind\":\"USE\",\"label\":\"Matériel\",\"amount\":\"5000.00\"},"
                + "{\"kind\":\"SOURCE\",\"label\":\"Prêt d'honneur\",\"amount\":\"5000.00\"}]}");
        assertEquals(200, fits.statusCode(), fits.body());

        // the checklist: the forecast is missing, and the summary already says so
        JsonObject summary = Api.json(fits);
        assertTrue(summary.getJsonArray("missing").toString().contains("missing.documentKind.FORECAST"), summary.toString());
        HttpResponse<String> incomplete = submit(pending);
        assertEquals(400, incomplete.statusCode(), incomplete.body());
        JsonArray missing = Api.json(incomplete).getJsonArray("missing");
        assertEquals(1, missing.size(), incomplete.body());
        assertEquals("FORECAST", missing.getJsonObject(0).getString("detail"));
        assertEquals("Pièce exigée : prévisionnel.", missing.getJsonObject(0).getString("message"));
        assertEquals("DRAFT", application(PORTEUR, pending).getString("status"));

        upload(pending, "FORECAST");
        assertEquals(200, submit(pending).statusCode());
        after = pending;
        long v1 = Sql.count(Sql.ds(), "SELECT r.id FROM association_rules r JOIN association a ON a.id = r.association_id"
                + " WHERE a.code = 'CVL' AND r.number = 1");
        long v2id = Sql.count(Sql.ds(), "SELECT r.id FROM association_rules r JOIN association a ON a.id = r.association_id"
                + " WHERE a.code = 'CVL' AND r.number = 2");
        assertEquals(v1, Sql.count(Sql.ds(), "SELECT rules_id FROM application WHERE id = ?", before), "kept its rules");
        assertEquals(v2id, Sql.count(Sql.ds(), "SELECT rules_id FROM application WHERE id = ?", after), "the new rules");

        // the history keeps both versions, newest first; version 1 is unchanged
        JsonObject history = ok(api.call(ADVISOR, "GET", "/rules/associations/CVL/versions", null));
        assertEquals(2, history.getInt("total"));
        assertEquals(2, history.getJsonArray("items").getJsonObject(0).getInt("number"));
        JsonObject first = ok(api.call(ADVISOR, "GET", "/rules/associations/CVL/versions/1", null));
        assertEquals(5, first.getJsonArray("instruments").size());
        assertEquals("30000.00", instrument(first, "HONOUR_LOAN").getString("maxAmount"));
        assertEquals(404, api.call(ADVISOR, "GET", "/rules/associations/CVL/versions/9", null).statusCode());
    }

    // ---- the committee decides each file under its own rule ----------------------------------------------

    @Test
    @Order(6)
    void theCommitteeAppliesTheMajorityOfEachFilesRules() throws Exception {
        JsonObject analysedBefore = ready(before, ANALYSIS);
        assertEquals("3.80", analysedBefore.getString("weightedScore"), "five criteria weighing 1: " + analysedBefore);

        // the file submitted after the change is scored on its grid only: three criteria, weights 3, 2, 1
        HttpResponse<String> review = api.call(ADVISOR, "POST", "/applications/" + after + "/review?version="
                + application(ADVISOR, after).getJsonNumber("version"), null);
        assertEquals(200, review.statusCode(), review.body());
        HttpResponse<String> offGrid = api.call(ADVISOR, "PUT", "/applications/" + after + "/instruction/analysis", ANALYSIS);
        assertEquals(400, offGrid.statusCode(), offGrid.body());
        assertTrue(Api.json(offGrid).getString("field").startsWith("scores."), offGrid.body());
        assertEquals(0, Sql.count(Sql.ds(), "SELECT COUNT(*) FROM review WHERE application_id = ?", after));
        HttpResponse<String> analysed = api.call(ADVISOR, "PUT", "/applications/" + after + "/instruction/analysis", GRID_ANALYSIS);
        assertEquals(200, analysed.statusCode(), analysed.body());
        JsonObject note = Api.json(analysed);
        assertEquals("3.67", note.getString("weightedScore"), "(4×3 + 3×2 + 4×1) / 6: " + note);
        assertEquals(3, note.getJsonObject("grid").size());
        assertEquals(0, note.getJsonArray("missing").size(), "the grid's three criteria are enough: " + note);
        HttpResponse<String> readyAfter = api.call(ADVISOR, "POST", "/applications/" + after + "/instruction/ready?version="
                + application(ADVISOR, after).getJsonNumber("version"), null);
        assertEquals(200, readyAfter.statusCode(), readyAfter.body());
        long s = newSession();
        long itemBefore = Filing.putOnAgenda(api, s, before);
        long itemAfter = Filing.putOnAgenda(api, s, after);
        openWithEveryone(s);
        for (long item : List.of(itemBefore, itemAfter)) {
            assertEquals(200, vote(CHAIR, s, item, "FOR").statusCode());
            assertEquals(200, vote(M1, s, item, "FOR").statusCode());
            assertEquals(200, vote(M2, s, item, "AGAINST").statusCode());
            assertEquals(200, vote(M3, s, item, "ABSTAIN").statusCode());
        }
        JsonObject session = ok(api.call(CHAIR, "GET", "/sessions/" + s, null));
        assertEquals("SIMPLE", itemOf(session, itemBefore).getString("majority"));
        assertEquals("TWO_THIRDS", itemOf(session, itemAfter).getString("majority"));

        // 2 for, 1 against, 1 abstention: a simple majority, not two thirds
        HttpResponse<String> simple = decide(s, itemBefore, APPROVE_5000);
        assertEquals(200, simple.statusCode(), simple.body());
        HttpResponse<String> refused = decide(s, itemAfter, APPROVE_5000);
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(Api.json(refused).getString("message").contains("deux tiers"), refused.body());
        assertEquals(0, Sql.count(Sql.ds(), "SELECT COUNT(*) FROM decision WHERE application_id = ?", after));

        assertEquals(200, vote(M3, s, itemAfter, "FOR").statusCode());
        HttpResponse<String> qualified = decide(s, itemAfter, APPROVE_5000);
        assertEquals(200, qualified.statusCode(), qualified.body());
        assertEquals("APPROVED", application(ADVISOR, after).getString("status"));

        // the minutes say under which rule each file was decided, and its weighted score
        assertEquals(200, api.call(CHAIR, "POST", "/sessions/" + s + "/close", null).statusCode());
        HttpResponse<byte[]> minutes = Api.sendForBytes(api.request(CHAIR, "/sessions/" + s + "/minutes").GET().build());
        assertEquals(200, minutes.statusCode());
        String text = Pdfs.text(minutes.body()).replaceAll("\\s+", " ");
        assertTrue(text.contains("version 1 des règles de l'association) : quorum 3, majorité simple"), text);
        assertTrue(text.contains("version 2 des règles de l'association) : quorum 3, majorité des deux tiers"), text);
        assertTrue(text.contains("Note pondérée de l'analyse : 3,67 / 5 (utilité sociale ×3, viabilité économique ×2, équipe ×1)"),
                text);
    }

    // ---- bad input ------------------------------------------------------------------------------------

    @Test
    @Order(7)
    void badRulesAreRefusedOnTheirFieldAndNothingIsStored() throws Exception {
        long versions = versions("CVL");
        String[][] cases = {
            {NARROWED.replace("\"GRANT\":", "\"LOTTERY\":"), "instruments"},
            {NARROWED.replace("TWO_THIRDS", "UNANIMITY"), "majority"},
            {NARROWED.replace("\"majority\"", "\"quorum\":0,\"majority\""), "quorum"},
            {NARROWED.replace("\"TEAM\":1", "\"TEAM\":11"), "grid.TEAM"},
            {NARROWED.replace("\"minAmount\":\"1000.00\"", "\"minAmount\":\"6000.00\""), "instruments.HONOUR_LOAN.minAmount"},
            {NARROWED.replace("\"minAmount\":\"1000.00\"", "\"minAmount\":\"1000.001\""), "instruments.HONOUR_LOAN.minAmount"},
            {"{\"instruments\":{},\"grid\":{\"TEAM\":1}}", "instruments"},
            {NARROWED.replace("\"grid\":{\"SOCIAL_UTILITY\":3,\"ECONOMIC_VIABILITY\":2,\"TEAM\":1}", "\"grid\":{}"), "grid"},
            {NARROWED.replace("\"checklist\":{", "\"checklist\":{\"EQUITY\":[\"QUOTE\"],"), "checklist.EQUITY"},
            {NARROWED.replace("\"FORECAST\"", "\"SELFIE\""), "checklist.HONOUR_LOAN"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = api.call(CVL_ADMIN, "PUT", "/rules/associations/CVL", c[0].replace("\"basedOn\":1", "\"basedOn\":2"));
            assertEquals(400, r.statusCode(), c[0] + " → " + r.body());
            assertEquals(c[1], Api.json(r).getString("field"), r.body());
        }
        HttpResponse<String> stale = api.call(CVL_ADMIN, "PUT", "/rules/associations/CVL", NARROWED);
        assertEquals(409, stale.statusCode(), "based on version 1 while 2 is in force: " + stale.body());
        assertEquals(400, api.call(CVL_ADMIN, "PUT", "/rules/associations/CVL", "{\"instruments\":").statusCode());
        assertEquals(versions, versions("CVL"));
    }

    // ---- the network's limits -----------------------------------------------------------------------

    @Test
    @Order(8)
    void theNetworkNarrowingItsLimitsNarrowsTheAssociationsRules() throws Exception {
        JsonObject network = ok(api.call(ADMIN, "GET", "/rules/network", null));
        StringBuilder body = new StringBuilder("{\"basedOn\":1,\"instruments\":{");
        for (JsonValue v : network.getJsonArray("instruments")) {
            JsonObject l = v.asJsonObject();
            String instrument = l.getString("instrument");
            body.append(body.charAt(body.length() - 1) == '{' ? "" : ",").append('"').append(instrument).append("\":{")
                    .append("\"minAmount\":\"").append(l.getString("minAmount")).append("\",\"maxAmount\":\"")
                    .append("HONOUR_LOAN".equals(instrument) ? "4000.00" : l.getString("maxAmount")).append('"');
            if (l.containsKey("maxDurationMonths")) {
                body.append(",\"maxDurationMonths\":").append(l.getInt("maxDurationMonths"));
            }
            if (l.containsKey("maxGuaranteeShare")) {
                body.append(",\"maxGuaranteeShare\":\"").append(l.getString("maxGuaranteeShare")).append('"');
            }
            body.append('}');
        }
        body.append("}}");
        assertEquals(403, api.call(CVL_ADMIN, "PUT", "/rules/network", body.toString()).statusCode());
        HttpResponse<String> missingOne = api.call(ADMIN, "PUT", "/rules/network",
                "{\"instruments\":{\"GRANT\":{\"minAmount\":\"1.00\",\"maxAmount\":\"10.00\"}}}");
        assertEquals(400, missingOne.statusCode(), missingOne.body());
        assertEquals(1, ok(api.call(ADMIN, "GET", "/rules/network", null)).getInt("number"));

        HttpResponse<String> changed = api.call(ADMIN, "PUT", "/rules/network", body.toString());
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(2, Api.json(changed).getInt("number"));
        assertEquals("4000.00", instrument(Api.json(changed), "HONOUR_LOAN").getString("maxAmount"));
        assertEquals(1, Sql.count(Sql.ds(), "SELECT COUNT(*) FROM audit_event WHERE action = 'NETWORK_LIMITS_CHANGED'"));

        JsonObject cvl = ok(api.call(ADVISOR, "GET", "/rules/associations/CVL", null));
        assertEquals(3, cvl.getInt("number"), "narrowed with the network: " + cvl);
        assertEquals(2, cvl.getInt("networkVersion"));
        assertEquals("4000.00", instrument(cvl, "HONOUR_LOAN").getString("maxAmount"));
        assertEquals("1000.00", instrument(cvl, "HONOUR_LOAN").getString("minAmount"), "its own narrowing kept");
        assertEquals("TWO_THIRDS", cvl.getString("majority"));
        JsonObject zzr = ok(api.call(OTHER_ADMIN, "GET", "/rules/associations/ZZR", null));
        assertEquals("4000.00", instrument(zzr, "HONOUR_LOAN").getString("maxAmount"));
        assertEquals(409, api.call(ADMIN, "PUT", "/rules/network", body.toString()).statusCode(), "based on version 1");
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private static JsonObject ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return Api.json(r);
    }

    private static JsonObject instrument(JsonObject rules, String instrument) {
        return rules.getJsonArray("instruments").getValuesAs(JsonObject.class).stream()
                .filter(l -> instrument.equals(l.getString("instrument"))).findFirst()
                .orElseThrow(() -> new AssertionError(instrument + " not in " + rules));
    }

    // ---- two administrators saving at once --------------------------------------------------------------

    @Test
    @Order(9)
    void twoSavesOfTheSameVersionAtOnceStoreOneAndTellTheOtherAndNothingIsLost() throws Exception {
        String admin = "admin-bzh@demo.essor";
        int current = ok(api.call(admin, "GET", "/rules/associations/BZH", null)).getInt("number");
        String changes = "SELECT COUNT(*) FROM audit_event WHERE entity_type = 'AssociationRules' AND action = 'RULES_CHANGED'";
        long audited = Sql.count(Sql.ds(), changes);
        // within the network's limits as narrowed by the test before (honour loans up to 4,000.00)
        String body = NARROWED.replace("\"basedOn\":1", "\"basedOn\":" + current)
                .replace("\"maxAmount\":\"5000.00\"", "\"maxAmount\":\"3000.00\"");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> saves = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                saves.add(pool.submit(() -> {
                    start.await();
                    return api.call(admin, "PUT", "/rules/associations/BZH", body);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<String> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> f : saves) {
                HttpResponse<String> r = f.get(120, TimeUnit.SECONDS);
                statuses.add(r.statusCode());
                answers.add(r.statusCode() + " " + r.body());
                if (r.statusCode() == 409) {
                    assertTrue(Api.json(r).getString("message").length() > 0, r.body());
                }
            }
            statuses.sort(null);
            assertEquals(List.of(201, 409), statuses, "one version created, the other told that a version came in between: " + answers);
        } finally {
            pool.shutdownNow();
        }
        // versions 1 to current + 1, each once (the first, the network's limits, is stored with the first change)
        assertEquals(current + 1, ok(api.call(admin, "GET", "/rules/associations/BZH", null)).getInt("number"));
        String bzh = " FROM association_rules r JOIN association a ON a.id = r.association_id WHERE a.code = 'BZH'";
        assertEquals(current + 1, versions("BZH"), "no version lost or doubled");
        assertEquals(current + 1, Sql.count(Sql.ds(), "SELECT COUNT(DISTINCT r.number)" + bzh));
        assertEquals(current + 1, Sql.count(Sql.ds(), "SELECT MAX(r.number)" + bzh));
        assertEquals(audited + 1, Sql.count(Sql.ds(), changes), "one change audited, the one stored");
    }

    private long versions(String code) throws Exception {
        return Sql.count(Sql.ds(), "SELECT COUNT(*) FROM association_rules r JOIN association a ON a.id = r.association_id"
                + " WHERE a.code = ?", code);
    }

    private long auditCount() throws Exception {
        return Sql.count(Sql.ds(), "SELECT COUNT(*) FROM audit_event");
    }

    private void upload(long id, String kind) throws Exception {
        HttpResponse<String> doc = api.upload(PORTEUR, "/applications/" + id + "/documents?kind=" + kind, kind + ".pdf", PDF);
        assertEquals(201, doc.statusCode(), doc.body());
    }

    private HttpResponse<String> submit(long id) throws Exception {
        return api.call(PORTEUR, "POST", "/applications/" + id + "/submit", null);
    }

    private JsonObject application(String user, long id) throws Exception {
        return ok(api.call(user, "GET", "/applications/" + id, null));
    }

    /** The advisor takes the file into review, analyses it and marks it ready for committee; the analysis saved. */
    private JsonObject ready(long id, String analysisBody) throws Exception {
        HttpResponse<String> review = api.call(ADVISOR, "POST", "/applications/" + id + "/review?version="
                + application(ADVISOR, id).getJsonNumber("version"), null);
        assertEquals(200, review.statusCode(), review.body());
        HttpResponse<String> analysis = api.call(ADVISOR, "PUT", "/applications/" + id + "/instruction/analysis", analysisBody);
        assertEquals(200, analysis.statusCode(), analysis.body());
        HttpResponse<String> ready = api.call(ADVISOR, "POST", "/applications/" + id + "/instruction/ready?version="
                + application(ADVISOR, id).getJsonNumber("version"), null);
        assertEquals(200, ready.statusCode(), ready.body());
        return Api.json(analysis);
    }

    private long newSession() throws Exception {
        HttpResponse<String> sessions = api.call(ADVISOR, "GET", "/sessions?past=true", null);
        long committee = ok(sessions).getJsonArray("items").getJsonObject(0).getJsonNumber("committeeId").longValue();
        HttpResponse<String> r = api.call(ADVISOR, "POST", "/sessions", "{\"committeeId\":" + committee
                + ",\"startsAt\":\"2027-02-15T14:00\",\"place\":\"Tours\"}");
        assertEquals(201, r.statusCode(), r.body());
        return Api.json(r).getJsonNumber("id").longValue();
    }

    private void openWithEveryone(long session) throws Exception {
        JsonArray members = ok(api.call(CHAIR, "GET", "/sessions/" + session, null)).getJsonArray("members");
        StringBuilder ids = new StringBuilder();
        for (JsonValue m : members) {
            ids.append(ids.length() == 0 ? "" : ",").append(m.asJsonObject().getJsonNumber("accountId"));
        }
        HttpResponse<String> r = api.call(CHAIR, "POST", "/sessions/" + session + "/open", "{\"present\":[" + ids + "]}");
        assertEquals(200, r.statusCode(), r.body());
    }

    private HttpResponse<String> vote(String member, long session, long item, String choice) throws Exception {
        return api.call(member, "PUT", "/sessions/" + session + "/items/" + item + "/vote", "{\"choice\":\"" + choice + "\"}");
    }

    private HttpResponse<String> decide(long session, long item, String fields) throws Exception {
        long version = itemOf(ok(api.call(CHAIR, "GET", "/sessions/" + session, null)), item).getJsonNumber("version").longValue();
        return api.call(CHAIR, "POST", "/sessions/" + session + "/items/" + item + "/decision",
                "{\"version\":" + version + "," + fields + "}");
    }

    private static JsonObject itemOf(JsonObject session, long itemId) {
        return session.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getJsonNumber("id").longValue() == itemId).findFirst()
                .orElseThrow(() -> new AssertionError("item " + itemId + " not in " + session));
    }
}
