package fr.essor.web.it;

import static fr.essor.web.it.Fixtures.ADMIN;
import static fr.essor.web.it.Fixtures.PARTNER_BDT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 12, parts 1, 2 and 5: the network from its own pages and API. Associations created,
 * renamed, deactivated (refused with the number of open files) and reactivated; départements
 * given (two administrators giving the same one at once: one wins, the other is told) and moved
 * (files stay where they are); enterprises routed by their département to an active association
 * only; an association's administrator kept to his own association (403 in the API, a refusal on
 * the page); partners national or local, their contacts and PARTNER accounts (none without a
 * partner), and a partner's account seeing its own conventions only. Every refusal is re-read
 * in the database. Runs inside the server to read the database; every request goes over HTTP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetworkIT extends OnTheBuiltWar {

    private static final int YEAR = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();
    private static final String ENTREPRENEUR_PASSWORD = "Reseau-Breton-2026";


    private final Pages pages = new Pages(() -> base);


    @BeforeEach
    void ready() throws InterruptedException {
        Deployments.awaitReady(base);
    }

    private static DataSource ds() throws Exception {
        return Sql.ds();
    }

    // ---- associations and their territory ----------------------------------------------------------

    @Test
    @Order(1)
    void anAssociationIsCreatedRenamedAndItsCodeCheckedOnce() throws Exception {
        String code = code("NA");
        HttpResponse<String> created = api.call(ADMIN, "POST", "/associations",
                "{\"code\":\"" + code.toLowerCase() + "\",\"name\":\"Association " + code + "\",\"region\":\"Bretagne\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject a = Api.json(created);
        assertEquals(code, a.getString("code"), "the code is upper-cased");
        assertTrue(a.getBoolean("active"));
        long id = a.getJsonNumber("id").longValue();
        HttpResponse<String> again = api.call(ADMIN, "POST", "/associations",
                "{\"code\":\"" + code + "\",\"name\":\"Doublon\",\"region\":\"Bretagne\"}");
        assertEquals(409, again.statusCode(), again.body());
        assertEquals("CODE_TAKEN", Api.json(again).getString("error"));
        assertEquals(1, Sql.count(ds(), "SELECT COUNT(*) FROM association WHERE code = ?", code), "one association stored");
        HttpResponse<String> bad = api.call(ADMIN, "POST", "/associations", "{\"code\":\"B2\",\"name\":\"X\",\"region\":\"Y\"}");
        assertEquals(400, bad.statusCode(), bad.body());
        HttpResponse<String> renamed = api.call(ADMIN, "PUT", "/associations/" + id,
                "{\"name\":\"France Active " + code + "\",\"region\":\"Bretagne\"}");
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals("France Active " + code, Sql.string(ds(), "SELECT name FROM association WHERE id = ?", id));
        assertEquals(404, api.call(ADMIN, "GET", "/associations/999999999", null).statusCode());
    }

    @Test
    @Order(2)
    void twoAdministratorsGivingTheSameDepartementAtOnceOneWinsTheOtherIsTold() throws Exception {
        long first = association("RA");
        long second = association("RB");
        List<String> report = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (String department : List.of("01", "02", "03", "04", "05")) {
                CountDownLatch start = new CountDownLatch(1);
                CompletableFuture<HttpResponse<String>> one = CompletableFuture.supplyAsync(() -> give(start, first, department), pool);
                CompletableFuture<HttpResponse<String>> two = CompletableFuture.supplyAsync(() -> give(start, second, department), pool);
                start.countDown();
                List<HttpResponse<String>> answers = List.of(one.get(), two.get());
                long won = answers.stream().filter(r -> r.statusCode() == 200).count();
                HttpResponse<String> refused = answers.stream().filter(r -> r.statusCode() != 200).findFirst().orElseThrow();
                assertEquals(1, won, department + ": exactly one wins: " + answers.get(0).body() + " / " + answers.get(1).body());
                assertEquals(409, refused.statusCode(), refused.body());
                assertEquals("DEPARTMENT_TAKEN", Api.json(refused).getString("error"));
                assertTrue(Api.json(refused).getString("message").contains(department), refused.body());
                assertEquals(1, Sql.count(ds(), "SELECT COUNT(*) FROM association_department WHERE department = ?", department));
                report.add(department + ": " + Api.json(refused).getString("message"));
            }
        } finally {
            pool.shutdownNow();
        }
        // the same one given again, once settled: refused naming the association that has it
        String holder = Sql.string(ds(), "SELECT a.code FROM association a JOIN association_department d"
                + " ON d.association_id = a.id WHERE d.department = '01'");
        HttpResponse<String> again = api.call(ADMIN, "PUT", "/associations/" + second + "/departments/01", null);
        assertEquals(409, again.statusCode());
        assertTrue(Api.json(again).getString("message").contains(holder), again.body());
        assertEquals(400, api.call(ADMIN, "PUT", "/associations/" + first + "/departments/00", null).statusCode());
        assertEquals(400, api.call(ADMIN, "PUT", "/associations/" + first + "/departments/%3Cscript%3E", null).statusCode());
        System.out.println("NetworkIT: 5 races for one département between two administrators, each won once; " + report.get(0));
    }

    private HttpResponse<String> give(CountDownLatch start, long association, String department) {
        try {
            start.await();
            return api.call(ADMIN, "PUT", "/associations/" + association + "/departments/" + department, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(3)
    void enterprisesAreRoutedByDepartementMovesKeepFilesAndDeactivationIsRefusedWithTheOpenFiles() throws Exception {
        DataSource ds = ds();
        long from = association("MA");
        long to = association("MB");
        assertEquals(200, api.call(ADMIN, "PUT", "/associations/" + from + "/departments/06", null).statusCode());
        String email = "reseau-" + code("") .toLowerCase() + "@test.essor";
        api.register(email, "Roland Réseau", ENTREPRENEUR_PASSWORD);
        String cookie = pages.login(email, ENTREPRENEUR_PASSWORD);

        // a département no association covers: the clear message, nothing stored
        HttpResponse<String> none = enterprise(cookie, "Sans territoire", "07");
        assertTrue(none.body().contains("Aucune association territoriale du réseau ne couvre le département 07"), none.body());
        assertEquals(0, Sql.count(ds, "SELECT COUNT(*) FROM enterprise WHERE legal_name = 'Sans territoire'"));

        enterprise(cookie, "Avant le déplacement", "06");
        assertEquals(from, Sql.count(ds, "SELECT association_id FROM enterprise WHERE legal_name = 'Avant le déplacement'"));
        long before = Sql.count(ds, "SELECT id FROM enterprise WHERE legal_name = 'Avant le déplacement'");
        HttpResponse<String> draft = api.password(ENTREPRENEUR_PASSWORD).call(email, "POST", "/applications",
                "{\"enterpriseId\":" + before + ",\"title\":\"Dossier avant déplacement\",\"stage\":\"CREATION\"}");
        assertEquals(201, draft.statusCode(), draft.body());

        // moved: what was routed stays, the next enterprise goes to the new association
        HttpResponse<String> moved = api.call(ADMIN, "POST", "/associations/departments/06/move", "{\"associationId\":" + to + "}");
        assertEquals(200, moved.statusCode(), moved.body());
        assertEquals(to, Sql.count(ds, "SELECT association_id FROM association_department WHERE department = '06'"));
        assertEquals(from, Sql.count(ds, "SELECT association_id FROM enterprise WHERE id = ?", before), "the enterprise stays");
        assertEquals(from, Sql.count(ds, "SELECT e.association_id FROM application a JOIN enterprise e ON e.id = a.enterprise_id"
                + " WHERE a.title = 'Dossier avant déplacement'"), "and so does its file");
        enterprise(cookie, "Après le déplacement", "06");
        assertEquals(to, Sql.count(ds, "SELECT association_id FROM enterprise WHERE legal_name = 'Après le déplacement'"));
        assertEquals(409, api.call(ADMIN, "POST", "/associations/departments/06/move", "{\"associationId\":" + to + "}").statusCode(),
                "already there");
        assertEquals(404, api.call(ADMIN, "POST", "/associations/departments/08/move", "{\"associationId\":" + to + "}").statusCode(),
                "a département given to nobody cannot be moved");

        // deactivating the association with an open file: refused with their number, nothing changes
        HttpResponse<String> refused = api.call(ADMIN, "POST", "/associations/" + from + "/deactivation", null);
        assertEquals(409, refused.statusCode(), refused.body());
        assertEquals("OPEN_FILES", Api.json(refused).getString("error"));
        assertTrue(Api.json(refused).getString("message").contains(" 1 dossier"), refused.body());
        HttpResponse<String> refusedEn = api.language("en").call(ADMIN, "POST", "/associations/" + from + "/deactivation", null);
        assertTrue(Api.json(refusedEn).getString("message").contains("still has 1 open file"), refusedEn.body());
        assertEquals(1, Sql.count(ds, "SELECT COUNT(*) FROM association WHERE id = ? AND active = TRUE", from), "still active");
        assertEquals(1, Api.json(api.call(ADMIN, "GET", "/associations/" + from, null)).getJsonNumber("openFiles").intValue());

        // the new association has no file: deactivated, it receives no enterprise and no département
        HttpResponse<String> off = api.call(ADMIN, "POST", "/associations/" + to + "/deactivation", null);
        assertEquals(200, off.statusCode(), off.body());
        assertFalse(Api.json(off).getBoolean("active"));
        HttpResponse<String> inactive = enterprise(cookie, "Vers une association fermée", "06");
        assertTrue(inactive.body().contains("ne couvre le département 06"), "an inactive association receives nothing");
        assertEquals(0, Sql.count(ds, "SELECT COUNT(*) FROM enterprise WHERE legal_name = 'Vers une association fermée'"));
        assertEquals(409, api.call(ADMIN, "PUT", "/associations/" + to + "/departments/09", null).statusCode());
        assertEquals(0, Sql.count(ds, "SELECT COUNT(*) FROM association_department WHERE department = '09'"));
        long after = Sql.count(ds, "SELECT id FROM enterprise WHERE legal_name = 'Après le déplacement'");
        HttpResponse<String> noFile = api.password(ENTREPRENEUR_PASSWORD).call(email, "POST", "/applications",
                "{\"enterpriseId\":" + after + ",\"title\":\"Vers une association fermée\",\"stage\":\"CREATION\"}");
        assertEquals(409, noFile.statusCode(), noFile.body());
        assertEquals(200, api.call(ADMIN, "POST", "/associations/" + to + "/activation", null).statusCode());
        enterprise(cookie, "Après la réactivation", "06");
        assertEquals(to, Sql.count(ds, "SELECT association_id FROM enterprise WHERE legal_name = 'Après la réactivation'"));
    }

    // ---- an association's administrator ------------------------------------------------------------

    @Test
    @Order(4)
    void anAssociationsAdministratorActsOnHisOwnAssociationOnly() throws Exception {
        DataSource ds = ds();
        long own = association("SA");
        long other = association("SB");
        String otherName = Sql.string(ds, "SELECT name FROM association WHERE id = ?", other);
        String admin = "admin-" + code("").toLowerCase() + "@test.essor";
        staff(ds, admin, own, "ADMIN");

        HttpResponse<String> list = api.call(admin, "GET", "/associations?size=200", null);
        assertEquals(200, list.statusCode(), list.body());
        assertEquals(1, Api.json(list).getJsonNumber("total").intValue(), "his own association only: " + list.body());
        assertEquals(200, api.call(admin, "GET", "/associations/" + own, null).statusCode());
        assertEquals(403, api.call(admin, "GET", "/associations/" + other, null).statusCode());
        assertEquals(403, api.call(admin, "PUT", "/associations/" + other, "{\"name\":\"Intrus\",\"region\":\"X\"}").statusCode());
        assertEquals(403, api.call(admin, "POST", "/associations/" + other + "/deactivation", null).statusCode());
        assertEquals(403, api.call(admin, "POST", "/associations/" + own + "/deactivation", null).statusCode(),
                "deactivating is the national administrator's");
        assertEquals(403, api.call(admin, "PUT", "/associations/" + own + "/departments/10", null).statusCode());
        assertEquals(403, api.call(admin, "POST", "/associations", "{\"code\":\"ZZINTRUS\",\"name\":\"I\",\"region\":\"I\"}")
                .statusCode());
        assertEquals(otherName, Sql.string(ds, "SELECT name FROM association WHERE id = ?", other), "nothing changed");
        assertEquals(0, Sql.count(ds, "SELECT COUNT(*) FROM association_department WHERE department = '10'"));
        assertEquals(200, api.call(admin, "PUT", "/associations/" + own, "{\"name\":\"Notre association\",\"region\":\"Ici\"}")
                .statusCode(), "his own he renames");

        // partners: his association's local ones only
        HttpResponse<String> local = api.call(admin, "POST", "/partners",
                "{\"name\":\"Caisse locale " + own + "\",\"kind\":\"BANK\",\"associationId\":" + own + "}");
        assertEquals(201, local.statusCode(), local.body());
        assertEquals(403, api.call(admin, "POST", "/partners", "{\"name\":\"Intrus national\",\"kind\":\"BANK\"}").statusCode());
        assertEquals(403, api.call(admin, "POST", "/partners",
                "{\"name\":\"Intrus voisin\",\"kind\":\"BANK\",\"associationId\":" + other + "}").statusCode());
        long bdt = Sql.count(ds, "SELECT id FROM partner WHERE name = 'Banque des Territoires'");
        assertEquals(200, api.call(admin, "GET", "/partners/" + bdt, null).statusCode(), "a national partner he sees");
        assertEquals(403, api.call(admin, "PUT", "/partners/" + bdt, "{\"name\":\"Intrus\",\"kind\":\"BANK\"}").statusCode());
        long neighbour = Api.json(api.call(ADMIN, "POST", "/partners",
                "{\"name\":\"Caisse voisine " + other + "\",\"kind\":\"BANK\",\"associationId\":" + other + "}"))
                .getJsonNumber("id").longValue();
        assertEquals(403, api.call(admin, "GET", "/partners/" + neighbour, null).statusCode());
        assertEquals(403, api.call(admin, "POST", "/partners/" + neighbour + "/accounts",
                "{\"email\":\"intrus@test.essor\",\"displayName\":\"Intrus\"}").statusCode());
        assertFalse(api.call(admin, "GET", "/partners?size=200", null).body().contains("Caisse voisine"));
        assertEquals(0, Sql.count(ds, "SELECT COUNT(*) FROM partner WHERE name LIKE 'Intrus%'"));
        assertEquals(0, Sql.count(ds, "SELECT COUNT(*) FROM user_account WHERE email = 'intrus@test.essor'"));

        // on the page: his own row is the only one; a forged edit of another association is refused
        String cookie = pages.login(admin);
        HttpResponse<String> page = pages.get(cookie, "/admin/associations.xhtml");
        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains(otherName), "another association is not listed");
        Map<String, String> edit = new LinkedHashMap<>();
        edit.put("list", "list");
        edit.put("list:associations:0:edit", "");
        edit.put("jakarta.faces.ViewState", Pages.viewState(page.body()));
        HttpResponse<String> editing = pages.post(cookie, "/admin/associations.xhtml", edit);
        assertTrue(editing.body().contains("edit:name"), "the edit form is shown");
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("edit", "edit");
        forged.put("edit:id", String.valueOf(other));
        forged.put("edit:name", "Intrus");
        forged.put("edit:region", "Intrus");
        forged.put("edit:submit", "");
        forged.put("jakarta.faces.ViewState", Pages.viewState(editing.body()));
        HttpResponse<String> refused = pages.post(cookie, "/admin/associations.xhtml", forged);
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("Vous n'avez pas accès à cette action")
                || refused.body().contains("Vous n&#39;avez pas accès à cette action"), "a refusal on the page");
        assertEquals(otherName, Sql.string(ds, "SELECT name FROM association WHERE id = ?", other), "nothing changed");
    }

    // ---- partners, contacts, partner accounts --------------------------------------------------------

    @Test
    @Order(5)
    void aLocalPartnerGetsContactsAndAnAccountThatSeesItsOwnConventionsOnly() throws Exception {
        DataSource ds = ds();
        long association = association("PA");
        String name = "Banque locale " + association;
        HttpResponse<String> created = api.call(ADMIN, "POST", "/partners",
                "{\"name\":\"" + name + "\",\"kind\":\"BANK\",\"associationId\":" + association + "}");
        assertEquals(201, created.statusCode(), created.body());
        long partner = Api.json(created).getJsonNumber("id").longValue();
        assertEquals(association, Sql.count(ds, "SELECT association_id FROM partner WHERE id = ?", partner));
        assertEquals(409, api.call(ADMIN, "POST", "/partners", "{\"name\":\"" + name.toUpperCase() + "\",\"kind\":\"BANK\"}")
                .statusCode(), "a name once");
        assertEquals(400, api.call(ADMIN, "POST", "/partners", "{\"name\":\"Sans type\",\"kind\":\"CASINO\"}").statusCode());

        // contacts
        HttpResponse<String> contact = api.call(ADMIN, "POST", "/partners/" + partner + "/contacts",
                "{\"name\":\"Chloé Chargée\",\"email\":\"chloe@banque.test\",\"phone\":\"+33 2 98 00 00 00\",\"role\":\"Chargée d'affaires\"}");
        assertEquals(201, contact.statusCode(), contact.body());
        long contactId = Api.json(contact).getJsonNumber("id").longValue();
        HttpResponse<String> badPhone = api.call(ADMIN, "POST", "/partners/" + partner + "/contacts",
                "{\"name\":\"Mauvais\",\"phone\":\"appelez-moi\"}");
        assertEquals(400, badPhone.statusCode(), badPhone.body());
        assertEquals("phone", Api.json(badPhone).getString("field"));
        assertEquals(1, Sql.count(ds, "SELECT COUNT(*) FROM partner_contact WHERE partner_id = ?", partner));
        assertEquals(200, api.call(ADMIN, "PUT", "/partners/" + partner + "/contacts/" + contactId,
                "{\"name\":\"Chloé Chargée\",\"email\":\"chloe@banque.test\",\"role\":\"Directrice\"}").statusCode());
        assertEquals("Directrice", Sql.string(ds, "SELECT contact_role FROM partner_contact WHERE id = ?", contactId));
        assertTrue(api.call(ADMIN, "GET", "/partners/" + partner + "/contacts", null).body().contains("Directrice"));
        assertEquals(204, api.call(ADMIN, "DELETE", "/partners/" + partner + "/contacts/" + contactId, null).statusCode());
        assertEquals(0, Sql.count(ds, "SELECT COUNT(*) FROM partner_contact WHERE id = ?", contactId), "the details are deleted");

        // a partner account, and the partner's convention
        String email = "banque-" + association + "@test.essor";
        HttpResponse<String> account = api.call(ADMIN, "POST", "/partners/" + partner + "/accounts",
                "{\"email\":\"" + email + "\",\"displayName\":\"Bernard Banque\"}");
        assertEquals(201, account.statusCode(), account.body());
        String temporary = Api.json(account).getString("temporaryPassword");
        assertEquals(partner, Sql.count(ds, "SELECT partner_id FROM user_account WHERE email = ?", email));
        String reference = "IT-LOCAL-" + association;
        HttpResponse<String> convention = api.call(ADMIN, "POST", "/conventions", "{\"reference\":\"" + reference
                + "\",\"partnerId\":" + partner + ",\"associationId\":" + association + ",\"kind\":\"FINANCING_FUND\","
                + "\"periodStart\":\"" + YEAR + "-01-01\",\"periodEnd\":\"" + YEAR + "-12-31\",\"amount\":\"20000.00\","
                + "\"instruments\":[\"HONOUR_LOAN\"]}");
        assertEquals(201, convention.statusCode(), convention.body());
        Api partnerApi = api.password(temporary);
        String own = partnerApi.call(email, "GET", "/conventions?size=200", null).body();
        assertTrue(own.contains(reference), own);
        assertFalse(own.contains("BDT-CVL-"), "not Banque des Territoires' conventions: " + own);
        assertFalse(api.call(PARTNER_BDT, "GET", "/conventions?size=200", null).body().contains(reference),
                "Banque des Territoires does not see the local bank's convention");
        HttpResponse<String> portal = pages.get(pages.login(email, temporary), "/partner/index.xhtml");
        assertEquals(200, portal.statusCode());
        assertTrue(portal.body().contains(reference));
        assertFalse(portal.body().contains("BDT-CVL-"), "the portal shows its partner's conventions only");
        assertTrue(api.call(ADMIN, "GET", "/partners/" + partner + "/accounts", null).body().contains(email));
    }

    @Test
    @Order(6)
    void aPartnerAccountWithoutAPartnerIsRefusedWithAClearMessage() throws Exception {
        DataSource ds = ds();
        long accounts = Sql.count(ds, "SELECT COUNT(*) FROM user_account");
        String cookie = pages.login(ADMIN);
        HttpResponse<String> page = pages.get(cookie, "/admin/accounts.xhtml");
        assertTrue(page.body().contains("create:partner"), "the form offers a partner");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("create", "create");
        form.put("create:newEmail", "sans-partenaire@test.essor");
        form.put("create:newName", "Sans Partenaire");
        form.put("create:roles", "PARTNER");
        form.put("create:submit", "");
        form.put("jakarta.faces.ViewState", Pages.viewState(page.body()));
        HttpResponse<String> refused = pages.post(cookie, "/admin/accounts.xhtml", form);
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("Un compte partenaire doit être rattaché à un partenaire financier"), "the clear message");
        assertEquals(accounts, Sql.count(ds, "SELECT COUNT(*) FROM user_account"), "nothing stored");

        long region = Sql.count(ds, "SELECT id FROM partner WHERE name = ?", Fixtures.REGION);
        Map<String, String> withPartner = new LinkedHashMap<>(form);
        withPartner.put("create:partner_input", String.valueOf(region));
        withPartner.put("jakarta.faces.ViewState", Pages.viewState(pages.get(cookie, "/admin/accounts.xhtml").body()));
        HttpResponse<String> done = pages.post(cookie, "/admin/accounts.xhtml", withPartner);
        assertTrue(done.body().contains("temporary-password"), "created with its temporary password");
        assertEquals(region, Sql.count(ds, "SELECT partner_id FROM user_account WHERE email = 'sans-partenaire@test.essor'"));
    }

    @Test
    @Order(7)
    void theOpenApiDocumentListsTheNetworksEndpoints() throws Exception {
        String doc = api.openApi();
        for (String path : List.of("/associations", "/associations/{id}/departments/{department}",
                "/associations/departments/{department}/move", "/partners/{id}/contacts", "/partners/{id}/accounts")) {
            assertTrue(doc.contains(path + ":") || doc.contains("\"" + path), path + " in the OpenAPI document");
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** A new association through the API, with a random code. */
    private long association(String prefix) throws Exception {
        String code = code(prefix);
        HttpResponse<String> r = api.call(ADMIN, "POST", "/associations",
                "{\"code\":\"" + code + "\",\"name\":\"Association " + code + "\",\"region\":\"Bretagne\"}");
        assertEquals(201, r.statusCode(), r.body());
        return Api.json(r).getJsonNumber("id").longValue();
    }

    private static String code(String prefix) {
        StringBuilder code = new StringBuilder(prefix);
        Random random = new Random();
        while (code.length() < 8) {
            code.append((char) ('A' + random.nextInt(26)));
        }
        return code.toString();
    }

    /** A staff account of an association, with the demo password (no API creates an association's administrator). */
    private static void staff(DataSource ds, String email, long association, String role) throws Exception {
        Sql.update(ds, "INSERT INTO user_account (email, display_name, password_hash, association_id, active, created_at,"
                + " version) SELECT ?, ?, password_hash, ?, TRUE, created_at, 0 FROM user_account WHERE email = ?",
                email, "Admin " + association, association, ADMIN);
        long id = Sql.count(ds, "SELECT id FROM user_account WHERE email = ?", email);
        Sql.update(ds, "INSERT INTO account_role (account_id, role) VALUES (?, ?)", id, role);
    }

    /** Posts the entrepreneur's enterprise form; returns the answer (the page again, or where it leads). */
    private HttpResponse<String> enterprise(String cookie, String legalName, String department) throws Exception {
        HttpResponse<String> page = pages.get(cookie, "/entrepreneur/enterprise.xhtml");
        assertEquals(200, page.statusCode());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("enterprise", "enterprise");
        form.put("enterprise:legalName", legalName);
        form.put("enterprise:siret", Fixtures.siret('8'));
        form.put("enterprise:legalForm_input", "SCOP");
        form.put("enterprise:city", "Quimper");
        form.put("enterprise:department", department);
        form.put("enterprise:submit", "");
        form.put("jakarta.faces.ViewState", Pages.viewState(page.body()));
        HttpResponse<String> r = pages.post(cookie, "/entrepreneur/enterprise.xhtml", form);
        assertNotNull(r);
        return r;
    }
}
