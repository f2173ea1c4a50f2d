package fr.essor.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import fr.essor.model.arrears.ArrearsBucket;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 14, item 3, arrears, through the REST API on the real database and a real SMTP server: on
 * the demo's Breizh Récup loans (one unpaid since about 15, 60, 135 and 250 days), the run as of
 * today puts each in its bucket with its days past due and overdue amounts; the dunning notices go
 * to the owner once per loan and level (a second run mails nothing, a new plan only the level newly
 * reached); PAR30 and PAR90 agree with the run's snapshots; a write-off moves the remaining capital,
 * recoveries are capped by the written-off balance; above the four-eyes threshold a write-off waits
 * for a second person; refusals change nothing. The tests run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArrearsIT extends OnTheBuiltWar {

    private static final String ADMIN = "admin@demo.essor";
    private static final String ADMIN_BZH = "admin-bzh@demo.essor";
    private static final String ADVISOR_BZH = "conseil-bzh@demo.essor";
    private static final String OWNER = "porteur-bzh@demo.essor";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Set<String> VOLATILE = Set.of("outbox_message", "audit_event", "audit_chain_head");
    private static GreenMail smtp;

    ArrearsIT() {
        super(Duration.ofSeconds(60));
    }

    @BeforeAll
    static void smtpServer() {
        smtp = Smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp = Smtp.stop(smtp);
    }

    private static DataSource ds() throws Exception {
        return Sql.ds();
    }

    private static LocalDate today() {
        return LocalDate.now(PARIS);
    }

    /** The demo's Breizh Récup loan of that amount. */
    private static long loan(DataSource ds, String amount) throws Exception {
        return Sql.count(ds, "SELECT al.id FROM allocation al JOIN convention c ON c.id = al.convention_id"
                + " WHERE c.reference LIKE 'CAISSE-BZH-%-PRETS-SOLIDAIRES' AND al.amount = ?", new BigDecimal(amount));
    }

    private static BigDecimal dec(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return (v instanceof JsonString t ? new BigDecimal(t.getString()) : ((JsonNumber) v)
                .bigDecimalValue()).setScale(2);
    }

    private static BigDecimal openCapital(DataSource ds, long allocation) throws Exception {
        return Sql.decimal(ds, "SELECT COALESCE(SUM(COALESCE(capital, amount) - paid_capital), 0) FROM instalment"
                + " WHERE allocation_id = ? AND status IN ('DUE', 'LATE')", allocation).setScale(2);
    }

    private JsonObject runToday() throws Exception {
        HttpResponse<String> r = api.call(ADMIN, "POST", "/arrears/runs", "{\"asOf\":\"" + today() + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        return Api.json(r);
    }

    @Test
    @Order(1)
    void theRunPutsEachDemoLoanInItsBucketWithItsDaysPastDueAndOverdueAmounts() throws Exception {
        DataSource ds = ds();
        JsonObject run = runToday();
        assertEquals(today().toString(), run.getString("asOf"));
        assertTrue(run.getInt("inArrears") >= 4, run.toString());
        assertEquals(1L, Sql.count(ds, "SELECT COUNT(*) FROM arrears_run WHERE as_of = ?", Date.valueOf(today())),
                "the demo's run of today was replaced, not doubled");
        String[][] expected = {{"8000.00", "DAYS_1_30"}, {"10000.00", "DAYS_31_90"}, {"12000.00", "DAYS_91_180"},
            {"6000.00", "OVER_180"}};
        for (String[] e : expected) {
            long id = loan(ds, e[0]);
            LocalDate oldest = LocalDate.parse(Sql.string(ds, "SELECT MIN(due_date) FROM instalment"
                    + " WHERE allocation_id = ? AND status IN ('DUE', 'LATE') AND due_date < ?", id,
                    Date.valueOf(today())));
            long days = ChronoUnit.DAYS.between(oldest, today());
            assertEquals(e[1], ArrearsBucket.of(days).name(), "the demo's loan of " + e[0]);
            JsonObject a = api.read(ADVISOR_BZH, "/arrears/loans/" + id);
            assertEquals(days, a.getInt("daysPastDue"), a.toString());
            assertEquals(e[1], a.getString("bucket"));
            BigDecimal overdueCapital = Sql.decimal(ds, "SELECT SUM(COALESCE(capital, amount) - paid_capital) FROM instalment"
                    + " WHERE allocation_id = ? AND status IN ('DUE', 'LATE') AND due_date < ?", id,
                    Date.valueOf(today())).setScale(2);
            BigDecimal overdueInterest = Sql.decimal(ds, "SELECT SUM(COALESCE(interest, 0) - paid_interest) FROM instalment"
                    + " WHERE allocation_id = ? AND status IN ('DUE', 'LATE') AND due_date < ?", id,
                    Date.valueOf(today())).setScale(2);
            assertEquals(overdueCapital, dec(a, "overdueCapital"));
            assertEquals(overdueInterest, dec(a, "overdueInterest"));
            assertTrue(overdueInterest.signum() > 0, "2 % loans owe interest too");
        }
        // the list: BZH's loans only, most days past due first, paged in SQL, with the count per bucket
        JsonObject all = api.read(ADVISOR_BZH, "/arrears?size=2");
        long total = all.getJsonNumber("total").longValue();
        assertEquals(Sql.count(ds, "SELECT COUNT(*) FROM arrears_snapshot s JOIN association a ON a.id = s.association_id"
                + " WHERE a.code = 'BZH' AND s.run_id = (SELECT id FROM arrears_run WHERE as_of = ?)",
                Date.valueOf(today())), total);
        assertEquals(2, all.getJsonArray("items").size());
        assertEquals(loan(ds, "6000.00"), all.getJsonArray("items").getJsonObject(0).getJsonNumber("allocationId").longValue());
        long counted = 0;
        for (JsonValue v : all.getJsonArray("buckets")) {
            JsonObject b = v.asJsonObject();
            assertTrue(b.getJsonNumber("loans").longValue() >= 1, "a loan in each bucket: " + all.getJsonArray("buckets"));
            counted += b.getJsonNumber("loans").longValue();
        }
        assertEquals(4, all.getJsonArray("buckets").size());
        assertEquals(total, counted);
        JsonObject over = api.read(ADVISOR_BZH, "/arrears?bucket=over_180");
        assertEquals(1, over.getJsonNumber("total").longValue(), over.toString());
        assertEquals("OVER_180", over.getJsonArray("items").getJsonObject(0).getString("bucket"));
        // CVL's advisor sees none of Bretagne's loans; the national administrator may ask for BZH's
        assertEquals(0, api.read("conseil@demo.essor", "/arrears").getJsonNumber("total").longValue());
        long bzh = Sql.count(ds, "SELECT id FROM association WHERE code = 'BZH'");
        assertEquals(total, api.read(ADMIN, "/arrears?association=" + bzh).getJsonNumber("total").longValue());
        assertEquals(404, api.call("conseil@demo.essor", "GET", "/arrears?association=" + bzh, null).statusCode());
    }

    @Test
    @Order(2)
    void dunningNoticesAreMailedToTheOwnerOncePerLoanAndLevel() throws Exception {
        DataSource ds = ds();
        sendNow();
        List<MimeMessage> mails = waitForMails(OWNER, 4);
        assertTrue(mails.stream().allMatch(m -> subject(m).contains("impayée")), "in French, the owner's language");
        long notices = Sql.count(ds, "SELECT COUNT(*) FROM dunning_notice");
        // default levels 15, 45, 90: the loans 15, 60, 135 and 250 days late reach levels 1, 2, 3 and 3
        assertEquals(1L, Sql.count(ds, "SELECT level_no FROM dunning_notice WHERE allocation_id = ?", loan(ds, "8000.00")));
        assertEquals(2L, Sql.count(ds, "SELECT level_no FROM dunning_notice WHERE allocation_id = ?", loan(ds, "10000.00")));
        assertEquals(3L, Sql.count(ds, "SELECT level_no FROM dunning_notice WHERE allocation_id = ?", loan(ds, "12000.00")));
        assertEquals(3L, Sql.count(ds, "SELECT level_no FROM dunning_notice WHERE allocation_id = ?", loan(ds, "6000.00")));

        // a second run of the day mails nothing more
        JsonObject again = runToday();
        assertEquals(notices, again.getInt("notices"), "the day's notices, none added");
        assertEquals(notices, Sql.count(ds, "SELECT COUNT(*) FROM dunning_notice"));

        // Bretagne reminds at 5 and 10 days: only the loan 15 days late reaches a new level (2)
        long bzh = Sql.count(ds, "SELECT id FROM association WHERE code = 'BZH'");
        HttpResponse<String> plan = api.call(ADMIN_BZH, "PUT", "/arrears/dunning/" + bzh, "{\"days\":\"5,10\"}");
        assertEquals(200, plan.statusCode(), plan.body());
        runToday();
        assertEquals(notices + 1, Sql.count(ds, "SELECT COUNT(*) FROM dunning_notice"));
        assertEquals(2L, Sql.count(ds, "SELECT MAX(level_no) FROM dunning_notice WHERE allocation_id = ?", loan(ds, "8000.00")));
        sendNow();
        waitForMails(OWNER, 5);
        JsonObject a = api.read(ADVISOR_BZH, "/arrears/loans/" + loan(ds, "8000.00"));
        assertEquals(2, a.getJsonArray("notices").size(), a.toString());
        assertEquals(1, a.getJsonArray("notices").getJsonObject(0).getInt("recipients"));
    }

    @Test
    @Order(3)
    void parThirtyAndNinetyAgreeWithTheRunsSnapshots() throws Exception {
        DataSource ds = ds();
        Date day = Date.valueOf(today());
        JsonObject par = api.read(ADVISOR_BZH, "/arrears/par");
        assertTrue(par.get("network") == null || par.get("network") == JsonValue.NULL,
                "the network's figure is for national administrators: " + par);
        assertEquals(1, par.getJsonArray("associations").size());
        JsonObject bzh = par.getJsonArray("associations").getJsonObject(0);
        assertEquals("BZH", bzh.getString("key"));
        BigDecimal outstanding = Sql.decimal(ds, "SELECT SUM(COALESCE(i.capital, i.amount) - i.paid_capital) FROM instalment i"
                + " JOIN allocation al ON al.id = i.allocation_id JOIN granted_line g ON g.id = al.granted_line_id"
                + " JOIN decision d ON d.id = g.decision_id JOIN application ap ON ap.id = d.application_id"
                + " JOIN enterprise e ON e.id = ap.enterprise_id JOIN association a ON a.id = e.association_id"
                + " WHERE a.code = 'BZH' AND i.status IN ('DUE', 'LATE')").setScale(2);
        BigDecimal risk30 = Sql.decimal(ds, "SELECT SUM(s.outstanding_capital) FROM arrears_snapshot s JOIN arrears_run r"
                + " ON r.id = s.run_id JOIN association a ON a.id = s.association_id WHERE r.as_of = ? AND a.code = 'BZH'"
                + " AND s.days_past_due > 30", day).setScale(2);
        BigDecimal risk90 = Sql.decimal(ds, "SELECT SUM(s.outstanding_capital) FROM arrears_snapshot s JOIN arrears_run r"
                + " ON r.id = s.run_id JOIN association a ON a.id = s.association_id WHERE r.as_of = ? AND a.code = 'BZH'"
                + " AND s.days_past_due > 90", day).setScale(2);
        assertEquals(outstanding, dec(bzh, "outstanding"));
        assertEquals(risk30, dec(bzh, "atRisk30"));
        assertEquals(risk90, dec(bzh, "atRisk90"));
        assertEquals(risk30.multiply(BigDecimal.valueOf(100)).divide(outstanding, 2, RoundingMode.HALF_UP),
                dec(bzh, "par30"));
        assertTrue(dec(bzh, "par90").signum() > 0 && dec(bzh, "par30").compareTo(dec(bzh, "par90")) >= 0, bzh.toString());
        // per convention: the solidarity fund's figure; the partner sees its conventions and no association
        JsonObject partner = api.read("partenaire-bzh@demo.essor", "/arrears/par");
        assertEquals(0, partner.getJsonArray("associations").size());
        assertTrue(partner.getJsonArray("conventions").getValuesAs(JsonObject.class).stream()
                .anyMatch(c -> c.getString("key").endsWith("-PRETS-SOLIDAIRES") && dec(c, "par90").signum() > 0),
                partner.toString());
        JsonObject cvlPartner = api.read("partenaire@demo.essor", "/arrears/par");
        assertTrue(cvlPartner.getJsonArray("conventions").getValuesAs(JsonObject.class).stream()
                .noneMatch(c -> c.getString("key").startsWith("CAISSE-BZH")), "no other partner's convention");
        JsonObject national = api.read(ADMIN, "/arrears/par");
        assertNotNull(national.getJsonObject("network"));
        assertTrue(dec(national.getJsonObject("network"), "outstanding").compareTo(outstanding) >= 0);
        assertEquals(403, api.call("porteur@demo.essor", "GET", "/arrears/par", null).statusCode());
    }

    @Test
    @Order(4)
    void aWriteOffMovesTheRemainingCapitalAndRecoveriesAreCappedByTheWrittenOffBalance() throws Exception {
        DataSource ds = ds();
        long id = loan(ds, "6000.00");
        BigDecimal remaining = openCapital(ds, id);
        assertTrue(remaining.compareTo(new BigDecimal("10000.00")) < 0, "below the four-eyes threshold: " + remaining);
        HttpResponse<String> w = api.call(ADVISOR_BZH, "POST", "/allocations/" + id + "/write-off", "{}");
        assertEquals(200, w.statusCode(), w.body());
        assertEquals(remaining, Sql.decimal(ds, "SELECT SUM(amount) FROM ledger_movement WHERE allocation_id = ?"
                + " AND kind = 'WRITE_OFF'", id).setScale(2), "the capital remaining, not the interest ahead");
        JsonObject a = api.read(ADVISOR_BZH, "/arrears/loans/" + id);
        assertEquals(remaining, dec(a, "writtenOffBalance"));

        HttpResponse<String> r = api.call(ADVISOR_BZH, "POST", "/arrears/loans/" + id + "/recoveries",
                "{\"amount\":\"500.00\",\"date\":\"" + today() + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        BigDecimal balance = remaining.subtract(new BigDecimal("500.00"));
        assertEquals(balance, dec(Api.json(r), "writtenOffBalance"));
        assertEquals(new BigDecimal("500.00"), Sql.decimal(ds, "SELECT SUM(amount) FROM ledger_movement WHERE allocation_id = ?"
                + " AND kind = 'RECOVERY'", id).setScale(2));

        TableHashes before = TableHashes.of(ds);
        HttpResponse<String> over = api.call(ADVISOR_BZH, "POST", "/arrears/loans/" + id + "/recoveries",
                "{\"amount\":\"" + balance.add(new BigDecimal("0.01")) + "\"}");
        assertEquals(409, over.statusCode(), over.body());
        assertEquals(balance.toPlainString(), Api.json(over).getString("available"));
        assertEquals(400, api.call(ADVISOR_BZH, "POST", "/arrears/loans/" + id + "/recoveries", "{\"amount\":\"-3\"}")
                .statusCode());
        assertEquals(400, api.call(ADVISOR_BZH, "POST", "/arrears/loans/" + id + "/recoveries",
                "{\"amount\":\"3\",\"date\":\"" + today().plusDays(5) + "\"}").statusCode());
        assertEquals(404, api.call("conseil@demo.essor", "POST", "/arrears/loans/" + id + "/recoveries",
                "{\"amount\":\"3\"}").statusCode());
        assertEquals(403, api.call("partenaire-bzh@demo.essor", "POST", "/arrears/loans/" + id + "/recoveries",
                "{\"amount\":\"3\"}").statusCode());
        long current = loan(ds, "8000.00");
        HttpResponse<String> none = api.call(ADVISOR_BZH, "POST", "/arrears/loans/" + current + "/recoveries",
                "{\"amount\":\"3\"}");
        assertEquals(409, none.statusCode(), none.body());
        assertEquals(List.of(), before.differences(TableHashes.of(ds), VOLATILE), "refusals store nothing");

        // the next run no longer counts it
        runToday();
        assertEquals(0L, Sql.count(ds, "SELECT COUNT(*) FROM arrears_snapshot s JOIN arrears_run r ON r.id = s.run_id"
                + " WHERE r.as_of = ? AND s.allocation_id = ?", Date.valueOf(today()), id));
    }

    @Test
    @Order(5)
    void aWriteOffAboveTheThresholdWaitsForASecondPerson() throws Exception {
        DataSource ds = ds();
        long id = loan(ds, "12000.00");
        BigDecimal remaining = openCapital(ds, id);
        assertTrue(remaining.compareTo(new BigDecimal("10000.00")) > 0, remaining.toString());
        HttpResponse<String> w = api.call(ADVISOR_BZH, "POST", "/allocations/" + id + "/write-off", "{}");
        assertEquals(202, w.statusCode(), w.body());
        JsonObject proposal = Api.json(w);
        assertEquals(remaining, dec(proposal, "amount"));
        assertEquals(0L, Sql.count(ds, "SELECT COUNT(*) FROM ledger_movement WHERE allocation_id = ? AND kind = 'WRITE_OFF'", id));
        HttpResponse<String> own = api.call(ADVISOR_BZH, "POST", "/approvals/" + proposal.getJsonNumber("id") + "/approve", "{}");
        assertEquals(403, own.statusCode(), own.body());
        HttpResponse<String> ok = api.call(ADMIN_BZH, "POST", "/approvals/" + proposal.getJsonNumber("id") + "/approve", "{}");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(remaining, Sql.decimal(ds, "SELECT SUM(amount) FROM ledger_movement WHERE allocation_id = ?"
                + " AND kind = 'WRITE_OFF'", id).setScale(2));
        assertEquals(remaining, dec(api.read(ADVISOR_BZH, "/arrears/loans/" + id), "writtenOffBalance"));
    }

    @Test
    @Order(6)
    void badRunsListsAndPlansAreRefusedAndChangeNothing() throws Exception {
        DataSource ds = ds();
        TableHashes before = TableHashes.of(ds);
        assertEquals(403, api.call(ADMIN_BZH, "POST", "/arrears/runs", "{}").statusCode(), "a run covers the network");
        assertEquals(403, api.call(ADVISOR_BZH, "POST", "/arrears/runs", "{}").statusCode());
        HttpResponse<String> ahead = api.call(ADMIN, "POST", "/arrears/runs", "{\"asOf\":\"" + today().plusDays(1) + "\"}");
        assertEquals(400, ahead.statusCode(), ahead.body());
        assertEquals("asOf", Api.json(ahead).getString("field"));
        assertEquals("asOf", Api.json(api.call(ADMIN, "POST", "/arrears/runs", "{\"asOf\":\"06/12/2026\"}")).getString("field"));
        HttpResponse<String> bucket = api.call(ADVISOR_BZH, "GET", "/arrears?bucket=LATE", null);
        assertEquals(400, bucket.statusCode());
        assertEquals("bucket", Api.json(bucket).getString("field"));
        long bzh = Sql.count(ds, "SELECT id FROM association WHERE code = 'BZH'");
        for (String days : new String[] {"", "45,15", "0", "abc", "1,2,3,4,5,6", "4000"}) {
            HttpResponse<String> p = api.call(ADMIN_BZH, "PUT", "/arrears/dunning/" + bzh, "{\"days\":\"" + days + "\"}");
            assertEquals(400, p.statusCode(), days + ": " + p.body());
            assertEquals("days", Api.json(p).getString("field"));
        }
        long cvl = Sql.count(ds, "SELECT id FROM association WHERE code = 'CVL'");
        assertEquals(404, api.call(ADMIN_BZH, "PUT", "/arrears/dunning/" + cvl, "{\"days\":\"10\"}").statusCode());
        assertEquals(403, api.call(ADVISOR_BZH, "PUT", "/arrears/dunning/" + bzh, "{\"days\":\"10\"}").statusCode());
        assertEquals(403, api.call("porteur@demo.essor", "GET", "/arrears", null).statusCode());
        assertEquals(404, api.call(ADVISOR_BZH, "GET", "/arrears?asOf=2001-01-01", null).statusCode());
        assertEquals(List.of(), before.differences(TableHashes.of(ds), VOLATILE), "refusals store nothing");
    }

    private void sendNow() throws Exception {
        HttpResponse<String> r = api.call(ADMIN, "POST", "/admin/outbox/send", null);
        assertEquals(200, r.statusCode(), r.body());
    }

    private static List<MimeMessage> waitForMails(String email, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        List<MimeMessage> found = List.of();
        while (Instant.now().isBefore(deadline)) {
            found = Arrays.stream(smtp.getReceivedMessages()).filter(m -> Smtp.addressedTo(m, email)).toList();
            if (found.size() >= count) {
                assertEquals(count, found.size(), "exactly " + count + " mail(s) to " + email);
                return found;
            }
            Thread.sleep(250);
        }
        fail("Waited for " + count + " mail(s) to " + email + ", got " + found.size());
        return found;
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

}
