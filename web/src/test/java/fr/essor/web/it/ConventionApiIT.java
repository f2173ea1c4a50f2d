package fr.essor.web.it;

import static fr.essor.web.it.Fixtures.ADMIN;
import static fr.essor.web.it.Fixtures.ADVISOR;
import static fr.essor.web.it.Fixtures.BDT;
import static fr.essor.web.it.Fixtures.CHAIR;
import static fr.essor.web.it.Fixtures.M1;
import static fr.essor.web.it.Fixtures.M2;
import static fr.essor.web.it.Fixtures.PARTNER_BDT;
import static fr.essor.web.it.Fixtures.PARTNER_REGION;
import static fr.essor.web.it.Fixtures.PORTEUR;
import static fr.essor.web.it.Fixtures.REGION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.service.convention.LateInstalmentTimer;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's money invariants and scope through the REST API against the real database: concurrent
 * allocations at one convention and disbursements against one allocation, the last euros of a
 * line taken from two conventions at once, bad input, release, honour-loan schedules and
 * repayments, partners' scope, the decision-lines list and marking a file CONTRACTED.
 *
 * <p>Test data. Conventions are created by the national administrator over the API
 * ({@code POST /conventions}, then {@code /activation}); approved lines come from the committee
 * flow over the API (a file submitted, instructed, put on a session's agenda, voted and approved
 * with the lines the test needs), so that every row is written by the application itself. The API
 * exposes neither partner nor association ids, which creating a convention needs: the tests run
 * inside the server to read those ids with JDBC, and to prove with ledger counts that a refusal
 * stored nothing. Every call to Essor still goes over HTTP, from as many client threads as the
 * test wants. Only the OpenAPI check, which needs nothing of the database, runs as a client.
 */
class ConventionApiIT extends ContainerTestBase {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The test sessions sit on this day: it is the decision date of every approved line below. */
    private static final String SESSION_AT = "2027-01-15T14:00";

    @EJB
    private LateInstalmentTimer lateTimer;

    ConventionApiIT() {
        super(Duration.ofSeconds(120));
    }

    @Deployment
    static WebArchive deployment() {
        return Deployments.builtWarWith(ConventionApiIT.class, Sql.class, Deployments.class, FourEyes.class);
    }

    // ---- 1. at least 100 concurrent allocations at one convention -------------------------------------

    @Test
    void concurrentAllocationsNeverTakeMoreThanTheEnvelope() throws Exception {
        DataSource ds = ds();
        long convention = activeConvention(ds, BDT, "50000.00", false, "GRANT", "QUASI_EQUITY", "EQUITY");
        // three lines of 60,000 / 50,000 / 60,000: 170,000 unallocated, far above the envelope; each line gets
        // 40 requests (40,000) so that only the convention can refuse
        long app = approvedFile("Concurrence conventions", "{\"instrument\":\"GRANT\",\"amount\":\"50000.00\"},"
                + "{\"instrument\":\"QUASI_EQUITY\",\"amount\":\"60000.00\",\"durationMonths\":60},"
                + "{\"instrument\":\"EQUITY\",\"amount\":\"60000.00\"}");
        List<Long> lines = lines(ds, app);
        assertEquals(3, lines.size());

        int requests = 120;
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        try {
            for (int n = 0; n < requests; n++) {
                long line = lines.get(n % lines.size());
                Callable<HttpResponse<String>> task = () -> {
                    start.await();
                    return allocate(ADVISOR, convention, line, "1000.00");
                };
                results.add(pool.submit(task));
            }
            long t0 = System.nanoTime();
            start.countDown();
            int created = 0;
            int refused = 0;
            List<Long> allocationIds = new ArrayList<>();
            for (Future<HttpResponse<String>> f : results) {
                HttpResponse<String> r = f.get();
                if (r.statusCode() == 201) {
                    created++;
                    allocationIds.add(Api.json(r).getJsonNumber("id").longValue());
                    assertEquals("1000.00", Api.json(r).getString("amount"), r.body());
                } else {
                    assertEquals(409, r.statusCode(), r.body());
                    JsonObject e = Api.json(r);
                    assertEquals("INVARIANT_VIOLATED", e.getString("error"), r.body());
                    assertEquals("0.00", e.getString("available"), r.body());
                    assertTrue(e.getString("message").contains("disponible de la convention"), r.body());
                    refused++;
                }
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("ConventionApiIT: %d concurrent allocations of 1000.00 from %d threads at a 50000.00"
                    + " convention: %d created (201), %d refused (409) in %d ms%n", requests, threads, created, refused, ms);
            assertEquals(50, created, "exactly as many as the envelope allows");
            assertEquals(70, refused);
            assertEquals(50, allocationIds.stream().distinct().count());
        } finally {
            pool.shutdownNow();
        }

        JsonObject c = convention(ADVISOR, convention);
        assertEquals("50000.00", c.getString("amount"));
        assertEquals("50000.00", c.getString("allocated"));
        assertEquals("0.00", c.getString("remaining"));
        List<JsonObject> all = allocationsOf(ADVISOR, convention);
        assertEquals(50, all.size());
        assertEquals(new BigDecimal("50000.00"), sum(all, "amount"), "the allocations listed sum to the envelope");
        assertEquals(50, Sql.count(ds, "SELECT COUNT(*) FROM ledger_movement WHERE convention_id = ? AND kind = 'ALLOCATION'",
                convention));
        assertEquals("50000.00", Sql.string(ds, "SELECT CAST(SUM(amount) AS DECIMAL(15,2)) FROM allocation WHERE convention_id = ?",
                convention));
        // one more is refused and the figures stay
        HttpResponse<String> late = allocate(ADVISOR, convention, lines.get(0), "0.01");
        assertEquals(409, late.statusCode(), late.body());
        assertEquals("0.00", Api.json(late).getString("available"));
        assertEquals("50000.00", convention(ADVISOR, convention).getString("allocated"));
        // the total the guard keeps on the convention's row is the ledger's sum, after the race as before it
        assertEquals("50000.00", Sql.string(ds, "SELECT CAST(allocated AS DECIMAL(15,2)) FROM convention WHERE id = ?",
                convention));
        assertEquals(0, keptTotalsDifferingFromTheLedger(ds), "every convention's kept totals equal its ledger's sums");
    }

    /** Conventions whose running totals (allocated, repaid: the allocation guard's) differ from their ledger's sums. */
    private static long keptTotalsDifferingFromTheLedger(DataSource ds) throws Exception {
        return Sql.count(ds, "SELECT COUNT(*) FROM convention c WHERE c.allocated <> (SELECT COALESCE(SUM(CASE m.kind"
                + " WHEN 'ALLOCATION' THEN m.amount WHEN 'RELEASE' THEN -m.amount ELSE 0 END), 0) FROM ledger_movement m"
                + " WHERE m.convention_id = c.id) OR c.repaid <> (SELECT COALESCE(SUM(CASE WHEN m.kind = 'REPAYMENT'"
                + " THEN m.amount ELSE 0 END), 0) FROM ledger_movement m WHERE m.convention_id = c.id)");
    }

    // ---- 2. the last euros of a line, from two conventions at once -----------------------------------------

    @Test
    void twoAdvisorsTakingTheLastEurosOfALineFromTwoConventionsOneWins() throws Exception {
        DataSource ds = ds();
        try (Connection c = ds.getConnection()) {
            assertEquals(Connection.TRANSACTION_READ_COMMITTED, c.getTransactionIsolation(),
                    "sums read under a row lock must see what the previous holder committed");
        }
        String second = advisorOfCvl(ds);
        long a = activeConvention(ds, BDT, "100000.00", false);
        long b = activeConvention(ds, REGION, "100000.00", false);
        long app = approvedFile("Derniers euros", "{\"instrument\":\"GRANT\",\"amount\":\"5000.00\"},"
                + "{\"instrument\":\"QUASI_EQUITY\",\"amount\":\"5000.00\",\"durationMonths\":60},"
                + "{\"instrument\":\"EQUITY\",\"amount\":\"5000.00\"}");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (long line : lines(ds, app)) {
                assertEquals(201, allocate(ADVISOR, a, line, "4000.00").statusCode());
                CountDownLatch start = new CountDownLatch(1);
                Future<HttpResponse<String>> fromA = pool.submit(() -> {
                    start.await();
                    return allocate(ADVISOR, a, line, "1000.00");
                });
                Future<HttpResponse<String>> fromB = pool.submit(() -> {
                    start.await();
                    return allocate(second, b, line, "1000.00");
                });
                start.countDown();
                List<HttpResponse<String>> both = List.of(fromA.get(), fromB.get());
                assertEquals(1, both.stream().filter(r -> r.statusCode() == 201).count(), both.toString());
                HttpResponse<String> loser = both.stream().filter(r -> r.statusCode() != 201).findFirst().orElseThrow();
                assertEquals(409, loser.statusCode(), loser.body());
                assertEquals("INVARIANT_VIOLATED", Api.json(loser).getString("error"));
                assertEquals("0.00", Api.json(loser).getString("available"), loser.body());
                assertTrue(Api.json(loser).getString("message").contains("non allouée de la ligne"), loser.body());
                assertEquals("5000.00", Sql.string(ds, "SELECT CAST(SUM(amount - released) AS DECIMAL(15,2)) FROM allocation"
                        + " WHERE granted_line_id = ?", line), "the line is allocated exactly once");
            }
        } finally {
            pool.shutdownNow();
        }
        BigDecimal fromBoth = new BigDecimal(convention(ADVISOR, a).getString("allocated"))
                .add(new BigDecimal(convention(ADVISOR, b).getString("allocated")));
        assertEquals(new BigDecimal("15000.00"), fromBoth);
    }

    // ---- 3. bad input -------------------------------------------------------------------------------------

    @Test
    void badAllocationsAreRefusedWithTheFieldOrTheAmountAvailableAndStoreNothing() throws Exception {
        DataSource ds = ds();
        long convention = activeConvention(ds, BDT, "10000.00", false, "GRANT", "EQUITY");
        long app = approvedFile("Mauvaises allocations", "{\"instrument\":\"GRANT\",\"amount\":\"30000.00\"},"
                + "{\"instrument\":\"EQUITY\",\"amount\":\"4000.00\"},"
                + "{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"6000.00\",\"durationMonths\":24}");
        List<Long> lines = lines(ds, app);
        long grant = lines.get(0);
        long equity = lines.get(1);
        long loan = lines.get(2);
        long ledgerBefore = ledger(ds);

        for (String amount : List.of("0", "-5.00", "12.345", "abc", "0.00")) {
            HttpResponse<String> r = allocate(ADVISOR, convention, grant, amount);
            assertEquals(400, r.statusCode(), amount + ": " + r.body());
            assertEquals("amount", Api.json(r).getString("field"), r.body());
            assertFalse(Api.json(r).getString("message").isBlank());
        }
        HttpResponse<String> noAmount = api.call(ADVISOR, "POST", "/conventions/" + convention + "/allocations",
                "{\"decisionLineId\":" + grant + "}");
        assertEquals(400, noAmount.statusCode(), noAmount.body());
        assertEquals("amount", Api.json(noAmount).getString("field"));
        HttpResponse<String> noLine = api.call(ADVISOR, "POST", "/conventions/" + convention + "/allocations",
                "{\"amount\":\"100.00\"}");
        assertEquals(400, noLine.statusCode(), noLine.body());
        assertEquals("decisionLineId", Api.json(noLine).getString("field"));
        HttpResponse<String> unknownLine = allocate(ADVISOR, convention, 987654321L, "100.00");
        assertEquals(404, unknownLine.statusCode(), unknownLine.body());

        // above what the convention has left: 409 with the remaining amount
        HttpResponse<String> over = allocate(ADVISOR, convention, grant, "10000.01");
        assertEquals(409, over.statusCode(), over.body());
        assertEquals("INVARIANT_VIOLATED", Api.json(over).getString("error"));
        assertEquals("10000.00", Api.json(over).getString("available"));
        assertEquals(201, allocate(ADVISOR, convention, grant, "2500.00").statusCode());
        over = allocate(ADVISOR, convention, grant, "7500.01");
        assertEquals(409, over.statusCode(), over.body());
        assertEquals("7500.00", Api.json(over).getString("available"), "the remaining after the first allocation");
        // above what the line has unallocated
        HttpResponse<String> overLine = allocate(ADVISOR, convention, equity, "4000.01");
        assertEquals(409, overLine.statusCode(), overLine.body());
        assertEquals("4000.00", Api.json(overLine).getString("available"));
        assertTrue(Api.json(overLine).getString("message").contains("non allouée de la ligne"), overLine.body());

        // an ineligible instrument
        HttpResponse<String> ineligible = allocate(ADVISOR, convention, loan, "100.00");
        assertEquals(409, ineligible.statusCode(), ineligible.body());
        assertEquals("CONVENTION_RULE", Api.json(ineligible).getString("error"));
        String reference = convention(ADMIN, convention).getString("reference");
        assertTrue(Api.json(ineligible).getString("message").contains("ne finance pas cet instrument")
                && Api.json(ineligible).getString("message").contains(reference), ineligible.body());

        // a closed convention
        long closed = activeConvention(ds, BDT, "10000.00", false);
        HttpResponse<String> closing = api.call(ADMIN, "POST", "/conventions/" + closed + "/closing", null);
        assertEquals(200, closing.statusCode(), closing.body());
        assertEquals("CLOSED", Api.json(closing).getString("status"));
        HttpResponse<String> fromClosed = allocate(ADVISOR, closed, grant, "100.00");
        assertEquals(409, fromClosed.statusCode(), fromClosed.body());
        assertEquals("CONVENTION_RULE", Api.json(fromClosed).getString("error"));
        assertTrue(Api.json(fromClosed).getString("message").contains("n'est pas active"), fromClosed.body());
        // a draft one
        long draft = draftConvention(ds, BDT, "10000.00", false);
        HttpResponse<String> fromDraft = allocate(ADVISOR, draft, grant, "100.00");
        assertEquals(409, fromDraft.statusCode(), fromDraft.body());
        assertTrue(Api.json(fromDraft).getString("message").contains("n'est pas active"), fromDraft.body());

        assertEquals(ledgerBefore + 1, ledger(ds), "only the one valid allocation was stored");
        JsonObject after = convention(ADVISOR, convention);
        assertEquals("2500.00", after.getString("allocated"));
        assertEquals("7500.00", after.getString("remaining"));
        assertEquals(1, allocationsOf(ADVISOR, convention).size());
        assertEquals(0, allocationsOf(ADMIN, closed).size());
        assertEquals("0.00", convention(ADMIN, closed).getString("allocated"));
    }

    // ---- 4. disbursements and release ---------------------------------------------------------------------------

    @Test
    void aTrancheNeverExceedsItsAllocationEvenConcurrentlyAndAReleaseGivesTheRestBack() throws Exception {
        DataSource ds = ds();
        long convention = activeConvention(ds, REGION, "40000.00", false);
        long app = approvedFile("Versements", "{\"instrument\":\"GRANT\",\"amount\":\"3000.00\"},"
                + "{\"instrument\":\"EQUITY\",\"amount\":\"20000.00\"}");
        List<Long> lines = lines(ds, app);
        long allocation = Api.json(created(allocate(ADVISOR, convention, lines.get(0), "3000.00"))).getJsonNumber("id").longValue();
        long ledgerBefore = ledger(ds);

        HttpResponse<String> over = disburse(allocation, "3000.01");
        assertEquals(409, over.statusCode(), over.body());
        assertEquals("INVARIANT_VIOLATED", Api.json(over).getString("error"));
        assertEquals("3000.00", Api.json(over).getString("available"));
        assertTrue(Api.json(over).getString("message").contains("reste à verser"), over.body());
        for (String bad : List.of("0", "-1.00", "1.001", "x")) {
            HttpResponse<String> r = disburse(allocation, bad);
            assertEquals(400, r.statusCode(), bad + ": " + r.body());
            assertEquals("amount", Api.json(r).getString("field"));
        }
        assertEquals(ledgerBefore, ledger(ds), "no refused tranche was stored");
        assertEquals("0.00", allocation(allocation).getString("disbursed"));

        HttpResponse<String> tranche = disburse(allocation, "1000.00");
        assertEquals(201, tranche.statusCode(), tranche.body());
        assertEquals("1000.00", Api.json(tranche).getString("disbursed"));
        assertEquals("PARTLY_DISBURSED", Api.json(tranche).getString("status"));
        over = disburse(allocation, "2000.01");
        assertEquals(409, over.statusCode());
        assertEquals("2000.00", Api.json(over).getString("available"));

        JsonObject before = convention(ADVISOR, convention);
        assertEquals("37000.00", before.getString("remaining"));
        assertEquals("1000.00", before.getString("disbursed"));
        HttpResponse<String> release = api.call(ADVISOR, "POST", "/allocations/" + allocation + "/release", null);
        assertEquals(200, release.statusCode(), release.body());
        assertEquals("2000.00", Api.json(release).getString("released"));
        JsonObject after = convention(ADVISOR, convention);
        assertEquals("39000.00", after.getString("remaining"), "the 2000.00 not disbursed went back to the convention");
        assertEquals("1000.00", after.getString("allocated"));
        assertEquals("1000.00", after.getString("disbursed"));
        HttpResponse<String> settled = disburse(allocation, "1.00");
        assertEquals(409, settled.statusCode(), settled.body());
        assertEquals(409, api.call(ADVISOR, "POST", "/allocations/" + allocation + "/release", null).statusCode());
        assertEquals(ledgerBefore + 2, ledger(ds), "one tranche and one release");

        // 120 tranches of 200.00 at once against an allocation of 20,000: exactly 100 are paid out
        long big = Api.json(created(allocate(ADVISOR, convention, lines.get(1), "20000.00"))).getJsonNumber("id").longValue();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        try {
            for (int n = 0; n < 120; n++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return disburse(big, "200.00");
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
            System.out.printf("ConventionApiIT: 120 concurrent tranches of 200.00 against a 20000.00 allocation:"
                    + " %d paid (201), %d refused (409) in %d ms%n", ok, refused, (System.nanoTime() - t0) / 1_000_000);
            assertEquals(100, ok);
            assertEquals(20, refused);
        } finally {
            pool.shutdownNow();
        }
        JsonObject paid = allocation(big);
        assertEquals("20000.00", paid.getString("disbursed"));
        assertEquals("DISBURSED", paid.getString("status"));
        assertEquals("20000.00", Sql.string(ds, "SELECT CAST(SUM(amount) AS DECIMAL(15,2)) FROM ledger_movement"
                + " WHERE allocation_id = ? AND kind = 'DISBURSEMENT'", big));
        assertEquals("21000.00", convention(ADVISOR, convention).getString("disbursed"));
    }

    // ---- 5. honour loans: schedule and repayments ------------------------------------------------------------

    @Test
    void anHonourLoanIsRepaidMonthlyAndARevolvingFundGetsTheMoneyBack() throws Exception {
        DataSource ds = ds();
        long revolving = activeConvention(ds, BDT, "30000.00", true, "HONOUR_LOAN");
        long plain = activeConvention(ds, BDT, "30000.00", false, "HONOUR_LOAN");
        long app = approvedFile("Prêt d'honneur", "{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"7000.00\",\"durationMonths\":12},"
                + "{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"5000.00\",\"durationMonths\":36}");
        List<Long> lines = lines(ds, app);
        for (Object[] c : new Object[][] {{revolving, lines.get(0), "7000.00", 12, true}, {plain, lines.get(1), "5000.00", 36, false}}) {
            long conv = (long) c[0];
            String amount = (String) c[2];
            int months = (int) c[3];
            boolean isRevolving = (boolean) c[4];
            long allocation = Api.json(created(allocate(ADVISOR, conv, (long) c[1], amount))).getJsonNumber("id").longValue();

            HttpResponse<String> early = api.call(ADVISOR, "POST", "/allocations/" + allocation + "/instalments",
                    "{\"firstDueDate\":\"2027-03-05\"}");
            assertEquals(409, early.statusCode(), "nothing disbursed yet: " + early.body());
            HttpResponse<String> noDate = api.call(ADVISOR, "POST", "/allocations/" + allocation + "/instalments", "{}");
            assertEquals(400, noDate.statusCode(), noDate.body());
            assertEquals("firstDueDate", Api.json(noDate).getString("field"));

            assertEquals(201, disburse(allocation, amount).statusCode());
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

            JsonObject before = convention(ADVISOR, conv);
            JsonObject first = instalments.get(0);
            HttpResponse<String> pay = api.call(ADVISOR, "POST", "/allocations/" + allocation + "/instalments/"
                    + first.getJsonNumber("id") + "/payment", "{\"date\":\"2027-03-04\"}");
            assertEquals(200, pay.statusCode(), pay.body());
            JsonObject paid = array(pay).getValuesAs(JsonObject.class).get(0);
            assertEquals("PAID", paid.getString("status"));
            assertEquals("2027-03-04", paid.getString("paidOn"));
            BigDecimal part = new BigDecimal(first.getString("amount"));
            JsonObject after = convention(ADVISOR, conv);
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
            assertEquals(after.getString("repaid"), convention(ADVISOR, conv).getString("repaid"));
        }
    }

    // ---- 5b. overdue instalments, write-off, guarantee calls --------------------------------------------------

    @Test
    void overdueInstalmentsTurnLateAtNightAndAWriteOffClosesWhatIsStillOwedInTheLedger() throws Exception {
        DataSource ds = ds();
        long conv = activeConvention(ds, BDT, "20000.00", true, "HONOUR_LOAN");
        long app = approvedFile("Prêt en retard", "{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"6000.00\",\"durationMonths\":12}");
        long allocation = Api.json(created(allocate(ADVISOR, conv, lines(ds, app).get(0), "6000.00"))).getJsonNumber("id").longValue();
        assertEquals(201, disburse(allocation, "6000.00").statusCode());
        List<JsonObject> schedule = array(api.call(ADVISOR, "POST", "/allocations/" + allocation + "/instalments",
                "{\"firstDueDate\":\"2025-01-05\"}")).getValuesAs(JsonObject.class);
        assertEquals(12, schedule.size());
        assertEquals(200, api.call(ADVISOR, "POST", "/allocations/" + allocation + "/instalments/"
                + schedule.get(0).getJsonNumber("id") + "/payment", "{\"date\":\"2025-01-05\"}").statusCode());

        // the nightly job, run as it would on the night of 1 April 2025
        int marked = lateTimer.markLate(LocalDate.of(2025, 4, 1));
        List<JsonObject> after = array(api.call(ADVISOR, "GET", "/allocations/" + allocation + "/instalments", null))
                .getValuesAs(JsonObject.class);
        assertEquals(List.of("PAID", "LATE", "LATE", "DUE", "DUE"),
                after.subList(0, 5).stream().map(i -> i.getString("status")).toList(),
                "due on 5 Feb and 5 Mar and unpaid on 1 Apr: LATE; 5 Apr onwards: still DUE");
        assertTrue(marked >= 2, "marked " + marked);
        assertEquals(0, lateTimer.markLate(LocalDate.of(2025, 4, 1)), "a second run the same night changes nothing");
        assertEquals(2, Sql.count(ds, "SELECT COUNT(*) FROM instalment WHERE allocation_id = ? AND status = 'LATE'", allocation));

        JsonObject before = convention(ADVISOR, conv);
        long ledgerBefore = ledger(ds);
        HttpResponse<String> writeOff = api.call(ADVISOR, "POST", "/allocations/" + allocation + "/write-off", null);
        assertEquals(200, writeOff.statusCode(), writeOff.body());
        List<JsonObject> closed = array(writeOff).getValuesAs(JsonObject.class);
        assertEquals("PAID", closed.get(0).getString("status"));
        assertTrue(closed.subList(1, 12).stream().allMatch(i -> "WRITTEN_OFF".equals(i.getString("status"))), closed.toString());
        BigDecimal owed = new BigDecimal("6000.00").subtract(new BigDecimal(schedule.get(0).getString("amount")));
        assertEquals(ledgerBefore + 1, ledger(ds), "one ledger movement for the write-off");
        assertEquals(0, owed.compareTo(sum(ds, "SELECT SUM(amount) FROM ledger_movement WHERE allocation_id = ? AND kind = 'WRITE_OFF'",
                allocation)), "the ledger records what was still owed");
        JsonObject afterWriteOff = convention(ADVISOR, conv);
        assertEquals(before.getString("repaid"), afterWriteOff.getString("repaid"), "a write-off repays nothing");
        assertEquals(before.getString("remaining"), afterWriteOff.getString("remaining"), "nor does the money come back");

        HttpResponse<String> twice = api.call(ADVISOR, "POST", "/allocations/" + allocation + "/write-off", null);
        assertEquals(409, twice.statusCode(), twice.body());
        assertEquals(ledgerBefore + 1, ledger(ds));
        HttpResponse<String> partner = api.call(PARTNER_BDT, "POST", "/allocations/" + allocation + "/write-off", null);
        assertEquals(403, partner.statusCode(), "a partner follows the money but never writes it off");
    }

    @Test
    void aBankCallsAGuaranteeUpToWhatIsStillGuaranteedAndTheExposureFallsByTheCall() throws Exception {
        // calls of 12,500.00: this test is about exposure, not the four-eyes threshold (issue 13, AfterDecisionIT)
        FourEyes.threshold(api, "1000000.00");
        try {
            callsUpToWhatIsGuaranteed();
        } finally {
            FourEyes.threshold(api, FourEyes.DEFAULT);
        }
    }

    private void callsUpToWhatIsGuaranteed() throws Exception {
        DataSource ds = ds();
        String bank = "Banque Essai " + UUID.randomUUID().toString().substring(0, 6);
        long conv = activeConvention(ds, BDT, "50000.00", false, "GUARANTEE");
        long app = approvedFile("Garantie appelée", "{\"instrument\":\"GUARANTEE\",\"amount\":\"20000.00\",\"durationMonths\":84,"
                + "\"bankName\":\"" + bank + "\",\"bankLoanAmount\":\"40000.00\",\"guaranteedShare\":\"50\"}");
        long allocation = Api.json(created(allocate(ADVISOR, conv, lines(ds, app).get(0), "20000.00"))).getJsonNumber("id").longValue();
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
        assertEquals(0, new BigDecimal("12500.00").compareTo(sum(ds,
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

    // ---- 6. partners' scope and other associations ------------------------------------------------------------

    @Test
    void partnersSeeOnlyTheirConventionsAndNoPersonalDataAndOthersAreToldNothingExists() throws Exception {
        DataSource ds = ds();
        int year = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();
        long bdtLoans = Sql.count(ds, "SELECT id FROM convention WHERE reference = ?", "BDT-CVL-" + year + "-PRETS-HONNEUR");
        long regionFund = Sql.count(ds, "SELECT id FROM convention WHERE reference = ?", "REGION-CVL-" + year + "-FONDS-ESS");

        HttpResponse<String> listed = api.call(PARTNER_BDT, "GET", "/conventions?size=200", null);
        assertEquals(200, listed.statusCode(), listed.body());
        List<JsonObject> mine = array(listed).getValuesAs(JsonObject.class);
        assertFalse(mine.isEmpty());
        assertTrue(mine.stream().allMatch(c -> BDT.equals(c.getString("partner"))), listed.body());
        List<String> refs = mine.stream().map(c -> c.getString("reference")).toList();
        assertTrue(refs.containsAll(List.of("BDT-CVL-2021-FONCTIONNEMENT", "BDT-CVL-" + year + "-PRETS-HONNEUR",
                "BDT-CVL-" + year + "-GARANTIES")), refs.toString());
        assertEquals(Sql.count(ds, "SELECT COUNT(*) FROM convention c JOIN partner p ON p.id = c.partner_id WHERE p.name = ?", BDT),
                Long.parseLong(listed.headers().firstValue("X-Total-Count").orElseThrow()));
        List<JsonObject> theirs = array(api.call(PARTNER_REGION, "GET", "/conventions?size=200", null)).getValuesAs(JsonObject.class);
        assertTrue(theirs.stream().allMatch(c -> REGION.equals(c.getString("partner"))));
        assertTrue(theirs.stream().anyMatch(c -> c.getJsonNumber("id").longValue() == regionFund));

        // the other partner's convention by id, its allocations, breakdowns, funded list, consumption: 404
        long cargoLoan = Sql.count(ds, "SELECT id FROM allocation WHERE convention_id = ?", bdtLoans);
        for (String path : List.of("/conventions/" + bdtLoans, "/conventions/" + bdtLoans + "/allocations",
                "/conventions/" + bdtLoans + "/breakdowns/INSTRUMENT", "/conventions/" + bdtLoans + "/breakdowns/DEPARTMENT",
                "/conventions/" + bdtLoans + "/funded", "/conventions/" + bdtLoans + "/consumption",
                "/allocations/" + cargoLoan, "/allocations/" + cargoLoan + "/instalments")) {
            HttpResponse<String> r = api.call(PARTNER_REGION, "GET", path, null);
            assertEquals(404, r.statusCode(), path + ": " + r.body());
            assertFalse(r.body().contains("PRETS-HONNEUR"), r.body());
        }
        assertEquals(200, api.call(PARTNER_BDT, "GET", "/conventions/" + bdtLoans, null).statusCode());
        assertEquals(404, api.call(PARTNER_BDT, "GET", "/conventions/" + regionFund, null).statusCode());

        // the partner's own funded list: enterprises, amounts, jobs; no e-mail address anywhere
        HttpResponse<String> funded = api.call(PARTNER_BDT, "GET", "/conventions/" + bdtLoans + "/funded", null);
        assertEquals(200, funded.statusCode(), funded.body());
        assertFalse(array(funded).isEmpty(), "the vélos-cargos loan is funded: " + funded.body());
        assertFalse(funded.body().contains("@"), "no personal contact data: " + funded.body());
        JsonObject row = array(funded).getJsonObject(0);
        assertNotNull(row.getString("enterprise"));
        assertEquals("HONOUR_LOAN", row.getString("instrument"));
        HttpResponse<String> allocations = api.call(PARTNER_BDT, "GET", "/conventions/" + bdtLoans + "/allocations", null);
        assertEquals(200, allocations.statusCode());
        assertFalse(allocations.body().contains("@"), allocations.body());

        // entrepreneurs reach no convention; partners and entrepreneurs allocate nothing
        long ledgerBefore = ledger(ds);
        long epicerie = Sql.count(ds, "SELECT g.id FROM granted_line g JOIN decision d ON d.id = g.decision_id"
                + " JOIN application a ON a.id = d.application_id WHERE a.title = ? AND g.instrument = 'HONOUR_LOAN'",
                "Épicerie solidaire itinérante");
        assertEquals(403, api.call(PORTEUR, "GET", "/conventions", null).statusCode());
        assertEquals(403, api.call(PORTEUR, "GET", "/conventions/" + bdtLoans, null).statusCode());
        assertEquals(403, allocate(PORTEUR, bdtLoans, epicerie, "100.00").statusCode());
        assertEquals(403, allocate(PARTNER_BDT, bdtLoans, epicerie, "100.00").statusCode());
        assertEquals(403, api.call(PARTNER_BDT, "GET", "/decision-lines", null).statusCode());

        // an advisor of another association: the CVL convention and line do not exist for them, and the
        // CVL advisor cannot use that association's convention
        String code = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase(Locale.ROOT);
        Sql.update(ds, "INSERT INTO association (code, name, region, active, version) VALUES (?, ?, 'Bretagne', TRUE, 0)",
                code, "Association " + code);
        long association = Sql.count(ds, "SELECT id FROM association WHERE code = ?", code);
        String otherAdvisor = "conseil-" + code.toLowerCase(Locale.ROOT) + "@test.essor";
        Sql.account(ds, otherAdvisor, association, "ADVISOR");
        long otherConvention = Api.json(created(api.call(ADMIN, "POST", "/conventions", conventionBody(partner(ds, BDT), association,
                "50000.00", false)))).getJsonNumber("id").longValue();
        assertEquals(200, api.call(ADMIN, "POST", "/conventions/" + otherConvention + "/activation", null).statusCode());
        assertEquals(404, allocate(otherAdvisor, bdtLoans, epicerie, "100.00").statusCode());
        assertEquals(404, api.call(otherAdvisor, "GET", "/conventions/" + bdtLoans, null).statusCode());
        assertEquals(404, allocate(otherAdvisor, otherConvention, epicerie, "100.00").statusCode(),
                "their own convention, a line of another association");
        assertEquals(404, allocate(ADVISOR, otherConvention, epicerie, "100.00").statusCode());
        assertEquals(404, api.call(ADVISOR, "GET", "/conventions/" + otherConvention, null).statusCode());
        assertTrue(array(api.call(otherAdvisor, "GET", "/decision-lines?size=200", null)).isEmpty());
        assertEquals(ledgerBefore, ledger(ds), "nothing was allocated");
        assertEquals(0, Sql.count(ds, "SELECT COUNT(*) FROM allocation WHERE granted_line_id = ?", epicerie));
    }

    // ---- 7. decision lines and the OpenAPI document ------------------------------------------------------------

    @Test
    void theAdvisorListsTheEpicerieLinesLeftToAllocateWithAmountsAsStrings() throws Exception {
        DataSource ds = ds();
        long epicerie = Sql.count(ds, "SELECT id FROM application WHERE title = ?", "Épicerie solidaire itinérante");
        long cargo = Sql.count(ds, "SELECT id FROM application WHERE title = ?",
                "Vélos-cargos pour la livraison du dernier kilomètre");
        List<JsonObject> all = new ArrayList<>();
        long total;
        int page = 0;
        do {
            HttpResponse<String> r = api.call(ADVISOR, "GET", "/decision-lines?unallocated=true&size=50&page=" + page++, null);
            assertEquals(200, r.statusCode(), r.body());
            total = Long.parseLong(r.headers().firstValue("X-Total-Count").orElseThrow());
            all.addAll(array(r).getValuesAs(JsonObject.class));
        } while (all.size() < total && page < 100);
        assertEquals(total, all.size());
        List<JsonObject> lines = all.stream().filter(l -> l.getJsonNumber("applicationId").longValue() == epicerie).toList();
        assertEquals(2, lines.size(), all.toString());
        JsonObject loan = lines.stream().filter(l -> "HONOUR_LOAN".equals(l.getString("instrument"))).findFirst().orElseThrow();
        JsonObject guarantee = lines.stream().filter(l -> "GUARANTEE".equals(l.getString("instrument"))).findFirst().orElseThrow();
        for (String field : List.of("granted", "allocated", "unallocated")) {
            for (JsonObject l : lines) {
                assertEquals(JsonValue.ValueType.STRING, l.get(field).getValueType(), l.toString());
                assertTrue(((JsonString) l.get(field)).getString().matches("\\d+\\.\\d{2}"), l.toString());
            }
        }
        assertEquals("8000.00", loan.getString("granted"));
        assertEquals("0.00", loan.getString("allocated"));
        assertEquals("8000.00", loan.getString("unallocated"));
        assertEquals("20000.00", guarantee.getString("granted"));
        assertEquals("20000.00", guarantee.getString("unallocated"));
        assertTrue(loan.getString("applicationReference").matches("CVL-\\d{4}-\\d{5}"), loan.toString());
        assertTrue(all.stream().noneMatch(l -> l.getJsonNumber("applicationId").longValue() == cargo),
                "the vélos-cargos lines are fully allocated");
        assertTrue(all.stream().allMatch(l -> new BigDecimal(l.getString("unallocated")).signum() > 0));

        HttpResponse<String> eligible = api.call(ADVISOR, "GET", "/decision-lines/" + loan.getJsonNumber("id")
                + "/eligible-conventions", null);
        assertEquals(200, eligible.statusCode(), eligible.body());
        int year = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();
        List<String> refs = array(eligible).getValuesAs(JsonObject.class).stream().map(c -> c.getString("reference")).toList();
        assertTrue(refs.contains("BDT-CVL-" + year + "-PRETS-HONNEUR"), refs.toString());
        assertFalse(refs.contains("BDT-CVL-" + year + "-GARANTIES"), refs.toString());
    }

    /** The constraints on ConventionInput, checked at the service's boundary, answer as the service's own refusals. */
    @Test
    void aConventionsPartnerAndAmountAreCheckedAtTheServiceBoundaryInTheCallersLanguage() throws Exception {
        DataSource ds = ds();
        long partner = partner(ds, BDT);
        long association = cvl(ds);
        long before = Sql.count(ds, "SELECT COUNT(*) FROM convention");
        for (String amount : List.of("0.00", "-5.00", "12.345", "10000000000000.00")) {
            HttpResponse<String> r = api.call(ADMIN, "POST", "/conventions", conventionBody(partner, association, amount, false));
            assertEquals(400, r.statusCode(), amount + ": " + r.body());
            JsonObject e = Api.json(r);
            assertEquals("INVALID_INPUT", e.getString("error"), r.body());
            assertEquals("amount", e.getString("field"), r.body());
            assertEquals("Le montant de la convention doit être positif, avec au plus deux décimales.", e.getString("message"));
        }
        HttpResponse<String> noPartner = api.language("en").call(ADMIN, "POST", "/conventions",
                conventionBody(partner, association, "100.00", false).replace("\"partnerId\":" + partner + ",", ""));
        assertEquals(400, noPartner.statusCode(), noPartner.body());
        assertEquals("partnerId", Api.json(noPartner).getString("field"), noPartner.body());
        assertEquals("This field is required.", Api.json(noPartner).getString("message"));
        assertEquals(before, Sql.count(ds, "SELECT COUNT(*) FROM convention"), "nothing stored");
    }

    @Test
    @RunAsClient
    void theOpenApiDocumentDescribesTheConventionEndpoints() throws Exception {
        HttpResponse<String> doc = HTTP.send(HttpRequest.newBuilder(URI.create(base.getProtocol() + "://127.0.0.1:"
                + base.getPort() + "/openapi")).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, doc.statusCode());
        for (String path : List.of("/conventions/{id}/allocations", "/conventions/{id}", "/conventions",
                "/decision-lines", "/allocations/{id}/disbursements")) {
            assertTrue(doc.body().contains(path + ":") || doc.body().contains("\"" + path), path + " in " + doc.body());
        }
    }

    // ---- 8. contracted once covered -----------------------------------------------------------------------------

    @Test
    void aFileIsContractedOnlyOnceItsLinesAreCovered() throws Exception {
        DataSource ds = ds();
        long a = activeConvention(ds, REGION, "100000.00", false, "GRANT");
        long b = activeConvention(ds, BDT, "100000.00", false, "HONOUR_LOAN");
        long app = approvedFile("Contractualisation", "{\"instrument\":\"GRANT\",\"amount\":\"3000.00\"},"
                + "{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"2000.00\",\"durationMonths\":24}");
        List<Long> lines = lines(ds, app);

        HttpResponse<String> none = api.call(ADVISOR, "POST", "/allocations/contracts/" + app, null);
        assertEquals(409, none.statusCode(), none.body());
        assertEquals("5000.00", Api.json(none).getString("available"), "the missing amount");
        assertTrue(Api.json(none).getString("message").contains("il manque"), none.body());
        assertEquals("APPROVED", application(app).getString("status"));

        assertEquals(201, allocate(ADVISOR, a, lines.get(0), "3000.00").statusCode());
        assertEquals(201, allocate(ADVISOR, b, lines.get(1), "1500.00").statusCode());
        HttpResponse<String> partly = api.call(ADVISOR, "POST", "/allocations/contracts/" + app, null);
        assertEquals(409, partly.statusCode(), partly.body());
        assertEquals("500.00", Api.json(partly).getString("available"));
        assertEquals("APPROVED", application(app).getString("status"));
        assertEquals(404, api.call(ADVISOR, "POST", "/allocations/contracts/987654321", null).statusCode());
        assertEquals(403, api.call(PORTEUR, "POST", "/allocations/contracts/" + app, null).statusCode());

        assertEquals(201, allocate(ADVISOR, b, lines.get(1), "500.00").statusCode());
        HttpResponse<String> contracted = api.call(ADVISOR, "POST", "/allocations/contracts/" + app, null);
        assertEquals(204, contracted.statusCode(), contracted.body());
        assertEquals("CONTRACTED", application(app).getString("status"));
        assertEquals("CONTRACTED", Sql.string(ds, "SELECT status FROM application WHERE id = ?", app));
        // money can still be followed on a contracted file, but not over-allocated
        HttpResponse<String> more = allocate(ADVISOR, a, lines.get(0), "0.01");
        assertEquals(409, more.statusCode(), more.body());
        assertEquals("0.00", Api.json(more).getString("available"));
    }

    /**
     * The figures partners read (API) equal the ledger summed here, independently, with plain JDBC: for every
     * convention, allocated = allocations − releases, disbursed, repaid, and remaining = amount − allocated
     * (+ repaid for a revolving fund); and the allocations' own state agrees with the ledger.
     */
    @Test
    void thePartnersFiguresEqualTheLedgerSummedIndependently() throws Exception {
        DataSource ds = ds();
        HttpResponse<String> list = api.call("admin@demo.essor", "GET", "/conventions?size=200", null);
        assertEquals(200, list.statusCode(), list.body());
        int checked = 0;
        try (JsonReader r = Json.createReader(new StringReader(list.body()))) {
            for (JsonValue v : r.readArray()) {
                JsonObject c = v.asJsonObject();
                long id = c.getJsonNumber("id").longValue();
                BigDecimal allocated = sum(ds, "SELECT COALESCE(SUM(amount), 0) FROM ledger_movement WHERE convention_id = ?"
                        + " AND kind = 'ALLOCATION'", id).subtract(sum(ds, "SELECT COALESCE(SUM(amount), 0) FROM ledger_movement"
                        + " WHERE convention_id = ? AND kind = 'RELEASE'", id));
                BigDecimal disbursed = sum(ds, "SELECT COALESCE(SUM(amount), 0) FROM ledger_movement WHERE convention_id = ?"
                        + " AND kind = 'DISBURSEMENT'", id);
                BigDecimal repaid = sum(ds, "SELECT COALESCE(SUM(amount), 0) FROM ledger_movement WHERE convention_id = ?"
                        + " AND kind = 'REPAYMENT'", id);
                BigDecimal amount = new BigDecimal(c.getString("amount"));
                BigDecimal remaining = amount.subtract(allocated).add(c.getBoolean("revolving") ? repaid
                        : BigDecimal.ZERO);
                String ref = c.getString("reference");
                assertEquals(0, allocated.compareTo(new BigDecimal(c.getString("allocated"))), ref + " allocated");
                assertEquals(0, disbursed.compareTo(new BigDecimal(c.getString("disbursed"))), ref + " disbursed");
                assertEquals(0, repaid.compareTo(new BigDecimal(c.getString("repaid"))), ref + " repaid");
                assertEquals(0, remaining.compareTo(new BigDecimal(c.getString("remaining"))), ref + " remaining");
                assertEquals(0, allocated.compareTo(sum(ds, "SELECT COALESCE(SUM(amount - released), 0) FROM allocation"
                        + " WHERE convention_id = ?", id)), ref + ": the allocations' state agrees with the ledger");
                checked++;
            }
        }
        assertTrue(checked >= 4, "the demo's conventions at least: " + checked);
        assertEquals(0, keptTotalsDifferingFromTheLedger(ds), "the allocation guard's totals follow the ledger");
        System.out.println("ConventionApiIT: figures of " + checked + " conventions equal the ledger");
    }

    private static BigDecimal sum(DataSource ds, String sql, long id) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }

    // ---- helpers: data ----------------------------------------------------------------------------------------

    private static DataSource ds() throws Exception {
        return InitialContext.doLookup("java:app/jdbc/essor");
    }

    private static long ledger(DataSource ds) throws Exception {
        return Sql.count(ds, "SELECT COUNT(*) FROM ledger_movement");
    }

    private static long partner(DataSource ds, String name) throws Exception {
        return Sql.count(ds, "SELECT id FROM partner WHERE name = ?", name);
    }

    private static long cvl(DataSource ds) throws Exception {
        return Sql.count(ds, "SELECT id FROM association WHERE code = 'CVL'");
    }

    private static String conventionBody(long partner, long association, String amount, boolean revolving,
                                         String... instruments) {
        StringBuilder list = new StringBuilder();
        for (String i : instruments) {
            list.append(list.length() == 0 ? "" : ",").append('"').append(i).append('"');
        }
        String reference = "IT-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
        return "{\"reference\":\"" + reference + "\",\"partnerId\":" + partner + ",\"associationId\":" + association
                + ",\"kind\":\"FINANCING_FUND\",\"periodStart\":\"2020-01-01\",\"periodEnd\":\"2030-12-31\",\"amount\":\""
                + amount + "\",\"revolving\":" + revolving + ",\"instruments\":[" + list + "]}";
    }

    /** A DRAFT financing fund of the CVL association created by the national administrator over the API. */
    private long draftConvention(DataSource ds, String partner, String amount, boolean revolving, String... instruments)
            throws Exception {
        HttpResponse<String> r = api.call(ADMIN, "POST", "/conventions", conventionBody(partner(ds, partner), cvl(ds), amount,
                revolving, instruments));
        assertEquals(201, r.statusCode(), r.body());
        JsonObject c = Api.json(r);
        assertEquals("DRAFT", c.getString("status"));
        assertEquals(amount, c.getString("amount"));
        assertEquals(partner, c.getString("partner"));
        return c.getJsonNumber("id").longValue();
    }

    private long activeConvention(DataSource ds, String partner, String amount, boolean revolving, String... instruments)
            throws Exception {
        long id = draftConvention(ds, partner, amount, revolving, instruments);
        HttpResponse<String> r = api.call(ADMIN, "POST", "/conventions/" + id + "/activation", null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("ACTIVE", Api.json(r).getString("status"));
        assertEquals(amount, Api.json(r).getString("remaining"));
        return id;
    }

    /** The granted lines of an application, in their order. */
    private static List<Long> lines(DataSource ds, long application) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT g.id FROM granted_line g JOIN decision d"
                     + " ON d.id = g.decision_id WHERE d.application_id = ? AND d.outcome = 'APPROVED' ORDER BY g.line_no")) {
            ps.setLong(1, application);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** A second advisor of the CVL association (inserted: the demo has one), signing in with the demo password. */
    private static String advisorOfCvl(DataSource ds) throws Exception {
        String email = "conseil-" + UUID.randomUUID().toString().substring(0, 8) + "@test.essor";
        Sql.account(ds, email, cvl(ds), "ADVISOR");
        return email;
    }

    /**
     * An application of porteur@ approved by the CVL committee with the given granted lines (JSON
     * objects, comma separated): submitted, instructed, put on a new session's agenda, voted by
     * three members, approved on {@link #SESSION_AT}. The session stays open; staff see the file
     * APPROVED at once, which is all that allocation needs.
     */
    private long approvedFile(String title, String grantedLines) throws Exception {
        long id = Filing.analysed(api, title).id();
        HttpResponse<String> ready = api.call(ADVISOR, "POST", "/applications/" + id + "/instruction/ready?version="
                + application(id).getJsonNumber("version"), null);
        assertEquals(200, ready.statusCode(), ready.body());

        HttpResponse<String> sessions = api.call(ADVISOR, "GET", "/sessions?past=true", null);
        assertEquals(200, sessions.statusCode(), sessions.body());
        long committee = Api.json(sessions).getJsonArray("items").getJsonObject(0).getJsonNumber("committeeId").longValue();
        HttpResponse<String> s = api.call(ADVISOR, "POST", "/sessions", "{\"committeeId\":" + committee
                + ",\"startsAt\":\"" + SESSION_AT + "\",\"place\":\"Orléans\"}");
        assertEquals(201, s.statusCode(), s.body());
        long session = Api.json(s).getJsonNumber("id").longValue();
        HttpResponse<String> agenda = api.call(ADVISOR, "POST", "/sessions/" + session + "/items", "{\"applicationId\":" + id + "}");
        assertEquals(200, agenda.statusCode(), agenda.body());
        long item = Api.json(agenda).getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        JsonArray members = Api.json(api.call(CHAIR, "GET", "/sessions/" + session, null)).getJsonArray("members");
        StringBuilder present = new StringBuilder();
        for (JsonValue m : members) {
            present.append(present.length() == 0 ? "" : ",").append(m.asJsonObject().getJsonNumber("accountId"));
        }
        HttpResponse<String> open = api.call(CHAIR, "POST", "/sessions/" + session + "/open", "{\"present\":[" + present + "]}");
        assertEquals(200, open.statusCode(), open.body());
        for (String member : List.of(CHAIR, M1, M2)) {
            HttpResponse<String> v = api.call(member, "PUT", "/sessions/" + session + "/items/" + item + "/vote",
                    "{\"choice\":\"FOR\"}");
            assertEquals(200, v.statusCode(), v.body());
        }
        long version = Api.json(api.call(CHAIR, "GET", "/sessions/" + session, null)).getJsonArray("items").getJsonObject(0)
                .getJsonNumber("version").longValue();
        HttpResponse<String> decided = api.call(CHAIR, "POST", "/sessions/" + session + "/items/" + item + "/decision",
                "{\"version\":" + version + ",\"outcome\":\"APPROVED\",\"lines\":[" + grantedLines + "],"
                        + "\"reasons\":\"Le comité accorde plus que la demande pour couvrir tout le plan de financement\"}");
        assertEquals(200, decided.statusCode(), decided.body());
        assertEquals("APPROVED", application(id).getString("status"));
        return id;
    }

    // ---- helpers: HTTP ----------------------------------------------------------------------------------------

    private HttpResponse<String> allocate(String user, long convention, long line, String amount) throws Exception {
        return api.call(user, "POST", "/conventions/" + convention + "/allocations",
                "{\"decisionLineId\":" + line + ",\"amount\":\"" + amount + "\"}");
    }

    private HttpResponse<String> disburse(long allocation, String amount) throws Exception {
        return api.call(ADVISOR, "POST", "/allocations/" + allocation + "/disbursements", "{\"amount\":\"" + amount + "\"}");
    }

    private static HttpResponse<String> created(HttpResponse<String> r) {
        assertEquals(201, r.statusCode(), r.body());
        return r;
    }

    private JsonObject convention(String user, long id) throws Exception {
        return api.read(user, "/conventions/" + id);
    }

    private JsonObject allocation(long id) throws Exception {
        return api.read(ADVISOR, "/allocations/" + id);
    }

    private JsonObject application(long id) throws Exception {
        return api.read(ADVISOR, "/applications/" + id);
    }

    /** Every allocation of a convention, reading all pages. */
    private List<JsonObject> allocationsOf(String user, long convention) throws Exception {
        List<JsonObject> all = new ArrayList<>();
        long total;
        int page = 0;
        do {
            HttpResponse<String> r = api.call(user, "GET", "/conventions/" + convention + "/allocations?size=20&page=" + page++, null);
            assertEquals(200, r.statusCode(), r.body());
            total = Long.parseLong(r.headers().firstValue("X-Total-Count").orElseThrow());
            all.addAll(array(r).getValuesAs(JsonObject.class));
        } while (all.size() < total && page < 1000);
        assertEquals(total, all.size());
        return all;
    }

    private static BigDecimal sum(List<JsonObject> rows, String field) {
        return rows.stream().map(r -> new BigDecimal(r.getString(field))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private URI uri(String path) {
        return Api.uri(base, "/api/v1" + path);
    }

    private static JsonArray array(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return Api.array(r.body());
    }
}
