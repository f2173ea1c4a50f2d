package fr.essor.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 14, loans with products, through the REST API on the real database: the schedule previewed
 * before anything is stored and the product's limits, then on the demo's participative loan of BZH
 * (20,000.00 at 2 % over 60 months, 6 months of grace, disbursed ten months ago and repaid so far,
 * the latest instalment half): a repayment paying what is due oldest first then capital ahead, an
 * overpayment refused with nothing stored, two repayments at once both applied once, a reversal
 * refused to the one who recorded it and made by the association's administrator, a rescheduling
 * keeping the replaced schedule. The tests run in order on that one loan; each re-reads what the
 * database holds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoansIT extends OnTheBuiltWar {

    private static final String ADVISOR_BZH = "conseil-bzh@demo.essor";
    private static final String ADMIN_BZH = "admin-bzh@demo.essor";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Set<String> VOLATILE = Set.of("outbox_message", "audit_event", "audit_chain_head");

    LoansIT() {
        super(Duration.ofSeconds(60));
    }


    private static DataSource ds() throws Exception {
        return Sql.ds();
    }

    private static long loan(DataSource ds) throws Exception {
        return Sql.count(ds, "SELECT al.id FROM allocation al JOIN convention c"
                + " ON c.id = al.convention_id WHERE c.reference LIKE 'CAISSE-BZH-%-PRETS-PARTICIPATIFS'");
    }

    private static long product(DataSource ds, String code) throws Exception {
        return Sql.count(ds, "SELECT id FROM loan_product WHERE code = ?", code);
    }

    private static BigDecimal dec(JsonObject o, String name) {
        JsonValue v = o.get(name);
        // amounts travel as strings ("12000.00"), as the API's description says
        return (v instanceof JsonString t ? new BigDecimal(t.getString()) : ((JsonNumber) v)
                .bigDecimalValue()).setScale(2);
    }

    private static BigDecimal money(String s) {
        return new BigDecimal(s).setScale(2);
    }

    private static BigDecimal repaidInLedger(DataSource ds, long allocation) throws Exception {
        return Sql.decimal(ds, "SELECT COALESCE(SUM(amount), 0) FROM ledger_movement WHERE allocation_id = ? AND kind = 'REPAYMENT'",
                allocation).setScale(2);
    }

    /** The convention's kept total of what was repaid equals the sum of its REPAYMENT rows (reversals included). */
    private static void repaidTotalsAgree(DataSource ds, long allocation) throws Exception {
        assertEquals(0L, Sql.count(ds, "SELECT COUNT(*) FROM convention c WHERE c.id = (SELECT convention_id FROM allocation"
                + " WHERE id = ?) AND c.repaid <> (SELECT COALESCE(SUM(m.amount), 0) FROM ledger_movement m"
                + " WHERE m.convention_id = c.id AND m.kind = 'REPAYMENT')", allocation));
    }

    @Test
    @Order(1)
    void theScheduleIsPreviewedBeforeAnythingIsStoredAndTheProductsLimitsAreKept() throws Exception {
        DataSource ds = ds();
        long participative = product(ds, "PARTICIPATIVE");
        TableHashes before = TableHashes.of(ds);
        HttpResponse<String> r = api.call(ADVISOR_BZH, "POST", "/loan-products/" + participative + "/preview",
                "{\"principal\":\"12000.00\",\"annualRate\":\"2\",\"durationMonths\":\"12\",\"graceMonths\":\"0\","
                        + "\"firstDueDate\":\"2027-01-05\"}");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject s = Api.json(r);
        JsonArray lines = s.getJsonArray("lines");
        assertEquals(12, lines.size());
        // the worked example of docs/LOANS.md and LoanScheduleTest
        assertEquals(money("990.86"), dec(lines.getJsonObject(0), "capital"));
        assertEquals(money("20.00"), dec(lines.getJsonObject(0), "interest"));
        assertEquals(money("1010.94"), dec(lines.getJsonObject(11), "total"));
        assertEquals(money("12130.40"), dec(s, "total"));
        assertEquals(money("12000.00"), dec(s, "totalCapital"));

        long loan = loan(ds);
        HttpResponse<String> mine = api.call(ADVISOR_BZH, "POST", "/loans/" + loan + "/preview", "{\"productId\":\""
                + participative + "\",\"annualRate\":\"2.5\",\"durationMonths\":\"48\",\"graceMonths\":\"12\","
                + "\"firstDueDate\":\"2027-02-05\"}");
        assertEquals(200, mine.statusCode(), mine.body());
        assertEquals(money("20000.00"), dec(Api.json(mine), "totalCapital"));
        assertEquals(48, Api.json(mine).getJsonArray("lines").size());

        // outside the product's limits: 400 naming the field
        String[][] refused = {
            {"\"annualRate\":\"4.5\",\"durationMonths\":\"60\",\"graceMonths\":\"0\"", "annualRate"},
            {"\"annualRate\":\"2\",\"durationMonths\":\"6\",\"graceMonths\":\"0\"", "durationMonths"},
            {"\"annualRate\":\"2\",\"durationMonths\":\"60\",\"graceMonths\":\"30\"", "graceMonths"},
            {"\"annualRate\":\"2\",\"durationMonths\":\"abc\",\"graceMonths\":\"0\"", "durationMonths"},
        };
        for (String[] c : refused) {
            HttpResponse<String> no = api.call(ADVISOR_BZH, "POST", "/loan-products/" + participative + "/preview",
                    "{\"principal\":\"12000.00\"," + c[0] + ",\"firstDueDate\":\"2027-01-05\"}");
            assertEquals(400, no.statusCode(), no.body());
            assertEquals(c[1], Api.json(no).getString("field"), no.body());
        }
        // storing a schedule with a rate the product refuses changes nothing either
        HttpResponse<String> store = api.call(ADVISOR_BZH, "POST", "/loans/" + loan + "/schedule", "{\"productId\":\""
                + participative + "\",\"annualRate\":\"7\",\"durationMonths\":\"60\",\"graceMonths\":\"6\","
                + "\"firstDueDate\":\"2027-02-05\"}");
        assertEquals(400, store.statusCode(), store.body());
        assertEquals("annualRate", Api.json(store).getString("field"));
        assertEquals(List.of(), before.differences(TableHashes.of(ds), VOLATILE), "a preview or a refusal stores nothing");
    }

    @Test
    @Order(2)
    void aRepaymentPaysWhatIsDueOldestFirstThenCapitalAhead() throws Exception {
        DataSource ds = ds();
        long loan = loan(ds);
        LocalDate today = LocalDate.now(PARIS);
        JsonArray lines = api.read(ADVISOR_BZH, "/loans/" + loan + "/schedule").getJsonArray("lines");
        BigDecimal dueOwed = BigDecimal.ZERO.setScale(2);
        List<Integer> dueOpen = new ArrayList<>();
        int nextOpen = -1;
        for (JsonValue v : lines) {
            JsonObject l = v.asJsonObject();
            String status = l.getString("status");
            if (status.equals("PAID")) {
                continue;
            }
            BigDecimal owed = dec(l, "total").subtract(dec(l, "paidCapital")).subtract(dec(l, "paidInterest"));
            if (!LocalDate.parse(l.getString("dueDate")).isAfter(today)) {
                dueOwed = dueOwed.add(owed);
                dueOpen.add(l.getInt("number"));
            } else if (nextOpen < 0) {
                nextOpen = l.getInt("number");
            }
        }
        assertTrue(!dueOpen.isEmpty(), "the demo's latest instalment due is half paid: " + lines);
        BigDecimal ledgerBefore = repaidInLedger(ds, loan);
        BigDecimal amount = dueOwed.add(money("100.00"));
        HttpResponse<String> r = api.call(ADVISOR_BZH, "POST", "/loans/" + loan + "/repayments",
                "{\"amount\":\"" + amount.toPlainString() + "\",\"date\":\"" + today + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Location").orElse("").contains("/loans/" + loan + "/repayments/"));
        JsonArray parts = Api.json(r).getJsonArray("parts");
        assertEquals(dueOpen.size() + 1, parts.size(), r.body());
        for (int k = 0; k < dueOpen.size(); k++) {
            assertEquals((int) dueOpen.get(k), parts.getJsonObject(k).getInt("instalment"), "oldest first: " + r.body());
        }
        JsonObject ahead = parts.getJsonObject(parts.size() - 1);
        assertEquals(nextOpen, ahead.getInt("instalment"));
        assertEquals(money("0.00"), dec(ahead, "interest"), "an early repayment pays capital, not interest ahead");
        assertEquals(money("100.00"), dec(ahead, "capital"));
        JsonArray after = api.read(ADVISOR_BZH, "/loans/" + loan + "/schedule").getJsonArray("lines");
        for (JsonValue v : after) {
            JsonObject l = v.asJsonObject();
            if (dueOpen.contains(l.getInt("number"))) {
                assertEquals("PAID", l.getString("status"));
            }
        }
        assertEquals(ledgerBefore.add(amount), repaidInLedger(ds, loan));
        repaidTotalsAgree(ds, loan);
        assertEquals(1L, Sql.count(ds, "SELECT COUNT(*) FROM repayment WHERE allocation_id = ? AND amount = ?", loan, amount));
    }

    @Test
    @Order(3)
    void anOverpaymentIsRefusedWithWhatIsOwedAndNothingChanges() throws Exception {
        DataSource ds = ds();
        long loan = loan(ds);
        BigDecimal owed = dec(api.read(ADVISOR_BZH, "/loans/" + loan), "owed");
        TableHashes before = TableHashes.of(ds);
        HttpResponse<String> r = api.call(ADVISOR_BZH, "POST", "/loans/" + loan + "/repayments",
                "{\"amount\":\"" + owed.add(money("0.01")).toPlainString() + "\"}");
        assertEquals(409, r.statusCode(), r.body());
        assertEquals(owed.toPlainString(), Api.json(r).getString("available"), r.body());
        HttpResponse<String> zero = api.call(ADVISOR_BZH, "POST", "/loans/" + loan + "/repayments", "{\"amount\":\"0\"}");
        assertEquals(400, zero.statusCode(), zero.body());
        assertEquals("amount", Api.json(zero).getString("field"));
        assertEquals(List.of(), before.differences(TableHashes.of(ds), VOLATILE));
    }

    @Test
    @Order(4)
    void twoRepaymentsAtOnceAreBothAppliedOnce() throws Exception {
        DataSource ds = ds();
        long loan = loan(ds);
        BigDecimal owed = dec(api.read(ADVISOR_BZH, "/loans/" + loan), "owed");
        long count = Sql.count(ds, "SELECT COUNT(*) FROM repayment WHERE allocation_id = ?", loan);
        BigDecimal ledger = repaidInLedger(ds, loan);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.call(ADVISOR_BZH, "POST", "/loans/" + loan + "/repayments", "{\"amount\":\"50.00\"}");
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> f : answers) {
                HttpResponse<String> r = f.get();
                assertEquals(201, r.statusCode(), r.body());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(count + 2, Sql.count(ds, "SELECT COUNT(*) FROM repayment WHERE allocation_id = ?", loan));
        assertEquals(owed.subtract(money("100.00")), dec(api.read(ADVISOR_BZH, "/loans/" + loan), "owed"), "none lost, none doubled");
        assertEquals(ledger.add(money("100.00")), repaidInLedger(ds, loan));
        // what the instalments record as paid is exactly what the repayments not reversed paid (this loan is only
        // ever paid through repayments)
        assertEquals(Sql.decimal(ds, "SELECT COALESCE(SUM(p.interest + p.capital), 0) FROM repayment_part p JOIN repayment r"
                        + " ON r.id = p.repayment_id WHERE r.allocation_id = ? AND r.reversed_by IS NULL", loan).setScale(2),
                Sql.decimal(ds, "SELECT COALESCE(SUM(paid_interest + paid_capital), 0) FROM instalment WHERE allocation_id = ?",
                        loan).setScale(2));
        repaidTotalsAgree(ds, loan);
    }

    @Test
    @Order(5)
    void aRepaymentIsReversedByASecondPersonWithAReasonNeverByItsRecorder() throws Exception {
        DataSource ds = ds();
        long loan = loan(ds);
        JsonObject latest = api.read(ADVISOR_BZH, "/loans/" + loan + "/repayments?size=1").getJsonArray("items").getJsonObject(0);
        long id = latest.getJsonNumber("id").longValue();
        BigDecimal amount = dec(latest, "amount");
        BigDecimal owed = dec(api.read(ADVISOR_BZH, "/loans/" + loan), "owed");
        String path = "/loans/" + loan + "/repayments/" + id + "/reversal";
        TableHashes before = TableHashes.of(ds);
        HttpResponse<String> own = api.call(ADVISOR_BZH, "POST", path, "{\"reason\":\"Saisie en double\"}");
        assertEquals(403, own.statusCode(), own.body());
        assertEquals("FOUR_EYES", Api.json(own).getString("error"));
        HttpResponse<String> noReason = api.call(ADMIN_BZH, "POST", path, "{\"reason\":\"  \"}");
        assertEquals(400, noReason.statusCode(), noReason.body());
        assertEquals("reason", Api.json(noReason).getString("field"));
        assertEquals(List.of(), before.differences(TableHashes.of(ds), VOLATILE), "a refused reversal changes nothing");

        BigDecimal ledger = repaidInLedger(ds, loan);
        HttpResponse<String> ok = api.call(ADMIN_BZH, "POST", path, "{\"reason\":\"Chèque rejeté par la banque\"}");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(ADMIN_BZH, Api.json(ok).getString("reversedBy"));
        assertEquals(ledger.subtract(amount), repaidInLedger(ds, loan), "a REPAYMENT of the opposite amount");
        assertEquals(1L, Sql.count(ds, "SELECT COUNT(*) FROM ledger_movement WHERE allocation_id = ? AND kind = 'REPAYMENT'"
                + " AND amount = ?", loan, amount.negate()));
        assertEquals(owed.add(amount), dec(api.read(ADVISOR_BZH, "/loans/" + loan), "owed"), "the instalments are due again");
        repaidTotalsAgree(ds, loan);
        assertEquals(1L, Sql.count(ds, "SELECT COUNT(*) FROM audit_event WHERE action = 'REVERSE_REPAYMENT'"));
        HttpResponse<String> again = api.call(ADVISOR_BZH, "POST", path, "{\"reason\":\"encore\"}");
        assertEquals(403, again.statusCode(), "still its recorder: " + again.body());
        HttpResponse<String> twice = api.call(ADMIN_BZH, "POST", path, "{\"reason\":\"encore\"}");
        assertEquals(409, twice.statusCode(), twice.body());
    }

    @Test
    @Order(6)
    void aReschedulingKeepsTheReplacedScheduleReadable() throws Exception {
        DataSource ds = ds();
        long loan = loan(ds);
        JsonObject old = api.read(ADVISOR_BZH, "/loans/" + loan + "/schedule");
        int oldLines = old.getJsonArray("lines").size();
        long someRepayment = api.read(ADVISOR_BZH, "/loans/" + loan + "/repayments?size=200").getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(o -> !o.containsKey("reversedBy") || o.isNull("reversedBy")).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        LocalDate first = LocalDate.now(PARIS).plusMonths(2).withDayOfMonth(5);
        HttpResponse<String> r = api.call(ADVISOR_BZH, "POST", "/loans/" + loan + "/reschedulings",
                "{\"durationMonths\":\"36\",\"moratoriumMonths\":\"3\",\"firstDueDate\":\"" + first + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(2, Api.json(r).getInt("toVersion"));
        BigDecimal remaining = dec(Api.json(r), "remainingCapital");

        HttpResponse<String> all = api.call(ADVISOR_BZH, "GET", "/loans/" + loan + "/schedules", null);
        JsonArray schedules = Api.array(all);
        assertEquals(2, schedules.size());
        JsonObject current = schedules.getJsonObject(0);
        assertEquals(2, current.getInt("version"));
        assertTrue(current.getBoolean("current"));
        assertEquals(money("20000.00"), dec(current, "totalCapital"), "kept lines and new ones still repay the principal");
        JsonObject replaced = schedules.getJsonObject(1);
        assertEquals(1, replaced.getInt("version"));
        assertEquals(oldLines, replaced.getJsonArray("lines").size(), "the old schedule as it stood");
        BigDecimal newCapital = BigDecimal.ZERO.setScale(2);
        int newLines = 0;
        for (JsonValue v : current.getJsonArray("lines")) {
            JsonObject l = v.asJsonObject();
            if (!LocalDate.parse(l.getString("dueDate")).isBefore(first)) {
                newCapital = newCapital.add(dec(l, "capital"));
                newLines++;
            }
        }
        assertEquals(remaining, newCapital, "the new lines repay exactly what remained");
        assertEquals(36, newLines, "36 monthly lines, 3 of them interest only");
        assertEquals(1, Api.array(api.call(ADVISOR_BZH, "GET", "/loans/" + loan + "/reschedulings", null)).size());
        assertEquals(1L, Sql.count(ds, "SELECT COUNT(*) FROM allocation WHERE id = ? AND schedule_version = 2", loan));

        HttpResponse<String> stale = api.call(ADMIN_BZH, "POST", "/loans/" + loan + "/repayments/" + someRepayment + "/reversal",
                "{\"reason\":\"trop tard\"}");
        assertEquals(409, stale.statusCode(), stale.body());
        HttpResponse<String> outsider = api.call(Fixtures.ADVISOR, "GET", "/loans/" + loan + "/schedules", null);
        assertEquals(404, outsider.statusCode(), "another association's advisor does not see it");
    }
}
