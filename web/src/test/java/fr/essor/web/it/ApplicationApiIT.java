package fr.essor.web.it;

import static fr.essor.web.it.Fixtures.PORTEUR;
import static fr.essor.web.it.Fixtures.PORTEUR2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The entrepreneurs' journey through the REST API: draft, complete, attach, submit; and every kind
 * of bad input refused with a clear JSON error that leaves the stored application unchanged.
 */
class ApplicationApiIT extends OnTheBuiltWar {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    private HttpResponse<String> upload(String user, long id, String kind, String name, byte[] body) throws Exception {
        return api.upload(user, "/applications/" + id + "/documents?kind=" + kind, name, body);
    }

    private long enterpriseOf(String user) throws Exception {
        HttpResponse<String> r = api.call(user, "GET", "/enterprises/mine", null);
        assertEquals(200, r.statusCode(), r.body());
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readArray().getJsonObject(0).getJsonNumber("id").longValue();
        }
    }

    private JsonObject newDraft(String title) throws Exception {
        HttpResponse<String> r = api.call(PORTEUR, "POST", "/applications",
                "{\"enterpriseId\":" + enterpriseOf(PORTEUR) + ",\"title\":\"" + title + "\",\"stage\":\"CREATION\"}");
        assertEquals(201, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Location").orElseThrow().contains("/api/v1/applications/"));
        return Api.json(r);
    }

    private JsonObject get(String user, long id) throws Exception {
        return api.read(user, "/applications/" + id);
    }

    private static final String COMPLETE = "\"description\":\"Une recyclerie\",\"territory\":\"Orléans\","
            + "\"lines\":[{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"8000.00\",\"durationMonths\":60},"
            + "{\"instrument\":\"GUARANTEE\",\"amount\":\"20000.00\",\"durationMonths\":84,\"bankName\":\"Crédit Coopératif\","
            + "\"bankLoanAmount\":\"40000.00\",\"guaranteedShare\":\"50\"}],"
            + "\"plan\":[{\"kind\":\"USE\",\"label\":\"Matériel\",\"amount\":\"48000.00\"},"
            + "{\"kind\":\"SOURCE\",\"label\":\"Prêt bancaire\",\"amount\":\"40000.00\"},"
            + "{\"kind\":\"SOURCE\",\"label\":\"Prêt d'honneur\",\"amount\":\"8000.00\"}],"
            + "\"impact\":{\"jobsCreated\":\"2\",\"jobsMaintained\":\"1.5\",\"beneficiaries\":120,\"socialUtility\":\"Réemploi\"}";

    /** EnterpriseInput's constraints, checked at the service's boundary, refuse on the page like the service's own checks. */
    @Test
    void theEnterpriseFormShowsARefusalOfItsInputAtTheServiceBoundaryAndStoresNothing() throws Exception {
        String cookie = pages.login(PORTEUR);
        String path = "/entrepreneur/enterprise.xhtml";
        HttpResponse<String> page = pages.get(cookie, path);
        assertEquals(200, page.statusCode());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("enterprise", "enterprise");
        form.put("enterprise:legalName", "Essai des limites");
        form.put("enterprise:siret", "73282932000074");
        form.put("enterprise:legalForm_input", "ASSOCIATION");
        form.put("enterprise:department", "45");
        form.put("enterprise:employees", "-3");
        form.put("enterprise:submit", "");
        form.put("jakarta.faces.ViewState", Pages.viewState(page.body()));
        HttpResponse<String> refused = pages.post(cookie, path, form);
        assertEquals(200, refused.statusCode(), "the form is shown again");
        assertTrue(refused.body().contains("équivalents temps plein positifs, avec au plus deux décimales"), refused.body());
        assertFalse(api.call(PORTEUR, "GET", "/enterprises/mine", null).body().contains("Essai des limites"), "nothing stored");
    }

    /**
     * Issue 19, item 15: an owner deletes his draft with everything in it, and the trail says so; another
     * entrepreneur is told it does not exist, staff may not, a stale version or a submitted file is a
     * conflict, and each refusal leaves the file as it was.
     */
    @Test
    void anOwnerDeletesHisDraftWithItsContentOnlyWhileItIsADraft() throws Exception {
        JsonObject draft = newDraft("Brouillon à supprimer");
        long id = draft.getJsonNumber("id").longValue();
        HttpResponse<String> put = api.call(PORTEUR, "PUT", "/applications/" + id,
                "{\"version\":" + draft.getJsonNumber("version") + "," + COMPLETE + "}");
        assertEquals(200, put.statusCode(), put.body());
        assertEquals(201, upload(PORTEUR, id, "BUSINESS_PLAN", "plan.pdf", PDF).statusCode());
        long version = Api.json(put).getJsonNumber("version").longValue();

        assertEquals(404, api.call(PORTEUR2, "DELETE", "/applications/" + id, null).statusCode(), "not another's");
        assertEquals(403, api.call(Fixtures.ADVISOR, "DELETE", "/applications/" + id, null).statusCode(), "not staff's");
        HttpResponse<String> stale = api.call(PORTEUR, "DELETE", "/applications/" + id + "?version=" + (version - 1), null);
        assertEquals(409, stale.statusCode(), stale.body());
        assertEquals("DRAFT", get(PORTEUR, id).getString("status"), "each refusal leaves the draft");

        HttpResponse<String> deleted = api.call(PORTEUR, "DELETE", "/applications/" + id + "?version=" + version, null);
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertEquals(404, api.call(PORTEUR, "GET", "/applications/" + id, null).statusCode());
        DataSource ds = Sql.ds();
        for (String child : List.of("application_line", "application_plan_item", "application_document")) {
            assertEquals(0, Sql.count(ds, "SELECT COUNT(*) FROM " + child + " WHERE application_id = ?", id), child);
        }
        assertEquals(1, Sql.count(ds, "SELECT COUNT(*) FROM audit_event WHERE entity_type = 'Application' AND entity_id = ?"
                + " AND action = 'DELETE'", String.valueOf(id)), "the deletion is in the trail");
        assertEquals(404, api.call(PORTEUR, "DELETE", "/applications/" + id, null).statusCode(), "gone");

        // a submitted file is withdrawn, never deleted
        JsonObject filed = newDraft("Déposé, pas supprimable");
        long filedId = filed.getJsonNumber("id").longValue();
        assertEquals(200, api.call(PORTEUR, "PUT", "/applications/" + filedId,
                "{\"version\":" + filed.getJsonNumber("version") + "," + COMPLETE + "}").statusCode());
        assertEquals(201, upload(PORTEUR, filedId, "BUSINESS_PLAN", "plan.pdf", PDF).statusCode());
        assertEquals(200, api.call(PORTEUR, "POST", "/applications/" + filedId + "/submit", null).statusCode());
        HttpResponse<String> refused = api.call(PORTEUR, "DELETE", "/applications/" + filedId, null);
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(Api.json(refused).getString("message").contains("seulement retirée"), refused.body());
        assertEquals("SUBMITTED", get(PORTEUR, filedId).getString("status"));
    }

    @Test
    void anEntrepreneurDraftsCompletesAttachesAndSubmits() throws Exception {
        JsonObject draft = newDraft("Atelier <script>alert(1)</script>");
        long id = draft.getJsonNumber("id").longValue();
        assertEquals("DRAFT", draft.getString("status"));
        assertTrue(draft.getString("reference").matches("CVL-\\d{4}-\\d{5}"), draft.getString("reference"));
        assertEquals("Atelier <script>alert(1)</script>", draft.getString("title"), "stored as typed; pages escape it");

        HttpResponse<String> put = api.call(PORTEUR, "PUT", "/applications/" + id,
                "{\"version\":" + draft.getJsonNumber("version") + "," + COMPLETE + "}");
        assertEquals(200, put.statusCode(), put.body());
        JsonObject saved = Api.json(put);
        assertEquals("48000.00", saved.getString("totalUses"));
        assertEquals("0.00", saved.getString("planDifference"));
        assertEquals("8000.00", saved.getJsonArray("lines").getJsonObject(0).getString("amount"));

        HttpResponse<String> doc = upload(PORTEUR, id, "BUSINESS_PLAN", "../../plan <b>final</b>.exe", PDF);
        assertEquals(201, doc.statusCode(), doc.body());
        JsonObject document = Api.json(doc);
        assertEquals("application/pdf", document.getString("mediaType"));
        assertFalse(document.getString("fileName").contains("/") || document.getString("fileName").contains("<"));
        assertTrue(document.getString("fileName").endsWith(".pdf"));

        HttpResponse<String> submitted = api.call(PORTEUR, "POST", "/applications/" + id + "/submit", null);
        assertEquals(200, submitted.statusCode(), submitted.body());
        JsonObject after = Api.json(submitted);
        assertEquals("SUBMITTED", after.getString("status"));
        JsonArray timeline = after.getJsonArray("timeline");
        assertEquals("SUBMITTED", timeline.getJsonObject(timeline.size() - 1).getString("to"));

        HttpResponse<String> again = api.call(PORTEUR, "PUT", "/applications/" + id,
                "{\"version\":" + after.getJsonNumber("version") + ",\"title\":\"Changé\",\"stage\":\"CREATION\"}");
        assertEquals(409, again.statusCode(), "a submitted application is no longer editable: " + again.body());
        assertEquals("Atelier <script>alert(1)</script>", get(PORTEUR, id).getString("title"));
    }

    @Test
    void submittingAnIncompleteDraftListsWhatIsMissingAndChangesNothing() throws Exception {
        long id = newDraft("Incomplet").getJsonNumber("id").longValue();
        HttpResponse<String> r = api.call(PORTEUR, "POST", "/applications/" + id + "/submit", null);
        assertEquals(400, r.statusCode(), r.body());
        JsonObject error = Api.json(r);
        assertEquals("INCOMPLETE", error.getString("error"));
        List<String> steps = error.getJsonArray("missing").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("step")).toList();
        assertTrue(steps.containsAll(List.of("PROJECT", "FINANCING", "PLAN", "IMPACT", "DOCUMENTS")), steps.toString());
        assertEquals("DRAFT", get(PORTEUR, id).getString("status"));
    }

    @Test
    void anUnbalancedPlanIsRefusedAtSubmissionWithTheDifference() throws Exception {
        JsonObject d = newDraft("Plan bancal");
        long id = d.getJsonNumber("id").longValue();
        String unbalanced = COMPLETE.replace("\"amount\":\"48000.00\"", "\"amount\":\"50000.00\"");
        assertEquals(200, api.call(PORTEUR, "PUT", "/applications/" + id, "{\"version\":" + d.getJsonNumber("version") + ","
                + unbalanced + "}").statusCode());
        assertEquals(201, upload(PORTEUR, id, "STATUTES", "statuts.pdf", PDF).statusCode());
        HttpResponse<String> r = api.call(PORTEUR, "POST", "/applications/" + id + "/submit", null);
        assertEquals(400, r.statusCode(), r.body());
        String messages = Api.json(r).getJsonArray("missing").toString();
        assertTrue(messages.contains("n'est pas équilibré") && messages.contains("-2"), messages);
        assertEquals("DRAFT", get(PORTEUR, id).getString("status"));
    }

    @Test
    void badAmountsAreRefusedWith400AndTheStoredLinesStay() throws Exception {
        JsonObject d = newDraft("Montants");
        long id = d.getJsonNumber("id").longValue();
        JsonObject saved = Api.json(api.call(PORTEUR, "PUT", "/applications/" + id, "{\"version\":" + d.getJsonNumber("version") + ","
                + COMPLETE + "}"));
        long version = saved.getJsonNumber("version").longValue();
        String[][] cases = {
            {"{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"90000.00\",\"durationMonths\":60}", "plafond"},
            {"{\"instrument\":\"GRANT\",\"amount\":\"-10.00\"}", "positif"},
            {"{\"instrument\":\"GRANT\",\"amount\":\"10.005\"}", "deux décimales"},
            {"{\"instrument\":\"GRANT\",\"amount\":\"douze\"}", "nombre"},
            {"{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"5000.00\",\"durationMonths\":600}", "durée"},
            {"{\"instrument\":\"GUARANTEE\",\"amount\":\"30000.00\",\"durationMonths\":60,\"bankName\":\"B\","
                    + "\"bankLoanAmount\":\"40000.00\",\"guaranteedShare\":\"50\"}", "quotité"},
            {"{\"instrument\":\"ROCKET\",\"amount\":\"10.00\"}", "instrument"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = api.call(PORTEUR, "PUT", "/applications/" + id,
                    "{\"version\":" + version + ",\"lines\":[" + c[0] + "]}");
            assertEquals(400, r.statusCode(), c[0] + " -> " + r.body());
            assertTrue(Api.json(r).getString("message").contains(c[1]), c[0] + " -> " + r.body());
        }
        JsonObject after = get(PORTEUR, id);
        assertEquals(version, after.getJsonNumber("version").longValue(), "nothing may have been stored");
        assertEquals(2, after.getJsonArray("lines").size());
    }

    @Test
    void badFilesAreRefusedWithAClearMessageAndNothingIsStored() throws Exception {
        long id = newDraft("Fichiers").getJsonNumber("id").longValue();
        byte[] exe = new byte[2048];
        exe[0] = 'M';
        exe[1] = 'Z';
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("word/evil.txt"));
            z.write("not a docx".getBytes(StandardCharsets.UTF_8));
        }
        Object[][] cases = {
            {"virus.pdf", exe, "Type de fichier refusé"},
            {"vide.pdf", new byte[0], "vide"},
            {"page.pdf", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "Type de fichier refusé"},
            {"faux.docx", zip.toByteArray(), "Type de fichier refusé"},
        };
        for (Object[] c : cases) {
            HttpResponse<String> r = upload(PORTEUR, id, "OTHER", (String) c[0], (byte[]) c[1]);
            assertEquals(400, r.statusCode(), c[0] + " -> " + r.body());
            assertTrue(Api.json(r).getString("message").contains((String) c[2]), c[0] + " -> " + r.body());
        }
        // over the documents' 10 MB, the body is refused before it is read whole (issue 18: a JSON 413)
        HttpResponse<String> big = upload(PORTEUR, id, "OTHER", "enorme.pdf", big());
        assertEquals(413, big.statusCode(), big.body());
        assertTrue(Api.json(big).getString("message").contains("10 Mo"), big.body());
        assertEquals(0, get(PORTEUR, id).getJsonArray("documents").size());
    }

    private static byte[] big() {
        // just over the limit: the server reads and drops such a body whole, so the client reads the answer
        byte[] b = new byte[10 * 1024 * 1024 + 1024];
        System.arraycopy(PDF, 0, b, 0, PDF.length);
        return b;
    }

    @Test
    void anotherEntrepreneurCannotSeeOrChangeTheApplication() throws Exception {
        JsonObject d = newDraft("Privé");
        long id = d.getJsonNumber("id").longValue();
        assertEquals(404, api.call(PORTEUR2, "GET", "/applications/" + id, null).statusCode());
        assertEquals(404, api.call(PORTEUR2, "PUT", "/applications/" + id,
                "{\"version\":" + d.getJsonNumber("version") + ",\"title\":\"Volé\",\"stage\":\"CREATION\"}").statusCode());
        assertEquals(404, api.call(PORTEUR2, "POST", "/applications/" + id + "/submit", null).statusCode());
        assertEquals(404, upload(PORTEUR2, id, "OTHER", "x.pdf", PDF).statusCode());
        HttpResponse<String> foreignEnterprise = api.call(PORTEUR2, "POST", "/applications",
                "{\"enterpriseId\":" + enterpriseOf(PORTEUR) + ",\"title\":\"T\",\"stage\":\"CREATION\"}");
        assertEquals(404, foreignEnterprise.statusCode());
        assertEquals("Privé", get(PORTEUR, id).getString("title"));
        assertEquals(403, api.call("partenaire@demo.essor", "GET", "/applications/" + id, null).statusCode());
    }

    @Test
    void aStaleVersionIsRefusedWith409() throws Exception {
        JsonObject d = newDraft("Versions");
        long id = d.getJsonNumber("id").longValue();
        long v = d.getJsonNumber("version").longValue();
        assertEquals(200, api.call(PORTEUR, "PUT", "/applications/" + id,
                "{\"version\":" + v + ",\"title\":\"Premier\",\"stage\":\"CREATION\"}").statusCode());
        HttpResponse<String> stale = api.call(PORTEUR, "PUT", "/applications/" + id,
                "{\"version\":" + v + ",\"title\":\"Second\",\"stage\":\"CREATION\"}");
        assertEquals(409, stale.statusCode(), stale.body());
        assertEquals("CONCURRENT_CHANGE", Api.json(stale).getString("error"));
        assertEquals("Premier", get(PORTEUR, id).getString("title"));
    }

    @Test
    void twoSimultaneousSubmissionsSubmitOnce() throws Exception {
        JsonObject d = newDraft("Double dépôt");
        long id = d.getJsonNumber("id").longValue();
        assertEquals(200, api.call(PORTEUR, "PUT", "/applications/" + id, "{\"version\":" + d.getJsonNumber("version") + ","
                + COMPLETE + "}").statusCode());
        assertEquals(201, upload(PORTEUR, id, "BUSINESS_PLAN", "bp.pdf", PDF).statusCode());
        long version = get(PORTEUR, id).getJsonNumber("version").longValue();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Callable<Integer> submit = () -> api.call(PORTEUR, "POST", "/applications/" + id + "/submit?version=" + version, null)
                    .statusCode();
            results.add(pool.submit(submit));
        }
        int ok = 0;
        int conflicts = 0;
        for (Future<Integer> f : results) {
            int status = f.get();
            if (status == 200) {
                ok++;
            } else if (status == 409) {
                conflicts++;
            }
        }
        pool.shutdown();
        assertEquals(1, ok, "exactly one submission wins");
        assertEquals(3, conflicts);
        JsonArray timeline = get(PORTEUR, id).getJsonArray("timeline");
        assertEquals(1, timeline.getValuesAs(JsonObject.class).stream().filter(s -> "SUBMITTED".equals(s.getString("to"))).count());
    }

    @Test
    void aMalformedBodyAnswers400() throws Exception {
        HttpResponse<String> r = api.call(PORTEUR, "POST", "/applications", "{\"enterpriseId\": 1, \"title\": ");
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("MALFORMED_JSON", Api.json(r).getString("error"));
        HttpResponse<String> wrongType = api.call(PORTEUR, "POST", "/applications", "{\"enterpriseId\": \"abc\"}");
        assertEquals(400, wrongType.statusCode(), wrongType.body());
    }

    @Test
    void theAdvisorRequestsInformationAndOnlyTheOwnerCanAnswer() throws Exception {
        JsonObject d = newDraft("Question");
        long id = d.getJsonNumber("id").longValue();
        api.call(PORTEUR, "PUT", "/applications/" + id, "{\"version\":" + d.getJsonNumber("version") + "," + COMPLETE + "}");
        assertEquals(201, upload(PORTEUR, id, "BUSINESS_PLAN", "bp.pdf", PDF).statusCode());
        assertEquals(200, api.call(PORTEUR, "POST", "/applications/" + id + "/submit", null).statusCode());

        assertEquals(403, api.call(PORTEUR, "POST", "/applications/" + id + "/review", null).statusCode(),
                "an entrepreneur cannot act as advisor");
        assertEquals(200, api.call("conseil@demo.essor", "POST", "/applications/" + id + "/review", null).statusCode());
        HttpResponse<String> asked = api.call("conseil@demo.essor", "POST", "/applications/" + id + "/information-requests",
                "{\"question\":\"Quel est le devis ?\"}");
        assertEquals(200, asked.statusCode(), asked.body());
        assertEquals("INFO_REQUESTED", Api.json(asked).getString("status"));
        assertEquals("Quel est le devis ?", get(PORTEUR, id).getString("pendingQuestion"));

        assertEquals(404, api.call(PORTEUR2, "POST", "/applications/" + id + "/answer", "{\"answer\":\"Intrus\"}").statusCode());
        HttpResponse<String> empty = api.call(PORTEUR, "POST", "/applications/" + id + "/answer", "{\"answer\":\"  \"}");
        assertEquals(400, empty.statusCode());
        assertEquals("INFO_REQUESTED", get(PORTEUR, id).getString("status"));
        HttpResponse<String> answered = api.call(PORTEUR, "POST", "/applications/" + id + "/answer", "{\"answer\":\"5 000 €\"}");
        assertEquals(200, answered.statusCode(), answered.body());
        assertEquals("IN_REVIEW", Api.json(answered).getString("status"));
        HttpResponse<String> twice = api.call(PORTEUR, "POST", "/applications/" + id + "/answer", "{\"answer\":\"encore\"}");
        assertEquals(409, twice.statusCode(), "no question is pending any more");
    }

    private long approvedDemoApplication() throws Exception {
        HttpResponse<String> mine = api.call(PORTEUR, "GET", "/applications/mine", null);
        try (JsonReader reader = Json.createReader(new StringReader(mine.body()))) {
            return reader.readArray().getValuesAs(JsonObject.class).stream()
                    .filter(a -> "APPROVED".equals(a.getString("status"))).findFirst().orElseThrow()
                    .getJsonNumber("id").longValue();
        }
    }

    @Test
    void theDecisionLetterIsARealPdfWithTheGrantedLinesInTheCallersLanguage() throws Exception {
        long id = approvedDemoApplication();
        String reference = get(PORTEUR, id).getString("reference");
        HttpResponse<byte[]> fr = api.bytes(PORTEUR, "/applications/" + id + "/decision-letter");
        assertEquals(200, fr.statusCode());
        assertTrue(fr.headers().firstValue("Content-Type").orElseThrow().startsWith("application/pdf"));
        assertTrue(fr.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment"));
        String text = Pdfs.text(fr.body());
        assertTrue(text.contains("Notification de décision"), text);
        assertTrue(text.contains(reference), text);
        assertTrue(text.contains("Prêt d'honneur : 8 000,00 €"), text);
        assertTrue(text.contains("28 000,00 €"), text);

        HttpResponse<byte[]> en = api.language("en").bytes(PORTEUR, "/applications/" + id + "/decision-letter");
        assertTrue(Pdfs.text(en.body()).contains("Notice of decision"));

        assertEquals(404, api.call(PORTEUR2, "GET", "/applications/" + id + "/decision-letter", null).statusCode());
        long draft = newDraft("Sans décision").getJsonNumber("id").longValue();
        assertEquals(404, api.call(PORTEUR, "GET", "/applications/" + draft + "/decision-letter", null).statusCode());
    }
}
