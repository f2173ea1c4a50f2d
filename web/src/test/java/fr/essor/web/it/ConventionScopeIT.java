package fr.essor.web.it;

import static fr.essor.web.it.Conventions.array;
import static fr.essor.web.it.Conventions.keptTotalsDifferingFromTheLedger;
import static fr.essor.web.it.Conventions.ledger;
import static fr.essor.web.it.Conventions.partner;
import static fr.essor.web.it.Fixtures.ADMIN;
import static fr.essor.web.it.Fixtures.ADVISOR;
import static fr.essor.web.it.Fixtures.BDT;
import static fr.essor.web.it.Fixtures.PARTNER_BDT;
import static fr.essor.web.it.Fixtures.PARTNER_REGION;
import static fr.essor.web.it.Fixtures.PORTEUR;
import static fr.essor.web.it.Fixtures.REGION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's conventions as partners and advisors read them, through the REST API on the demo data: partners see only
 * their own conventions, with no personal data, and everyone else (another partner, entrepreneurs, an advisor of
 * another association) is told that nothing exists or is refused, allocating nothing; the advisor's list of decision
 * lines left to allocate, amounts as strings, and the conventions eligible for one; the figures partners read equal
 * the ledger summed independently with plain JDBC, for every convention; the OpenAPI document describes the
 * endpoints.
 *
 * <p>It runs as a client of the shared server ({@link OnTheBuiltWar}): nothing here calls the application's beans;
 * every call to Essor goes over HTTP, and the ids, ledger and sums are read from the test JVM ({@link Sql#ds()}),
 * as is the association of another region that a test inserts. The helpers are {@link Conventions}'.
 */
class ConventionScopeIT extends OnTheBuiltWar {

    private final Conventions conventions = new Conventions(api);

    ConventionScopeIT() {
        super(Duration.ofSeconds(120));
    }

    @Test
    void partnersSeeOnlyTheirConventionsAndNoPersonalDataAndOthersAreToldNothingExists() throws Exception {
        DataSource ds = Sql.ds();
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
        assertEquals(403, conventions.allocate(PORTEUR, bdtLoans, epicerie, "100.00").statusCode());
        assertEquals(403, conventions.allocate(PARTNER_BDT, bdtLoans, epicerie, "100.00").statusCode());
        assertEquals(403, api.call(PARTNER_BDT, "GET", "/decision-lines", null).statusCode());

        // an advisor of another association: the CVL convention and line do not exist for them, and the
        // CVL advisor cannot use that association's convention
        String code = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase(Locale.ROOT);
        Sql.update(ds, "INSERT INTO association (code, name, region, active, version) VALUES (?, ?, 'Bretagne', TRUE, 0)",
                code, "Association " + code);
        long association = Sql.count(ds, "SELECT id FROM association WHERE code = ?", code);
        String otherAdvisor = "conseil-" + code.toLowerCase(Locale.ROOT) + "@test.essor";
        Sql.account(ds, otherAdvisor, association, "ADVISOR");
        HttpResponse<String> created = api.call(ADMIN, "POST", "/conventions", Conventions.body(partner(ds, BDT), association,
                "50000.00", false));
        assertEquals(201, created.statusCode(), created.body());
        long otherConvention = Api.json(created).getJsonNumber("id").longValue();
        assertEquals(200, api.call(ADMIN, "POST", "/conventions/" + otherConvention + "/activation", null).statusCode());
        assertEquals(404, conventions.allocate(otherAdvisor, bdtLoans, epicerie, "100.00").statusCode());
        assertEquals(404, api.call(otherAdvisor, "GET", "/conventions/" + bdtLoans, null).statusCode());
        assertEquals(404, conventions.allocate(otherAdvisor, otherConvention, epicerie, "100.00").statusCode(),
                "their own convention, a line of another association");
        assertEquals(404, conventions.allocate(ADVISOR, otherConvention, epicerie, "100.00").statusCode());
        assertEquals(404, api.call(ADVISOR, "GET", "/conventions/" + otherConvention, null).statusCode());
        assertTrue(array(api.call(otherAdvisor, "GET", "/decision-lines?size=200", null)).isEmpty());
        assertEquals(ledgerBefore, ledger(ds), "nothing was allocated");
        assertEquals(0, Sql.count(ds, "SELECT COUNT(*) FROM allocation WHERE granted_line_id = ?", epicerie));
    }

    @Test
    void theAdvisorListsTheEpicerieLinesLeftToAllocateWithAmountsAsStrings() throws Exception {
        DataSource ds = Sql.ds();
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

    @Test
    void theOpenApiDocumentDescribesTheConventionEndpoints() throws Exception {
        String doc = api.openApi();
        for (String path : List.of("/conventions/{id}/allocations", "/conventions/{id}", "/conventions",
                "/decision-lines", "/allocations/{id}/disbursements")) {
            assertTrue(doc.contains(path + ":") || doc.contains("\"" + path), path + " in " + doc);
        }
    }

    /**
     * The figures partners read (API) equal the ledger summed here, independently, with plain JDBC: for every
     * convention, allocated = allocations − releases, disbursed, repaid, and remaining = amount − allocated
     * (+ repaid for a revolving fund); and the allocations' own state agrees with the ledger.
     */
    @Test
    void thePartnersFiguresEqualTheLedgerSummedIndependently() throws Exception {
        DataSource ds = Sql.ds();
        HttpResponse<String> list = api.call("admin@demo.essor", "GET", "/conventions?size=200", null);
        assertEquals(200, list.statusCode(), list.body());
        int checked = 0;
        for (JsonValue v : Api.array(list.body())) {
            JsonObject c = v.asJsonObject();
            long id = c.getJsonNumber("id").longValue();
            BigDecimal allocated = Sql.decimal(ds, "SELECT COALESCE(SUM(amount), 0) FROM ledger_movement WHERE convention_id = ?"
                    + " AND kind = 'ALLOCATION'", id).subtract(Sql.decimal(ds, "SELECT COALESCE(SUM(amount), 0) FROM ledger_movement"
                    + " WHERE convention_id = ? AND kind = 'RELEASE'", id));
            BigDecimal disbursed = Sql.decimal(ds, "SELECT COALESCE(SUM(amount), 0) FROM ledger_movement WHERE convention_id = ?"
                    + " AND kind = 'DISBURSEMENT'", id);
            BigDecimal repaid = Sql.decimal(ds, "SELECT COALESCE(SUM(amount), 0) FROM ledger_movement WHERE convention_id = ?"
                    + " AND kind = 'REPAYMENT'", id);
            BigDecimal amount = new BigDecimal(c.getString("amount"));
            BigDecimal remaining = amount.subtract(allocated).add(c.getBoolean("revolving") ? repaid
                    : BigDecimal.ZERO);
            String ref = c.getString("reference");
            assertEquals(0, allocated.compareTo(new BigDecimal(c.getString("allocated"))), ref + " allocated");
            assertEquals(0, disbursed.compareTo(new BigDecimal(c.getString("disbursed"))), ref + " disbursed");
            assertEquals(0, repaid.compareTo(new BigDecimal(c.getString("repaid"))), ref + " repaid");
            assertEquals(0, remaining.compareTo(new BigDecimal(c.getString("remaining"))), ref + " remaining");
            assertEquals(0, allocated.compareTo(Sql.decimal(ds, "SELECT COALESCE(SUM(amount - released), 0) FROM allocation"
                    + " WHERE convention_id = ?", id)), ref + ": the allocations' state agrees with the ledger");
            checked++;
        }
        assertTrue(checked >= 4, "the demo's conventions at least: " + checked);
        assertEquals(0, keptTotalsDifferingFromTheLedger(ds), "the allocation guard's totals follow the ledger");
        System.out.println("ConventionScopeIT: figures of " + checked + " conventions equal the ledger");
    }
}
