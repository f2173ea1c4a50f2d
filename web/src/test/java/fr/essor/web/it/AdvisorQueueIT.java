package fr.essor.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.application.ApplicationStatus;
import fr.essor.model.application.Instrument;
import fr.essor.model.application.Stage;
import fr.essor.service.application.ApplicationQueue;
import fr.essor.service.application.QueueFilter;
import fr.essor.service.application.QueueRow;
import fr.essor.service.application.QueueSort;
import fr.essor.service.config.SearchIndex;
import fr.essor.service.config.StatementCounter;
import fr.essor.service.shared.Page;
import jakarta.annotation.Resource;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The advisors' work queue against the real database (H2 by default, MariaDB in CI): what one page
 * costs in SQL statements, that filters, sorts and the text search return the right rows, and the
 * REST API (as an HTTP client). The fixture is written once per database by JDBC: 120 files of
 * "Filetest Alpha" and 5 of "Filetest 100%_Beta" in CVL, one witness file, and a file of another
 * association (QTEST). The in-container tests run first: they create it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdvisorQueueIT extends ContainerTestBase {

    private static final int ALPHA = 120;
    private static final int BETA = 5;
    private static final ApplicationStatus[] CYCLE = {ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW,
        ApplicationStatus.INFO_REQUESTED, ApplicationStatus.READY_FOR_COMMITTEE, ApplicationStatus.ON_AGENDA,
        ApplicationStatus.APPROVED};
    private static final LocalDateTime DAY0 = LocalDateTime.of(2026, 1, 1, 10, 0);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment
    static WebArchive deployment() {
        return Deployments.builtWarWith(AdvisorQueueIT.class, Sql.class);
    }

    @Resource(lookup = "java:app/jdbc/essor")
    private DataSource dataSource;

    private long cvl;
    private long conseil;

    @BeforeEach
    void fixture() throws Exception {
        if (dataSource == null) {
            // a client-side test: the server holds the data
            Deployments.awaitReady(base);
            return;
        }
        cvl = Sql.count(dataSource, "SELECT id FROM association WHERE code = 'CVL'");
        conseil = Sql.count(dataSource, "SELECT id FROM user_account WHERE email = 'conseil@demo.essor'");
        if (Sql.count(dataSource, "SELECT COUNT(*) FROM association WHERE code = 'QTEST'") > 0) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            long qtest = insert(c, "INSERT INTO association (code, name, region) VALUES ('QTEST', 'Réseau voisin', 'Test')");
            long neighbour = enterprise(c, "Voisin de test", siret("9000000000001"), "75", qtest);
            application(c, "QTEST-2099-00001", neighbour, Stage.CREATION, ApplicationStatus.SUBMITTED, null, DAY0);
            long alpha = enterprise(c, "Filetest Alpha", siret("9000000000002"), "18", cvl);
            long beta = enterprise(c, "Filetest 100%_Beta", siret("9000000000003"), "41", cvl);
            long witness = enterprise(c, "Témoin de la file", siret("9000000000004"), "36", cvl);
            for (int i = 1; i <= ALPHA; i++) {
                long id = application(c, String.format("CVL-2099-%05d", i), alpha, i % 2 == 0 ? Stage.CREATION : Stage.DEVELOPMENT,
                        CYCLE[i % CYCLE.length], i % 4 == 0 ? conseil : null, DAY0.plusDays(i));
                line(c, id, 0, Instrument.HONOUR_LOAN, "1000.00");
                if (i % 3 == 0) {
                    line(c, id, 1, Instrument.GUARANTEE, "2000.00");
                }
                if (i % 9 == 0) {
                    line(c, id, 2, Instrument.GUARANTEE, "500.00");
                }
            }
            for (int i = 1; i <= BETA; i++) {
                long id = application(c, String.format("CVL-2099-%05d", ALPHA + i), beta, Stage.EMERGENCE,
                        ApplicationStatus.SUBMITTED, null, DAY0.plusDays(i));
                line(c, id, 0, Instrument.GRANT, "500.00");
            }
            application(c, "CVL-2099-09999", witness, Stage.CREATION, ApplicationStatus.SUBMITTED, null, DAY0);
            SearchIndex.indexMissing(c); // the search terms the Enterprise entity would have written
        }
    }

    private static ApplicationQueue queue() {
        return CDI.current().select(ApplicationQueue.class).get();
    }

    private static final QueueFilter ALPHAS = QueueFilter.any().withText("filetest alpha");
    private static final QueueSort BY_REFERENCE = new QueueSort(QueueSort.Column.REFERENCE, true);

    // ---- in the container: the queries ---------------------------------------------------------------

    @Test
    @Order(1)
    void onePageCostsAtMostThreeStatementsWhateverItsSize() {
        ApplicationQueue queue = queue();
        long total = queue.page(cvl, QueueFilter.any(), QueueSort.DEFAULT, 0, 1).total();
        assertTrue(total > 100, "enough rows for full pages of 100: " + total);
        for (int size : new int[] {5, 25, 100}) {
            for (QueueSort sort : List.of(QueueSort.DEFAULT, new QueueSort(QueueSort.Column.ADVISOR, false))) {
                for (int first : new int[] {0, size}) {
                    StatementCounter.reset();
                    Page<QueueRow> page = queue.page(cvl, QueueFilter.any(), sort, first, size);
                    long statements = StatementCounter.count();
                    System.out.printf("AdvisorQueueIT: page size %d, first %d, sort %s: %d rows of %d, %d SQL statement(s)%n",
                            size, first, sort.column(), page.items().size(), page.total(), statements);
                    assertEquals(Math.min(size, total - first), page.items().size());
                    assertTrue(statements >= 1, "the counter counts");
                    assertTrue(statements <= 3, "page size " + size + " cost " + statements + " statements");
                }
            }
        }
        StatementCounter.reset();
        Map<String, Long> counts = queue.countsByStatus(cvl, QueueFilter.needingWork());
        long statements = StatementCounter.count();
        System.out.printf("AdvisorQueueIT: counts per status: %d SQL statement(s)%n", statements);
        assertEquals(1, statements);
        assertFalse(counts.containsKey("DRAFT"));
        assertTrue(counts.get("APPROVED") >= ALPHA / CYCLE.length, "counts ignore the filter's statuses");
    }

    @Test
    @Order(2)
    void theScopeIsTheAssociationAndDraftsNeverShow() {
        ApplicationQueue queue = queue();
        List<QueueRow> cvlRows = queue.page(cvl, QueueFilter.any(), BY_REFERENCE, 0, 200).items();
        assertTrue(cvlRows.stream().allMatch(r -> r.reference().startsWith("CVL-")));
        assertTrue(cvlRows.stream().noneMatch(r -> r.status() == ApplicationStatus.DRAFT));
        assertEquals(0, queue.page(cvl, QueueFilter.any().withText("QTEST-2099"), BY_REFERENCE, 0, 25).total());
        assertEquals(1, queue.page(null, QueueFilter.any().withText("QTEST-2099"), BY_REFERENCE, 0, 25).total(),
                "the network scope sees every association");
    }

    @Test
    @Order(3)
    void rowsCarryTheSumOfTheRequestedLinesTheAdvisorAndTheSubmissionInstant() {
        List<QueueRow> rows = queue().page(cvl, ALPHAS, BY_REFERENCE, 0, 12).items();
        assertEquals(12, rows.size());
        QueueRow first = rows.get(0);
        assertEquals("CVL-2099-00001", first.reference());
        assertEquals("Filetest Alpha", first.enterpriseName());
        assertEquals("18", first.department());
        assertEquals(Stage.DEVELOPMENT, first.stage());
        assertEquals(ApplicationStatus.IN_REVIEW, first.status());
        assertEquals(new BigDecimal("1000.00"), first.requested());
        assertEquals(DAY0.plusDays(1).toInstant(ZoneOffset.UTC), first.submittedAt());
        assertNull(first.advisorName());
        assertEquals(new BigDecimal("3000.00"), rows.get(2).requested());
        assertEquals(new BigDecimal("3500.00"), rows.get(8).requested());
        assertEquals("Camille Conseillère", rows.get(3).advisorName());
        assertEquals(conseil, rows.get(3).advisorId());
    }

    @Test
    @Order(4)
    void eachFilterReturnsTheRightRows() {
        ApplicationQueue queue = queue();
        assertEquals(ALPHA, total(ALPHAS));
        assertEquals(ALPHA / 6, total(ALPHAS.withStatuses(EnumSet.of(ApplicationStatus.SUBMITTED))));
        assertEquals(ALPHA / 3, total(ALPHAS.withStatuses(EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW))));
        assertEquals(ALPHA / 2, total(ALPHAS.withStage(Stage.CREATION)));
        assertEquals(ALPHA / 3, total(ALPHAS.withInstrument(Instrument.GUARANTEE)), "one row per file, however many lines");
        assertEquals(0, total(ALPHAS.withInstrument(Instrument.EQUITY)));
        assertEquals(ALPHA, total(ALPHAS.inDepartment("18")));
        assertEquals(0, total(ALPHAS.inDepartment("41")));
        assertEquals(ALPHA / 4, total(ALPHAS.assignedTo(conseil)));
        assertEquals(ALPHA - ALPHA / 4, total(ALPHAS.onlyUnassigned()));
        assertEquals(10, total(ALPHAS.assignedTo(conseil).withStatuses(EnumSet.of(ApplicationStatus.SUBMITTED))), "i % 12 == 0");
        // submitted on DAY0 + i days at 10:00 UTC; the dates are days in Paris, both ends included
        assertEquals(10, total(ALPHAS.submittedBetween(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 11))));
        assertEquals(ALPHA - 9, total(ALPHAS.submittedBetween(LocalDate.of(2026, 1, 11), null)));
        List<QueueRow> found = queue.page(cvl, QueueFilter.any().withText("900000000000"), BY_REFERENCE, 0, 200).items();
        assertEquals(ALPHA + BETA + 1, found.size(), "part of the SIRETs");
        assertEquals(1, total(QueueFilter.any().withText("cvl-2099-00042")));
    }

    @Test
    @Order(5)
    void sortingReachesTheDatabaseBothWays() {
        ApplicationQueue queue = queue();
        QueueFilter both = QueueFilter.any().withText("Filetest");
        assertEquals("CVL-2099-00001", queue.page(cvl, both, BY_REFERENCE, 0, 5).items().get(0).reference());
        assertEquals("CVL-2099-00125", queue.page(cvl, both, new QueueSort(QueueSort.Column.REFERENCE, false), 0, 5)
                .items().get(0).reference());
        assertEquals("Filetest 100%_Beta", queue.page(cvl, both, new QueueSort(QueueSort.Column.ENTERPRISE, true), 0, 5)
                .items().get(4).enterpriseName());
        assertEquals("Filetest Alpha", queue.page(cvl, both, new QueueSort(QueueSort.Column.ENTERPRISE, false), 0, 5)
                .items().get(0).enterpriseName());
        assertEquals("Camille Conseillère", queue.page(cvl, both, new QueueSort(QueueSort.Column.ADVISOR, false), 0, 5)
                .items().get(0).advisorName());
        assertEquals(ApplicationStatus.SUBMITTED, queue.page(cvl, both, new QueueSort(QueueSort.Column.STATUS, true), 0, 5)
                .items().get(0).status());
        assertEquals(ApplicationStatus.APPROVED, queue.page(cvl, both, new QueueSort(QueueSort.Column.STATUS, false), 0, 5)
                .items().get(0).status());
        assertEquals("18", queue.page(cvl, both, new QueueSort(QueueSort.Column.DEPARTMENT, true), 0, 5).items().get(0).department());
        assertEquals("41", queue.page(cvl, both, new QueueSort(QueueSort.Column.DEPARTMENT, false), 0, 5).items().get(0).department());
        // the id breaks ties: pages of one sort never overlap
        List<QueueRow> page1 = queue.page(cvl, both, new QueueSort(QueueSort.Column.DEPARTMENT, true), 0, 50).items();
        List<QueueRow> page2 = queue.page(cvl, both, new QueueSort(QueueSort.Column.DEPARTMENT, true), 50, 50).items();
        assertTrue(page1.stream().noneMatch(a -> page2.stream().anyMatch(b -> b.id() == a.id())));
        assertTrue(page1.get(0).id() < page1.get(1).id());
    }

    @Test
    @Order(6)
    void theTextSearchReadsWordsAndTakesNoPunctuationForAWildcard() {
        assertEquals(BETA, total(QueueFilter.any().withText("100%_b")), "the words 100 and b*");
        assertEquals(0, total(QueueFilter.any().withText("%")), "punctuation alone finds nothing");
        assertEquals(0, total(QueueFilter.any().withText("_")));
        assertEquals(ALPHA, total(QueueFilter.any().withText("filetest_alpha")), "punctuation separates words");
        assertEquals(0, total(QueueFilter.any().withText("iletest")), "the middle of a word is not searched");
        assertEquals(0, total(QueueFilter.any().withText("!")));
    }

    private long total(QueueFilter filter) {
        return queue().page(cvl, filter, BY_REFERENCE, 0, 5).total();
    }

    // ---- as an HTTP client: the REST API -------------------------------------------------------------

    @Test
    @Order(10)
    @RunAsClient
    void anAdvisorPagesThroughTheApplicationsOfTheirAssociation() throws Exception {
        HttpResponse<String> r = call("conseil", "GET", "/applications?status=SUBMITTED,IN_REVIEW&page=1&size=10", null);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject page = Api.json(r);
        assertEquals(1, page.getInt("page"));
        assertEquals(10, page.getInt("size"));
        assertTrue(page.getJsonNumber("total").longValue() >= ALPHA / 3, r.body());
        JsonArray items = page.getJsonArray("items");
        assertEquals(10, items.size());
        for (JsonValue v : items) {
            JsonObject item = v.asJsonObject();
            assertTrue(item.getString("reference").startsWith("CVL-"), item.toString());
            assertTrue(Set.of("SUBMITTED", "IN_REVIEW").contains(item.getString("status")), item.toString());
            assertTrue(item.getString("requested").matches("\\d+\\.\\d{2}"), item.toString());
        }
        JsonObject sorted = Api.json(call("conseil", "GET", "/applications?q=filetest%20alpha&sort=-reference&size=1", null));
        assertEquals("CVL-2099-00120", sorted.getJsonArray("items").getJsonObject(0).getString("reference"));
        assertEquals(ALPHA, sorted.getInt("total"));
        assertEquals(0, Api.json(call("conseil", "GET", "/applications?q=QTEST-2099", null)).getInt("total"),
                "another association's file is not in the advisor's queue");
        assertEquals(1, Api.json(call("admin", "GET", "/applications?q=QTEST-2099", null)).getInt("total"),
                "the national administrator sees the network");
    }

    @Test
    @Order(11)
    @RunAsClient
    void theQueueIsForStaffAndRefusesBadParametersWithJsonErrors() throws Exception {
        HttpResponse<String> porteur = call("porteur", "GET", "/applications", null);
        assertEquals(403, porteur.statusCode(), porteur.body());
        assertEquals("FORBIDDEN", Api.json(porteur).getString("error"));
        for (String query : List.of("status=NOPE", "status=DRAFT", "page=-1", "page=abc", "size=0", "size=201", "size=x",
                "sort=colour", "q=" + "x".repeat(101))) {
            HttpResponse<String> r = call("conseil", "GET", "/applications?" + query, null);
            assertEquals(400, r.statusCode(), query + " -> " + r.body());
            assertEquals("INVALID_INPUT", Api.json(r).getString("error"), query);
            assertFalse(Api.json(r).getString("message").isBlank(), query);
        }
    }

    @Test
    @Order(12)
    @RunAsClient
    void anAdvisorTakesAFileAndAStaleVersionIsRefused() throws Exception {
        JsonObject witness = Api.json(call("conseil", "GET", "/applications?q=" + enc("Témoin de la file"), null))
                .getJsonArray("items").getJsonObject(0);
        long id = witness.getJsonNumber("id").longValue();
        long version = witness.getJsonNumber("version").longValue();
        long me = advisorId("Camille Conseillère");

        HttpResponse<String> taken = call("conseil", "PUT", "/applications/" + id + "/assignee",
                "{\"advisorId\":" + me + ",\"version\":" + version + "}");
        assertEquals(200, taken.statusCode(), taken.body());
        JsonObject assignment = Api.json(taken);
        assertEquals(me, assignment.getJsonNumber("advisorId").longValue());
        assertEquals("Camille Conseillère", assignment.getString("advisor"));
        assertTrue(assignment.getJsonNumber("version").longValue() > version);

        HttpResponse<String> stale = call("conseil", "PUT", "/applications/" + id + "/assignee",
                "{\"advisorId\":null,\"version\":" + version + "}");
        assertEquals(409, stale.statusCode(), stale.body());
        assertEquals("CONCURRENT_CHANGE", Api.json(stale).getString("error"));
        JsonObject now = Api.json(call("conseil", "GET", "/applications?q=" + enc("Témoin de la file"), null))
                .getJsonArray("items").getJsonObject(0);
        assertEquals("Camille Conseillère", now.getString("advisor"), "the refused change stored nothing");

        HttpResponse<String> released = call("conseil", "PUT", "/applications/" + id + "/assignee",
                "{\"advisorId\":null,\"version\":" + now.getJsonNumber("version") + "}");
        assertEquals(200, released.statusCode(), released.body());
        JsonObject free = Api.json(released);
        assertTrue(!free.containsKey("advisorId") || free.isNull("advisorId"), released.body());
    }

    @Test
    @Order(13)
    @RunAsClient
    void assigningOutsideTheAssociationToAnUnknownAdvisorOrWithoutVersionIsRefused() throws Exception {
        long foreign = Api.json(call("admin", "GET", "/applications?q=QTEST-2099", null)).getJsonArray("items").getJsonObject(0)
                .getJsonNumber("id").longValue();
        long me = advisorId("Camille Conseillère");
        HttpResponse<String> notMine = call("conseil", "PUT", "/applications/" + foreign + "/assignee",
                "{\"advisorId\":" + me + ",\"version\":0}");
        assertEquals(404, notMine.statusCode(), notMine.body());
        assertEquals("NOT_FOUND", Api.json(notMine).getString("error"));

        JsonObject witness = Api.json(call("conseil", "GET", "/applications?q=" + enc("Témoin de la file"), null))
                .getJsonArray("items").getJsonObject(0);
        long id = witness.getJsonNumber("id").longValue();
        HttpResponse<String> noVersion = call("conseil", "PUT", "/applications/" + id + "/assignee", "{\"advisorId\":" + me + "}");
        assertEquals(400, noVersion.statusCode(), noVersion.body());
        HttpResponse<String> unknownAdvisor = call("conseil", "PUT", "/applications/" + id + "/assignee",
                "{\"advisorId\":987654321,\"version\":" + witness.getJsonNumber("version") + "}");
        assertEquals(400, unknownAdvisor.statusCode(), unknownAdvisor.body());
        HttpResponse<String> porteur = call("porteur", "PUT", "/applications/" + id + "/assignee",
                "{\"advisorId\":" + me + ",\"version\":" + witness.getJsonNumber("version") + "}");
        assertEquals(403, porteur.statusCode(), porteur.body());
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private long advisorId(String name) throws Exception {
        HttpResponse<String> r = call("conseil", "GET", "/advisors", null);
        assertEquals(200, r.statusCode(), r.body());
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            for (JsonValue v : reader.readArray()) {
                if (name.equals(v.asJsonObject().getString("name"))) {
                    return v.asJsonObject().getJsonNumber("id").longValue();
                }
            }
        }
        throw new AssertionError(name + " is not among the advisors: " + r.body());
    }

    private HttpResponse<String> call(String user, String method, String path, String json) throws Exception {
        return api.call(user + "@demo.essor", method, path, json);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Thirteen digits and their Luhn check digit. */
    private static String siret(String thirteen) {
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            int d = thirteen.charAt(12 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return thirteen + (10 - sum % 10) % 10;
    }

    private static long insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static long enterprise(Connection c, String name, String siret, String department, long association)
            throws SQLException {
        return insert(c, "INSERT INTO enterprise (legal_name, siret, legal_form, department, association_id) VALUES (?, ?, 'SCOP', ?, ?)",
                name, siret, department, association);
    }

    private static long application(Connection c, String reference, long enterprise, Stage stage, ApplicationStatus status,
                                    Long advisor, LocalDateTime submittedUtc) throws SQLException {
        return insert(c, "INSERT INTO application (reference, enterprise_id, title, stage, status, assigned_advisor_id,"
                + " created_at, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", reference, enterprise, "Dossier " + reference,
                stage.name(), status.name(), advisor, submittedUtc, submittedUtc);
    }

    private static void line(Connection c, long application, int no, Instrument instrument, String amount) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO application_line (application_id, line_no, instrument, amount) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, application);
            ps.setInt(2, no);
            ps.setString(3, instrument.name());
            ps.setBigDecimal(4, new BigDecimal(amount));
            ps.executeUpdate();
        }
    }
}
