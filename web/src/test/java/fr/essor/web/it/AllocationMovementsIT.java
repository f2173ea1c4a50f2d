package fr.essor.web.it;

import static fr.essor.web.it.Conventions.array;
import static fr.essor.web.it.Conventions.ledger;
import static fr.essor.web.it.Conventions.lines;
import static fr.essor.web.it.Conventions.sum;
import static fr.essor.web.it.Fixtures.ADVISOR;
import static fr.essor.web.it.Fixtures.BDT;
import static fr.essor.web.it.Fixtures.REGION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's money after an allocation, through the REST API on the real database, each movement checked against the
 * ledger: tranches never exceed their allocation, even 120 at once, and a release gives what was not paid out back to
 * the convention; an honour loan's monthly schedule sums to what was disbursed and its repayments go back to a
 * revolving fund only; a bank calls a guarantee up to what is still guaranteed, and the exposure falls by each call.
 *
 * <p>It runs as a client of the shared server ({@link OnTheBuiltWar}): nothing here calls the application's beans;
 * every call to Essor goes over HTTP, and the granted lines' ids and the ledger are read from the test JVM
 * ({@link Sql#ds()}). The data come from {@link Conventions}. Instalments turning LATE at night, which takes the
 * nightly job itself, are in {@link ConventionApiIT}.
 */
class AllocationMovementsIT extends OnTheBuiltWar {

    private final Conventions conventions = new Conventions(api);

    AllocationMovementsIT() {
        super(Duration.ofSeconds(120));
    }

    @Test
    void aTrancheNeverExceedsItsAllocationEvenConcurrentlyAndAReleaseGivesTheRestBack() throws Exception {
        DataSource ds = Sql.ds();
        long convention = conventions.active(ds, REGION, "40000.00", false);
        long app = conventions.approvedFile("Versements", "{\"instrument\":\"GRANT\",\"amount\":\"3000.00\"},"
                + "{\"instrument\":\"EQUITY\",\"amount\":\"20000.00\"}");
        List<Long> lines = lines(ds, app);
        long allocation = Filing.allocate(api, convention, lines.get(0), "3000.00");
        long ledgerBefore = ledger(ds);

        HttpResponse<String> over = conventions.disburse(allocation, "3000.01");
        assertEquals(409, over.statusCode(), over.body());
        assertEquals("INVARIANT_VIOLATED", Api.json(over).getString("error"));
        assertEquals("3000.00", Api.json(over).getString("available"));
        assertTrue(Api.json(over).getString("message").contains("reste à verser"), over.body());
        for (String bad : List.of("0", "-1.00", "1.001", "x")) {
            HttpResponse<String> r = conventions.disburse(allocation, bad);
            assertEquals(400, r.statusCode(), bad + ": " + r.body());
            assertEquals("amount", Api.json(r).getString("field"));
        }
        assertEquals(ledgerBefore, ledger(ds), "no refused tranche was stored");
        assertEquals("0.00", conventions.allocation(allocation).getString("disbursed"));

        HttpResponse<String> tranche = conventions.disburse(allocation, "1000.00");
        assertEquals(201, tranche.statusCode(), tranche.body());
        assertEquals("1000.00", Api.json(tranche).getString("disbursed"));
        assertEquals("PARTLY_DISBURSED", Api.json(tranche).getString("status"));
        over = conventions.disburse(allocation, "2000.01");
        assertEquals(409, over.statusCode());
        assertEquals("2000.00", Api.json(over).getString("available"));

        JsonObject before = conventions.convention(ADVISOR, convention);
        assertEquals("37000.00", before.getString("remaining"));
        assertEquals("1000.00", before.getString("disbursed"));
        HttpResponse<String> release = api.call(ADVISOR, "POST", "/allocations/" + allocation + "/release", null);
        assertEquals(200, release.statusCode(), release.body());
        assertEquals("2000.00", Api.json(release).getString("released"));
        JsonObject after = conventions.convention(ADVISOR, convention);
        assertEquals("39000.00", after.getString("remaining"), "the 2000.00 not disbursed went back to the convention");
        assertEquals("1000.00", after.getString("allocated"));
        assertEquals("1000.00", after.getString("disbursed"));
        HttpResponse<String> settled = conventions.disburse(allocation, "1.00");
        assertEquals(409, settled.statusCode(), settled.body());
        assertEquals(409, api.call(ADVISOR, "POST", "/allocations/" + allocation + "/release", null).statusCode());
        assertEquals(ledgerBefore + 2, ledger(ds), "one tranche and one release");

        // 120 tranches of 200.00 at once against an allocation of 20,000: exactly 100 are paid out
        long big = Filing.allocate(api, convention, lines.get(1), "20000.00");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        try {
            for (int n = 0; n < 120; n++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return conventions.disburse(big, "200.00");
                }));
            }
            long t0 = System.nanoTime();
            start.countDown();
            int ok = 0;
            int refused = 0;
            for (Future<HttpResponse<String>> f : results) {
                HttpResponse<String> r = f.get();
                if (r.statusCode() == 201) {
                    ok++;
                } else {
                    assertEquals(409, r.statusCode(), r.body());
                    JsonObject e = Api.json(r);
                    // a tranche arriving after the last one finds the allocation settled
                    assertTrue("0.00".equals(e.getString("available", "0.00")), r.body());
                    refused++;
                }
            }
            System.out.printf("AllocationMovementsIT: 120 concurrent tranches of 200.00 against a 20000.00 allocation:"
                    + " %d paid (201), %d refused (409) in %d ms%n", ok, refused, (System.nanoTime() - t0) / 1_000_000);
            assertEquals(100, ok);
            assertEquals(20, refused);
        } finally {
            pool.shutdownNow();
        }
        JsonObject paid = conventions.allocation(big);
        assertEquals("20000.00", paid.getString("disbursed"));
        assertEquals("DISBURSED", paid.getString("status"));
        assertEquals("20000.00", Sql.string(ds, "SELECT CAST(SUM(amount) AS DECIMAL(15,2)) FROM ledger_movement"
                + " WHERE allocation_id = ? AND kind = 'DISBURSEMENT'", big));
        assertEquals("21000.00", conventions.convention(ADVISOR, convention).getString("disbursed"));
    }

    @Test
    void anHonourLoanIsRepaidMonthlyAndARevolvingFundGetsTheMoneyBack() throws Exception {
        DataSource ds = Sql.ds();
        long revolving = conventions.active(ds, BDT, "30000.00", true, "HONOUR_LOAN");
        long plain = conventions.active(ds, BDT, "30000.00", false, "HONOUR_LOAN");
        long app = conventions.approvedFile("Prêt d'honneur", "{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"7000.00\",\"durationMonths\":12},"
                + "{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"5000.00\",\"durationMonths\":36}");
        List<Long> lines = lines(ds, app);
        for (Object[] c : new Object[][] {{revolving, lines.get(0), "7000.00", 12, true}, {plain, lines.get(1), "5000.00", 36, false}}) {
            long conv = (long) c[0];
            String amount = (String) c[2];
            int months = (int) c[3];
            boolean isRevolving = (boolean) c[4];
            long allocation = Filing.allocate(api, conv, (long) c[1], amount);

            HttpResponse<String> early = api.call(ADVISOR, "POST", "/allocations/" + allocation + "/instalments",
                    "{\"firstDueDate\":\"2027-03-05\"}");
            assertEquals(409, early.statusCode(), "nothing disbursed yet: " + early.body());
            HttpResponse<String> noDate = api.call(ADVISOR, "POST", "/allocations/" + allocation + "/instalments", "{}");
            assertEquals(400, noDate.statusCode(), noDate.body());
            assertEquals("firstDueDate", Api.json(noDate).getString("field"));

            assertEquals(201, conventions.disburse(allocation, amount).statusCode());
            HttpResponse<String> schedule = api.call(ADVISOR, "POST", "/allocations/" + allocation + "/instalments",
                    "{\"firstDueDate\":\"2027-03-05\"}");
            assertEquals(200, schedule.statusCode(), schedule.body());
            List<JsonObject> instalments = array(schedule).getValuesAs(JsonObject.class);
            assertEquals(months, instalments.size());
            assertEquals(new BigDecimal(amount), sum(instalments, "amount"), "the schedule sums exactly to the disbursed amount");
            for (int n = 0; n < months; n++) {
                JsonObject i = instalments.get(n);
                assertEquals(n + 1, i.getInt("number"));
                assertEquals(LocalDate.of(2027, 3, 5).plusMonths(n).toString(), i.getString("dueDate"));
                assertEquals("DUE", i.getString("status"));
                assertTrue(i.getString("amount").matches("\\d+\\.\\d{2}"), i.toString());
            }
            assertEquals(instalments, array(api.call(ADVISOR, "GET", "/allocations/" + allocation + "/instalments", null))
                    .getValuesAs(JsonObject.class));

            JsonObject before = conventions.convention(ADVISOR, conv);
            JsonObject first = instalments.get(0);
            HttpResponse<String> pay = api.call(ADVISOR, "POST", "/allocations/" + allocation + "/instalments/"
                    + first.getJsonNumber("id") + "/payment", "{\"date\":\"2027-03-04\"}");
            assertEquals(200, pay.statusCode(), pay.body());
            JsonObject paid = array(pay).getValuesAs(JsonObject.class).get(0);
            assertEquals("PAID", paid.getString("status"));
            assertEquals("2027-03-04", paid.getString("paidOn"));
            BigDecimal part = new BigDecimal(first.getString("amount"));
            JsonObject after = conventions.convention(ADVISOR, conv);
            assertEquals(new BigDecimal(before.getString("repaid")).add(part), new BigDecimal(after.getString("repaid")));
            assertEquals(new BigDecimal(before.getString("remaining")).add(isRevolving ? part : BigDecimal.ZERO),
                    new BigDecimal(after.getString("remaining")), isRevolving ? "a revolving fund gets the money back"
                            : "a fund that does not revolve keeps its remaining amount");

            long ledgerBefore = ledger(ds);
            HttpResponse<String> twice = api.call(ADVISOR, "POST", "/allocations/" + allocation + "/instalments/"
                    + first.getJsonNumber("id") + "/payment", "{}");
            assertEquals(409, twice.statusCode(), twice.body());
            HttpResponse<String> reschedule = api.call(ADVISOR, "POST", "/allocations/" + allocation + "/instalments",
                    "{\"firstDueDate\":\"2027-04-05\"}");
            assertEquals(409, reschedule.statusCode(), "a started schedule stays: " + reschedule.body());
            assertEquals(ledgerBefore, ledger(ds));
            assertEquals(after.getString("repaid"), conventions.convention(ADVISOR, conv).getString("repaid"));
        }
    }

    @Test
    void aBankCallsAGuaranteeUpToWhatIsStillGuaranteedAndTheExposureFallsByTheCall() throws Exception {
        // calls of 12,500.00: this test is about exposure, not the four-eyes threshold (issue 13, AfterDecisionIT)
        FourEyes.raisedFor(api, this::callsUpToWhatIsGuaranteed);
    }

    private void callsUpToWhatIsGuaranteed() throws Exception {
        DataSource ds = Sql.ds();
        String bank = "Banque Essai " + UUID.randomUUID().toString().substring(0, 6);
        long conv = conventions.active(ds, BDT, "50000.00", false, "GUARANTEE");
        long app = conventions.approvedFile("Garantie appelée", "{\"instrument\":\"GUARANTEE\",\"amount\":\"20000.00\",\"durationMonths\":84,"
                + "\"bankName\":\"" + bank + "\",\"bankLoanAmount\":\"40000.00\",\"guaranteedShare\":\"50\"}");
        long allocation = Filing.allocate(api, conv, lines(ds, app).get(0), "20000.00");
        JsonObject exposure = exposureOf(bank);
        assertEquals("20000.00", exposure.getString("guaranteed"));
        assertEquals("0.00", exposure.getString("called"));
        assertEquals("20000.00", exposure.getString("outstanding"));

        HttpResponse<String> first = api.call(ADVISOR, "POST", "/allocations/" + allocation + "/guarantee-calls",
                "{\"amount\":\"12500.00\",\"date\":\"2027-06-30\"}");
        assertEquals(201, first.statusCode(), first.body());
        exposure = exposureOf(bank);
        assertEquals("12500.00", exposure.getString("called"));
        assertEquals("7500.00", exposure.getString("outstanding"));
        assertEquals(0, new BigDecimal("12500.00").compareTo(Sql.decimal(ds,
                "SELECT SUM(amount) FROM ledger_movement WHERE allocation_id = ? AND kind = 'GUARANTEE_CALL'", allocation)));

        long ledgerBefore = ledger(ds);
        HttpResponse<String> tooMuch = api.call(ADVISOR, "POST", "/allocations/" + allocation + "/guarantee-calls",
                "{\"amount\":\"7500.01\",\"date\":\"2027-07-31\"}");
        assertEquals(409, tooMuch.statusCode(), tooMuch.body());
        assertTrue(Api.json(tooMuch).getString("message").contains("7"), "says what is left: " + tooMuch.body());
        HttpResponse<String> negative = api.call(ADVISOR, "POST", "/allocations/" + allocation + "/guarantee-calls",
                "{\"amount\":\"-1.00\",\"date\":\"2027-07-31\"}");
        assertTrue(negative.statusCode() == 400 || negative.statusCode() == 409, negative.body());
        assertEquals(ledgerBefore, ledger(ds), "refused calls leave the ledger alone");
        assertEquals("7500.00", exposureOf(bank).getString("outstanding"));

        HttpResponse<String> rest = api.call(ADVISOR, "POST", "/allocations/" + allocation + "/guarantee-calls",
                "{\"amount\":\"7500.00\",\"date\":\"2027-07-31\"}");
        assertEquals(201, rest.statusCode(), rest.body());
        assertEquals("0.00", exposureOf(bank).getString("outstanding"));
    }

    private JsonObject exposureOf(String bank) throws Exception {
        HttpResponse<String> r = api.call(ADVISOR, "GET", "/allocations/exposure?by=bank", null);
        assertEquals(200, r.statusCode(), r.body());
        return array(r).getValuesAs(JsonObject.class).stream().filter(e -> bank.equals(e.getString("key"))).findFirst()
                .orElseThrow(() -> new AssertionError(bank + " not in " + r.body()));
    }
}
