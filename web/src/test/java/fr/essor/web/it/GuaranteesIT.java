package fr.essor.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 14, item 4, the life of a guarantee through the REST API on the real database: on the demo's
 * CVL guarantee line (20,000.00, 50 % of a 40,000.00 loan of Crédit Coopératif over at most 84 months),
 * allocated from BdT's guarantee fund, the bank loan recorded (40,000.00 at 3 % over 60 months,
 * started ten months ago, commission 1 %) with its amortisation and commission; the exposure per
 * convention over time, computed in SQL, equal to the quota of the bank's outstanding capital; a call
 * refused above the guaranteed outstanding at the default date with nothing stored, then recorded;
 * its payment above the four-eyes threshold proposed and approved by a second person, one movement;
 * a recovery, an over-recovery refused; the release giving back what the bank did not call; who may
 * read what. The tests run in order on that one guarantee; each re-reads what the database holds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GuaranteesIT extends OnTheBuiltWar {

    private static final String ADVISOR = "conseil@demo.essor";
    private static final String ADMIN = "admin@demo.essor";
    private static final String BDT = "partenaire@demo.essor";
    private static final String REGION = "region@demo.essor";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Set<String> VOLATILE = Set.of("outbox_message", "audit_event", "audit_chain_head");
    private static final BigDecimal HALF = new BigDecimal("50.00");

    GuaranteesIT() {
        super(Duration.ofSeconds(60));
    }

    private static LocalDate today() {
        return LocalDate.now(PARIS);
    }

    private static LocalDate start() {
        return today().minusMonths(10);
    }

    private static BigDecimal money(String s) {
        return new BigDecimal(s).setScale(2);
    }

    private static BigDecimal dec(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return (v instanceof JsonString t ? new BigDecimal(t.getString()) : ((JsonNumber) v)
                .bigDecimalValue()).setScale(2);
    }

    private static long guaranteeLine(DataSource ds) throws Exception {
        return Sql.count(ds, "SELECT g.id FROM granted_line g JOIN decision d ON d.id = g.decision_id JOIN application ap"
                + " ON ap.id = d.application_id WHERE ap.title = 'Épicerie solidaire itinérante' AND g.instrument = 'GUARANTEE'");
    }

    private static long fund(DataSource ds) throws Exception {
        return Sql.count(ds, "SELECT id FROM convention WHERE reference LIKE 'BDT-CVL-%-GARANTIES'");
    }

    /** The guarantee allocation of the test (made by the first test). */
    private static long allocation(DataSource ds) throws Exception {
        return Sql.count(ds, "SELECT al.id FROM allocation al WHERE al.granted_line_id = ?", guaranteeLine(ds));
    }

    /** The quota of the bank's outstanding capital on {@code d}, from the stored amortisation, rounded half up. */
    private static BigDecimal expectedExposure(DataSource ds, long allocation, LocalDate d) throws Exception {
        if (d.isBefore(start())) {
            return money("0");
        }
        BigDecimal repaid = Sql.decimal(ds, "SELECT COALESCE(SUM(l.capital), 0) FROM guaranteed_loan_line l JOIN guaranteed_loan g"
                + " ON g.id = l.loan_id WHERE g.allocation_id = ? AND l.due_date <= ?", allocation, Date.valueOf(d));
        return money("40000").subtract(repaid).multiply(HALF).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
    }

    private static long movements(DataSource ds, long allocation, String kind) throws Exception {
        return Sql.count(ds, "SELECT COUNT(*) FROM ledger_movement WHERE allocation_id = ? AND kind = ?", allocation, kind);
    }

    private static BigDecimal sum(List<JsonObject> rows, String figure) {
        return rows.stream().map(r -> dec(r, figure)).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private JsonObject exposureRow(String user, LocalDate d, String reference) throws Exception {
        HttpResponse<String> r = api.call(user, "GET", "/guarantees/exposure?date=" + d, null);
        assertEquals(200, r.statusCode(), r.body());
        for (JsonValue v : Api.array(r)) {
            if (v.asJsonObject().getString("conventionReference").equals(reference)) {
                return v.asJsonObject();
            }
        }
        return null;
    }

    private String bankLoan(String amount, String duration) {
        return "{\"bankName\":\"Crédit Coopératif\",\"amount\":\"" + amount + "\",\"annualRate\":\"3\",\"durationMonths\":\""
                + duration + "\",\"startDate\":\"" + start() + "\",\"commissionRate\":\"1\"}";
    }

    @Test
    @Order(1)
    void theBankLoanIsRecordedWithItsAmortisationAndTheCommissionIsChargedOnce() throws Exception {
        DataSource ds = Sql.ds();
        HttpResponse<String> allocated = api.call(ADVISOR, "POST", "/conventions/" + fund(ds) + "/allocations",
                "{\"decisionLineId\":" + guaranteeLine(ds) + ",\"amount\":\"20000.00\"}");
        assertEquals(201, allocated.statusCode(), allocated.body());
        long allocation = Api.json(allocated).getJsonNumber("id").longValue();

        // refused on the field at fault, nothing stored: beyond the granted 84 months, above the allocation
        TableHashes before = TableHashes.of(ds);
        HttpResponse<String> longer = api.call(ADVISOR, "POST", "/guarantees/" + allocation + "/bank-loan", bankLoan("40000.00", "96"));
        assertEquals(400, longer.statusCode(), longer.body());
        assertEquals("durationMonths", Api.json(longer).getString("field"));
        HttpResponse<String> over = api.call(ADVISOR, "POST", "/guarantees/" + allocation + "/bank-loan", bankLoan("40000.02", "60"));
        assertEquals(409, over.statusCode(), over.body());
        assertEquals(money("20000.00"), dec(Api.json(over), "available"));
        assertEquals(List.of(), before.differences(TableHashes.of(ds), VOLATILE), "a refusal stores nothing");

        HttpResponse<String> r = api.call(ADVISOR, "POST", "/guarantees/" + allocation + "/bank-loan", bankLoan("40000.00", "60"));
        assertEquals(201, r.statusCode(), r.body());
        JsonObject g = Api.json(r);
        assertEquals("RUNNING", g.getString("status"));
        assertEquals(money("20000.00"), dec(g, "guaranteed"));
        assertEquals(money("200.00"), dec(g, "commission"));
        assertEquals(start().plusMonths(60).toString(), g.getString("endDate"));
        assertEquals(expectedExposure(ds, allocation, today()), dec(g, "guaranteedOutstanding"));

        JsonObject schedule = api.read(ADVISOR, "/guarantees/" + allocation + "/schedule");
        JsonArray lines = schedule.getJsonArray("lines");
        assertEquals(60, lines.size());
        // the worked example of GuaranteedLoanTest: annuity 718.74, first line 618.74 + 100.00
        assertEquals(money("618.74"), dec(lines.getJsonObject(0), "capital"));
        assertEquals(money("100.00"), dec(lines.getJsonObject(0), "interest"));
        assertEquals(money("39381.26"), dec(lines.getJsonObject(0), "remaining"));
        assertEquals(money("19690.63"), dec(lines.getJsonObject(0), "guaranteedRemaining"));
        assertEquals(money("40000.00"), Sql.decimal(ds, "SELECT SUM(l.capital) FROM guaranteed_loan_line l JOIN guaranteed_loan g"
                + " ON g.id = l.loan_id WHERE g.allocation_id = ?", allocation).setScale(2));

        assertEquals(1L, movements(ds, allocation, "GUARANTEE_COMMISSION"));
        assertEquals(money("200.00"), Sql.decimal(ds, "SELECT amount FROM ledger_movement WHERE allocation_id = ?"
                + " AND kind = 'GUARANTEE_COMMISSION'", allocation).setScale(2));
        assertEquals(1L, Sql.count(ds, "SELECT COUNT(*) FROM audit_event WHERE action = 'GUARANTEE_LOAN_RECORDED'"
                + " AND entity_id = ?", String.valueOf(allocation)));

        // once only
        TableHashes once = TableHashes.of(ds);
        HttpResponse<String> again = api.call(ADVISOR, "POST", "/guarantees/" + allocation + "/bank-loan", bankLoan("40000.00", "60"));
        assertEquals(409, again.statusCode(), again.body());
        assertEquals(List.of(), once.differences(TableHashes.of(ds), VOLATILE));
    }

    @Test
    @Order(2)
    void theExposurePerConventionFallsWithTheBanksOutstandingCapitalAsOfAnyDate() throws Exception {
        DataSource ds = Sql.ds();
        long allocation = allocation(ds);
        String reference = Sql.string(ds, "SELECT reference FROM convention WHERE id = ?", fund(ds));
        LocalDate firstDue = start().plusMonths(1);
        for (LocalDate d : List.of(start().minusDays(1), start(), firstDue.minusDays(1), firstDue, today(),
                start().plusMonths(30), start().plusMonths(60))) {
            JsonObject row = exposureRow(BDT, d, reference);
            assertNotNull(row, "BdT sees its guarantee fund on " + d);
            assertEquals(expectedExposure(ds, allocation, d), dec(row, "guaranteedOutstanding"), d.toString());
            assertEquals(dec(row, "guaranteedOutstanding"), dec(row, "exposure"), "nothing claimed yet");
            assertEquals(row.toString(), exposureRow(ADVISOR, d, reference).toString(), "the advisor sees the same figures");
        }
        assertEquals(money("20000.00"), dec(exposureRow(BDT, start(), reference), "guaranteedOutstanding"));
        assertEquals(money("19690.63"), dec(exposureRow(BDT, firstDue, reference), "guaranteedOutstanding"));
        assertEquals(money("0.00"), dec(exposureRow(BDT, start().plusMonths(60), reference), "guaranteedOutstanding"));
        assertEquals(null, exposureRow(REGION, today(), reference), "the region does not see BdT's fund");
        // per bank: CVL's one guarantee of the Crédit Coopératif, the same figure
        HttpResponse<String> banks = api.call(ADVISOR, "GET", "/guarantees/exposure/banks?date=" + firstDue, null);
        assertEquals(200, banks.statusCode(), banks.body());
        JsonObject bank = Api.array(banks).getValuesAs(JsonObject.class).stream()
                .filter(b -> b.getString("bank").equals("Crédit Coopératif")).findFirst().orElseThrow();
        assertEquals(1, bank.getInt("guarantees"));
        assertEquals(money("19690.63"), dec(bank, "guaranteedOutstanding"));
        // summed over what each sees: the network for the national administrator, the partner's conventions for BdT
        for (String user : List.of(ADMIN, BDT, ADVISOR)) {
            JsonObject total = api.read(user, "/guarantees/exposure/total?date=" + firstDue);
            List<JsonObject> rows = Api.array(api.call(user, "GET", "/guarantees/exposure?date=" + firstDue, null))
                    .getValuesAs(JsonObject.class);
            List<JsonObject> perBank = Api.array(api.call(user, "GET", "/guarantees/exposure/banks?date=" + firstDue, null))
                    .getValuesAs(JsonObject.class);
            for (String figure : List.of("guaranteedOutstanding", "claimedUnpaid", "paid", "recovered", "exposure")) {
                assertEquals(sum(rows, figure), dec(total, figure), user + ": " + figure + " is the sum of its conventions");
                assertEquals(sum(perBank, figure), dec(total, figure), user + ": " + figure + " is the sum of its banks");
            }
            assertEquals(rows.stream().mapToLong(r -> r.getInt("guarantees")).sum(), total.getInt("guarantees"));
            assertEquals(user.equals(ADMIN) ? "NETWORK" : user.equals(BDT) ? "PARTNER" : "ASSOCIATION", total.getString("scope"));
        }
        assertTrue(api.read(ADMIN, "/guarantees/exposure/total?date=" + firstDue).getInt("guarantees")
                > api.read(ADVISOR, "/guarantees/exposure/total?date=" + firstDue).getInt("guarantees"),
                "the network holds Bretagne's guarantees too");
        JsonObject g = api.read(BDT, "/guarantees/" + allocation + "?date=" + firstDue);
        assertEquals(money("19690.63"), dec(g, "guaranteedOutstanding"));
        assertEquals(404, api.call(REGION, "GET", "/guarantees/" + allocation, null).statusCode());
    }

    @Test
    @Order(3)
    void aCallAboveTheGuaranteedOutstandingAtTheDefaultDateIsRefusedThenItsPaymentWaitsForASecondPerson() throws Exception {
        DataSource ds = Sql.ds();
        long allocation = allocation(ds);
        LocalDate defaulted = today().minusMonths(1);
        BigDecimal cap = expectedExposure(ds, allocation, defaulted);
        TableHashes before = TableHashes.of(ds);
        HttpResponse<String> over = api.call(ADVISOR, "POST", "/guarantees/" + allocation + "/calls",
                "{\"defaultDate\":\"" + defaulted + "\",\"amount\":\"" + cap.add(money("0.01")) + "\"}");
        assertEquals(409, over.statusCode(), over.body());
        assertEquals(cap, dec(Api.json(over), "available"));
        HttpResponse<String> future = api.call(ADVISOR, "POST", "/guarantees/" + allocation + "/calls",
                "{\"defaultDate\":\"" + today().plusDays(2) + "\",\"amount\":\"100.00\"}");
        assertEquals(400, future.statusCode(), future.body());
        assertEquals("defaultDate", Api.json(future).getString("field"));
        assertEquals(List.of(), before.differences(TableHashes.of(ds), VOLATILE), "a refused call stores nothing");

        HttpResponse<String> called = api.call(ADVISOR, "POST", "/guarantees/" + allocation + "/calls",
                "{\"defaultDate\":\"" + defaulted + "\",\"amount\":\"12000.00\"}");
        assertEquals(201, called.statusCode(), called.body());
        JsonObject call = Api.json(called);
        long callId = call.getJsonNumber("id").longValue();
        assertEquals(cap, dec(call, "cap"));
        assertEquals("CLAIMED", call.getString("status"));
        String reference = Sql.string(ds, "SELECT reference FROM convention WHERE id = ?", fund(ds));
        JsonObject row = exposureRow(BDT, today(), reference);
        assertEquals(money("0.00"), dec(row, "guaranteedOutstanding"), "a called guarantee no longer follows the schedule");
        assertEquals(money("12000.00"), dec(row, "claimedUnpaid"));
        assertEquals(money("12000.00"), dec(row, "exposure"));

        // 12,000.00 is above CVL's 10,000.00 threshold: a proposal, no money moves
        HttpResponse<String> pay = api.call(ADVISOR, "POST", "/guarantees/" + allocation + "/calls/" + callId + "/payment",
                "{\"date\":\"" + today() + "\"}");
        assertEquals(202, pay.statusCode(), pay.body());
        long proposal = Api.json(pay).getJsonNumber("id").longValue();
        assertEquals(0L, movements(ds, allocation, "GUARANTEE_CALL"));
        assertEquals(409, api.call(ADVISOR, "POST", "/guarantees/" + allocation + "/calls/" + callId + "/payment", "{}")
                .statusCode(), "one proposal at a time");
        TableHashes proposed = TableHashes.of(ds);
        HttpResponse<String> own = api.call(ADVISOR, "POST", "/approvals/" + proposal + "/approve", null);
        assertEquals(403, own.statusCode(), own.body());
        assertEquals(List.of(), proposed.differences(TableHashes.of(ds), VOLATILE), "the proposer's approval changes nothing");

        HttpResponse<String> approved = api.call(ADMIN, "POST", "/approvals/" + proposal + "/approve", null);
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals(1L, movements(ds, allocation, "GUARANTEE_CALL"));
        assertEquals(money("12000.00"), Sql.decimal(ds, "SELECT called FROM allocation WHERE id = ?", allocation).setScale(2));
        assertEquals("PAID", Sql.string(ds, "SELECT status FROM guarantee_call WHERE id = ?", callId));
        assertEquals(ADMIN, Sql.string(ds, "SELECT paid_by FROM guarantee_call WHERE id = ?", callId));
        assertEquals(409, api.call(ADVISOR, "POST", "/guarantees/" + allocation + "/calls/" + callId + "/payment", "{}")
                .statusCode(), "paid once");
        assertEquals(1L, movements(ds, allocation, "GUARANTEE_CALL"));
        row = exposureRow(BDT, today(), reference);
        assertEquals(money("0.00"), dec(row, "claimedUnpaid"));
        assertEquals(money("12000.00"), dec(row, "paid"));
    }

    @Test
    @Order(4)
    void recoveriesFollowThePaymentAndTheReleaseGivesBackWhatTheBankDidNotCall() throws Exception {
        DataSource ds = Sql.ds();
        long allocation = allocation(ds);
        long callId = Sql.count(ds, "SELECT k.id FROM guarantee_call k JOIN guaranteed_loan g ON g.id = k.loan_id"
                + " WHERE g.allocation_id = ?", allocation);
        HttpResponse<String> r = api.call(ADVISOR, "POST", "/guarantees/" + allocation + "/calls/" + callId + "/recoveries",
                "{\"amount\":\"2000.00\",\"date\":\"" + today() + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(1L, movements(ds, allocation, "GUARANTEE_RECOVERY"));
        TableHashes before = TableHashes.of(ds);
        HttpResponse<String> over = api.call(ADVISOR, "POST", "/guarantees/" + allocation + "/calls/" + callId + "/recoveries",
                "{\"amount\":\"10000.01\"}");
        assertEquals(409, over.statusCode(), over.body());
        assertEquals(money("10000.00"), dec(Api.json(over), "available"));
        assertEquals(List.of(), before.differences(TableHashes.of(ds), VOLATILE));

        BigDecimal allocatedBefore = Sql.decimal(ds, "SELECT allocated FROM convention WHERE id = ?", fund(ds)).setScale(2);
        HttpResponse<String> released = api.call(ADVISOR, "POST", "/guarantees/" + allocation + "/release", "{}");
        assertEquals(200, released.statusCode(), released.body());
        assertEquals("RELEASED", Api.json(released).getString("status"));
        assertEquals(money("8000.00"), Sql.decimal(ds, "SELECT amount FROM ledger_movement WHERE allocation_id = ?"
                + " AND kind = 'RELEASE'", allocation).setScale(2), "20,000.00 committed, 12,000.00 called");
        assertEquals(allocatedBefore.subtract(money("8000.00")),
                Sql.decimal(ds, "SELECT allocated FROM convention WHERE id = ?", fund(ds)).setScale(2));
        // the kept total still equals the ledger's ALLOCATION − RELEASE
        assertEquals(0L, Sql.count(ds, "SELECT COUNT(*) FROM convention c WHERE c.id = ? AND c.allocated <> (SELECT"
                + " COALESCE(SUM(CASE WHEN m.kind = 'ALLOCATION' THEN m.amount WHEN m.kind = 'RELEASE' THEN -m.amount ELSE 0 END), 0)"
                + " FROM ledger_movement m WHERE m.convention_id = c.id)", fund(ds)));
        assertEquals(409, api.call(ADVISOR, "POST", "/guarantees/" + allocation + "/release", "{}").statusCode());

        JsonObject g = api.read(BDT, "/guarantees/" + allocation);
        JsonObject call = g.getJsonArray("calls").getJsonObject(0);
        assertEquals(money("2000.00"), dec(call, "recovered"));
        assertEquals(1, call.getJsonArray("recoveries").size());
        String reference = Sql.string(ds, "SELECT reference FROM convention WHERE id = ?", fund(ds));
        assertEquals(money("2000.00"), dec(exposureRow(BDT, today(), reference), "recovered"));
    }

    @Test
    @Order(5)
    void theEntrepreneurReadsTheGuaranteedLoansScheduleAndNoOneElseOutsideTheFile() throws Exception {
        DataSource ds = Sql.ds();
        long allocation = allocation(ds);
        HttpResponse<String> mine = api.call("porteur@demo.essor", "GET", "/guarantees/" + allocation + "/schedule", null);
        assertEquals(200, mine.statusCode(), mine.body());
        assertEquals(60, Api.json(mine).getJsonArray("lines").size());
        assertEquals(404, api.call("porteur2@demo.essor", "GET", "/guarantees/" + allocation + "/schedule", null).statusCode());
        assertEquals(404, api.call(REGION, "GET", "/guarantees/" + allocation + "/schedule", null).statusCode());
        assertEquals(403, api.call("porteur@demo.essor", "GET", "/guarantees/" + allocation, null).statusCode());
        assertEquals(403, api.call(BDT, "POST", "/guarantees/" + allocation + "/release", "{}").statusCode());
        assertTrue(Sql.count(ds, "SELECT COUNT(*) FROM audit_event WHERE action IN ('GUARANTEE_CLAIMED', 'GUARANTEE_RECOVERY',"
                + " 'GUARANTEE_RELEASED', 'GUARANTEE_COMMISSION')") >= 4);
    }
}
