package fr.essor.web.it;

import static fr.essor.web.it.Conventions.cvl;
import static fr.essor.web.it.Conventions.keptTotalsDifferingFromTheLedger;
import static fr.essor.web.it.Conventions.ledger;
import static fr.essor.web.it.Conventions.lines;
import static fr.essor.web.it.Conventions.partner;
import static fr.essor.web.it.Conventions.sum;
import static fr.essor.web.it.Fixtures.ADMIN;
import static fr.essor.web.it.Fixtures.ADVISOR;
import static fr.essor.web.it.Fixtures.BDT;
import static fr.essor.web.it.Fixtures.PORTEUR;
import static fr.essor.web.it.Fixtures.REGION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's allocations through the REST API on the real database: 120 concurrent allocations at one convention
 * never take more than its envelope; bad allocations (amount, line, convention's state, instrument) and a bad
 * convention (partner, amount) are refused with the field or the amount available and store nothing; a file is marked
 * CONTRACTED only once allocations cover all of its granted lines.
 *
 * <p>It runs as a client of the shared server ({@link OnTheBuiltWar}): every call to Essor goes over HTTP, from as
 * many client threads as the test wants, and the ids the API does not give (partners, associations, granted lines)
 * and the ledger's counts and sums are read from the test JVM ({@link Sql#ds()}). The data come from
 * {@link Conventions}.
 */
class ConventionAllocationIT extends OnTheBuiltWar {

    private final Conventions conventions = new Conventions(api);

    ConventionAllocationIT() {
        super(Duration.ofSeconds(120));
    }

    @Test
    void concurrentAllocationsNeverTakeMoreThanTheEnvelope() throws Exception {
        DataSource ds = Sql.ds();
        long convention = conventions.active(ds, BDT, "50000.00", false, "GRANT", "QUASI_EQUITY", "EQUITY");
        // three lines of 60,000 / 50,000 / 60,000: 170,000 unallocated, far above the envelope; each line gets
        // 40 requests (40,000) so that only the convention can refuse
        long app = conventions.approvedFile("Concurrence conventions", "{\"instrument\":\"GRANT\",\"amount\":\"50000.00\"},"
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
                    return conventions.allocate(ADVISOR, convention, line, "1000.00");
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
            System.out.printf("ConventionAllocationIT: %d concurrent allocations of 1000.00 from %d threads at a 50000.00"
                    + " convention: %d created (201), %d refused (409) in %d ms%n", requests, threads, created, refused, ms);
            assertEquals(50, created, "exactly as many as the envelope allows");
            assertEquals(70, refused);
            assertEquals(50, allocationIds.stream().distinct().count());
        } finally {
            pool.shutdownNow();
        }

        JsonObject c = conventions.convention(ADVISOR, convention);
        assertEquals("50000.00", c.getString("amount"));
        assertEquals("50000.00", c.getString("allocated"));
        assertEquals("0.00", c.getString("remaining"));
        List<JsonObject> all = conventions.allocationsOf(ADVISOR, convention);
        assertEquals(50, all.size());
        assertEquals(new BigDecimal("50000.00"), sum(all, "amount"), "the allocations listed sum to the envelope");
        assertEquals(50, Sql.count(ds, "SELECT COUNT(*) FROM ledger_movement WHERE convention_id = ? AND kind = 'ALLOCATION'",
                convention));
        assertEquals("50000.00", Sql.string(ds, "SELECT CAST(SUM(amount) AS DECIMAL(15,2)) FROM allocation WHERE convention_id = ?",
                convention));
        // one more is refused and the figures stay
        HttpResponse<String> late = conventions.allocate(ADVISOR, convention, lines.get(0), "0.01");
        assertEquals(409, late.statusCode(), late.body());
        assertEquals("0.00", Api.json(late).getString("available"));
        assertEquals("50000.00", conventions.convention(ADVISOR, convention).getString("allocated"));
        // the total the guard keeps on the convention's row is the ledger's sum, after the race as before it
        assertEquals("50000.00", Sql.string(ds, "SELECT CAST(allocated AS DECIMAL(15,2)) FROM convention WHERE id = ?",
                convention));
        assertEquals(0, keptTotalsDifferingFromTheLedger(ds), "every convention's kept totals equal its ledger's sums");
    }

    @Test
    void badAllocationsAreRefusedWithTheFieldOrTheAmountAvailableAndStoreNothing() throws Exception {
        DataSource ds = Sql.ds();
        long convention = conventions.active(ds, BDT, "10000.00", false, "GRANT", "EQUITY");
        long app = conventions.approvedFile("Mauvaises allocations", "{\"instrument\":\"GRANT\",\"amount\":\"30000.00\"},"
                + "{\"instrument\":\"EQUITY\",\"amount\":\"4000.00\"},"
                + "{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"6000.00\",\"durationMonths\":24}");
        List<Long> lines = lines(ds, app);
        long grant = lines.get(0);
        long equity = lines.get(1);
        long loan = lines.get(2);
        long ledgerBefore = ledger(ds);

        for (String amount : List.of("0", "-5.00", "12.345", "abc", "0.00")) {
            HttpResponse<String> r = conventions.allocate(ADVISOR, convention, grant, amount);
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
        HttpResponse<String> unknownLine = conventions.allocate(ADVISOR, convention, 987654321L, "100.00");
        assertEquals(404, unknownLine.statusCode(), unknownLine.body());

        // above what the convention has left: 409 with the remaining amount
        HttpResponse<String> over = conventions.allocate(ADVISOR, convention, grant, "10000.01");
        assertEquals(409, over.statusCode(), over.body());
        assertEquals("INVARIANT_VIOLATED", Api.json(over).getString("error"));
        assertEquals("10000.00", Api.json(over).getString("available"));
        assertEquals(201, conventions.allocate(ADVISOR, convention, grant, "2500.00").statusCode());
        over = conventions.allocate(ADVISOR, convention, grant, "7500.01");
        assertEquals(409, over.statusCode(), over.body());
        assertEquals("7500.00", Api.json(over).getString("available"), "the remaining after the first allocation");
        // above what the line has unallocated
        HttpResponse<String> overLine = conventions.allocate(ADVISOR, convention, equity, "4000.01");
        assertEquals(409, overLine.statusCode(), overLine.body());
        assertEquals("4000.00", Api.json(overLine).getString("available"));
        assertTrue(Api.json(overLine).getString("message").contains("non allouée de la ligne"), overLine.body());

        // an ineligible instrument
        HttpResponse<String> ineligible = conventions.allocate(ADVISOR, convention, loan, "100.00");
        assertEquals(409, ineligible.statusCode(), ineligible.body());
        assertEquals("CONVENTION_RULE", Api.json(ineligible).getString("error"));
        String reference = conventions.convention(ADMIN, convention).getString("reference");
        assertTrue(Api.json(ineligible).getString("message").contains("ne finance pas cet instrument")
                && Api.json(ineligible).getString("message").contains(reference), ineligible.body());

        // a closed convention
        long closed = conventions.active(ds, BDT, "10000.00", false);
        HttpResponse<String> closing = api.call(ADMIN, "POST", "/conventions/" + closed + "/closing", null);
        assertEquals(200, closing.statusCode(), closing.body());
        assertEquals("CLOSED", Api.json(closing).getString("status"));
        HttpResponse<String> fromClosed = conventions.allocate(ADVISOR, closed, grant, "100.00");
        assertEquals(409, fromClosed.statusCode(), fromClosed.body());
        assertEquals("CONVENTION_RULE", Api.json(fromClosed).getString("error"));
        assertTrue(Api.json(fromClosed).getString("message").contains("n'est pas active"), fromClosed.body());
        // a draft one
        long draft = conventions.draft(ds, BDT, "10000.00", false);
        HttpResponse<String> fromDraft = conventions.allocate(ADVISOR, draft, grant, "100.00");
        assertEquals(409, fromDraft.statusCode(), fromDraft.body());
        assertTrue(Api.json(fromDraft).getString("message").contains("n'est pas active"), fromDraft.body());

        assertEquals(ledgerBefore + 1, ledger(ds), "only the one valid allocation was stored");
        JsonObject after = conventions.convention(ADVISOR, convention);
        assertEquals("2500.00", after.getString("allocated"));
        assertEquals("7500.00", after.getString("remaining"));
        assertEquals(1, conventions.allocationsOf(ADVISOR, convention).size());
        assertEquals(0, conventions.allocationsOf(ADMIN, closed).size());
        assertEquals("0.00", conventions.convention(ADMIN, closed).getString("allocated"));
    }

    /** The constraints on ConventionInput, checked at the service's boundary, answer as the service's own refusals. */
    @Test
    void aConventionsPartnerAndAmountAreCheckedAtTheServiceBoundaryInTheCallersLanguage() throws Exception {
        DataSource ds = Sql.ds();
        long partner = partner(ds, BDT);
        long association = cvl(ds);
        long before = Sql.count(ds, "SELECT COUNT(*) FROM convention");
        for (String amount : List.of("0.00", "-5.00", "12.345", "10000000000000.00")) {
            HttpResponse<String> r = api.call(ADMIN, "POST", "/conventions", Conventions.body(partner, association, amount, false));
            assertEquals(400, r.statusCode(), amount + ": " + r.body());
            JsonObject e = Api.json(r);
            assertEquals("INVALID_INPUT", e.getString("error"), r.body());
            assertEquals("amount", e.getString("field"), r.body());
            assertEquals("Le montant de la convention doit être positif, avec au plus deux décimales.", e.getString("message"));
        }
        HttpResponse<String> noPartner = api.language("en").call(ADMIN, "POST", "/conventions",
                Conventions.body(partner, association, "100.00", false).replace("\"partnerId\":" + partner + ",", ""));
        assertEquals(400, noPartner.statusCode(), noPartner.body());
        assertEquals("partnerId", Api.json(noPartner).getString("field"), noPartner.body());
        assertEquals("This field is required.", Api.json(noPartner).getString("message"));
        assertEquals(before, Sql.count(ds, "SELECT COUNT(*) FROM convention"), "nothing stored");
    }

    @Test
    void aFileIsContractedOnlyOnceItsLinesAreCovered() throws Exception {
        DataSource ds = Sql.ds();
        long a = conventions.active(ds, REGION, "100000.00", false, "GRANT");
        long b = conventions.active(ds, BDT, "100000.00", false, "HONOUR_LOAN");
        long app = conventions.approvedFile("Contractualisation", "{\"instrument\":\"GRANT\",\"amount\":\"3000.00\"},"
                + "{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"2000.00\",\"durationMonths\":24}");
        List<Long> lines = lines(ds, app);

        HttpResponse<String> none = api.call(ADVISOR, "POST", "/allocations/contracts/" + app, null);
        assertEquals(409, none.statusCode(), none.body());
        assertEquals("5000.00", Api.json(none).getString("available"), "the missing amount");
        assertTrue(Api.json(none).getString("message").contains("il manque"), none.body());
        assertEquals("APPROVED", conventions.application(app).getString("status"));

        assertEquals(201, conventions.allocate(ADVISOR, a, lines.get(0), "3000.00").statusCode());
        assertEquals(201, conventions.allocate(ADVISOR, b, lines.get(1), "1500.00").statusCode());
        HttpResponse<String> partly = api.call(ADVISOR, "POST", "/allocations/contracts/" + app, null);
        assertEquals(409, partly.statusCode(), partly.body());
        assertEquals("500.00", Api.json(partly).getString("available"));
        assertEquals("APPROVED", conventions.application(app).getString("status"));
        assertEquals(404, api.call(ADVISOR, "POST", "/allocations/contracts/987654321", null).statusCode());
        assertEquals(403, api.call(PORTEUR, "POST", "/allocations/contracts/" + app, null).statusCode());

        assertEquals(201, conventions.allocate(ADVISOR, b, lines.get(1), "500.00").statusCode());
        HttpResponse<String> contracted = api.call(ADVISOR, "POST", "/allocations/contracts/" + app, null);
        assertEquals(204, contracted.statusCode(), contracted.body());
        assertEquals("CONTRACTED", conventions.application(app).getString("status"));
        assertEquals("CONTRACTED", Sql.string(ds, "SELECT status FROM application WHERE id = ?", app));
        // money can still be followed on a contracted file, but not over-allocated
        HttpResponse<String> more = conventions.allocate(ADVISOR, a, lines.get(0), "0.01");
        assertEquals(409, more.statusCode(), more.body());
        assertEquals("0.00", Api.json(more).getString("available"));
    }
}
