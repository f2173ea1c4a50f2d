package fr.essor.web.it;

import static fr.essor.web.it.Fixtures.ADVISOR;
import static fr.essor.web.it.Fixtures.PORTEUR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.service.security.PasswordHasher;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Support records ("accompagnement") through the REST API and the advisor's pages: an advisor
 * records and lists advice; bad input, an entrepreneur and the staff of another association are
 * refused and nothing stored changes. The first test runs inside the server to create an advisor of
 * another association (no API creates staff accounts); the others are HTTP clients.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupportIT extends OnTheBuiltWar {

    private static final String OTHER_ADVISOR = "conseil@autre-association.test";
    private static final String PASSWORD = "essor-demo";

    private final DataSource dataSource = Sql.database();


    // ---- in the server: an advisor of another association ------------------------------------------

    @Test
    @Order(1)
    void anAdvisorOfAnotherAssociationExists() throws Exception {
        if (Sql.count(dataSource, "SELECT COUNT(*) FROM user_account WHERE email = ?", OTHER_ADVISOR) == 0) {
            if (Sql.count(dataSource, "SELECT COUNT(*) FROM association WHERE code = ?", "ZZT") == 0) {
                Sql.update(dataSource, "INSERT INTO association (code, name, region, active, version) VALUES (?, ?, ?, TRUE, 0)",
                        "ZZT", "Association de test", "Ailleurs");
            }
            long association = Sql.count(dataSource, "SELECT id FROM association WHERE code = ?", "ZZT");
            Sql.update(dataSource, "INSERT INTO user_account (email, display_name, password_hash, association_id, active,"
                    + " created_at, version) VALUES (?, ?, ?, ?, TRUE, ?, 0)", OTHER_ADVISOR, "Conseil Ailleurs",
                    PasswordHasher.hash(PASSWORD.toCharArray()), association, Timestamp.from(Instant.now()));
            long account = Sql.count(dataSource, "SELECT id FROM user_account WHERE email = ?", OTHER_ADVISOR);
            Sql.update(dataSource, "INSERT INTO account_role (account_id, role) VALUES (?, ?)", account, "ADVISOR");
        }
        assertEquals(1, Sql.count(dataSource, "SELECT COUNT(*) FROM user_account u JOIN association a ON a.id = u.association_id"
                + " JOIN account_role r ON r.account_id = u.id WHERE u.email = ? AND a.code = 'ZZT' AND r.role = 'ADVISOR'",
                OTHER_ADVISOR));
    }

    // ---- HTTP clients -------------------------------------------------------------------------------

    private long fabrique() throws Exception {
        HttpResponse<String> r = api.call(PORTEUR, "GET", "/enterprises/mine", null);
        assertEquals(200, r.statusCode(), r.body());
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            JsonObject e = reader.readArray().getJsonObject(0);
            assertEquals("La Fabrique Solidaire", e.getString("legalName"));
            return e.getJsonNumber("id").longValue();
        }
    }

    private long count(long enterprise) throws Exception {
        HttpResponse<String> r = api.call(ADVISOR, "GET", "/enterprises/" + enterprise + "/support-records?page=0&size=1", null);
        assertEquals(200, r.statusCode(), r.body());
        return Api.json(r).getJsonNumber("total").longValue();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    private static String body(String date, String kind, Object minutes, String notes) {
        return "{\"date\":\"" + date + "\",\"kind\":\"" + kind + "\",\"durationMinutes\":" + minutes
                + (notes == null ? "" : ",\"notes\":\"" + notes + "\"") + "}";
    }

    @Test
    @Order(2)
    void anAdvisorRecordsSupportAndListsItNewestFirst() throws Exception {
        long enterprise = fabrique();
        long before = count(enterprise);
        assertTrue(before >= 3, "the demo data gives La Fabrique Solidaire three records: " + before);

        String older = today().minusDays(20).toString();
        String newer = today().minusDays(1).toString();
        HttpResponse<String> first = api.call(ADVISOR, "POST", "/enterprises/" + enterprise + "/support-records",
                body(older, "FOLLOW_UP", 45, "Point d'étape <b>gras</b>"));
        assertEquals(201, first.statusCode(), first.body());
        HttpResponse<String> second = api.call(ADVISOR, "POST", "/enterprises/" + enterprise + "/support-records",
                body(newer, "DIAGNOSTIC", 90, "Diagnostic approfondi"));
        assertEquals(201, second.statusCode(), second.body());
        JsonObject created = Api.json(second);
        assertEquals(newer, created.getString("date"));
        assertEquals("DIAGNOSTIC", created.getString("kind"));
        assertEquals(90, created.getInt("durationMinutes"));
        assertEquals(ADVISOR, created.getString("advisor"));

        String location = second.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/api/v1/enterprises/" + enterprise + "/support-records/" + created.getJsonNumber("id")),
                location);
        HttpResponse<String> read = api.call(ADVISOR, "GET", location.substring(location.indexOf("/api/v1") + 7), null);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals("Diagnostic approfondi", Api.json(read).getString("notes"));

        assertEquals(before + 2, count(enterprise));
        HttpResponse<String> list = api.call(ADVISOR, "GET", "/enterprises/" + enterprise + "/support-records?page=0&size=50", null);
        JsonArray items = Api.json(list).getJsonArray("items");
        for (int i = 1; i < items.size(); i++) {
            assertTrue(items.getJsonObject(i - 1).getString("date").compareTo(items.getJsonObject(i).getString("date")) >= 0,
                    "newest first: " + items);
        }
        assertTrue(items.stream().anyMatch(v -> v.asJsonObject().getString("notes", "").equals("Point d'étape <b>gras</b>")),
                "stored as typed; pages escape it");

        HttpResponse<String> page2 = api.call(ADVISOR, "GET", "/enterprises/" + enterprise + "/support-records?page=1&size=2", null);
        assertEquals(200, page2.statusCode(), page2.body());
        assertEquals(items.getJsonObject(2).getJsonNumber("id"), Api.json(page2).getJsonArray("items").getJsonObject(0).getJsonNumber("id"));
    }

    @Test
    @Order(3)
    void badInputIsRefusedWith400OnItsFieldAndStoresNothing() throws Exception {
        long enterprise = fabrique();
        long before = count(enterprise);
        String today = today().toString();
        String[][] cases = {
            {body(today().plusDays(2).toString(), "DIAGNOSTIC", 60, null), "date", "postérieure"},
            {body("1999-12-31", "DIAGNOSTIC", 60, null), "date", "antérieure"},
            {body("2026-02-30", "DIAGNOSTIC", 60, null), "date", "AAAA-MM-JJ"},
            {body(today, "DIAGNOSTIC", 0, null), "durationMinutes", "comprise entre 1 et 7"},
            {body(today, "DIAGNOSTIC", -30, null), "durationMinutes", "comprise entre 1 et 7"},
            {body(today, "DIAGNOSTIC", 7201, null), "durationMinutes", "comprise entre 1 et 7"},
            {"{\"date\":\"" + today + "\",\"kind\":\"DIAGNOSTIC\"}", "durationMinutes", "minutes"},
            {body(today, "COACHING", 60, null), "kind", "type d'accompagnement"},
            {body(today, "", 60, null), "kind", "type d'accompagnement"},
            {body(today, "FOLLOW_UP", 60, "x".repeat(4001)), "notes", "4"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = api.call(ADVISOR, "POST", "/enterprises/" + enterprise + "/support-records", c[0]);
            assertEquals(400, r.statusCode(), c[0] + " -> " + r.body());
            JsonObject error = Api.json(r);
            assertEquals("INVALID_INPUT", error.getString("error"), r.body());
            assertEquals(c[1], error.getString("field"), r.body());
            assertTrue(error.getString("message").contains(c[2]), r.body());
        }
        for (String malformed : new String[] {"{\"date\":\"" + today + "\",", "{\"date\":\"" + today
                + "\",\"kind\":\"DIAGNOSTIC\",\"durationMinutes\":\"une heure\"}", "[]"}) {
            HttpResponse<String> r = api.call(ADVISOR, "POST", "/enterprises/" + enterprise + "/support-records", malformed);
            assertEquals(400, r.statusCode(), malformed + " -> " + r.body());
            assertEquals("MALFORMED_JSON", Api.json(r).getString("error"), r.body());
        }
        assertEquals(before, count(enterprise), "no refused record was stored");
    }

    @Test
    @Order(4)
    void anEntrepreneurGets403AndStoresNothing() throws Exception {
        long enterprise = fabrique();
        long before = count(enterprise);
        HttpResponse<String> post = api.call(PORTEUR, "POST", "/enterprises/" + enterprise + "/support-records",
                body(today().toString(), "DIAGNOSTIC", 60, "auto-déclaré"));
        assertEquals(403, post.statusCode(), post.body());
        assertEquals("FORBIDDEN", Api.json(post).getString("error"));
        HttpResponse<String> get = api.call(PORTEUR, "GET", "/enterprises/" + enterprise + "/support-records", null);
        assertEquals(403, get.statusCode(), get.body());
        assertEquals(before, count(enterprise));
    }

    @Test
    @Order(5)
    void theStaffOfAnotherAssociationGets404AndStoresNothing() throws Exception {
        long enterprise = fabrique();
        long before = count(enterprise);
        HttpResponse<String> me = api.call(OTHER_ADVISOR, "GET", "/me", null);
        assertEquals(200, me.statusCode(), "the other association's advisor signs in: " + me.body());
        HttpResponse<String> post = api.call(OTHER_ADVISOR, "POST", "/enterprises/" + enterprise + "/support-records",
                body(today().toString(), "DIAGNOSTIC", 60, null));
        assertEquals(404, post.statusCode(), post.body());
        assertEquals("NOT_FOUND", Api.json(post).getString("error"));
        HttpResponse<String> get = api.call(OTHER_ADVISOR, "GET", "/enterprises/" + enterprise + "/support-records", null);
        assertEquals(404, get.statusCode(), get.body());
        long record = Api.json(api.call(ADVISOR, "GET", "/enterprises/" + enterprise + "/support-records?size=1", null))
                .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(404, api.call(OTHER_ADVISOR, "GET", "/enterprises/" + enterprise + "/support-records/" + record, null)
                .statusCode());
        assertEquals(404, api.call(OTHER_ADVISOR, "DELETE", "/enterprises/" + enterprise + "/support-records/" + record
                + "?version=0", null).statusCode());
        assertEquals(before, count(enterprise));
    }

    @Test
    @Order(6)
    void theAuthorCorrectsAndDeletesAtTheVersionReadAndAStaleVersionIsRefused() throws Exception {
        long enterprise = fabrique();
        String path = "/enterprises/" + enterprise + "/support-records";
        JsonObject created = Api.json(api.call(ADVISOR, "POST", path, body(today().minusDays(3).toString(), "FOLLOW_UP", 30, "v0")));
        long id = created.getJsonNumber("id").longValue();
        long v0 = created.getJsonNumber("version").longValue();
        long before = count(enterprise);

        HttpResponse<String> updated = api.call(ADVISOR, "PUT", path + "/" + id + "?version=" + v0,
                body(today().minusDays(2).toString(), "DLA", 120, "v1"));
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals("DLA", Api.json(updated).getString("kind"));
        long v1 = Api.json(updated).getJsonNumber("version").longValue();
        assertTrue(v1 > v0);

        HttpResponse<String> stale = api.call(ADVISOR, "PUT", path + "/" + id + "?version=" + v0,
                body(today().minusDays(2).toString(), "DIAGNOSTIC", 10, "stale"));
        assertEquals(409, stale.statusCode(), stale.body());
        assertEquals("CONCURRENT_CHANGE", Api.json(stale).getString("error"));
        HttpResponse<String> invalid = api.call(ADVISOR, "PUT", path + "/" + id + "?version=" + v1,
                body(today().minusDays(2).toString(), "DIAGNOSTIC", 0, "invalid"));
        assertEquals(400, invalid.statusCode(), invalid.body());
        JsonObject kept = Api.json(api.call(ADVISOR, "GET", path + "/" + id, null));
        assertEquals("v1", kept.getString("notes"));
        assertEquals(120, kept.getInt("durationMinutes"));

        assertEquals(409, api.call(ADVISOR, "DELETE", path + "/" + id + "?version=" + v0, null).statusCode());
        assertEquals(before, count(enterprise));
        assertEquals(204, api.call(ADVISOR, "DELETE", path + "/" + id + "?version=" + v1, null).statusCode());
        assertEquals(before - 1, count(enterprise));
        assertEquals(404, api.call(ADVISOR, "GET", path + "/" + id, null).statusCode());
    }

    @Test
    @Order(7)
    void theAdvisorFindsTheEnterpriseAndRecordsSupportOnItsPageWhileBadInputIsShownOnItsField() throws Exception {
        long enterprise = fabrique();
        String cookie = pages.login(ADVISOR);

        HttpResponse<String> list = pages.get(cookie, "/advisor/enterprises.xhtml");
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("Entreprises accompagnées"), "navigation link and title");
        // the association's ~600 enterprises (the 2021 demo year) are paged: the first page links to enterprise pages
        assertTrue(list.body().contains("advisor/enterprise.xhtml?id="), "links to the enterprise pages");

        String path = "/advisor/enterprise.xhtml?id=" + enterprise;
        HttpResponse<String> profile = pages.get(cookie, path);
        assertEquals(200, profile.statusCode(), profile.body());
        String html = profile.body();
        assertTrue(html.contains("812 345 678 00013"), "SIRET shown");
        assertTrue(html.contains("Diagnostic de la recyclerie"), "demo support notes listed");
        assertTrue(html.contains("advisor/file.xhtml?id="), "applications link to their file");
        assertFalse(html.contains("Extension de la recyclerie"), "drafts stay the applicant's own");

        long before = count(enterprise);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("support", "support");
        form.put("support:date_input", today().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        form.put("support:kind_input", "DIAGNOSTIC");
        form.put("support:durationMinutes", "0");
        form.put("support:notes", "page");
        form.put("support:save", "");
        form.put("jakarta.faces.ViewState", Pages.viewState(html));
        HttpResponse<String> refused = pages.post(cookie, path, form);
        assertEquals(200, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("La durée doit être comprise entre 1 et 7"), refused.body());
        assertEquals(before, count(enterprise), "nothing saved");

        form.put("support:durationMinutes", "75");
        form.put("jakarta.faces.ViewState", Pages.viewState(refused.body()));
        HttpResponse<String> saved = pages.post(cookie, path, form);
        assertEquals(200, saved.statusCode(), saved.body());
        assertTrue(saved.body().contains("Accompagnement enregistré."), saved.body());
        assertTrue(saved.body().contains("1 h 15"), "the new record is listed with its duration");
        assertEquals(before + 1, count(enterprise));

        String porteur = pages.login(PORTEUR);
        assertEquals(403, pages.get(porteur, path).statusCode());
        assertEquals(404, pages.get(cookie, "/advisor/enterprise.xhtml?id=999999").statusCode());
    }
}
