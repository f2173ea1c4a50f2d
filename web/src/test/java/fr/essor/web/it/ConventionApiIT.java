package fr.essor.web.it;

import static fr.essor.web.it.Conventions.advisorOfCvl;
import static fr.essor.web.it.Conventions.array;
import static fr.essor.web.it.Conventions.ledger;
import static fr.essor.web.it.Conventions.lines;
import static fr.essor.web.it.Fixtures.ADVISOR;
import static fr.essor.web.it.Fixtures.BDT;
import static fr.essor.web.it.Fixtures.PARTNER_BDT;
import static fr.essor.web.it.Fixtures.REGION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.service.convention.LateInstalmentTimer;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The convention tests that must run inside the server: two advisors taking the last euros of a line from two
 * conventions at once, one wins, after the test has checked that the application's own data source hands out READ
 * COMMITTED connections (sums read under a row lock see what the previous holder committed); and instalments past due
 * turning LATE when the nightly job ({@link LateInstalmentTimer}, called here on a date of the test's) runs, then a
 * write-off closing what is still owed in the ledger.
 *
 * <p>Both need what only the server holds, the data source's pooled connections and the EJB, so this class has its
 * own {@code @Deployment} and a Payara Micro of its own; every other call to Essor goes over HTTP. The other tests of
 * issue 5's conventions run as clients of the shared server: {@link ConventionAllocationIT},
 * {@link AllocationMovementsIT}, {@link ConventionScopeIT}. The data come from {@link Conventions}.
 */
class ConventionApiIT extends ContainerTestBase {

    private final Conventions conventions = new Conventions(api);

    @EJB
    private LateInstalmentTimer lateTimer;

    ConventionApiIT() {
        super(Duration.ofSeconds(120));
    }

    @Deployment
    static WebArchive deployment() {
        return Deployments.builtWarWith(ConventionApiIT.class, Conventions.class, Filing.Sitting.class, Sql.class,
                Deployments.class);
    }

    @Test
    void twoAdvisorsTakingTheLastEurosOfALineFromTwoConventionsOneWins() throws Exception {
        DataSource ds = Sql.ds();
        try (Connection c = ds.getConnection()) {
            assertEquals(Connection.TRANSACTION_READ_COMMITTED, c.getTransactionIsolation(),
                    "sums read under a row lock must see what the previous holder committed");
        }
        String second = advisorOfCvl(ds);
        long a = conventions.active(ds, BDT, "100000.00", false);
        long b = conventions.active(ds, REGION, "100000.00", false);
        long app = conventions.approvedFile("Derniers euros", "{\"instrument\":\"GRANT\",\"amount\":\"5000.00\"},"
                + "{\"instrument\":\"QUASI_EQUITY\",\"amount\":\"5000.00\",\"durationMonths\":60},"
                + "{\"instrument\":\"EQUITY\",\"amount\":\"5000.00\"}");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (long line : lines(ds, app)) {
                assertEquals(201, conventions.allocate(ADVISOR, a, line, "4000.00").statusCode());
                CountDownLatch start = new CountDownLatch(1);
                Future<HttpResponse<String>> fromA = pool.submit(() -> {
                    start.await();
                    return conventions.allocate(ADVISOR, a, line, "1000.00");
                });
                Future<HttpResponse<String>> fromB = pool.submit(() -> {
                    start.await();
                    return conventions.allocate(second, b, line, "1000.00");
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
        BigDecimal fromBoth = new BigDecimal(conventions.convention(ADVISOR, a).getString("allocated"))
                .add(new BigDecimal(conventions.convention(ADVISOR, b).getString("allocated")));
        assertEquals(new BigDecimal("15000.00"), fromBoth);
    }

    @Test
    void overdueInstalmentsTurnLateAtNightAndAWriteOffClosesWhatIsStillOwedInTheLedger() throws Exception {
        DataSource ds = Sql.ds();
        long conv = conventions.active(ds, BDT, "20000.00", true, "HONOUR_LOAN");
        long app = conventions.approvedFile("Prêt en retard", "{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"6000.00\",\"durationMonths\":12}");
        long allocation = Filing.allocate(api, conv, lines(ds, app).get(0), "6000.00");
        assertEquals(201, conventions.disburse(allocation, "6000.00").statusCode());
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

        JsonObject before = conventions.convention(ADVISOR, conv);
        long ledgerBefore = ledger(ds);
        HttpResponse<String> writeOff = api.call(ADVISOR, "POST", "/allocations/" + allocation + "/write-off", null);
        assertEquals(200, writeOff.statusCode(), writeOff.body());
        List<JsonObject> closed = array(writeOff).getValuesAs(JsonObject.class);
        assertEquals("PAID", closed.get(0).getString("status"));
        assertTrue(closed.subList(1, 12).stream().allMatch(i -> "WRITTEN_OFF".equals(i.getString("status"))), closed.toString());
        BigDecimal owed = new BigDecimal("6000.00").subtract(new BigDecimal(schedule.get(0).getString("amount")));
        assertEquals(ledgerBefore + 1, ledger(ds), "one ledger movement for the write-off");
        assertEquals(0, owed.compareTo(Sql.decimal(ds, "SELECT SUM(amount) FROM ledger_movement WHERE allocation_id = ? AND kind = 'WRITE_OFF'",
                allocation)), "the ledger records what was still owed");
        JsonObject afterWriteOff = conventions.convention(ADVISOR, conv);
        assertEquals(before.getString("repaid"), afterWriteOff.getString("repaid"), "a write-off repays nothing");
        assertEquals(before.getString("remaining"), afterWriteOff.getString("remaining"), "nor does the money come back");

        HttpResponse<String> twice = api.call(ADVISOR, "POST", "/allocations/" + allocation + "/write-off", null);
        assertEquals(409, twice.statusCode(), twice.body());
        assertEquals(ledgerBefore + 1, ledger(ds));
        HttpResponse<String> partner = api.call(PARTNER_BDT, "POST", "/allocations/" + allocation + "/write-off", null);
        assertEquals(403, partner.statusCode(), "a partner follows the money but never writes it off");
    }
}
