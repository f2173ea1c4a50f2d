package fr.essor.web.it;

import static fr.essor.web.it.Fixtures.ADMIN;
import static fr.essor.web.it.Fixtures.ADVISOR;
import static fr.essor.web.it.Fixtures.PARTNER_BDT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.service.account.AccountService;
import fr.essor.service.account.AccountView;
import fr.essor.service.audit.AuditChainVerifier;
import fr.essor.service.audit.ChainCheck;
import fr.essor.service.privacy.RetentionCase;
import fr.essor.service.privacy.RetentionRun;
import fr.essor.service.privacy.RetentionService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 16, personal data: the retention rules (set by the national administrator, listed in the
 * register of processing and its PDF), the nightly job applied on a clock moved forward (each rule,
 * a held case kept), and a person's erasure: at once where no retention duty applies (their name,
 * e-mail and document found nowhere in the database, every text column searched, while the
 * indicators and the partners' figures are unchanged and the audit chain verifies), scheduled where
 * a financed file must be kept. Runs inside the server: the job is called with a later date, and the
 * database is read with JDBC. The tests run in order: the later ones move the clock years on, which
 * anonymises the demo's files.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersonalDataIT extends ContainerTestBase {

    private static final String PASSWORD = "Solide-et-long-42";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @EJB
    private AccountService accounts;

    @EJB
    private RetentionService retention;

    @EJB
    private AuditChainVerifier chain;

    @Resource(lookup = "java:app/jdbc/essor")
    private DataSource dataSource;

    @Deployment
    static WebArchive deployment() {
        return Deployments.builtWarWith(PersonalDataIT.class);
    }

    // ---- rules and register -------------------------------------------------------------------

    @Test
    @Order(1)
    void theRulesHaveTheIssueDefaultsTheNationalAdministratorChangesThemAndTheRegisterPdfFollows() throws Exception {
        HttpResponse<String> rules = api.call(ADMIN, "GET", "/admin/retention/rules", null);
        assertEquals(200, rules.statusCode(), rules.body());
        JsonArray list = Api.array(rules.body());
        assertEquals(5, list.size(), rules.body());
        assertEquals("{DRAFT=12, CLOSED_FILE=36, INACTIVE_ACCOUNT=36, FINANCED_FILE=120, AUDIT_TRAIL=null}", periods(list));

        HttpResponse<String> set = api.call(ADMIN, "PUT", "/admin/retention/rules/DRAFT", "{\"months\":18}");
        assertEquals(200, set.statusCode(), set.body());
        assertEquals(18, Api.json(set).getInt("months"));
        HttpResponse<String> zero = api.call(ADMIN, "PUT", "/admin/retention/rules/DRAFT", "{\"months\":0}");
        assertEquals(400, zero.statusCode(), zero.body());
        assertEquals("months", Api.json(zero).getString("field"));
        HttpResponse<String> audit = api.call(ADMIN, "PUT", "/admin/retention/rules/AUDIT_TRAIL", "{\"months\":12}");
        assertEquals(400, audit.statusCode(), audit.body());
        assertEquals(403, api.call(ADVISOR, "PUT", "/admin/retention/rules/DRAFT", "{\"months\":6}").statusCode());
        assertEquals(18L, Sql.count(dataSource, "SELECT months FROM retention_rule WHERE data_kind = 'DRAFT'"),
                "the refused changes stored nothing");

        HttpResponse<String> register = api.call(ADMIN, "GET", "/admin/register", null);
        assertEquals(200, register.statusCode(), register.body());
        assertTrue(register.body().contains("18 mois"), register.body());
        HttpResponse<byte[]> pdf = api.bytes(ADMIN, "/admin/register/pdf");
        assertEquals(200, pdf.statusCode());
        String text = Pdfs.text(pdf.body()).replaceAll("\\s+", " ");
        assertTrue(text.contains("Registre des activités de traitement"), text);
        assertTrue(text.contains("Instruction des demandes de financement"), text);
        assertTrue(text.contains("supprimés 18 mois après leur dernière modification"), text);
        assertTrue(text.contains("anonymisés 36 mois"), text);
        assertTrue(text.contains("120 mois après le dernier remboursement"), text);
        assertTrue(text.contains("Les partenaires financeurs ne reçoivent aucune donnée personnelle"), text);
        assertTrue(text.contains("journal d'audit : conservé"), text);
        assertEquals(403, api.bytes(PARTNER_BDT, "/admin/register/pdf").statusCode());
        assertEquals(403, api.call(PARTNER_BDT, "GET", "/admin/register", null).statusCode());

        assertEquals(200, api.call(ADMIN, "PUT", "/admin/retention/rules/DRAFT", "{\"months\":12}").statusCode());
    }

    @Test
    @Order(1)
    void partnersSeeNoPersonalDataOfEntrepreneurs() throws Exception {
        List<String> people = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT u.email, u.display_name"
                + " FROM user_account u JOIN account_role r ON r.account_id = u.id WHERE r.role = 'ENTREPRENEUR'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                people.add(rs.getString(1));
                people.add(rs.getString(2));
            }
        }
        assertTrue(people.contains("Pauline Porteuse"), "the demo's entrepreneurs are listed");
        int read = 0;
        for (String partner : List.of(PARTNER_BDT, Fixtures.PARTNER_REGION)) {
            HttpResponse<String> list = api.call(partner, "GET", "/conventions", null);
            assertEquals(200, list.statusCode(), list.body());
            List<String> bodies = new ArrayList<>(List.of(list.body()));
            JsonArray conventions = Api.array(list.body());
            for (int i = 0; i < conventions.size(); i++) {
                long id = conventions.getJsonObject(i).getJsonNumber("id").longValue();
                for (String sub : List.of("", "/allocations", "/funded", "/breakdowns/DEPARTMENT", "/breakdowns/LEGAL_FORM",
                        "/breakdowns/STAGE", "/consumption")) {
                    HttpResponse<String> r = api.call(partner, "GET", "/conventions/" + id + sub, null);
                    assertEquals(200, r.statusCode(), sub + " " + r.body());
                    bodies.add(r.body());
                }
            }
            for (String body : bodies) {
                read++;
                for (String person : people) {
                    assertFalse(body.contains(person), partner + " sees " + person);
                }
            }
        }
        assertTrue(read > 10, "the partners' views were read: " + read);
    }

    // ---- erasure --------------------------------------------------------------------------------

    @Test
    @Order(2)
    void anEntrepreneurWithoutFinancedFileIsErasedAtOnceAndFoundNowhereWhileTheFiguresStay() throws Exception {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String email = "effacement-" + tag + "@test.essor";
        String name = "Zoé Quintessence" + tag;
        String marker = "CONTENU-SECRET-" + tag;
        AccountView account = accounts.register(email, name, PASSWORD, Locale.FRENCH);
        long enterprise = enterprise(account.id(), "Atelier Quintessence " + tag, "45");
        HttpResponse<String> created = as(email, "POST", "/applications",
                "{\"enterpriseId\":" + enterprise + ",\"title\":\"Projet de " + name + "\",\"stage\":\"CREATION\"}");
        assertEquals(201, created.statusCode(), created.body());
        long app = Api.json(created).getJsonNumber("id").longValue();
        HttpResponse<String> put = as(email, "PUT", "/applications/" + app, "{\"version\":" + Api.json(created).getJsonNumber("version")
                + "," + Fixtures.COMPLETE.replace("Une recyclerie", "La recyclerie de " + name) + "}");
        assertEquals(200, put.statusCode(), put.body());
        byte[] document = (new String(Fixtures.PDF, StandardCharsets.US_ASCII) + "%" + marker + "\n").getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> doc = api.password(PASSWORD).upload(email, "/applications/" + app + "/documents?kind=BUSINESS_PLAN",
                "plan-" + tag + ".pdf", document);
        assertEquals(201, doc.statusCode(), doc.body());
        HttpResponse<String> submitted = as(email, "POST", "/applications/" + app + "/submit", null);
        assertEquals(200, submitted.statusCode(), submitted.body());
        HttpResponse<String> review = api.call(ADVISOR, "POST", "/applications/" + app + "/review?version="
                + Api.json(submitted).getJsonNumber("version"), null);
        assertEquals(200, review.statusCode(), review.body());
        HttpResponse<String> question = api.call(ADVISOR, "POST", "/applications/" + app + "/information-requests?version="
                + Api.json(review).getJsonNumber("version"), "{\"question\":\"Bonjour " + name + ", votre bilan ?\"}");
        assertEquals(200, question.statusCode(), question.body());
        HttpResponse<String> answer = as(email, "POST", "/applications/" + app + "/answer?version="
                + Api.json(question).getJsonNumber("version"), "{\"answer\":\"Voici, signé " + name + " (" + email + ")\"}");
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(nowhere(List.of(name, email, marker)).size() > 3, "the person is in the database before the erasure");

        int year = LocalDate.now(PARIS).getYear();
        List<String> figures = figures(year);

        HttpResponse<String> erased = as(email, "POST", "/me/erasure", null);
        assertEquals(200, erased.statusCode(), erased.body());
        JsonObject request = Api.json(erased);
        assertEquals("ERASED", request.getString("status"), erased.body());
        assertEquals(LocalDate.now(PARIS).toString(), request.getString("eraseOn"));
        assertEquals(LocalDate.now(PARIS).plusMonths(1).toString(), request.getString("answerDueOn"));

        assertEquals(List.of(), nowhere(List.of(name, email, marker, "Quintessence " + tag, "plan-" + tag)),
                "the person's name, e-mail, enterprise and document are found nowhere");
        assertEquals(0, Sql.count(dataSource, "SELECT COUNT(*) FROM application_document WHERE application_id = ?", app));
        assertEquals(0, Sql.count(dataSource, "SELECT COUNT(*) FROM application_message WHERE application_id = ?", app));
        assertEquals("—", Sql.string(dataSource, "SELECT title FROM application WHERE id = ?", app));
        assertEquals(Sql.string(dataSource, "SELECT siret FROM enterprise WHERE id = ?", enterprise),
                Sql.string(dataSource, "SELECT MIN(term) FROM enterprise_search_term WHERE enterprise_id = ?", enterprise),
                "the queue's search finds the enterprise by its placeholder SIRET only");
        assertEquals(1, Sql.count(dataSource, "SELECT COUNT(*) FROM enterprise_search_term WHERE enterprise_id = ?", enterprise));
        assertEquals("45", Sql.string(dataSource, "SELECT department FROM enterprise WHERE id = ?", enterprise), "the département stays");
        assertEquals("8000.00", Sql.string(dataSource, "SELECT amount FROM application_line WHERE application_id = ?", app),
                "the amounts stay");
        assertEquals(figures, figures(year), "the year's indicators and the partners' figures are unchanged");
        ChainCheck check = chain.verify();
        assertTrue(check.intact(), "the audit chain verifies: " + check);
        assertEquals(401, as(email, "GET", "/me", null).statusCode(), "the account is closed");

        HttpResponse<String> list = api.call(ADMIN, "GET", "/admin/erasure-requests", null);
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("\"id\":" + request.getInt("id")), list.body());
        assertFalse(list.body().contains(email), "the list names no one");
    }

    @Test
    @Order(4)
    void anEntrepreneurWithAFinancedFileIsClosedAtOnceAndErasedLaterOnTheDayHeIsTold() throws Exception {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String email = "finance-" + tag + "@test.essor";
        String name = "Fanny Financée" + tag;
        long account = accounts.register(email, name, PASSWORD, Locale.FRENCH).id();
        long enterprise = enterprise(account, "Financée " + tag, "41");
        LocalDate today = LocalDate.now(PARIS);
        financedFile(enterprise, "TEST-" + today.getYear() + "-" + (90000 + ThreadLocalRandom.current().nextInt(9999)), today, 60);
        HttpResponse<String> asked = as(email, "POST", "/me/erasure", null);
        assertEquals(200, asked.statusCode(), asked.body());
        JsonObject request = Api.json(asked);
        assertEquals("SCHEDULED", request.getString("status"));
        LocalDate eraseOn = LocalDate.parse(request.getString("eraseOn"));
        assertEquals(today.plusMonths(60).plusMonths(120), eraseOn, "ten years after the end of the loan");
        assertEquals(1, Sql.count(dataSource, "SELECT COUNT(*) FROM outbox_message WHERE recipient = ? AND kind = 'ERASURE_SCHEDULED'",
                email), "he is told by mail");
        String body = Sql.string(dataSource, "SELECT body FROM outbox_message WHERE recipient = ? AND kind = 'ERASURE_SCHEDULED'", email);
        assertTrue(body.contains(String.valueOf(eraseOn.getYear())), body);
        assertEquals(401, as(email, "GET", "/me", null).statusCode(), "the account is closed at once");
        assertEquals(email, Sql.string(dataSource, "SELECT email FROM user_account WHERE id = ?", account), "not erased yet");

        HttpResponse<String> list = api.call(ADMIN, "GET", "/admin/erasure-requests?status=SCHEDULED&unanswered=true", null);
        assertEquals(200, list.statusCode(), list.body());
        JsonObject first = Api.json(list).getJsonArray("items").getJsonObject(0);
        assertEquals(request.getInt("id"), first.getInt("id"));
        assertEquals(today.plusMonths(1).toString(), first.getString("answerDueOn"), "a month to answer");
        HttpResponse<String> ack = api.call(ADMIN, "POST", "/admin/erasure-requests/" + first.getInt("id") + "/acknowledge", null);
        assertEquals(200, ack.statusCode(), ack.body());
        assertFalse(Api.json(ack).isNull("handledAt"));
        assertEquals(400, api.call(ADMIN, "POST", "/admin/erasure-requests/" + first.getInt("id") + "/acknowledge", null).statusCode());

        RetentionRun early = retention.apply(eraseOn.minusDays(1));
        assertEquals(0, early.erasureRequestsCarriedOut(), early.toString());
        assertEquals(email, Sql.string(dataSource, "SELECT email FROM user_account WHERE id = ?", account));
        RetentionRun due = retention.apply(eraseOn);
        assertEquals(1, due.erasureRequestsCarriedOut(), due.toString());
        assertEquals("erased-" + account + "@erased.invalid", Sql.string(dataSource, "SELECT email FROM user_account WHERE id = ?", account));
        assertEquals("ERASED", Sql.string(dataSource, "SELECT status FROM erasure_request WHERE id = ?", request.getInt("id")));
        assertEquals(List.of(), nowhere(List.of(email, name, "Financée " + tag)));
        assertTrue(chain.verify().intact());
    }

    /**
     * Issue 13's records are personal data too: a financed file's conditions, agreements and follow-up are in
     * its owner's export (each generated agreement a PDF of the archive, byte for byte), and when his erasure
     * falls due their texts, the generated PDFs and his address as the one who answered go, while the
     * statuses and the figures the indicators read stay.
     */
    @Test
    @Order(5)
    void theConditionsAgreementsAndFollowUpOfAFinancedFileAreInItsOwnersExportAndGoWithHisErasure() throws Exception {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String email = "suivi-" + tag + "@test.essor";
        String name = "Suzanne Suivie" + tag;
        long account = accounts.register(email, name, PASSWORD, Locale.FRENCH).id();
        long enterprise = enterprise(account, "Suivie " + tag, "37");
        LocalDate today = LocalDate.now(PARIS);
        String reference = "TEST-" + today.getYear() + "-" + (80000 + ThreadLocalRandom.current().nextInt(9999));
        financedFile(enterprise, reference, today, 60);
        long app = Sql.count(dataSource, "SELECT id FROM application WHERE reference = ?", reference);
        long decision = Sql.count(dataSource, "SELECT id FROM decision WHERE application_id = ?", app);
        long line = Sql.count(dataSource, "SELECT id FROM granted_line WHERE decision_id = ?", decision);
        long association = Sql.count(dataSource, "SELECT association_id FROM enterprise WHERE id = ?", enterprise);
        Timestamp now = Timestamp.valueOf(today.atTime(11, 0));
        // set-up in SQL, as financedFile: a lifted condition, a signed agreement, a follow-up answered by him
        Sql.update(dataSource, "INSERT INTO decision_condition (version, decision_id, granted_line_id, kind, text, lifted_by_role,"
                + " due_date, status, comment_text, decided_by, decided_at, created_by, created_at) VALUES (0, ?, ?, 'DOCUMENT', ?,"
                + " 'ADVISOR', ?, 'LIFTED', ?, 'conseil@demo.essor', ?, 'comite@demo.essor', ?)", decision, line,
                "Attestation bancaire de " + name, Date.valueOf(today.plusDays(30)), "Reçue de " + name, now, now);
        int number = 900 + ThreadLocalRandom.current().nextInt(9000);
        Sql.update(dataSource, "INSERT INTO agreement_template (association_id, kind, language, number, body, created_by, created_at)"
                + " VALUES (?, 'LOAN', 'fr', ?, 'Convention de {{enterprise.name}}', 'admin@demo.essor', ?)", association, number, now);
        long template = Sql.count(dataSource, "SELECT id FROM agreement_template WHERE association_id = ? AND kind = 'LOAN'"
                + " AND language = 'fr' AND number = ?", association, number);
        byte[] pdf = ("%PDF-1.4\nConvention de prêt d'honneur de " + name + "\n%%EOF").getBytes(StandardCharsets.ISO_8859_1);
        Sql.update(dataSource, "INSERT INTO agreement (version, application_id, granted_line_id, kind, template_id, template_number,"
                + " language, status, sha256, generated_by, generated_at, comment_text, decided_by, decided_at) VALUES (0, ?, ?, 'LOAN',"
                + " ?, ?, 'fr', 'SIGNED', ?, 'conseil@demo.essor', ?, ?, 'conseil@demo.essor', ?)", app, line, template, number,
                "ab".repeat(32), now, "Signée par " + name, now);
        long agreement = Sql.count(dataSource, "SELECT id FROM agreement WHERE application_id = ?", app);
        Sql.update(dataSource, "INSERT INTO agreement_content (agreement_id, content) VALUES (?, ?)", agreement, pdf);
        Sql.update(dataSource, "INSERT INTO follow_up (version, application_id, association_id, funded_on, declared_jobs, latest_jobs,"
                + " latest_turnover, last_answered_on, created_at) VALUES (0, ?, ?, ?, 2.00, 3.00, 120000.00, ?, ?)", app, association,
                Date.valueOf(today), Date.valueOf(today), now);
        long followUp = Sql.count(dataSource, "SELECT id FROM follow_up WHERE application_id = ?", app);
        Sql.update(dataSource, "INSERT INTO follow_up_milestone (follow_up_id, seq, months_after, due_date, status, still_active, jobs,"
                + " turnover, difficulties, channel, answered_by, answered_at) VALUES (?, 1, 6, ?, 'ANSWERED', TRUE, 3.00, 120000.00, ?,"
                + " 'ONLINE', ?, ?)", followUp, Date.valueOf(today), "Trésorerie tendue, dit " + name, email, now);

        HttpResponse<byte[]> export = api.password(PASSWORD).bytes(email, "/me/export");
        assertEquals(200, export.statusCode());
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(export.body()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        JsonObject data = Json.createReader(new ByteArrayInputStream(entries.get("essor-data.json"))).readObject();
        JsonObject file = data.getJsonArray("enterprises").getJsonObject(0).getJsonArray("applications").getJsonObject(0);
        assertEquals(reference, file.getString("reference"));
        JsonObject condition = file.getJsonArray("conditions").getJsonObject(0);
        assertEquals("Attestation bancaire de " + name, condition.getString("text"));
        assertEquals("LIFTED", condition.getString("status"));
        JsonObject signed = file.getJsonArray("agreements").getJsonObject(0);
        assertEquals("SIGNED", signed.getString("status"));
        assertEquals(number, signed.getInt("templateVersion"));
        assertArrayEquals(pdf, entries.get(signed.getString("file")), "the generated agreement, byte for byte: " + entries.keySet());
        JsonObject milestone = file.getJsonObject("followUp").getJsonArray("milestones").getJsonObject(0);
        assertEquals(email, milestone.getString("answeredBy"), "answered by him: his address");
        assertEquals(0, new BigDecimal("3.00").compareTo(milestone.getJsonNumber("jobs").bigDecimalValue()));
        assertTrue(milestone.getString("difficulties").endsWith(name));

        HttpResponse<String> asked = as(email, "POST", "/me/erasure", null);
        assertEquals(200, asked.statusCode(), asked.body());
        assertEquals("SCHEDULED", Api.json(asked).getString("status"), "a financed file is kept until its term");
        RetentionRun due = retention.apply(LocalDate.parse(Api.json(asked).getString("eraseOn")));
        assertTrue(due.erasureRequestsCarriedOut() >= 1, due.toString());
        assertEquals(List.of(), nowhere(List.of(email, name, "Suivie " + tag)));
        assertEquals(0, Sql.count(dataSource, "SELECT COUNT(*) FROM agreement_content WHERE agreement_id = ?", agreement),
                "the generated PDF is gone");
        assertEquals("SIGNED", Sql.string(dataSource, "SELECT status FROM agreement WHERE id = ?", agreement));
        assertEquals("LIFTED", Sql.string(dataSource, "SELECT status FROM decision_condition WHERE decision_id = ?", decision));
        assertEquals(1, Sql.count(dataSource, "SELECT COUNT(*) FROM follow_up_milestone WHERE follow_up_id = ? AND still_active = TRUE"
                + " AND jobs = 3.00 AND turnover = 120000.00 AND difficulties IS NULL", followUp), "the figures stay, the words go");
        assertTrue(chain.verify().intact());
    }

    // ---- the nightly job on a clock moved forward ---------------------------------------------

    @Test
    @Order(3)
    void eachRuleIsAppliedOnAClockMovedForwardAHeldCaseIsKeptAndThePastYearsIndicatorsStay() throws Exception {
        List<String> figures2021 = figures(2021);
        LocalDate today = LocalDate.now(PARIS);
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String email = "brouillon-" + tag + "@test.essor";
        AccountView owner = accounts.register(email, "Brice Brouillon", PASSWORD, Locale.FRENCH);
        long enterprise = enterprise(owner.id(), "Brouillons " + tag, "37");
        long draft = draft(email, enterprise, "Brouillon oublié");
        long heldDraft = draft(email, enterprise, "Brouillon en litige");
        HttpResponse<String> hold = api.call(ADMIN, "POST", "/admin/retention/holds",
                "{\"entityType\":\"Application\",\"entityId\":" + heldDraft + ",\"reason\":\"Litige en cours\"}");
        assertEquals(201, hold.statusCode(), hold.body());
        assertEquals(409, api.call(ADMIN, "POST", "/admin/retention/holds",
                "{\"entityType\":\"Application\",\"entityId\":" + heldDraft + ",\"reason\":\"Encore\"}").statusCode());
        String idle = "inactif-" + tag + "@test.essor";
        long idleAccount = accounts.register(idle, "Inès Inactive", PASSWORD, Locale.FRENCH).id();
        long rejected = Sql.count(dataSource, "SELECT id FROM application WHERE status = 'REJECTED'"
                + " ORDER BY COALESCE(decided_at, created_at) DESC, id DESC");

        // a week's notice: the draft due in twelve months is listed seven days before, not done
        LocalDate draftDue = today.plusMonths(12);
        List<RetentionCase> notice = retention.preview(draftDue.minusDays(7));
        assertTrue(notice.stream().anyMatch(c -> c.entityId() == draft && c.kind().name().equals("DRAFT") && !c.held()
                && c.dueOn().equals(draftDue)), "draft " + draft + " due " + draftDue + ": "
                + notice.stream().filter(c -> !c.kind().name().equals("CLOSED_FILE")).toList());
        assertTrue(notice.stream().anyMatch(c -> c.entityId() == heldDraft && c.held() && "Litige en cours".equals(c.holdReason())));
        assertTrue(retention.preview(draftDue.minusDays(8)).stream().noneMatch(c -> c.entityId() == draft), "not eight days before");
        retention.apply(draftDue.minusDays(1));
        assertEquals(1, Sql.count(dataSource, "SELECT COUNT(*) FROM application WHERE id = ?", draft));

        RetentionRun drafts = retention.apply(draftDue);
        assertTrue(drafts.draftsDeleted() >= 1, drafts.toString());
        assertEquals(0, Sql.count(dataSource, "SELECT COUNT(*) FROM application WHERE id = ?", draft), "the draft is deleted");
        assertEquals(1, Sql.count(dataSource, "SELECT COUNT(*) FROM application WHERE id = ?", heldDraft), "the held draft is kept");
        assertNull(Sql.string(dataSource, "SELECT anonymised_at FROM application WHERE id = ?", rejected), "not yet three years");

        // three years on: the refused file is anonymised, the idle account erased; the held draft's owner is held with it
        RetentionRun closed = retention.apply(today.plusMonths(36).plusDays(1));
        assertTrue(closed.closedFilesAnonymised() >= 1, closed.toString());
        assertNotNull(Sql.string(dataSource, "SELECT anonymised_at FROM application WHERE id = ?", rejected));
        assertEquals("—", Sql.string(dataSource, "SELECT title FROM application WHERE id = ?", rejected));
        assertEquals(0, Sql.count(dataSource, "SELECT COUNT(*) FROM application_message WHERE application_id = ?", rejected));
        assertEquals("erased-" + idleAccount + "@erased.invalid", Sql.string(dataSource, "SELECT email FROM user_account WHERE id = ?",
                idleAccount), "the idle account is erased");
        assertEquals(email, Sql.string(dataSource, "SELECT email FROM user_account WHERE id = ?", owner.id()),
                "the owner of a held file is held too");
        assertEquals(1, Sql.count(dataSource, "SELECT COUNT(*) FROM application WHERE id = ?", heldDraft));

        // twenty years on: every financed file's documents and personal content are gone; the figures of 2021 stay
        long financed = Sql.count(dataSource, "SELECT MIN(a.id) FROM application a JOIN decision d ON d.application_id = a.id"
                + " WHERE d.outcome = 'APPROVED' AND a.anonymised_at IS NULL");
        assertTrue(financed > 0);
        RetentionRun late = retention.apply(today.plusYears(20));
        assertTrue(late.financedFilesAnonymised() >= 1, late.toString());
        assertNotNull(Sql.string(dataSource, "SELECT anonymised_at FROM application WHERE id = ?", financed));
        assertEquals(0, Sql.count(dataSource, "SELECT COUNT(*) FROM application a JOIN decision d ON d.application_id = a.id"
                + " WHERE d.outcome = 'APPROVED' AND a.anonymised_at IS NULL"));
        assertEquals(0, Sql.count(dataSource, "SELECT COUNT(*) FROM application_document d JOIN application a ON a.id = d.application_id"
                + " WHERE a.anonymised_at IS NOT NULL"));
        assertEquals(figures2021, figures(2021), "a past year's indicators are the same after anonymisation");
        assertEquals(1, Sql.count(dataSource, "SELECT COUNT(*) FROM application WHERE id = ?", heldDraft), "still held");

        HttpResponse<String> released = api.call(ADMIN, "DELETE", "/admin/retention/holds/" + Api.json(hold).getJsonNumber("id"), null);
        assertEquals(204, released.statusCode(), released.body());
        retention.apply(today.plusYears(20));
        assertEquals(0, Sql.count(dataSource, "SELECT COUNT(*) FROM application WHERE id = ?", heldDraft), "once released, deleted");
        assertTrue(chain.verify().intact(), "the audit chain verifies after all of it");
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static String periods(JsonArray rules) {
        StringBuilder sb = new StringBuilder("{");
        for (String kind : List.of("DRAFT", "CLOSED_FILE", "INACTIVE_ACCOUNT", "FINANCED_FILE", "AUDIT_TRAIL")) {
            for (int i = 0; i < rules.size(); i++) {
                JsonObject r = rules.getJsonObject(i);
                if (r.getString("kind").equals(kind)) {
                    sb.append(sb.length() > 1 ? ", " : "").append(kind).append('=')
                            .append(!r.containsKey("months") || r.isNull("months") ? "null" : String.valueOf(r.getInt("months")));
                }
            }
        }
        return sb.append('}').toString();
    }

    /** The network's indicators of the year and what the demo partner sees of its conventions. */
    private List<String> figures(int year) throws Exception {
        List<String> figures = new ArrayList<>();
        for (String path : List.of("/indicators?association=CVL&year=" + year, "/indicators?year=" + year)) {
            HttpResponse<String> r = api.call(ADMIN, "GET", path, null);
            assertEquals(200, r.statusCode(), r.body());
            figures.add(r.body());
        }
        HttpResponse<String> conventions = api.call(PARTNER_BDT, "GET", "/conventions", null);
        assertEquals(200, conventions.statusCode(), conventions.body());
        figures.add(conventions.body());
        JsonObject first = Api.array(conventions.body()).getJsonObject(0);
        for (String dimension : List.of("DEPARTMENT", "LEGAL_FORM")) {
            HttpResponse<String> b = api.call(PARTNER_BDT, "GET", "/conventions/" + first.getJsonNumber("id") + "/breakdowns/" + dimension, null);
            assertEquals(200, b.statusCode(), b.body());
            figures.add(b.body());
        }
        return figures;
    }

    private HttpResponse<String> as(String email, String method, String path, String json) throws Exception {
        return api.password(PASSWORD).call(email, method, path, json);
    }

    /** A file financed on {@code on} with one honour loan of {@code months} months (set-up: no API decides without a committee). */
    private void financedFile(long enterprise, String reference, LocalDate on, int months) throws Exception {
        Timestamp now = Timestamp.valueOf(on.atTime(10, 0));
        Sql.update(dataSource, "INSERT INTO application (reference, enterprise_id, title, stage, status, created_at, submitted_at, decided_at)"
                + " VALUES (?, ?, 'Projet financé', 'CREATION', 'APPROVED', ?, ?, ?)", reference, enterprise, now, now, now);
        long app = Sql.count(dataSource, "SELECT id FROM application WHERE reference = ?", reference);
        Sql.update(dataSource, "INSERT INTO application_line (application_id, line_no, instrument, amount, duration_months)"
                + " VALUES (?, 1, 'HONOUR_LOAN', 5000.00, ?)", app, months);
        Sql.update(dataSource, "INSERT INTO decision (application_id, outcome, decision_date, decided_at, decided_by)"
                + " VALUES (?, 'APPROVED', ?, ?, 'comite@demo.essor')", app, Date.valueOf(on), now);
        long decision = Sql.count(dataSource, "SELECT id FROM decision WHERE application_id = ?", app);
        Sql.update(dataSource, "INSERT INTO granted_line (decision_id, line_no, instrument, amount, duration_months)"
                + " VALUES (?, 1, 'HONOUR_LOAN', 5000.00, ?)", decision, months);
    }

    private long draft(String email, long enterprise, String title) throws Exception {
        HttpResponse<String> created = as(email, "POST", "/applications",
                "{\"enterpriseId\":" + enterprise + ",\"title\":\"" + title + "\",\"stage\":\"CREATION\"}");
        assertEquals(201, created.statusCode(), created.body());
        return Api.json(created).getJsonNumber("id").longValue();
    }

    /** An enterprise of the person in the demo association (the test's own set-up: there is no API to create one). */
    private long enterprise(long accountId, String legalName, String department) throws Exception {
        String siret = Fixtures.siret('8');
        long association = Sql.count(dataSource, "SELECT id FROM association WHERE code = 'CVL'");
        Sql.update(dataSource, "INSERT INTO enterprise (legal_name, siret, legal_form, esus_approved, address_line, postal_code, city,"
                + " department, sector, association_id) VALUES (?, ?, 'SCOP', FALSE, '12 rue des Lilas', '45000', 'Orléans', ?,"
                + " 'Réemploi', ?)", legalName, siret, department, association);
        long id = Sql.count(dataSource, "SELECT id FROM enterprise WHERE siret = ?", siret);
        Sql.update(dataSource, "INSERT INTO enterprise_owner (enterprise_id, account_id) VALUES (?, ?)", id, accountId);
        return id;
    }

    /**
     * Where any of the texts still is: "table.column" for every text column of every table holding
     * one of them (case-insensitively), and "table.column (bytes)" for binary columns whose content
     * holds one. Flyway's own history is left out.
     */
    private List<String> nowhere(List<String> texts) throws Exception {
        Set<Integer> textTypes = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB, Types.NCHAR, Types.NVARCHAR,
                Types.LONGNVARCHAR, Types.NCLOB);
        Set<Integer> binaryTypes = Set.of(Types.BLOB, Types.LONGVARBINARY, Types.VARBINARY, Types.BINARY);
        List<String> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(c.getCatalog(), c.getSchema(), "%", "%")) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME");
                    if (!table.toLowerCase(Locale.ROOT).startsWith("flyway")) {
                        columns.add(new String[] {table, rs.getString("COLUMN_NAME"), String.valueOf(rs.getInt("DATA_TYPE"))});
                    }
                }
            }
            assertTrue(columns.size() > 100, "the columns of every table were listed: " + columns.size());
            for (String[] col : columns) {
                int type = Integer.parseInt(col[2]);
                if (textTypes.contains(type)) {
                    for (String text : texts) {
                        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + col[0] + " WHERE LOWER(" + col[1]
                                + ") LIKE ?")) {
                            ps.setString(1, "%" + text.toLowerCase(Locale.ROOT) + "%");
                            try (ResultSet rs = ps.executeQuery()) {
                                rs.next();
                                if (rs.getLong(1) > 0) {
                                    found.add(col[0] + "." + col[1] + " holds " + text);
                                }
                            }
                        }
                    }
                } else if (binaryTypes.contains(type)) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT " + col[1] + " FROM " + col[0]);
                         ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            byte[] bytes = rs.getBytes(1);
                            String content = bytes == null ? "" : new String(bytes, StandardCharsets.ISO_8859_1);
                            for (String text : texts) {
                                if (content.contains(text)) {
                                    found.add(col[0] + "." + col[1] + " (bytes) holds " + text);
                                }
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
