package fr.essor.web.it;

import static fr.essor.web.it.Fixtures.ADMIN;
import static fr.essor.web.it.Fixtures.ADVISOR;
import static fr.essor.web.it.Fixtures.CHAIR;
import static fr.essor.web.it.Fixtures.PDF;
import static fr.essor.web.it.Fixtures.PORTEUR;
import static fr.essor.web.it.Fixtures.PORTEUR2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 2, against the real database, as a client: the agreement templates an administrator
 * writes per association (versions, an unknown field refused on save naming it, the preview a PDF),
 * the agreements of an approved file generated line by line from the template version of the day and
 * keeping it, the signed copy uploaded by the entrepreneur (a PDF only) and marked signed or refused by
 * the advisor, and the file contracted only once every agreement is signed. The PDFs are opened and
 * their text read; every refusal is re-read to prove that nothing stored changed.
 */
class AgreementsIT extends OnTheBuiltWar {

    private static final Set<String> VOLATILE = Set.of("outbox_message", "audit_event", "audit_chain_head");
    /** A PNG (signature and header): an accepted upload, but not a PDF. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
        0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89};

    AgreementsIT() {
        super(Duration.ofSeconds(60));
    }

    // ---- templates -----------------------------------------------------------------------------------

    @Test
    void theAdministratorSavesTemplatesAsNewVersionsRefusesAnUnknownFieldNamingItAndPreviewsAPdf() throws Exception {
        DataSource ds = Sql.ds();
        List<JsonObject> current = Api.array(ok(api.call(ADMIN, "GET", "/agreement-templates?association=CVL", null)))
                .getValuesAs(JsonObject.class);
        assertEquals(6, current.size(), "three kinds in two languages: " + current);
        JsonObject loanFr = current.stream().filter(t -> "LOAN".equals(t.getString("kind")) && "fr".equals(t.getString("language")))
                .findFirst().orElseThrow();
        assertEquals(1, loanFr.getInt("number"), "the demo's model text is version 1");
        assertTrue(loanFr.getString("body").contains("{{line.amount}}"));

        // an unknown field: refused on the body, naming it, on save and on preview; nothing stored
        long templates = Sql.count(ds, "SELECT COUNT(*) FROM agreement_template");
        TableHashes before = TableHashes.of(ds);
        HttpResponse<String> unknown = api.call(ADMIN, "POST", "/agreement-templates", template("CVL", "LOAN", "fr",
                "# Prêt\\nMontant : {{line.montant}} pour {{enterprise.name}}"));
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertEquals("body", Api.json(unknown).getString("field"));
        assertTrue(Api.json(unknown).getString("message").contains("{{line.montant}}"), unknown.body());
        HttpResponse<String> unknownPreview = api.call(ADMIN, "POST", "/agreement-templates/preview", template("CVL", "LOAN", "fr",
                "{{file.nope}}"));
        assertEquals(400, unknownPreview.statusCode(), unknownPreview.body());
        assertEquals(List.of(), before.differences(TableHashes.of(ds), VOLATILE));
        assertEquals(templates, Sql.count(ds, "SELECT COUNT(*) FROM agreement_template"));

        // the preview: a PDF of the text as typed, on a made-up file; nothing stored
        HttpResponse<byte[]> preview = Api.sendForBytes(api.request(ADMIN, "/agreement-templates/preview")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(template("CVL", "LOAN", "fr",
                        "# Contrat d'essai\\nEntre {{association.name}} et {{enterprise.name}} : {{line.amount}}."),
                        StandardCharsets.UTF_8)).build());
        assertEquals(200, preview.statusCode());
        assertEquals("application/pdf", preview.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        String text = Pdfs.text(preview.body());
        assertTrue(text.contains("Contrat d'essai"), text);
        assertTrue(text.contains("Entre France Active Centre-Val de Loire et Entreprise d'exemple : 8 000,00 €."), text);
        assertEquals(templates, Sql.count(ds, "SELECT COUNT(*) FROM agreement_template"), "a preview stores nothing");

        // saving writes the next version; the previous one is kept unchanged
        long audited = Sql.count(ds, "SELECT COUNT(*) FROM audit_event WHERE action = 'AGREEMENT_TEMPLATE_SAVED'");
        HttpResponse<String> saved = api.call(ADMIN, "POST", "/agreement-templates", template("CVL", "GRANT", "en",
                "# Grant\\nTo {{enterprise.name}}: {{line.amount}}"));
        assertEquals(201, saved.statusCode(), saved.body());
        assertEquals(2, Api.json(saved).getInt("number"));
        List<JsonObject> history = Api.array(ok(api.call(ADMIN, "GET",
                "/agreement-templates/history?association=CVL&kind=GRANT&language=en", null))).getValuesAs(JsonObject.class);
        assertEquals(List.of(2, 1), history.stream().map(t -> t.getInt("number")).toList());
        assertTrue(history.get(1).getString("body").startsWith("# Grant agreement"), "version 1 unchanged");
        assertEquals(audited + 1, Sql.count(ds, "SELECT COUNT(*) FROM audit_event WHERE action = 'AGREEMENT_TEMPLATE_SAVED'"));

        // bad choices on their field; an advisor is not an administrator
        HttpResponse<String> badKind = api.call(ADMIN, "POST", "/agreement-templates", template("CVL", "LEASE", "fr", "x"));
        assertEquals("kind", Api.json(badKind).getString("field"), badKind.body());
        HttpResponse<String> badLanguage = api.call(ADMIN, "POST", "/agreement-templates", template("CVL", "LOAN", "de", "x"));
        assertEquals("language", Api.json(badLanguage).getString("field"), badLanguage.body());
        assertEquals(404, api.call(ADMIN, "GET", "/agreement-templates?association=NOPE", null).statusCode());
        assertEquals(403, api.call(ADVISOR, "POST", "/agreement-templates", template("CVL", "LOAN", "fr", "x")).statusCode());

        // the page: an administrator edits and sees the versions
        String admin = pages.login(ADMIN);
        String page = pages.get(admin, "/admin/agreement-templates.xhtml").body();
        assertTrue(page.contains("id=\"template:body\"") && page.contains("{{enterprise.name}}"), page);
    }

    // ---- the agreements of a file ---------------------------------------------------------------------

    @Test
    void agreementsAreGeneratedPerLineKeepTheirTemplateVersionAndTheFileIsContractedOnlyOnceAllAreSigned() throws Exception {
        DataSource ds = Sql.ds();
        Approved file = approvedFile("Conventions à signer");
        // the administrator's version of the day for loans
        HttpResponse<String> v = api.call(ADMIN, "POST", "/agreement-templates", template("CVL", "LOAN", "fr",
                "# Contrat de prêt spécial\\nDossier {{file.reference}} — {{enterprise.name}}\\n{{line.instrument}} de {{line.amount}}"
                        + " sur {{line.duration}}\\nConditions :\\n{{conditions}}\\nModèle n° {{template.version}}"));
        assertEquals(201, v.statusCode(), v.body());
        int loanVersion = Api.json(v).getInt("number");

        // not yet approved for good / bad language / another entrepreneur: refused, nothing stored
        assertEquals(400, api.call(ADVISOR, "POST", "/agreements", "{\"applicationId\":" + file.app + ",\"language\":\"de\"}")
                .statusCode());
        assertEquals(403, api.call(PORTEUR, "POST", "/agreements", "{\"applicationId\":" + file.app + "}").statusCode());
        assertEquals(0, Sql.count(ds, "SELECT COUNT(*) FROM agreement WHERE application_id = ?", file.app));

        HttpResponse<String> generated = api.call(ADVISOR, "POST", "/agreements", "{\"applicationId\":" + file.app + "}");
        assertEquals(201, generated.statusCode(), generated.body());
        List<JsonObject> items = Api.array(generated).getValuesAs(JsonObject.class);
        assertEquals(List.of("LOAN", "GRANT"), items.stream().map(x -> x.getString("kind")).toList());
        JsonObject loan = items.get(0);
        JsonObject grant = items.get(1);
        assertEquals(loanVersion, loan.getInt("templateNumber"));
        assertEquals(1, grant.getInt("templateNumber"));
        assertEquals("GENERATED", loan.getString("status"));
        assertEquals(2, Sql.count(ds, "SELECT COUNT(*) FROM audit_event WHERE action = 'AGREEMENT_GENERATED' AND entity_id = ?",
                String.valueOf(file.app)));

        // the PDF: the template of the day with the file's values
        String loanText = Pdfs.text(pdf(PORTEUR, loan));
        assertTrue(loanText.contains("Contrat de prêt spécial"), loanText);
        assertTrue(loanText.contains("Dossier " + file.reference + " — La Fabrique"), loanText);
        assertTrue(loanText.contains("Prêt d'honneur de 8 000,00 € sur 60 mois"), loanText);
        assertTrue(loanText.contains("Attestation d'assurance"), "its condition: " + loanText);
        assertTrue(loanText.contains("Modèle n° " + loanVersion), loanText);
        String grantText = Pdfs.text(pdf(ADVISOR, grant));
        assertTrue(grantText.contains("Convention de subvention") && grantText.contains("3 000,00 €"), grantText);
        assertFalse(grantText.contains("Attestation d'assurance"), "the loan's condition is not the grant's: " + grantText);
        assertEquals(404, api.call(PORTEUR2, "GET", "/agreements/" + loan.getJsonNumber("id") + "/pdf", null).statusCode());
        assertEquals(404, api.call(PORTEUR2, "GET", "/agreements?application=" + file.app, null).statusCode());

        // a later version of the template changes no agreement already generated; generating again adds none
        String sha = loan.getString("sha256");
        assertEquals(201, api.call(ADMIN, "POST", "/agreement-templates", template("CVL", "LOAN", "fr", "# Autre texte")).statusCode());
        assertEquals(201, api.call(ADVISOR, "POST", "/agreements", "{\"applicationId\":" + file.app + "}").statusCode());
        List<JsonObject> again = agreements(ADVISOR, file.app);
        assertEquals(2, again.size());
        assertEquals(loanVersion, again.get(0).getInt("templateNumber"));
        assertEquals(sha, again.get(0).getString("sha256"));
        assertTrue(Pdfs.text(pdf(PORTEUR, loan)).contains("Contrat de prêt spécial"), "the PDF is the one generated");

        // every line covered by a convention: only the unsigned agreements hold the contract back
        Filing.allocate(api, Filing.activeConvention(api, "IT-AG-", "HONOUR_LOAN"), file.loanLine, "8000.00");
        Filing.allocate(api, Filing.activeConvention(api, "IT-AG-", "GRANT"), file.grantLine, "3000.00");
        assertUnsignedBlocksTheContract(ds, file);

        // the signed copy: a PDF only, by the file's applicant only; nothing changes on refusal
        long loanId = loan.getJsonNumber("id").longValue();
        TableHashes before = TableHashes.of(ds);
        HttpResponse<String> png = api.upload(PORTEUR, "/agreements/" + loanId + "/signed-copy", "scan.png", PNG);
        assertEquals(400, png.statusCode(), png.body());
        assertEquals("file", Api.json(png).getString("field"));
        assertTrue(Api.json(png).getString("message").contains("PDF"), png.body());
        HttpResponse<String> garbage = api.upload(PORTEUR, "/agreements/" + loanId + "/signed-copy", "signe.pdf",
                "MZ not a pdf".getBytes(StandardCharsets.US_ASCII));
        assertEquals(400, garbage.statusCode(), garbage.body());
        assertEquals(404, api.upload(PORTEUR2, "/agreements/" + loanId + "/signed-copy", "signe.pdf", PDF).statusCode());
        assertEquals(403, api.upload(ADVISOR, "/agreements/" + loanId + "/signed-copy", "signe.pdf", PDF).statusCode());
        HttpResponse<String> early = api.call(ADVISOR, "POST", "/agreements/" + loanId + "/sign", "{}");
        assertEquals(409, early.statusCode(), "nothing uploaded to mark signed: " + early.body());
        assertEquals(List.of(), before.differences(TableHashes.of(ds), VOLATILE));

        HttpResponse<String> uploaded = api.upload(PORTEUR, "/agreements/" + loanId + "/signed-copy", "contrat-signe.pdf", PDF);
        assertEquals(200, uploaded.statusCode(), uploaded.body());
        assertEquals("UPLOADED", Api.json(uploaded).getString("status"));
        long copy = Api.json(uploaded).getJsonNumber("signedDocumentId").longValue();
        assertEquals(file.app, Sql.count(ds, "SELECT application_id FROM application_document WHERE id = ?", copy));

        // refused: a comment is required; then uploaded again and signed
        HttpResponse<String> noComment = api.call(ADVISOR, "POST", "/agreements/" + loanId + "/refuse", "{\"comment\":\"  \"}");
        assertEquals(400, noComment.statusCode(), noComment.body());
        assertEquals("comment", Api.json(noComment).getString("field"));
        assertEquals("UPLOADED", Sql.string(ds, "SELECT status FROM agreement WHERE id = ?", loanId));
        HttpResponse<String> refused = api.call(ADVISOR, "POST", "/agreements/" + loanId + "/refuse",
                "{\"comment\":\"Page 2 non paraphée\"}");
        assertEquals(200, refused.statusCode(), refused.body());
        assertEquals("REFUSED", Api.json(refused).getString("status"));
        assertEquals(200, api.upload(PORTEUR, "/agreements/" + loanId + "/signed-copy", "contrat-signe-2.pdf", PDF).statusCode());
        HttpResponse<String> signed = api.call(ADVISOR, "POST", "/agreements/" + loanId + "/sign", "{\"comment\":\"Conforme\"}");
        assertEquals(200, signed.statusCode(), signed.body());
        assertEquals("SIGNED", Api.json(signed).getString("status"));
        assertEquals(ADVISOR, Sql.string(ds, "SELECT decided_by FROM agreement WHERE id = ?", loanId));
        assertEquals(409, api.upload(PORTEUR, "/agreements/" + loanId + "/signed-copy", "encore.pdf", PDF).statusCode(),
                "signed is final");
        assertEquals(409, api.call(ADVISOR, "POST", "/agreements/" + loanId + "/refuse", "{\"comment\":\"non\"}").statusCode());

        // one of two signed: still not contracted
        assertUnsignedBlocksTheContract(ds, file);

        long grantId = grant.getJsonNumber("id").longValue();
        assertEquals(200, api.upload(PORTEUR, "/agreements/" + grantId + "/signed-copy", "subvention.pdf", PDF).statusCode());
        assertEquals(200, api.call(ADVISOR, "POST", "/agreements/" + grantId + "/sign", "{}").statusCode());
        HttpResponse<String> contracted = api.call(ADVISOR, "POST", "/allocations/contracts/" + file.app, null);
        assertEquals(204, contracted.statusCode(), contracted.body());
        assertEquals("CONTRACTED", Sql.string(ds, "SELECT status FROM application WHERE id = ?", file.app));
        for (String action : List.of("AGREEMENT_UPLOADED", "AGREEMENT_REFUSED", "AGREEMENT_SIGNED")) {
            assertTrue(Sql.count(ds, "SELECT COUNT(*) FROM audit_event WHERE action = ? AND entity_id = ?", action,
                    String.valueOf(file.app)) >= 1, action + " in the audit trail");
        }

        // the pages: the entrepreneur's file and the advisor's show them
        String porteur = pages.login(PORTEUR);
        String page = pages.get(porteur, "/entrepreneur/file.xhtml?id=" + file.app).body();
        assertTrue(page.contains("id=\"agreements\"") && page.contains("Contrat de prêt") && page.contains("Signée"), page);
        String advisor = pages.login(ADVISOR);
        page = pages.get(advisor, "/advisor/file.xhtml?id=" + file.app).body();
        assertTrue(page.contains("id=\"agreements\"") && page.contains("Convention de subvention"), page);
        HttpResponse<byte[]> servlet = pages.file(porteur, "/files/agreement/" + loanId);
        assertEquals(200, servlet.statusCode());
        assertTrue(Pdfs.text(servlet.body()).contains("Contrat de prêt spécial"));
    }

    @Test
    void agreementsAreGeneratedOnlyForAnApprovedFileAndInTheLanguageAsked() throws Exception {
        DataSource ds = Sql.ds();
        long submitted = Sql.count(ds, "SELECT MIN(id) FROM application WHERE status = 'SUBMITTED'");
        HttpResponse<String> notApproved = api.call(ADVISOR, "POST", "/agreements", "{\"applicationId\":" + submitted + "}");
        assertEquals(409, notApproved.statusCode(), notApproved.body());
        assertEquals("AGREEMENT_RULE", Api.json(notApproved).getString("error"));
        assertEquals(0, Sql.count(ds, "SELECT COUNT(*) FROM agreement WHERE application_id = ?", submitted));

        Approved file = approvedFile("Conventions en anglais");
        HttpResponse<String> english = api.call(ADVISOR, "POST", "/agreements", "{\"applicationId\":" + file.app
                + ",\"language\":\"en\"}");
        assertEquals(201, english.statusCode(), english.body());
        JsonObject loan = Api.array(english).getValuesAs(JsonObject.class).get(0);
        assertEquals("en", loan.getString("language"));
        String text = Pdfs.text(pdf(PORTEUR, loan));
        assertTrue(text.contains("Loan agreement") && text.contains("60 months"), text);
    }

    @Test
    void theDemoHasAContractedFileWithItsAgreementsSignedAndAnApprovedOneWithItsAgreementsToSign() throws Exception {
        DataSource ds = Sql.ds();
        long signedFile = Sql.count(ds, "SELECT id FROM application WHERE title = 'Vélos-cargos pour la livraison du dernier kilomètre'");
        assertEquals("CONTRACTED", Sql.string(ds, "SELECT status FROM application WHERE id = ?", signedFile));
        assertEquals(2, Sql.count(ds, "SELECT COUNT(*) FROM agreement WHERE application_id = ? AND status = 'SIGNED'", signedFile));
        long toSign = Sql.count(ds, "SELECT id FROM application WHERE title = 'Flotte de vélos-cargos électriques'");
        List<JsonObject> items = agreements(PORTEUR2, toSign);
        assertEquals(List.of("GENERATED", "UPLOADED"), items.stream().map(x -> x.getString("status")).toList());
        String text = Pdfs.text(pdf(PORTEUR2, items.get(0)));
        assertTrue(text.contains("Contrat de prêt") && text.contains("Accord de Tours Métropole sur le cofinancement"), text);
        assertEquals(12, Sql.count(ds, "SELECT COUNT(*) FROM agreement_template WHERE number = 1"),
                "three kinds in two languages for each of the two associations");
        HttpResponse<String> blocked = api.call(ADVISOR, "POST", "/allocations/contracts/" + toSign, null);
        assertEquals(409, blocked.statusCode(), blocked.body());
        assertEquals("AGREEMENT_UNSIGNED", Api.json(blocked).getString("error"));
    }

    @Test
    void theAgreementEndpointsAreInTheOpenApiDocument() throws Exception {
        String doc = api.openApi();
        for (String path : List.of("/agreements/{id}/signed-copy", "/agreements/{id}/sign", "/agreements/{id}/refuse",
                "/agreements/{id}/pdf", "/agreement-templates/preview", "/agreement-templates/history")) {
            assertTrue(doc.contains(path), path + " in " + doc.length() + " characters");
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private void assertUnsignedBlocksTheContract(DataSource ds, Approved file) throws Exception {
        TableHashes before = TableHashes.of(ds);
        HttpResponse<String> blocked = api.call(ADVISOR, "POST", "/allocations/contracts/" + file.app, null);
        assertEquals(409, blocked.statusCode(), blocked.body());
        assertEquals("AGREEMENT_UNSIGNED", Api.json(blocked).getString("error"), blocked.body());
        assertTrue(Api.json(blocked).getString("message").contains("signée"), blocked.body());
        assertEquals("APPROVED", Sql.string(ds, "SELECT status FROM application WHERE id = ?", file.app));
        assertEquals(List.of(), before.differences(TableHashes.of(ds), VOLATILE));
    }

    private static String template(String association, String kind, String language, String body) {
        return "{\"association\":\"" + association + "\",\"kind\":\"" + kind + "\",\"language\":\"" + language
                + "\",\"body\":\"" + body + "\"}";
    }

    private static HttpResponse<String> ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return r;
    }

    private List<JsonObject> agreements(String user, long app) throws Exception {
        return Api.array(ok(api.call(user, "GET", "/agreements?application=" + app, null))).getValuesAs(JsonObject.class);
    }

    private byte[] pdf(String user, JsonObject agreement) throws Exception {
        HttpResponse<byte[]> r = Api.sendForBytes(api.request(user, "/agreements/" + agreement.getJsonNumber("id") + "/pdf")
                .GET().build());
        assertEquals(200, r.statusCode());
        assertEquals("application/pdf", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        return r.body();
    }

    private record Approved(long app, String reference, long loanLine, long grantLine) {
    }

    /**
     * A fresh file of porteur@ approved with an 8,000.00 honour loan (with a condition of its own) and a
     * 3,000.00 grant by the four members at a new session, which the chair then closes.
     */
    private Approved approvedFile(String title) throws Exception {
        Filing.Sitting s = Filing.sitting(api, title);
        long app = s.app();
        HttpResponse<String> decided = Filing.decide(api, s, "\"outcome\":\"APPROVED\",\"lines\":[{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"8000.00\","
                        + "\"durationMonths\":60},{\"instrument\":\"GRANT\",\"amount\":\"3000.00\"}],\"reasons\":\"Subvention ajoutée en séance\",\"conditionItems\":[{\"kind\":\"DOCUMENT\","
                        + "\"text\":\"Attestation d'assurance\",\"dueDate\":\"" + today().plusDays(20) + "\",\"lineNo\":0}]");
        assertEquals(200, decided.statusCode(), decided.body());
        assertEquals(200, api.call(CHAIR, "POST", "/sessions/" + s.session() + "/close", null).statusCode());
        long loanLine = Sql.count(Sql.ds(), "SELECT g.id FROM granted_line g JOIN decision d ON d.id = g.decision_id"
                + " WHERE d.application_id = ? AND d.outcome = 'APPROVED' AND g.line_no = 0", app);
        long grantLine = Sql.count(Sql.ds(), "SELECT g.id FROM granted_line g JOIN decision d ON d.id = g.decision_id"
                + " WHERE d.application_id = ? AND d.outcome = 'APPROVED' AND g.line_no = 1", app);
        return new Approved(app, Sql.string(Sql.ds(), "SELECT reference FROM application WHERE id = ?", app), loanLine, grantLine);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }
}
