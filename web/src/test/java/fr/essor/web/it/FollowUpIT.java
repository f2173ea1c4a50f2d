package fr.essor.web.it;

import static fr.essor.web.it.Fixtures.ADMIN;
import static fr.essor.web.it.Fixtures.ADVISOR;
import static fr.essor.web.it.Fixtures.PARTNER_BDT;
import static fr.essor.web.it.Fixtures.PARTNER_REGION;
import static fr.essor.web.it.Fixtures.PORTEUR;
import static fr.essor.web.it.Fixtures.PORTEUR2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 13, item 4, against the real database: the follow-up of the funded enterprises. The morning
 * sweep plans a file once its money is paid out (once), reminds its owners once when a milestone falls
 * due (the business clock moved by the test-only address); the entrepreneur answers online; the advisor
 * lists due and overdue milestones (paged), records a visit and a closure; survival and jobs are read
 * against a computation of their own from the rows. Every refusal is re-read to prove nothing changed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FollowUpIT extends OnTheBuiltWar {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String RECYCLERIE = "Recyclerie mobile en milieu rural";

    FollowUpIT() {
        super(Duration.ofSeconds(60));
    }

    @AfterEach
    void clockBack() throws Exception {
        testOnly("/test-only/clock?reset");
    }

    @Test
    @Order(1)
    void theDemoHasAFollowUpAtEachStepAndSurvivalAtThreeYearsIsThreeOfFour() throws Exception {
        JsonObject s = api.read(ADVISOR, "/followups/survival");
        assertEquals("CVL", s.getString("scope"));
        assertEquals(Sql.count(Sql.ds(), "SELECT COUNT(*) FROM follow_up f JOIN association a ON a.id = f.association_id"
                + " WHERE a.code = 'CVL'"), s.getJsonNumber("followed").longValue());
        assertEquals(2, s.getJsonNumber("closed").longValue(), "two of the 2021 files closed");
        JsonObject three = s.getJsonArray("rates").getJsonObject(2);
        assertEquals(3, three.getInt("years"));
        assertEquals(4, three.getJsonNumber("cohort").longValue(), "the four 2021 files are more than three years old");
        assertEquals(3, three.getJsonNumber("survivors").longValue(), "closed after 20 months: not a survivor; after 38: one");
        assertEquals(0, new BigDecimal("75.0").compareTo(dec(three, "percent")));
        assertSurvivalAsComputed(s, null);
        assertEquals(s.toString(), api.read(ADMIN, "/followups/survival?association=CVL").toString(),
                "the national administrator sees the association's figures");

        // partners: the enterprises their conventions funded (the vélos-cargos file: a grant from the region, a loan from BdT)
        for (String partner : List.of(PARTNER_REGION, PARTNER_BDT)) {
            JsonObject p = api.read(partner, "/followups/survival");
            assertEquals(1, p.getJsonNumber("followed").longValue(), partner + ": " + p);
            JsonObject rate = p.getJsonArray("rates").getJsonObject(2);
            assertTrue(!rate.containsKey("percent") || rate.isNull("percent"), "too young for a rate: " + rate);
        }
        assertEquals(403, api.call(PORTEUR, "GET", "/followups/survival", null).statusCode());
        assertEquals(404, api.call(ADVISOR, "GET", "/followups/survival?association=XYZ", null).statusCode());

        // a file at each step, as the entrepreneur and the advisor see it
        long recyclerie = Sql.count(Sql.ds(), "SELECT id FROM application WHERE title = ?", RECYCLERIE);
        JsonObject f = api.read(PORTEUR, "/followups?application=" + recyclerie);
        assertEquals(4, f.getJsonArray("milestones").size());
        JsonObject first = f.getJsonArray("milestones").getJsonObject(0);
        assertTrue(first.getBoolean("due"));
        assertFalse(first.getBoolean("overdue"));
        assertEquals(404, api.call(PORTEUR2, "GET", "/followups?application=" + recyclerie, null).statusCode(),
                "another entrepreneur is told the file does not exist");
    }

    @Test
    @Order(2)
    void theSweepPlansAPaidFileOnceAndRemindsItsOwnersOnceWhenAMilestoneFallsDue() throws Exception {
        DataSource ds = Sql.ds();
        assertEquals(0, sweep().getInt("planned"), "the demo's paid files are planned already");
        // the demo's 12,000.00 grant waiting for a second person: once approved, the money is out
        long proposal = Sql.count(ds, "SELECT MIN(id) FROM money_proposal WHERE status = 'PROPOSED'");
        long app = Sql.count(ds, "SELECT d.application_id FROM money_proposal p JOIN allocation al ON al.id = p.allocation_id"
                + " JOIN granted_line g ON g.id = al.granted_line_id JOIN decision d ON d.id = g.decision_id WHERE p.id = ?", proposal);
        assertEquals(0, Sql.count(ds, "SELECT COUNT(*) FROM follow_up WHERE application_id = ?", app));
        HttpResponse<String> approved = api.call(ADMIN, "POST", "/approvals/" + proposal + "/approve", null);
        assertEquals(200, approved.statusCode(), approved.body());

        assertEquals(1, sweep().getInt("planned"));
        assertEquals(0, sweep().getInt("planned"), "planned once");
        assertEquals(1, Sql.count(ds, "SELECT COUNT(*) FROM follow_up WHERE application_id = ?", app));
        assertEquals(1, Sql.count(ds, "SELECT COUNT(*) FROM audit_event WHERE action = 'FOLLOW_UP_PLANNED' AND entity_id = ?",
                String.valueOf(app)));
        JsonObject f = api.read(PORTEUR2, "/followups?application=" + app);
        LocalDate funded = LocalDate.parse(f.getString("fundedOn"));
        assertEquals(Sql.string(ds, "SELECT MIN(m.occurred_on) FROM ledger_movement m JOIN allocation al ON al.id = m.allocation_id"
                + " JOIN granted_line g ON g.id = al.granted_line_id JOIN decision d ON d.id = g.decision_id"
                + " WHERE d.application_id = ? AND m.kind = 'DISBURSEMENT'", app).substring(0, 10), funded.toString(),
                "funded on the day of its first disbursement");
        List<LocalDate> dues = new ArrayList<>();
        f.getJsonArray("milestones").getValuesAs(JsonObject.class).forEach(m -> dues.add(LocalDate.parse(m.getString("dueDate"))));
        assertEquals(List.of(funded.plusMonths(6), funded.plusMonths(12), funded.plusMonths(24), funded.plusMonths(36)), dues);
        long followUp = f.getJsonNumber("id").longValue();

        // the day before: nothing to remind; on the day: its owner is mailed, once
        String mails = "SELECT COUNT(*) FROM outbox_message WHERE kind = 'FOLLOW_UP_DUE' AND related_entity = 'FollowUp'"
                + " AND related_id = ? AND recipient = ?";
        shiftTo(dues.get(0).minusDays(1));
        sweep();
        assertEquals(0, Sql.count(ds, mails, String.valueOf(followUp), PORTEUR2));
        shiftTo(dues.get(0));
        assertTrue(sweep().getInt("reminded") >= 1);
        assertEquals(1, Sql.count(ds, mails, String.valueOf(followUp), PORTEUR2));
        String body = Sql.string(ds, "SELECT body FROM outbox_message WHERE kind = 'FOLLOW_UP_DUE' AND related_id = ?",
                String.valueOf(followUp));
        assertTrue(body.contains("/entrepreneur/followups.xhtml?milestone="), body);
        assertEquals(0, sweep().getInt("reminded"), "sent once");
        assertEquals(1, Sql.count(ds, mails, String.valueOf(followUp), PORTEUR2));
        JsonObject due = api.read(PORTEUR2, "/followups?application=" + app).getJsonArray("milestones").getJsonObject(0);
        assertTrue(due.getBoolean("due"));
        assertFalse(due.isNull("remindedAt"));
        assertTrue(Api.array(api.call(PORTEUR2, "GET", "/followups/mine", null)).getValuesAs(JsonObject.class).stream()
                .anyMatch(m -> m.getJsonNumber("followUpId").longValue() == followUp), "on the entrepreneur's list");
    }

    @Test
    @Order(3)
    void theEntrepreneurAnswersADueMilestoneOnlineAndBadFiguresChangeNothing() throws Exception {
        DataSource ds = Sql.ds();
        JsonObject mine = Api.array(api.call(PORTEUR, "GET", "/followups/mine", null)).getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("enterpriseName").equals("La Fabrique Solidaire")).findFirst().orElseThrow();
        long milestone = mine.getJsonNumber("milestoneId").longValue();
        long followUp = mine.getJsonNumber("followUpId").longValue();
        String answer = "/followups/milestones/" + milestone + "/answer";
        String state = "SELECT status FROM follow_up_milestone WHERE id = ?";
        long audits = Sql.count(ds, "SELECT COUNT(*) FROM audit_event WHERE action = 'FOLLOW_UP_ANSWERED'");
        long version = Sql.count(ds, "SELECT version FROM follow_up WHERE id = ?", followUp);

        String[][] bad = {
                {"{\"stillActive\":true,\"jobs\":\"-1\",\"turnover\":\"82000.00\"}", "jobs"},
                {"{\"stillActive\":true,\"jobs\":\"3.5\",\"turnover\":\"-10.00\"}", "turnover"},
                {"{\"stillActive\":true,\"jobs\":\"3.5\",\"turnover\":\"12.345\"}", "turnover"},
                {"{\"jobs\":\"3.5\",\"turnover\":\"100.00\"}", "stillActive"},
                {"{\"stillActive\":true,\"turnover\":\"100.00\"}", "jobs"},
                {"{\"stillActive\":false}", "closedOn"},
                {"{\"stillActive\":false,\"closedOn\":\"" + today().plusDays(3) + "\"}", "closedOn"},
                {"{\"stillActive\":true,\"jobs\":\"trois\",\"turnover\":\"100.00\"}", "jobs"}};
        for (String[] b : bad) {
            HttpResponse<String> refused = api.call(PORTEUR, "POST", answer, b[0]);
            assertEquals(400, refused.statusCode(), b[0] + " -> " + refused.body());
            assertEquals(b[1], Api.json(refused).getString("field"), refused.body());
        }
        assertEquals(404, api.call(PORTEUR2, "POST", answer, "{\"stillActive\":true,\"jobs\":\"1\",\"turnover\":\"1.00\"}")
                .statusCode(), "not his enterprise");
        assertEquals("PLANNED", Sql.string(ds, state, milestone));
        assertEquals(version, Sql.count(ds, "SELECT version FROM follow_up WHERE id = ?", followUp));
        assertEquals(audits, Sql.count(ds, "SELECT COUNT(*) FROM audit_event WHERE action = 'FOLLOW_UP_ANSWERED'"));

        long next = Sql.count(ds, "SELECT id FROM follow_up_milestone WHERE follow_up_id = ? AND seq = 2", followUp);
        HttpResponse<String> early = api.call(PORTEUR, "POST", "/followups/milestones/" + next + "/answer",
                "{\"stillActive\":true,\"jobs\":\"3.5\",\"turnover\":\"82000.00\"}");
        assertEquals(409, early.statusCode(), early.body());
        assertEquals("FOLLOW_UP_RULE", Api.json(early).getString("error"));

        HttpResponse<String> ok = api.call(PORTEUR, "POST", answer,
                "{\"stillActive\":true,\"jobs\":\"3.5\",\"turnover\":\"82000.00\",\"difficulties\":\"Recrutement d'un chauffeur\"}");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("ANSWERED", Sql.string(ds, state, milestone));
        assertEquals("ONLINE", Sql.string(ds, "SELECT channel FROM follow_up_milestone WHERE id = ?", milestone));
        assertEquals(0, new BigDecimal("3.50").compareTo(Sql.decimal(ds, "SELECT latest_jobs FROM follow_up WHERE id = ?", followUp)));
        assertEquals(0, new BigDecimal("82000.00").compareTo(Sql.decimal(ds, "SELECT latest_turnover FROM follow_up WHERE id = ?",
                followUp)));
        assertEquals(audits + 1, Sql.count(ds, "SELECT COUNT(*) FROM audit_event WHERE action = 'FOLLOW_UP_ANSWERED'"));
        HttpResponse<String> again = api.call(PORTEUR, "POST", answer, "{\"stillActive\":true,\"jobs\":\"4\",\"turnover\":\"1.00\"}");
        assertEquals(409, again.statusCode(), again.body());
        assertEquals(0, new BigDecimal("3.50").compareTo(Sql.decimal(ds, "SELECT jobs FROM follow_up_milestone WHERE id = ?",
                milestone)), "the first answer stands");
        assertTrue(Api.array(api.call(PORTEUR, "GET", "/followups/mine", null)).getValuesAs(JsonObject.class).stream()
                .noneMatch(m -> m.getJsonNumber("milestoneId").longValue() == milestone), "answered: off the list");
    }

    @Test
    @Order(4)
    void theAdvisorListsDueAndOverdueMilestonesPagedAndRecordsAVisitThenAClosure() throws Exception {
        DataSource ds = Sql.ds();
        long cvl = Sql.count(ds, "SELECT id FROM association WHERE code = 'CVL'");
        long expected = Sql.count(ds, "SELECT COUNT(*) FROM follow_up_milestone m JOIN follow_up f ON f.id = m.follow_up_id"
                + " WHERE f.association_id = ? AND m.status = 'PLANNED' AND f.closed_on IS NULL AND m.due_date <= ?", cvl, today());
        assertTrue(expected >= 1, "the demo has an overdue three-year milestone");
        HttpResponse<String> page0 = api.call(ADVISOR, "GET", "/followups/due?page=0&size=1", null);
        assertEquals(200, page0.statusCode(), page0.body());
        assertEquals(String.valueOf(expected), page0.headers().firstValue("X-Total-Count").orElse(""));
        assertEquals(1, Api.array(page0).size());
        List<JsonObject> all = Api.array(api.call(ADVISOR, "GET", "/followups/due?size=200", null)).getValuesAs(JsonObject.class);
        assertEquals(expected, all.size());
        JsonObject overdue = all.stream().filter(m -> m.getBoolean("overdue")).findFirst().orElseThrow();
        assertTrue(LocalDate.parse(overdue.getString("dueDate")).isBefore(today().minusDays(30)));
        for (int i = 1; i < all.size(); i++) {
            assertFalse(LocalDate.parse(all.get(i).getString("dueDate")).isBefore(LocalDate.parse(all.get(i - 1).getString("dueDate"))),
                    "oldest first");
        }
        assertEquals(403, api.call(PARTNER_BDT, "GET", "/followups/due", null).statusCode());
        assertEquals(403, api.call(PORTEUR, "GET", "/followups/due", null).statusCode());

        // the advisor records what he heard at a visit: he says how
        long milestone = overdue.getJsonNumber("milestoneId").longValue();
        String answer = "/followups/milestones/" + milestone + "/answer";
        String figures = "\"stillActive\":true,\"jobs\":\"7.5\",\"turnover\":\"240000.00\"";
        HttpResponse<String> noChannel = api.call(ADVISOR, "POST", answer, "{" + figures + "}");
        assertEquals(400, noChannel.statusCode(), noChannel.body());
        assertEquals("channel", Api.json(noChannel).getString("field"));
        assertEquals(400, api.call(ADVISOR, "POST", answer, "{" + figures + ",\"channel\":\"ONLINE\"}").statusCode());
        assertEquals(400, api.call(ADVISOR, "POST", answer, "{" + figures + ",\"channel\":\"PIGEON\"}").statusCode());
        assertEquals("PLANNED", Sql.string(ds, "SELECT status FROM follow_up_milestone WHERE id = ?", milestone));
        HttpResponse<String> visit = api.call(ADVISOR, "POST", answer, "{" + figures + ",\"channel\":\"VISIT\"}");
        assertEquals(200, visit.statusCode(), visit.body());
        assertEquals("VISIT", Sql.string(ds, "SELECT channel FROM follow_up_milestone WHERE id = ?", milestone));
        assertEquals(ADVISOR, Sql.string(ds, "SELECT answered_by FROM follow_up_milestone WHERE id = ?", milestone));
        assertEquals(expected - 1, Long.parseLong(api.call(ADVISOR, "GET", "/followups/due?size=1", null).headers()
                .firstValue("X-Total-Count").orElse("-1")));

        // the vélos-cargos enterprise closes: the date is checked, then what was left is cancelled, once
        long cargo = Sql.count(ds, "SELECT f.id FROM follow_up f JOIN application ap ON ap.id = f.application_id WHERE ap.title = ?",
                "Vélos-cargos pour la livraison du dernier kilomètre");
        LocalDate funded = LocalDate.parse(Sql.string(ds, "SELECT funded_on FROM follow_up WHERE id = ?", cargo).substring(0, 10));
        String closure = "/followups/" + cargo + "/closure";
        for (LocalDate wrong : List.of(today().plusDays(1), funded.minusDays(1))) {
            HttpResponse<String> refused = api.call(ADVISOR, "POST", closure, "{\"closedOn\":\"" + wrong + "\"}");
            assertEquals(400, refused.statusCode(), refused.body());
            assertEquals("closedOn", Api.json(refused).getString("field"));
        }
        assertEquals(403, api.call(PORTEUR2, "POST", closure, "{\"closedOn\":\"" + today() + "\"}").statusCode(),
                "an entrepreneur never records a closure");
        assertEquals(0, Sql.count(ds, "SELECT COUNT(*) FROM follow_up WHERE id = ? AND closed_on IS NOT NULL", cargo));
        HttpResponse<String> closed = api.call(ADVISOR, "POST", closure,
                "{\"closedOn\":\"" + today() + "\",\"note\":\"Liquidation judiciaire\"}");
        assertEquals(200, closed.statusCode(), closed.body());
        assertEquals(4, Sql.count(ds, "SELECT COUNT(*) FROM follow_up_milestone WHERE follow_up_id = ? AND status = 'CANCELLED'", cargo));
        assertEquals(1, Sql.count(ds, "SELECT COUNT(*) FROM audit_event WHERE action = 'FOLLOW_UP_CLOSED' AND summary LIKE ?",
                "%Follow-up " + cargo + ":%"));
        HttpResponse<String> twice = api.call(ADVISOR, "POST", closure, "{\"closedOn\":\"" + today() + "\"}");
        assertEquals(409, twice.statusCode(), twice.body());
        assertEquals("FOLLOW_UP_RULE", Api.json(twice).getString("error"));
        assertSurvivalAsComputed(api.read(ADVISOR, "/followups/survival"), null);
    }

    @Test
    @Order(5)
    void survivalFollowsTheBusinessDay() throws Exception {
        // three years and a half on, the younger files enter the cohorts: the figures are those of the rows, that day
        shiftTo(today().plusYears(3).plusMonths(6));
        JsonObject later = api.read(ADVISOR, "/followups/survival");
        assertEquals(today().plusYears(3).plusMonths(6).toString(), later.getString("asOf"));
        assertTrue(later.getJsonArray("rates").getJsonObject(2).getJsonNumber("cohort").longValue() > 4);
        assertSurvivalAsComputed(later, today().plusYears(3).plusMonths(6));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** Survival at 1, 2, 3 years and the jobs of CVL, computed here from the follow-up rows, against what the API says. */
    private static void assertSurvivalAsComputed(JsonObject s, LocalDate day) throws Exception {
        LocalDate asOf = day == null ? today() : day;
        long followed = 0;
        long reported = 0;
        long closedCount = 0;
        BigDecimal declared = BigDecimal.ZERO;
        BigDecimal actual = BigDecimal.ZERO;
        long[] cohort = new long[4];
        long[] survivors = new long[4];
        try (Connection c = Sql.ds().getConnection(); PreparedStatement ps = c.prepareStatement("SELECT f.funded_on, f.closed_on,"
                + " f.closed_after_months, f.last_answered_on, f.declared_jobs, f.latest_jobs FROM follow_up f"
                + " JOIN association a ON a.id = f.association_id WHERE a.code = 'CVL'")) {
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    followed++;
                    LocalDate funded = r.getDate(1).toLocalDate();
                    boolean closed = r.getDate(2) != null;
                    Integer months = closed ? r.getInt(3) : null;
                    if (closed) {
                        closedCount++;
                    }
                    if (closed || r.getDate(4) != null) {
                        reported++;
                        declared = declared.add(r.getBigDecimal(5) == null ? BigDecimal.ZERO : r.getBigDecimal(5));
                        actual = actual.add(r.getBigDecimal(6) == null ? BigDecimal.ZERO : r.getBigDecimal(6));
                    }
                    for (int y = 1; y <= 3; y++) {
                        if (!funded.isAfter(asOf.minusYears(y))) {
                            cohort[y]++;
                            if (months == null || months >= 12 * y) {
                                survivors[y]++;
                            }
                        }
                    }
                }
            }
        }
        assertEquals(followed, s.getJsonNumber("followed").longValue(), s.toString());
        assertEquals(reported, s.getJsonNumber("reported").longValue(), s.toString());
        assertEquals(closedCount, s.getJsonNumber("closed").longValue(), s.toString());
        assertEquals(0, declared.compareTo(dec(s, "declaredJobs")), s.toString());
        assertEquals(0, actual.compareTo(dec(s, "actualJobs")), s.toString());
        for (int y = 1; y <= 3; y++) {
            JsonObject rate = s.getJsonArray("rates").getJsonObject(y - 1);
            assertEquals(cohort[y], rate.getJsonNumber("cohort").longValue(), y + " years: " + s);
            assertEquals(survivors[y], rate.getJsonNumber("survivors").longValue(), y + " years: " + s);
            if (cohort[y] > 0) {
                BigDecimal percent = BigDecimal.valueOf(survivors[y] * 100).divide(BigDecimal.valueOf(cohort[y]), 1, RoundingMode.HALF_UP);
                assertEquals(0, percent.compareTo(dec(rate, "percent")), y + " years: " + s);
            }
        }
    }

    /** A decimal of the API: amounts and rates travel as JSON strings ("75.0"). */
    private static BigDecimal dec(JsonObject o, String key) {
        return o.get(key) instanceof JsonString js ? new BigDecimal(js.getString()) : o.getJsonNumber(key).bigDecimalValue();
    }

    private JsonObject sweep() throws Exception {
        return Api.json(testOnly("/test-only/followups/sweep"));
    }

    /** Moves the business clock so that its day is {@code day} (from the real day: the clock is put back after each test). */
    private void shiftTo(LocalDate day) throws Exception {
        testOnly("/test-only/clock?reset");
        JsonObject moved = Api.json(testOnly("/test-only/clock?days=" + ChronoUnit.DAYS.between(today(), day)));
        assertEquals(day.toString(), moved.getString("today"));
    }

    private String testOnly(String path) throws Exception {
        return api.testOnly(path);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }
}
