package fr.essor.web.it;

import static fr.essor.web.it.Fixtures.ADMIN;
import static fr.essor.web.it.Fixtures.ADVISOR;
import static fr.essor.web.it.Fixtures.PARTNER_BDT;
import static fr.essor.web.it.Fixtures.PORTEUR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 12, part 4: the national head's figures. A year by association adds up to the network; closing
 * 2021 publishes its figures, which a support record backdated into 2021 no longer changes (the live figure
 * does); reopening is audited with its reason; refusals (twice, the current year, an association's
 * administrator); the exports open in a spreadsheet. Runs inside the server to read the audit trail and to
 * make an association's administrator; every request to Essor goes over HTTP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NationalFiguresIT extends OnTheBuiltWar {

    private static final int CURRENT = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();
    private static final String LOCAL_ADMIN = "admin.cvl@test.essor";


    NationalFiguresIT() {
        super(Duration.ofSeconds(60));
    }
    private final Pages pages = new Pages(() -> base);


    @BeforeEach
    void ready() throws InterruptedException {
        Deployments.awaitReady(base);
    }

    private JsonObject ok(int status, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        return Api.json(r);
    }

    @Test
    @Order(1)
    void theAssociationsAddUpToTheNetworkAndTheNetworkIsTheIndicatorsOne() throws Exception {
        JsonObject year = ok(200, api.call(ADMIN, "GET", "/indicators/associations?year=2021", null));
        assertFalse(year.containsKey("closing"), "2021 is not closed yet (nulls are left out)");
        JsonArray rows = year.getJsonArray("associations");
        assertTrue(rows.size() >= 1, year.toString());
        long advised = 0;
        long financed = 0;
        BigDecimal mobilised = BigDecimal.ZERO;
        for (JsonValue v : rows) {
            JsonObject a = v.asJsonObject();
            advised += a.getJsonNumber("advised").longValue();
            financed += a.getJsonNumber("financed").longValue();
            mobilised = mobilised.add(new BigDecimal(a.getString("mobilised")));
        }
        JsonObject network = year.getJsonObject("network");
        assertEquals(advised, network.getJsonNumber("advised").longValue(), "the sum of the associations is the network");
        assertEquals(financed, network.getJsonNumber("financed").longValue());
        assertEquals(0, mobilised.compareTo(new BigDecimal(network.getString("mobilised"))));
        // the demo's 2021 figures, the same as the indicators of the network and of CVL
        assertEquals(605, network.getInt("advised"));
        assertEquals(450, network.getInt("financed"));
        assertEquals("6250000.00", network.getString("mobilised"));
        JsonObject indicators = ok(200, api.call(ADMIN, "GET", "/indicators?year=2021", null));
        assertEquals(network.getInt("advised"), indicators.getInt("advised"));
        assertEquals(network.getString("granted"), indicators.getString("granted"));
        JsonObject cvl = rows.stream().map(JsonValue::asJsonObject).filter(a -> "CVL".equals(a.getString("association")))
                .findFirst().orElseThrow();
        assertEquals(605, cvl.getInt("advised"));

        JsonObject trend = ok(200, api.call(ADMIN, "GET", "/indicators/years", null));
        assertEquals(CURRENT - 9, trend.getInt("from"), "the last ten years by default");
        assertEquals(10, trend.getJsonArray("years").size());
        JsonObject y2021 = trend.getJsonArray("years").stream().map(JsonValue::asJsonObject)
                .filter(y -> y.getInt("year") == 2021).findFirst().orElseThrow();
        assertEquals(605, y2021.getInt("advised"));
        assertEquals("6250000.00", y2021.getString("mobilised"));
    }

    @Test
    @Order(2)
    void closing2021FreezesItsFiguresForEveryReaderWhileTheLiveOnesMove() throws Exception {
        HttpResponse<String> created = api.call(ADMIN, "POST", "/indicators/closings", "{\"year\":2021}");
        JsonObject closing = ok(201, created);
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/indicators/closings/" + closing.getInt("id")));
        assertTrue(closing.getBoolean("inForce"));
        assertEquals(ADMIN, closing.getString("closedBy"));
        DataSource ds = Sql.ds();
        assertEquals(1, Sql.count(ds, "SELECT COUNT(*) FROM audit_event WHERE action = 'CLOSE_YEAR' AND entity_id = ?",
                String.valueOf(closing.getInt("id"))));
        assertTrue(Sql.count(ds, "SELECT COUNT(*) FROM published_breakdown WHERE closing_id = ?", closing.getInt("id")) > 0,
                "the breakdowns are published too");

        // a support record backdated into 2021, for an enterprise not advised that year
        long fabrique = Api.array(api.call(PORTEUR, "GET", "/enterprises/mine", null)).getJsonObject(0).getJsonNumber("id").longValue();
        ok(201, api.call(ADVISOR, "POST", "/enterprises/" + fabrique + "/support-records",
                "{\"date\":\"2021-06-15\",\"kind\":\"DIAGNOSTIC\",\"durationMinutes\":60,\"notes\":\"Saisi en retard\"}"));

        JsonObject year = ok(200, api.call(ADMIN, "GET", "/indicators/associations?year=2021", null));
        assertEquals(closing.getInt("id"), year.getJsonObject("closing").getInt("id"));
        assertEquals(605, year.getJsonObject("network").getInt("advised"), "the published figure does not move");
        assertEquals(606, year.getJsonObject("live").getInt("advised"), "the live figure, since publication, does");
        // what an advisor, a partner and the network's indicators show for 2021: the published figures
        for (String who : new String[] {ADVISOR, PARTNER_BDT}) {
            JsonObject cvl = ok(200, api.call(who, "GET", "/indicators?association=CVL&year=2021", null));
            assertEquals(605, cvl.getInt("advised"), who);
            assertEquals(450, cvl.getInt("financed"), who);
            assertEquals("6250000.00", cvl.getString("mobilised"), who);
            assertNotNull(cvl.getString("published", null), who);
            assertEquals(6, cvl.getJsonArray("byDepartment").size(), who + ": the published breakdowns");
            assertTrue(cvl.getJsonArray("targets").toString().contains("BDT-CVL-2021-FONCTIONNEMENT"), who);
        }
        JsonObject trend = ok(200, api.call(ADMIN, "GET", "/indicators/years?from=2020&to=2022", null));
        JsonObject y2021 = trend.getJsonArray("years").getJsonObject(1);
        assertEquals(605, y2021.getInt("advised"));
        assertNotNull(y2021.getString("published", null));
        assertFalse(trend.getJsonArray("years").getJsonObject(0).containsKey("published"), "2020 is computed now");
    }

    @Test
    @Order(3)
    void closingTwiceTheCurrentYearOrAsAnAssociationsAdministratorIsRefusedAndChangesNothing() throws Exception {
        DataSource ds = Sql.ds();
        long before = Sql.count(ds, "SELECT COUNT(*) FROM year_closing");
        long figures = Sql.count(ds, "SELECT COUNT(*) FROM published_figure");
        JsonObject twice = ok(409, api.call(ADMIN, "POST", "/indicators/closings", "{\"year\":2021}"));
        assertTrue(twice.getString("message").contains("2021 est déjà close"), twice.toString());
        JsonObject current = ok(400, api.call(ADMIN, "POST", "/indicators/closings", "{\"year\":" + CURRENT + "}"));
        assertEquals("year", current.getString("field"));
        assertTrue(current.getString("message").contains("n'est pas terminée"), current.toString());
        ok(400, api.call(ADMIN, "POST", "/indicators/closings", "{\"year\":" + (CURRENT + 3) + "}"));
        JsonObject english = Api.json(api.language("en").call(ADMIN, "POST", "/indicators/closings", "{\"year\":2021}"));
        assertEquals("Year 2021 is already closed.", english.getString("message"));

        // an association's administrator: an ADMIN of CVL
        Sql.update(ds, "INSERT INTO user_account (email, display_name, password_hash, association_id, active, created_at, version)"
                + " SELECT ?, 'Admin CVL', password_hash, (SELECT id FROM association WHERE code = 'CVL'), TRUE, created_at, 0"
                + " FROM user_account WHERE email = ?", LOCAL_ADMIN, PORTEUR);
        Sql.update(ds, "INSERT INTO account_role (account_id, role) SELECT id, 'ADMIN' FROM user_account WHERE email = ?", LOCAL_ADMIN);
        assertEquals(403, api.call(LOCAL_ADMIN, "POST", "/indicators/closings", "{\"year\":2020}").statusCode());
        assertEquals(403, api.call(LOCAL_ADMIN, "GET", "/indicators/associations?year=2021", null).statusCode());
        assertEquals(403, api.call(LOCAL_ADMIN, "GET", "/indicators/years", null).statusCode());
        assertEquals(403, api.call(LOCAL_ADMIN, "GET", "/indicators/closings", null).statusCode());
        assertEquals(403, api.call(ADVISOR, "POST", "/indicators/closings", "{\"year\":2020}").statusCode());
        assertEquals(403, api.call(PARTNER_BDT, "GET", "/indicators/associations?year=2021", null).statusCode());
        String page = pages.get(pages.login(LOCAL_ADMIN), "/admin/figures.xhtml").body();
        assertTrue(page.contains("id=\"national-only\""), "the page says the figures are the national head's");
        assertFalse(page.contains("id=\"by-association\""));

        assertEquals(before, Sql.count(ds, "SELECT COUNT(*) FROM year_closing"), "nothing stored on refusal");
        assertEquals(figures, Sql.count(ds, "SELECT COUNT(*) FROM published_figure"));
    }

    @Test
    @Order(4)
    void theExportsOpenInASpreadsheetWithTheAssociationsAndTheNetwork() throws Exception {
        String cookie = pages.login(ADMIN);
        HttpResponse<String> page = pages.get(cookie, "/admin/figures.xhtml");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"by-association\""), "the page shows the table");
        HttpResponse<byte[]> xlsx = pages.file(cookie, "/files/national/2021.xlsx");
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            Row cvl = null;
            Row network = null;
            for (Row row : sheet) {
                Cell first = row.getCell(0);
                if (first != null && first.getCellType() == CellType.STRING) {
                    if ("CVL".equals(first.getStringCellValue())) {
                        cvl = row;
                    } else if (first.getStringCellValue().startsWith("Réseau")) {
                        network = row;
                    }
                }
            }
            assertNotNull(cvl, "a row for CVL");
            assertNotNull(network, "the network's total row");
            assertEquals(605, cvl.getCell(2).getNumericCellValue(), 0, "advised, published");
            assertEquals(CellType.NUMERIC, network.getCell(4).getCellType(), "amounts are numbers");
            assertEquals(6_250_000.00, network.getCell(4).getNumericCellValue(), 0.001);
        }
        HttpResponse<byte[]> trend = pages.file(cookie, "/files/national/trend/2019-2022.xlsx");
        assertEquals(200, trend.statusCode());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(trend.body()))) {
            Sheet sheet = book.getSheetAt(0);
            boolean found = false;
            for (Row row : sheet) {
                if (row.getCell(0) != null && "2021".equals(row.getCell(0).getStringCellValue())) {
                    found = row.getCell(1).getNumericCellValue() == 605 && row.getCell(8).getCellType() == CellType.NUMERIC;
                }
            }
            assertTrue(found, "2021 in the trend with its published date");
        }
        HttpResponse<byte[]> csv = pages.file(cookie, "/files/national/2021.csv");
        assertEquals(200, csv.statusCode());
        assertTrue(new String(csv.body(), StandardCharsets.UTF_8).contains("CVL;"));
    }

    @Test
    @Order(5)
    void reopeningNeedsAReasonIsAuditedAndKeepsThePublishedFiguresAsHistory() throws Exception {
        DataSource ds = Sql.ds();
        long id = Sql.count(ds, "SELECT id FROM year_closing WHERE closed_year = 2021");
        JsonObject noReason = ok(400, api.call(ADMIN, "POST", "/indicators/closings/" + id + "/reopening", "{\"reason\":\" \"}"));
        assertEquals("reason", noReason.getString("field"));
        assertEquals(403, api.call(LOCAL_ADMIN, "POST", "/indicators/closings/" + id + "/reopening",
                "{\"reason\":\"Intrus\"}").statusCode());
        // the page's reopening form, without a reason: a message next to the field, nothing changed
        String cookie = pages.login(ADMIN);
        String path = "/admin/figures.xhtml";
        HttpResponse<String> page = pages.get(cookie, path);
        Map<String, String> choose = new LinkedHashMap<>();
        choose.put("choice", "choice");
        choose.put("choice:year", "2021");
        choose.put("choice:show", "");
        choose.put("jakarta.faces.ViewState", Pages.viewState(page.body()));
        HttpResponse<String> shown = pages.post(cookie, path, choose);
        assertTrue(shown.body().contains("id=\"reopen:reason\""), "2021 is closed: the page offers to reopen it");
        Map<String, String> reopen = new LinkedHashMap<>();
        reopen.put("reopen", "reopen");
        reopen.put("reopen:reason", "   ");
        reopen.put("reopen:submit", "");
        reopen.put("jakarta.faces.ViewState", Pages.viewState(shown.body()));
        HttpResponse<String> refused = pages.post(cookie, path, reopen);
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("ui-message-error"), "the reason is required");
        assertEquals(2021, Sql.count(ds, "SELECT closed_year FROM year_closing WHERE id = ?", id), "still in force");

        JsonObject reopened = ok(200, api.call(ADMIN, "POST", "/indicators/closings/" + id + "/reopening",
                "{\"reason\":\"Accompagnements de juin saisis en retard\"}"));
        assertFalse(reopened.getBoolean("inForce"));
        assertEquals("Accompagnements de juin saisis en retard", reopened.getString("reopenReason"));
        assertEquals(1, Sql.count(ds, "SELECT COUNT(*) FROM audit_event WHERE action = 'REOPEN_YEAR' AND entity_id = ?"
                + " AND summary LIKE '%saisis en retard%'", String.valueOf(id)));
        assertTrue(Sql.count(ds, "SELECT COUNT(*) FROM published_figure WHERE closing_id = ?", id) > 0, "kept as history");
        ok(409, api.call(ADMIN, "POST", "/indicators/closings/" + id + "/reopening", "{\"reason\":\"Encore\"}"));

        // open again: the live figures; closed again: the new figures published
        assertEquals(606, ok(200, api.call(ADVISOR, "GET", "/indicators?association=CVL&year=2021", null)).getInt("advised"));
        JsonObject again = ok(201, api.call(ADMIN, "POST", "/indicators/closings", "{\"year\":2021}"));
        assertEquals(606, ok(200, api.call(ADMIN, "GET", "/indicators/associations?year=2021", null)).getJsonObject("network")
                .getInt("advised"));
        JsonObject list = ok(200, api.call(ADMIN, "GET", "/indicators/closings?size=10", null));
        assertEquals(2, list.getInt("total"));
        assertEquals(again.getInt("id"), list.getJsonArray("items").getJsonObject(0).getInt("id"), "newest first");
        assertEquals(200, api.call(ADMIN, "GET", "/indicators/closings/" + id, null).statusCode());
        assertEquals(404, api.call(ADMIN, "GET", "/indicators/closings/999999", null).statusCode());
    }

    @Test
    @Order(6)
    void theOpenApiDocumentHoldsTheNewEndpoints() throws Exception {
        String doc = api.openApi();
        for (String path : new String[] {"/indicators/associations", "/indicators/years", "/indicators/closings",
                "/indicators/closings/{id}/reopening"}) {
            assertTrue(doc.contains(path), path);
        }
    }
}
