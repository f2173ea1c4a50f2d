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
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, items 1 and 3, against the real database: the committee's conditions precedent (recorded
 * with the approval, provided by the entrepreneur, lifted or refused by the advisor, holding back the
 * money of their line), and four eyes on money (a movement above the association's threshold is a
 * proposal that only another person executes; two approvers at once, one wins). Every refusal is
 * re-read to prove that nothing stored changed. The tests run inside the server, to read the
 * database; they call the API and the pages over HTTP.
 */
class AfterDecisionIT extends OnTheBuiltWar {

    /** A second advisor of Centre-Val de Loire, made by the test (the demo has one). */
    private static final String SECOND = "conseil-second@test.essor";
    private static final Set<String> VOLATILE = Set.of("outbox_message", "audit_event", "audit_chain_head");

    AfterDecisionIT() {
        super(Duration.ofSeconds(60));
    }


    // ---- 1. conditions precedent ---------------------------------------------------------------------

    @Test
    void theCommitteeRecordsConditionsTheEntrepreneurProvidesAndTheAdvisorRefusesThenLifts() throws Exception {
        DataSource ds = Sql.ds();
        Approved file = approvedFile("Conditions à lever", "[" + condition("DOCUMENT", "Kbis de moins de trois mois", 30, null)
                + "," + condition("CO_FINANCING", "Accord de cofinancement de la région", 10, 0) + "]");
        assertEquals(2, Sql.count(ds, "SELECT COUNT(*) FROM decision_condition c JOIN decision d ON d.id = c.decision_id"
                + " WHERE d.application_id = ?", file.app));
        assertEquals(2, Sql.count(ds, "SELECT COUNT(*) FROM audit_event WHERE action = 'CONDITION_RECORDED' AND entity_id = ?",
                String.valueOf(file.app)));

        List<JsonObject> seen = conditions(PORTEUR, file.app);
        assertEquals(2, seen.size(), seen.toString());
        JsonObject cofinancing = seen.get(0);
        assertEquals("Accord de cofinancement de la région", cofinancing.getString("text"), "due first");
        assertEquals("OPEN", cofinancing.getString("status"));
        assertEquals("HONOUR_LOAN", cofinancing.getString("instrument"));
        assertEquals("ADVISOR", cofinancing.getString("liftedBy"), "an advisor lifts it unless the committee says otherwise");
        JsonObject kbis = seen.get(1);
        assertTrue(!kbis.containsKey("lineNo") || kbis.isNull("lineNo"), "attached to the whole decision: " + kbis);
        long kbisId = kbis.getJsonNumber("id").longValue();
        assertEquals(404, api.call(PORTEUR2, "GET", "/conditions?application=" + file.app, null).statusCode(),
                "another entrepreneur is told the file does not exist");

        // a file that is not a document is refused as every upload is, and nothing changes
        TableHashes before = TableHashes.of(ds);
        HttpResponse<String> notPdf = api.upload(PORTEUR, "/conditions/" + kbisId + "/document", "kbis.pdf",
                "MZ not a pdf at all".getBytes(StandardCharsets.US_ASCII));
        assertEquals(400, notPdf.statusCode(), notPdf.body());
        assertEquals(List.of(), before.differences(TableHashes.of(ds), VOLATILE));
        HttpResponse<String> byAdvisor = api.upload(ADVISOR, "/conditions/" + kbisId + "/document", "kbis.pdf", PDF);
        assertEquals(403, byAdvisor.statusCode(), byAdvisor.body());

        HttpResponse<String> provided = api.upload(PORTEUR, "/conditions/" + kbisId + "/document", "kbis.pdf", PDF);
        assertEquals(200, provided.statusCode(), provided.body());
        assertEquals("PROVIDED", Api.json(provided).getString("status"));
        long document = Api.json(provided).getJsonNumber("documentId").longValue();
        assertEquals(file.app, Sql.count(ds, "SELECT application_id FROM application_document WHERE id = ?", document));

        // refused without a comment: 400 on the field, nothing changes; with one, the entrepreneur may try again
        HttpResponse<String> noComment = api.call(ADVISOR, "POST", "/conditions/" + kbisId + "/refuse", "{\"comment\":\" \"}");
        assertEquals(400, noComment.statusCode(), noComment.body());
        assertEquals("comment", Api.json(noComment).getString("field"));
        assertEquals("PROVIDED", Sql.string(ds, "SELECT status FROM decision_condition WHERE id = ?", kbisId));
        HttpResponse<String> refused = api.call(ADVISOR, "POST", "/conditions/" + kbisId + "/refuse",
                "{\"comment\":\"Kbis de plus de trois mois\"}");
        assertEquals(200, refused.statusCode(), refused.body());
        assertEquals("REFUSED", Api.json(refused).getString("status"));
        assertEquals(200, api.upload(PORTEUR, "/conditions/" + kbisId + "/document", "kbis-2.pdf", PDF).statusCode());
        HttpResponse<String> lifted = api.call(ADVISOR, "POST", "/conditions/" + kbisId + "/lift", "{\"comment\":\"Conforme\"}");
        assertEquals(200, lifted.statusCode(), lifted.body());
        assertEquals("LIFTED", Api.json(lifted).getString("status"));
        assertEquals(ADVISOR, Sql.string(ds, "SELECT decided_by FROM decision_condition WHERE id = ?", kbisId));

        // lifted is final
        HttpResponse<String> again = api.call(ADVISOR, "POST", "/conditions/" + kbisId + "/refuse", "{\"comment\":\"non\"}");
        assertEquals(409, again.statusCode(), again.body());
        HttpResponse<String> reupload = api.upload(PORTEUR, "/conditions/" + kbisId + "/document", "kbis-3.pdf", PDF);
        assertEquals(409, reupload.statusCode(), reupload.body());
        assertEquals("LIFTED", Sql.string(ds, "SELECT status FROM decision_condition WHERE id = ?", kbisId));
        for (String action : List.of("CONDITION_PROVIDED", "CONDITION_REFUSED", "CONDITION_LIFTED")) {
            assertTrue(Sql.count(ds, "SELECT COUNT(*) FROM audit_event WHERE action = ? AND entity_id = ?", action,
                    String.valueOf(file.app)) >= 1, action + " in the audit trail");
        }

        // the pages: the entrepreneur's file and the advisor's show them
        String porteur = pages.login(PORTEUR);
        String page = pages.get(porteur, "/entrepreneur/file.xhtml?id=" + file.app).body();
        assertTrue(page.contains("id=\"conditions\"") && page.contains("Accord de cofinancement de la région"), page);
        String advisor = pages.login(ADVISOR);
        page = pages.get(advisor, "/advisor/file.xhtml?id=" + file.app).body();
        assertTrue(page.contains("Kbis de moins de trois mois") && page.contains("Levée"), page);
    }

    @Test
    void aConditionDueInThePastOrOfAnUnknownKindOrLineIsRefusedOnItsFieldAndNoDecisionIsRecorded() throws Exception {
        DataSource ds = Sql.ds();
        String[][] bad = {
            {"dueDate", condition("DOCUMENT", "Kbis", -1, null)},
            {"kind", "{\"kind\":\"PIZZA\",\"text\":\"Kbis\",\"dueDate\":\"" + today().plusDays(3) + "\"}"},
            {"kind", "{\"text\":\"Kbis\",\"dueDate\":\"" + today().plusDays(3) + "\"}"},
            {"line", condition("DOCUMENT", "Kbis", 3, 5)},
            {"text", "{\"kind\":\"OTHER\",\"text\":\"\",\"dueDate\":\"" + today().plusDays(3) + "\"}"}};
        Filing.Sitting s = Filing.sitting(api, "Conditions mal saisies");
        for (String[] b : bad) {
            long decisions = Sql.count(ds, "SELECT COUNT(*) FROM decision WHERE application_id = ?", s.app());
            HttpResponse<String> refused = Filing.approveHonourLoan(api, s, "[" + b[1] + "]");
            assertEquals(400, refused.statusCode(), b[1] + " -> " + refused.body());
            assertEquals(b[0], Api.json(refused).getString("field"), refused.body());
            assertEquals(decisions, Sql.count(ds, "SELECT COUNT(*) FROM decision WHERE application_id = ?", s.app()),
                    "no decision recorded");
            assertEquals("ON_AGENDA", Sql.string(ds, "SELECT status FROM application WHERE id = ?", s.app()));
        }
        assertEquals(0, Sql.count(ds, "SELECT COUNT(*) FROM decision_condition c JOIN decision d ON d.id = c.decision_id"
                + " WHERE d.application_id = ?", s.app()));
        assertEquals(200, Filing.approveHonourLoan(api, s, "[" + condition("DOCUMENT", "Kbis", 0, 0) + "]").statusCode(), "due today is accepted");
    }

    @Test
    void aDisbursementIsRefusedWhileAConditionOfItsLineIsOpenNamingItAndAllowedOnceAllAreLifted() throws Exception {
        DataSource ds = Sql.ds();
        Approved file = approvedFile("Versement sous conditions", "[" + condition("BANK_LOAN", "Prêt bancaire signé", 5, 0)
                + "," + condition("OTHER", "Assurance des locaux", 20, null) + "]");
        long allocation = Filing.allocate(api, Filing.activeConvention(api, "IT-AD-", "HONOUR_LOAN"), file.line, "8000.00");
        List<JsonObject> items = conditions(ADVISOR, file.app);

        TableHashes before = TableHashes.of(ds);
        HttpResponse<String> blocked = disburse(ADVISOR, allocation, "5000.00");
        assertEquals(409, blocked.statusCode(), blocked.body());
        assertEquals("CONDITION_OPEN", Api.json(blocked).getString("error"));
        assertTrue(Api.json(blocked).getString("message").contains("Prêt bancaire signé"), "names the condition: " + blocked.body());
        assertEquals(List.of(), before.differences(TableHashes.of(ds), VOLATILE), "a refused disbursement stores nothing");

        assertEquals(200, api.call(ADVISOR, "POST", "/conditions/" + items.get(0).getJsonNumber("id") + "/lift", "{}").statusCode());
        HttpResponse<String> stillBlocked = disburse(ADVISOR, allocation, "5000.00");
        assertEquals(409, stillBlocked.statusCode(), stillBlocked.body());
        assertTrue(Api.json(stillBlocked).getString("message").contains("Assurance des locaux"),
                "a condition of the whole decision holds back every line: " + stillBlocked.body());
        assertEquals(0, movements(ds, allocation, "DISBURSEMENT"));

        assertEquals(200, api.call(ADVISOR, "POST", "/conditions/" + items.get(1).getJsonNumber("id") + "/lift", "{}").statusCode());
        HttpResponse<String> paid = disburse(ADVISOR, allocation, "5000.00");
        assertEquals(201, paid.statusCode(), paid.body());
        assertEquals(1, movements(ds, allocation, "DISBURSEMENT"));
        assertEquals(0, new BigDecimal("5000.00").compareTo(Sql.decimal(ds, "SELECT disbursed FROM allocation WHERE id = ?",
                allocation)));
    }

    @Test
    void overdueConditionsShowInTheAdvisorsQueuePagedInSql() throws Exception {
        DataSource ds = Sql.ds();
        Approved file = approvedFile("Condition en retard", "[" + condition("DOCUMENT", "Statuts signés en retard", 3, null) + "]");
        long id = Sql.count(ds, "SELECT c.id FROM decision_condition c JOIN decision d ON d.id = c.decision_id"
                + " WHERE d.application_id = ?", file.app);
        // the due date passes (the clock of the database moved back by the test)
        Sql.update(ds, "UPDATE decision_condition SET due_date = ? WHERE id = ?", Date.valueOf(today().minusDays(2)), id);
        HttpResponse<String> overdue = api.call(ADVISOR, "GET", "/conditions/overdue?size=200", null);
        assertEquals(200, overdue.statusCode(), overdue.body());
        assertTrue(Api.array(overdue).getValuesAs(JsonObject.class).stream()
                .anyMatch(c -> c.getJsonNumber("id").longValue() == id), overdue.body());
        assertTrue(Long.parseLong(overdue.headers().firstValue("X-Total-Count").orElse("0")) >= 1);
        HttpResponse<String> page = api.call(ADVISOR, "GET", "/conditions/overdue?size=1&page=0", null);
        assertEquals(1, Api.array(page).size(), "paged");
        assertTrue(conditions(ADVISOR, file.app).get(0).getBoolean("overdue"));
        String advisor = pages.login(ADVISOR);
        String queue = pages.get(advisor, "/advisor/index.xhtml").body();
        assertTrue(queue.contains("id=\"overdue-conditions\""), queue);
        HttpResponse<String> bzh = api.call("conseil-bzh@demo.essor", "GET", "/conditions/overdue?size=200", null);
        assertTrue(Api.array(bzh).getValuesAs(JsonObject.class).stream().noneMatch(c -> c.getJsonNumber("id").longValue() == id),
                "another association's advisor does not see it");
    }

    // ---- 3. four eyes on money -----------------------------------------------------------------------

    @Test
    void aDisbursementAboveTheThresholdWaitsForASecondPersonWhoIsNeverItsProposer() throws Exception {
        DataSource ds = Sql.ds();
        secondAdvisor();
        FourEyes.threshold(api, "5000.00");
        try {
            Approved file = approvedFile("Double regard", "[]");
            long allocation = Filing.allocate(api, Filing.activeConvention(api, "IT-AD-", "HONOUR_LOAN"), file.line, "8000.00");

            // above: a proposal (202), no money moves
            HttpResponse<String> proposed = disburse(ADVISOR, allocation, "6000.00");
            assertEquals(202, proposed.statusCode(), proposed.body());
            JsonObject p = Api.json(proposed);
            assertEquals("PROPOSED", p.getString("status"));
            assertEquals(ADVISOR, p.getString("proposedBy"));
            long first = p.getJsonNumber("id").longValue();
            assertEquals(0, movements(ds, allocation, "DISBURSEMENT"));
            assertEquals(1, Sql.count(ds, "SELECT COUNT(*) FROM audit_event WHERE action = 'MONEY_PROPOSED' AND entity_id = ?",
                    String.valueOf(allocation)));
            HttpResponse<String> another = disburse(ADVISOR, allocation, "5500.00");
            assertEquals(409, another.statusCode(), "one proposal of an allocation at a time: " + another.body());

            // the proposer can never approve nor reject it: 403, keyed, nothing changes
            TableHashes before = TableHashes.of(ds);
            HttpResponse<String> own = api.call(ADVISOR, "POST", "/approvals/" + first + "/approve", null);
            assertEquals(403, own.statusCode(), own.body());
            assertEquals("FOUR_EYES", Api.json(own).getString("error"));
            assertEquals(403, api.call(ADVISOR, "POST", "/approvals/" + first + "/reject", "{\"reason\":\"x\"}").statusCode());
            assertEquals(List.of(), before.differences(TableHashes.of(ds), VOLATILE));

            // waiting for the second advisor, not for the proposer
            assertTrue(waiting(SECOND).contains(first));
            assertFalse(waiting(ADVISOR).contains(first));
            String second = pages.login(SECOND);
            assertTrue(pages.get(second, "/advisor/approvals.xhtml").body().contains(file.reference));
            String advisorPage = pages.get(pages.login(ADVISOR), "/advisor/allocation.xhtml?id=" + allocation).body();
            assertTrue(advisorPage.contains("id=\"proposal\"") && advisorPage.contains("id=\"proposal-own\""), advisorPage);

            // rejected with a reason (required): nothing moves
            HttpResponse<String> noReason = api.call(SECOND, "POST", "/approvals/" + first + "/reject", "{\"reason\":\"\"}");
            assertEquals(400, noReason.statusCode(), noReason.body());
            assertEquals("PROPOSED", Sql.string(ds, "SELECT status FROM money_proposal WHERE id = ?", first));
            HttpResponse<String> rejected = api.call(SECOND, "POST", "/approvals/" + first + "/reject",
                    "{\"reason\":\"Attendre le second devis\"}");
            assertEquals(200, rejected.statusCode(), rejected.body());
            assertEquals("REJECTED", Api.json(rejected).getString("status"));
            assertEquals(0, movements(ds, allocation, "DISBURSEMENT"));

            // proposed again, approved by the second advisor: the ledger movement exists once
            long again = Api.json(disburse(ADVISOR, allocation, "6000.00")).getJsonNumber("id").longValue();
            HttpResponse<String> approved = api.call(SECOND, "POST", "/approvals/" + again + "/approve", null);
            assertEquals(200, approved.statusCode(), approved.body());
            assertEquals("APPROVED", Api.json(approved).getString("status"));
            assertEquals(SECOND, Api.json(approved).getString("decidedBy"));
            assertEquals(1, movements(ds, allocation, "DISBURSEMENT"));
            assertEquals(0, new BigDecimal("6000.00").compareTo(Sql.decimal(ds, "SELECT disbursed FROM allocation WHERE id = ?",
                    allocation)));
            HttpResponse<String> twice = api.call(ADMIN, "POST", "/approvals/" + again + "/approve", null);
            assertEquals(409, twice.statusCode(), twice.body());
            assertEquals(1, movements(ds, allocation, "DISBURSEMENT"), "approved once, paid once");
            assertEquals(1, Sql.count(ds, "SELECT COUNT(*) FROM audit_event WHERE action = 'MONEY_APPROVED' AND entity_id = ?",
                    String.valueOf(allocation)));
            assertEquals(404, api.call(SECOND, "POST", "/approvals/99999999/approve", null).statusCode());

            // at or below the threshold: immediate, as before
            HttpResponse<String> small = disburse(ADVISOR, allocation, "1000.00");
            assertEquals(201, small.statusCode(), small.body());
            assertEquals(2, movements(ds, allocation, "DISBURSEMENT"));
        } finally {
            FourEyes.threshold(api, FourEyes.DEFAULT);
        }
    }

    @Test
    void twoApproversAtOnceOneWinsTheOtherIsToldAndTheMoneyMovesOnce() throws Exception {
        DataSource ds = Sql.ds();
        secondAdvisor();
        FourEyes.threshold(api, "5000.00");
        try {
            Approved file = approvedFile("Deux validations simultanées", "[]");
            long allocation = Filing.allocate(api, Filing.activeConvention(api, "IT-AD-", "HONOUR_LOAN"), file.line, "8000.00");
            long proposal = Api.json(disburse(ADVISOR, allocation, "7000.00")).getJsonNumber("id").longValue();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            try {
                for (String approver : List.of(SECOND, ADMIN)) {
                    Callable<HttpResponse<String>> approve = () -> {
                        start.await();
                        return api.call(approver, "POST", "/approvals/" + proposal + "/approve", null);
                    };
                    answers.add(pool.submit(approve));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<HttpResponse<String>> f : answers) {
                    statuses.add(f.get().statusCode());
                }
                statuses.sort(null);
                assertEquals(List.of(200, 409), statuses, answers.get(0).get().body() + " / " + answers.get(1).get().body());
                HttpResponse<String> loser = answers.get(0).get().statusCode() == 409 ? answers.get(0).get() : answers.get(1).get();
                assertEquals("ALREADY_DECIDED", Api.json(loser).getString("error"), loser.body());
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, movements(ds, allocation, "DISBURSEMENT"), "one winner, one payment");
            assertEquals("APPROVED", Sql.string(ds, "SELECT status FROM money_proposal WHERE id = ?", proposal));
        } finally {
            FourEyes.threshold(api, FourEyes.DEFAULT);
        }
    }

    @Test
    void theDemoShowsADecisionWithTwoConditionsAndADisbursementWaitingForASecondPerson() throws Exception {
        DataSource ds = Sql.ds();
        long app = Sql.count(ds, "SELECT id FROM application WHERE title = 'Flotte de vélos-cargos électriques'");
        assertEquals(1, Sql.count(ds, "SELECT COUNT(*) FROM decision_condition c JOIN decision d ON d.id = c.decision_id"
                + " WHERE d.application_id = ? AND c.status = 'LIFTED'", app));
        assertEquals(1, Sql.count(ds, "SELECT COUNT(*) FROM decision_condition c JOIN decision d ON d.id = c.decision_id"
                + " WHERE d.application_id = ? AND c.status = 'OPEN'", app));
        List<JsonObject> waiting = Api.array(api.call(ADMIN, "GET", "/approvals?size=200", null)).getValuesAs(JsonObject.class);
        assertTrue(waiting.stream().anyMatch(p -> "DISBURSEMENT".equals(p.getString("kind"))
                && new BigDecimal(p.get("amount") instanceof JsonString js ? js.getString() : p.get("amount").toString())
                .compareTo(new BigDecimal("12000.00")) == 0), waiting.toString());
        assertEquals(0, new BigDecimal("10000.00").compareTo(Sql.decimal(ds,
                "SELECT four_eyes_threshold FROM association WHERE code = 'BZH'")), "the default threshold");
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private record Approved(long app, String reference, long line) {
    }

    private static String condition(String kind, String text, int dueInDays, Integer lineNo) {
        return "{\"kind\":\"" + kind + "\",\"text\":\"" + text + "\",\"dueDate\":\"" + today().plusDays(dueInDays) + "\""
                + (lineNo == null ? "" : ",\"lineNo\":" + lineNo) + "}";
    }

    private List<JsonObject> conditions(String user, long app) throws Exception {
        HttpResponse<String> r = api.call(user, "GET", "/conditions?application=" + app, null);
        assertEquals(200, r.statusCode(), r.body());
        return Api.array(r).getValuesAs(JsonObject.class);
    }

    private List<Long> waiting(String user) throws Exception {
        HttpResponse<String> r = api.call(user, "GET", "/approvals?size=200", null);
        assertEquals(200, r.statusCode(), r.body());
        return Api.array(r).getValuesAs(JsonObject.class).stream().map(p -> p.getJsonNumber("id").longValue()).toList();
    }

    private static long movements(DataSource ds, long allocation, String kind) throws Exception {
        return Sql.count(ds, "SELECT COUNT(*) FROM ledger_movement WHERE allocation_id = ? AND kind = ?", allocation, kind);
    }

    /** A second advisor of CVL with the demo password, made once (the demo has one advisor per association). */
    private static void secondAdvisor() throws Exception {
        DataSource ds = Sql.ds();
        if (Sql.count(ds, "SELECT COUNT(*) FROM user_account WHERE email = ?", SECOND) > 0) {
            return;
        }
        Sql.update(ds, "INSERT INTO user_account (email, display_name, password_hash, association_id, active, created_at, version)"
                + " SELECT ?, 'Second Conseiller', password_hash, association_id, TRUE, created_at, 0 FROM user_account"
                + " WHERE email = ?", SECOND, ADVISOR);
        Sql.update(ds, "INSERT INTO account_role (account_id, role) SELECT id, 'ADVISOR' FROM user_account WHERE email = ?", SECOND);
    }

    private HttpResponse<String> disburse(String user, long allocation, String amount) throws Exception {
        return api.call(user, "POST", "/allocations/" + allocation + "/disbursements",
                "{\"amount\":\"" + amount + "\",\"date\":\"" + today() + "\"}");
    }

    /**
     * A fresh file of porteur@ approved with an 8,000.00 honour loan and the given conditions (a JSON
     * array) by the four members at a new session, which the chair then closes.
     */
    private Approved approvedFile(String title, String conditionItems) throws Exception {
        Filing.Sitting s = Filing.sitting(api, title);
        HttpResponse<String> decided = Filing.approveHonourLoan(api, s, conditionItems);
        assertEquals(200, decided.statusCode(), decided.body());
        assertEquals(200, api.call(CHAIR, "POST", "/sessions/" + s.session() + "/close", null).statusCode());
        long line = Sql.count(Sql.ds(), "SELECT MIN(g.id) FROM granted_line g JOIN decision d ON d.id = g.decision_id"
                + " WHERE d.application_id = ? AND d.outcome = 'APPROVED'", s.app());
        return new Approved(s.app(), Sql.string(Sql.ds(), "SELECT reference FROM application WHERE id = ?", s.app()), line);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }
}
