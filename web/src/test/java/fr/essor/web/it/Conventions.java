package fr.essor.web.it;

import static fr.essor.web.it.Fixtures.ADMIN;
import static fr.essor.web.it.Fixtures.ADVISOR;
import static fr.essor.web.it.Fixtures.CHAIR;
import static fr.essor.web.it.Fixtures.M1;
import static fr.essor.web.it.Fixtures.M2;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Conventions and the money on them through the API, for the convention tests ({@link ConventionAllocationIT},
 * {@link AllocationMovementsIT}, {@link ConventionScopeIT}, {@link ConventionApiIT}), inside the server or as its
 * clients: the database is whatever {@link Sql#ds()} answers where the test runs.
 *
 * <p>Conventions are created by the national administrator over the API ({@code POST /conventions}, then
 * {@code /activation}); approved lines come from the committee flow over the API (a file submitted, instructed, put on
 * a session's agenda, voted and approved with the lines the test needs), so that every row is written by the
 * application itself. The API exposes neither partner nor association ids, which creating a convention needs, nor the
 * granted lines' ids: those are read with JDBC, as are the ledger counts that prove a refusal stored nothing.
 *
 * <p>One per test class, on its {@link Api}: {@code private final Conventions conventions = new Conventions(api);}.
 */
final class Conventions {

    /** The test sessions sit on this day: it is the decision date of every approved line below. */
    static final String SESSION_AT = "2027-01-15T14:00";

    private final Api api;

    Conventions(Api api) {
        this.api = api;
    }

    // ---- data ---------------------------------------------------------------------------------------------------

    /** How many ledger movements there are, all conventions together. */
    static long ledger(DataSource ds) throws Exception {
        return Sql.count(ds, "SELECT COUNT(*) FROM ledger_movement");
    }

    static long partner(DataSource ds, String name) throws Exception {
        return Sql.count(ds, "SELECT id FROM partner WHERE name = ?", name);
    }

    static long cvl(DataSource ds) throws Exception {
        return Sql.count(ds, "SELECT id FROM association WHERE code = 'CVL'");
    }

    /** Conventions whose running totals (allocated, repaid: the allocation guard's) differ from their ledger's sums. */
    static long keptTotalsDifferingFromTheLedger(DataSource ds) throws Exception {
        return Sql.count(ds, "SELECT COUNT(*) FROM convention c WHERE c.allocated <> (SELECT COALESCE(SUM(CASE m.kind"
                + " WHEN 'ALLOCATION' THEN m.amount WHEN 'RELEASE' THEN -m.amount ELSE 0 END), 0) FROM ledger_movement m"
                + " WHERE m.convention_id = c.id) OR c.repaid <> (SELECT COALESCE(SUM(CASE WHEN m.kind = 'REPAYMENT'"
                + " THEN m.amount ELSE 0 END), 0) FROM ledger_movement m WHERE m.convention_id = c.id)");
    }

    /**
     * The body of {@code POST /conventions}: a financing fund over 2020–2030 with a random reference ({@code IT-} and
     * twelve characters).
     */
    static String body(long partner, long association, String amount, boolean revolving, String... instruments) {
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
    long draft(DataSource ds, String partner, String amount, boolean revolving, String... instruments) throws Exception {
        HttpResponse<String> r = api.call(ADMIN, "POST", "/conventions", body(partner(ds, partner), cvl(ds), amount,
                revolving, instruments));
        assertEquals(201, r.statusCode(), r.body());
        JsonObject c = Api.json(r);
        assertEquals("DRAFT", c.getString("status"));
        assertEquals(amount, c.getString("amount"));
        assertEquals(partner, c.getString("partner"));
        return c.getJsonNumber("id").longValue();
    }

    /** A {@link #draft} activated by the national administrator: ACTIVE, all of its amount remaining. */
    long active(DataSource ds, String partner, String amount, boolean revolving, String... instruments) throws Exception {
        long id = draft(ds, partner, amount, revolving, instruments);
        HttpResponse<String> r = api.call(ADMIN, "POST", "/conventions/" + id + "/activation", null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("ACTIVE", Api.json(r).getString("status"));
        assertEquals(amount, Api.json(r).getString("remaining"));
        return id;
    }

    /** The granted lines of an application, in their order. */
    static List<Long> lines(DataSource ds, long application) throws Exception {
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
    static String advisorOfCvl(DataSource ds) throws Exception {
        String email = Fixtures.uniqueEmail("conseil");
        Sql.account(ds, email, cvl(ds), "ADVISOR");
        return email;
    }

    /**
     * An application of porteur@ approved by the CVL committee with the given granted lines (JSON
     * objects, comma separated): submitted, instructed ({@link Filing#ready}), put on a new session's
     * agenda, voted by three members, approved on {@link #SESSION_AT} with the reasons for granting
     * more than the request. The session stays open; staff see the file APPROVED at once, which is all
     * that allocation needs.
     */
    long approvedFile(String title, String grantedLines) throws Exception {
        long id = Filing.ready(api, title);

        HttpResponse<String> sessions = api.call(ADVISOR, "GET", "/sessions?past=true", null);
        assertEquals(200, sessions.statusCode(), sessions.body());
        long committee = Api.json(sessions).getJsonArray("items").getJsonObject(0).getJsonNumber("committeeId").longValue();
        HttpResponse<String> s = api.call(ADVISOR, "POST", "/sessions", "{\"committeeId\":" + committee
                + ",\"startsAt\":\"" + SESSION_AT + "\",\"place\":\"Orléans\"}");
        assertEquals(201, s.statusCode(), s.body());
        long session = Api.json(s).getJsonNumber("id").longValue();
        long item = Filing.putOnAgenda(api, session, id);
        JsonArray members = api.read(CHAIR, "/sessions/" + session).getJsonArray("members");
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
        HttpResponse<String> decided = Filing.decide(api, new Filing.Sitting(id, session, item), "\"outcome\":\"APPROVED\","
                + "\"lines\":[" + grantedLines + "],"
                + "\"reasons\":\"Le comité accorde plus que la demande pour couvrir tout le plan de financement\"");
        assertEquals(200, decided.statusCode(), decided.body());
        assertEquals("APPROVED", application(id).getString("status"));
        return id;
    }

    // ---- HTTP ---------------------------------------------------------------------------------------------------

    /** {@code user} allocates {@code amount} of the convention to the granted line. Not asserted. */
    HttpResponse<String> allocate(String user, long convention, long line, String amount) throws Exception {
        return api.call(user, "POST", "/conventions/" + convention + "/allocations",
                "{\"decisionLineId\":" + line + ",\"amount\":\"" + amount + "\"}");
    }

    /** conseil@ pays out a tranche of the allocation. Not asserted. */
    HttpResponse<String> disburse(long allocation, String amount) throws Exception {
        return api.call(ADVISOR, "POST", "/allocations/" + allocation + "/disbursements", "{\"amount\":\"" + amount + "\"}");
    }

    JsonObject convention(String user, long id) throws Exception {
        return api.read(user, "/conventions/" + id);
    }

    JsonObject allocation(long id) throws Exception {
        return api.read(ADVISOR, "/allocations/" + id);
    }

    JsonObject application(long id) throws Exception {
        return api.read(ADVISOR, "/applications/" + id);
    }

    /** Every allocation of a convention, reading all pages. */
    List<JsonObject> allocationsOf(String user, long convention) throws Exception {
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

    /** The sum of an amount field (a string, "12.34") over rows the API answered. */
    static BigDecimal sum(List<JsonObject> rows, String field) {
        return rows.stream().map(r -> new BigDecimal(r.getString(field))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The JSON array of a 200 answer; anything else fails the test. */
    static JsonArray array(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return Api.array(r.body());
    }
}
