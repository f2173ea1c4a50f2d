package fr.essor.web.it;

import static fr.essor.web.it.Filing.itemOf;
import static fr.essor.web.it.Fixtures.ADMIN;
import static fr.essor.web.it.Fixtures.ADVISOR;
import static fr.essor.web.it.Fixtures.CHAIR;
import static fr.essor.web.it.Fixtures.M1;
import static fr.essor.web.it.Fixtures.M2;
import static fr.essor.web.it.Fixtures.M3;
import static fr.essor.web.it.Fixtures.PORTEUR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's committee and money rules through the API and the chair's page, against the real
 * database: a session that cannot get stuck (attendance validated and corrected, adjournment), a
 * committee that cannot sit, grants above the request, the release of a called guarantee, a
 * repayment schedule generated twice, disbursement dates and guarantees, and one rule for free
 * text. Every refusal is followed by a re-read (API or SQL) proving that nothing stored changed.
 * The tests run inside the server, to read the database; they call the API over HTTP.
 */
class CommitteeAndMoneyRulesIT extends OnTheBuiltWar {

    CommitteeAndMoneyRulesIT() {
        super(Duration.ofSeconds(60));
    }


    // ---- 2. a session that cannot get stuck ----------------------------------------------------------

    @Test
    void anAttendanceListWithARepeatedOrForeignAccountIsRefusedAndTheSessionStaysPlanned() throws Exception {
        long s = newSession();
        long chair = accountId(CHAIR);
        HttpResponse<String> repeated = api.call(CHAIR, "POST", "/sessions/" + s + "/open", "{\"present\":[" + chair + "," + chair + "]}");
        assertEquals(409, repeated.statusCode(), repeated.body());
        assertTrue(Api.json(repeated).getString("message").contains("figure deux fois"), repeated.body());
        HttpResponse<String> foreign = api.call(CHAIR, "POST", "/sessions/" + s + "/open",
                "{\"present\":[" + chair + "," + accountId(ADVISOR) + "]}");
        assertEquals(409, foreign.statusCode(), foreign.body());
        HttpResponse<String> unknown = api.call(CHAIR, "POST", "/sessions/" + s + "/open", "{\"present\":[" + chair + ",99999999]}");
        assertEquals(400, unknown.statusCode(), unknown.body());

        JsonObject after = session(CHAIR, s);
        assertEquals("PLANNED", after.getString("status"), "a refused opening leaves the session planned");
        assertTrue(after.getJsonArray("members").getValuesAs(JsonObject.class).stream().noneMatch(m -> m.getBoolean("present")));
        assertEquals(0, Sql.count(Sql.ds(), "SELECT COUNT(*) FROM session_attendance WHERE session_id = ?", s));
    }

    @Test
    void theChairCorrectsTheAttendanceOfAnOpenSessionSoThatAForgottenMemberVotes() throws Exception {
        long s = newSession();
        long item = Filing.putOnAgenda(api, s, readyApplication("Présences corrigées"));
        open(s, CHAIR);
        HttpResponse<String> absent = vote(M1, s, item, "FOR");
        assertEquals(409, absent.statusCode(), absent.body());

        HttpResponse<String> notChair = api.call(M1, "PUT", "/sessions/" + s + "/attendance", present(CHAIR, M1, M2, M3));
        assertEquals(409, notChair.statusCode(), notChair.body());
        HttpResponse<String> repeated = api.call(CHAIR, "PUT", "/sessions/" + s + "/attendance", present(CHAIR, M1, M1));
        assertEquals(409, repeated.statusCode(), repeated.body());
        HttpResponse<String> empty = api.call(CHAIR, "PUT", "/sessions/" + s + "/attendance", "{\"present\":[]}");
        assertEquals(409, empty.statusCode(), empty.body());
        assertEquals(1, Sql.count(Sql.ds(), "SELECT COUNT(*) FROM session_attendance WHERE session_id = ?", s),
                "refused corrections leave the attendance as taken");

        HttpResponse<String> corrected = api.call(CHAIR, "PUT", "/sessions/" + s + "/attendance", present(CHAIR, M1, M2, M3));
        assertEquals(200, corrected.statusCode(), corrected.body());
        assertEquals(4, Api.json(corrected).getJsonArray("members").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getBoolean("present")).count());
        for (String m : List.of(CHAIR, M1, M2)) {
            HttpResponse<String> v = vote(m, s, item, "FOR");
            assertEquals(200, v.statusCode(), v.body());
        }
        assertEquals(0, itemOf(session(CHAIR, s), item).getInt("missingForQuorum"));
        assertEquals(4, Sql.count(Sql.ds(), "SELECT COUNT(*) FROM session_attendance WHERE session_id = ?", s));
        assertEquals(1, Sql.count(Sql.ds(), "SELECT COUNT(*) FROM audit_event WHERE entity_type = 'CommitteeSession'"
                + " AND entity_id = ? AND action = 'ATTENDANCE'", String.valueOf(s)));
    }

    @Test
    void theChairAdjournsAStuckSessionAndItsFileGoesBackToBeScheduled() throws Exception {
        long s = newSession();
        long app = readyApplication("Séance ajournée");
        long item = Filing.putOnAgenda(api, s, app);
        open(s, CHAIR);
        assertEquals(200, vote(CHAIR, s, item, "FOR").statusCode());
        HttpResponse<String> noQuorum = decide(s, item, version(s, item), approve("8000.00", null));
        assertEquals(409, noQuorum.statusCode(), noQuorum.body());
        HttpResponse<String> close = api.call(CHAIR, "POST", "/sessions/" + s + "/close", null);
        assertEquals(409, close.statusCode(), close.body());

        HttpResponse<String> noReason = api.call(CHAIR, "POST", "/sessions/" + s + "/adjourn", "{\"reason\":\"  \"}");
        assertEquals(400, noReason.statusCode(), noReason.body());
        assertEquals("reason", Api.json(noReason).getString("field"));
        HttpResponse<String> member = api.call(M1, "POST", "/sessions/" + s + "/adjourn", "{\"reason\":\"Je pars\"}");
        assertEquals(409, member.statusCode(), member.body());
        assertEquals("OPEN", session(CHAIR, s).getString("status"));
        assertEquals("ON_AGENDA", application(app).getString("status"));

        String reason = "Quorum impossible : deux membres excusés";
        HttpResponse<String> adjourned = api.call(CHAIR, "POST", "/sessions/" + s + "/adjourn", "{\"reason\":\"" + reason + "\"}");
        assertEquals(200, adjourned.statusCode(), adjourned.body());
        JsonObject after = Api.json(adjourned);
        assertEquals("CLOSED", after.getString("status"));
        assertEquals(reason, after.getString("adjournmentReason"));
        assertEquals(0, after.getJsonArray("items").size(), "the undecided file left the agenda");
        assertEquals("READY_FOR_COMMITTEE", application(app).getString("status"));
        assertEquals(reason, Sql.string(Sql.ds(), "SELECT adjournment_reason FROM committee_session WHERE id = ?", s));
        assertEquals(1, Sql.count(Sql.ds(), "SELECT COUNT(*) FROM audit_event WHERE entity_type = 'CommitteeSession'"
                + " AND entity_id = ? AND action = 'ADJOURN' AND summary LIKE ?", String.valueOf(s), "%" + reason + "%"));
        HttpResponse<byte[]> minutes = Api.sendForBytes(api.request(CHAIR, "/sessions/" + s + "/minutes").GET().build());
        assertEquals(200, minutes.statusCode());
        String text = Pdfs.text(minutes.body());
        assertTrue(text.replaceAll("\\s+", " ").contains(reason), "the minutes carry the reason: " + text);

        HttpResponse<String> again = api.call(CHAIR, "POST", "/sessions/" + s + "/adjourn", "{\"reason\":\"encore\"}");
        assertEquals(409, again.statusCode(), again.body());
        long next = newSession();
        Filing.putOnAgenda(api, next, app);
        assertEquals("ON_AGENDA", application(app).getString("status"), "the adjourned file is scheduled again");
    }

    @Test
    void theChairAdjournsFromTheSessionPage() throws Exception {
        long s = newSession();
        long app = readyApplication("Ajournée depuis la page");
        Filing.putOnAgenda(api, s, app);
        open(s, CHAIR);
        String cookie = pages.login(CHAIR);
        HttpResponse<String> page = pages.get(cookie, "/committee/session.xhtml?id=" + s);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"correction\""), "the chair can correct the attendance of the open session");
        assertTrue(page.body().contains("id=\"adjourning:reason\""), "the chair can adjourn the open session");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("adjourning", "adjourning");
        form.put("adjourning:reason", "Salle indisponible");
        form.put("adjourning:adjourn", "");
        form.put("jakarta.faces.ViewState", Pages.viewState(page.body()));
        HttpResponse<String> done = pages.post(cookie, "/committee/session.xhtml?id=" + s, form);
        assertEquals(200, done.statusCode());
        assertTrue(done.body().contains("Séance ajournée : Salle indisponible"), "the page shows the adjournment");
        assertEquals("CLOSED", session(CHAIR, s).getString("status"));
        assertEquals("READY_FOR_COMMITTEE", application(app).getString("status"));
    }

    // ---- 16. a committee that cannot sit --------------------------------------------------------------

    @Test
    void aCommitteeWithoutMembersIsListedAndNoSessionCanBeScheduledForIt() throws Exception {
        DataSource ds = Sql.ds();
        long cvl = Sql.count(ds, "SELECT id FROM association WHERE code = 'CVL'");
        String name = "Comité sans membres " + UUID.randomUUID().toString().substring(0, 6);
        Sql.update(ds, "INSERT INTO committee (association_id, name, quorum, active, version) VALUES (?, ?, 2, TRUE, 0)", cvl, name);
        long committee = Sql.count(ds, "SELECT id FROM committee WHERE name = ?", name);

        HttpResponse<String> list = pages.get(pages.login(ADMIN), "/admin/committees.xhtml");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains(name), "the committee without members is listed, to be managed");

        HttpResponse<String> refused = api.call(ADVISOR, "POST", "/sessions", "{\"committeeId\":" + committee
                + ",\"startsAt\":\"2027-03-01T14:00\",\"place\":\"Blois\"}");
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(Api.json(refused).getString("message").contains("quorum est de 2"), refused.body());
        assertEquals(0, Sql.count(ds, "SELECT COUNT(*) FROM committee_session WHERE committee_id = ?", committee));

        Sql.update(ds, "INSERT INTO committee_member (committee_id, account_id, member_role) VALUES (?, ?, 'CHAIR')",
                committee, accountId(M1));
        HttpResponse<String> stillShort = api.call(ADVISOR, "POST", "/sessions", "{\"committeeId\":" + committee
                + ",\"startsAt\":\"2027-03-01T14:00\",\"place\":\"Blois\"}");
        assertEquals(409, stillShort.statusCode(), "one member for a quorum of two: " + stillShort.body());
        Sql.update(ds, "INSERT INTO committee_member (committee_id, account_id, member_role) VALUES (?, ?, 'MEMBER')",
                committee, accountId(M2));
        HttpResponse<String> scheduled = api.call(ADVISOR, "POST", "/sessions", "{\"committeeId\":" + committee
                + ",\"startsAt\":\"2027-03-01T14:00\",\"place\":\"Blois\"}");
        assertEquals(201, scheduled.statusCode(), scheduled.body());
    }

    // ---- also: granted above the request ---------------------------------------------------------------

    @Test
    void anApprovalAboveTheRequestNeedsTheCommitteesReasonsAndStaysWithinTheInstrument() throws Exception {
        long s = newSession();
        long app = readyApplication("Accord supérieur à la demande");
        long item = Filing.putOnAgenda(api, s, app);
        open(s, CHAIR, M1, M2, M3);
        for (String m : List.of(CHAIR, M1, M2)) {
            assertEquals(200, vote(m, s, item, "FOR").statusCode());
        }
        String more = "\"outcome\":\"APPROVED\",\"lines\":[{\"instrument\":\"QUASI_EQUITY\",\"amount\":\"180000.00\","
                + "\"durationMonths\":60}]";
        HttpResponse<String> noReasons = decide(s, item, version(s, item), more);
        assertEquals(409, noReasons.statusCode(), noReasons.body());
        assertTrue(Api.json(noReasons).getString("message").contains("dépasse le montant demandé"), noReasons.body());
        HttpResponse<String> overInstrument = decide(s, item, version(s, item), "\"outcome\":\"APPROVED\",\"lines\":"
                + "[{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"90000.00\",\"durationMonths\":60}],\"reasons\":\"Exception\"");
        assertEquals(400, overInstrument.statusCode(), "reasons never lift the instrument's limit: " + overInstrument.body());
        assertEquals("ON_AGENDA", application(app).getString("status"));
        assertEquals(0, Sql.count(Sql.ds(), "SELECT COUNT(*) FROM decision WHERE application_id = ?", app));

        String why = "Le plan de financement revu en séance appelle des quasi-fonds propres";
        HttpResponse<String> approved = decide(s, item, version(s, item), more + ",\"reasons\":\"" + why + "\"");
        assertEquals(200, approved.statusCode(), approved.body());
        JsonObject decision = itemOf(Api.json(approved), item).getJsonObject("decision");
        assertEquals("180000.00", decision.getString("totalGranted"));
        assertEquals(why, Sql.string(Sql.ds(), "SELECT reasons FROM decision WHERE application_id = ?", app));
    }

    // ---- 7, 8, 10. allocations ------------------------------------------------------------------------

    @Test
    void releasingAGuaranteeOnceCalledGivesBackOnlyWhatWasNotCalled() throws Exception {
        // a call of 15,000.00: this test is about the release, not the four-eyes threshold (issue 13, AfterDecisionIT)
        FourEyes.raisedFor(api, this::releaseAfterCall);
    }

    private void releaseAfterCall() throws Exception {
        DataSource ds = Sql.ds();
        long conv = activeConvention("GUARANTEE");
        long app = approvedFile("Garantie appelée puis libérée", "{\"instrument\":\"GUARANTEE\",\"amount\":\"20000.00\","
                + "\"durationMonths\":84,\"bankName\":\"Banque Essai\",\"bankLoanAmount\":\"40000.00\",\"guaranteedShare\":\"50\"}");
        long allocation = allocate(conv, line(ds, app), "20000.00");
        HttpResponse<String> called = api.call(ADVISOR, "POST", "/allocations/" + allocation + "/guarantee-calls",
                "{\"amount\":\"15000.00\",\"date\":\"" + today() + "\"}");
        assertEquals(201, called.statusCode(), called.body());

        HttpResponse<String> released = api.call(ADVISOR, "POST", "/allocations/" + allocation + "/release", null);
        assertEquals(200, released.statusCode(), released.body());
        assertEquals(0, new BigDecimal("5000.00").compareTo(Sql.decimal(ds, "SELECT released FROM allocation WHERE id = ?",
                allocation)), "only the 5,000.00 not called go back");
        assertEquals(0, new BigDecimal("5000.00").compareTo(Sql.decimal(ds, "SELECT SUM(amount) FROM ledger_movement"
                + " WHERE allocation_id = ? AND kind = 'RELEASE'", allocation)));

        long other = allocate(conv, line(ds, approvedFile("Garantie appelée en entier", "{\"instrument\":\"GUARANTEE\","
                + "\"amount\":\"10000.00\",\"durationMonths\":84,\"bankName\":\"Banque Essai\",\"bankLoanAmount\":\"20000.00\","
                + "\"guaranteedShare\":\"50\"}")), "10000.00");
        assertEquals(201, api.call(ADVISOR, "POST", "/allocations/" + other + "/guarantee-calls",
                "{\"amount\":\"10000.00\",\"date\":\"" + today() + "\"}").statusCode());
        long ledger = Sql.count(ds, "SELECT COUNT(*) FROM ledger_movement");
        HttpResponse<String> nothing = api.call(ADVISOR, "POST", "/allocations/" + other + "/release", null);
        assertEquals(409, nothing.statusCode(), nothing.body());
        assertEquals(ledger, Sql.count(ds, "SELECT COUNT(*) FROM ledger_movement"));
        assertEquals(0, BigDecimal.ZERO.compareTo(Sql.decimal(ds, "SELECT released FROM allocation WHERE id = ?", other)));
    }

    @Test
    void aGuaranteeIsNeverDisbursedAndADisbursementIsDatedWithinTheConvention() throws Exception {
        DataSource ds = Sql.ds();
        long guarantees = activeConvention("GUARANTEE");
        long g = allocate(guarantees, line(ds, approvedFile("Garantie non versée", "{\"instrument\":\"GUARANTEE\","
                + "\"amount\":\"20000.00\",\"durationMonths\":84,\"bankName\":\"Banque Essai\",\"bankLoanAmount\":\"40000.00\","
                + "\"guaranteedShare\":\"50\"}")), "20000.00");
        HttpResponse<String> guarantee = disburse(g, "100.00", today().toString());
        assertEquals(409, guarantee.statusCode(), guarantee.body());
        assertTrue(Api.json(guarantee).getString("message").contains("garantie ne se verse pas"), guarantee.body());

        long loans = activeConvention("HONOUR_LOAN");
        long loan = allocate(loans, line(ds, approvedFile("Dates de versement",
                "{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"8000.00\",\"durationMonths\":60}")), "8000.00");
        long ledger = Sql.count(ds, "SELECT COUNT(*) FROM ledger_movement");
        for (String date : List.of("0001-01-01", "1900-01-01", "2999-01-01", today().plusDays(2).toString())) {
            HttpResponse<String> r = disburse(loan, "100.00", date);
            assertEquals(400, r.statusCode(), date + ": " + r.body());
            assertEquals("date", Api.json(r).getString("field"), r.body());
        }
        assertEquals(ledger, Sql.count(ds, "SELECT COUNT(*) FROM ledger_movement"), "no refused tranche reached the ledger");
        assertEquals(0, BigDecimal.ZERO.compareTo(Sql.decimal(ds, "SELECT disbursed FROM allocation WHERE id = ?", loan)));
        assertEquals(0, BigDecimal.ZERO.compareTo(Sql.decimal(ds, "SELECT disbursed FROM allocation WHERE id = ?", g)));
        assertEquals(201, disburse(loan, "100.00", today().plusDays(1).toString()).statusCode(), "tomorrow is allowed");
        assertEquals(201, disburse(loan, "100.00", today().toString()).statusCode());
    }

    @Test
    void generatingARepaymentScheduleTwiceReplacesAnUnpaidOneAndRefusesAStartedOne() throws Exception {
        DataSource ds = Sql.ds();
        long conv = activeConvention("HONOUR_LOAN");
        long allocation = allocate(conv, line(ds, approvedFile("Échéancier refait",
                "{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"6000.00\",\"durationMonths\":12}")), "6000.00");
        assertEquals(201, disburse(allocation, "6000.00", today().toString()).statusCode());
        String first = today().plusMonths(1).withDayOfMonth(5).toString();
        String second = today().plusMonths(2).withDayOfMonth(10).toString();
        HttpResponse<String> one = api.call(ADVISOR, "POST", "/allocations/" + allocation + "/instalments",
                "{\"firstDueDate\":\"" + first + "\"}");
        assertEquals(200, one.statusCode(), one.body());
        HttpResponse<String> two = api.call(ADVISOR, "POST", "/allocations/" + allocation + "/instalments",
                "{\"firstDueDate\":\"" + second + "\"}");
        assertEquals(200, two.statusCode(), "an unpaid schedule is replaced: " + two.body());
        JsonArray schedule = Api.array(two);
        assertEquals(12, schedule.size());
        assertEquals(second, schedule.getJsonObject(0).getString("dueDate"));
        assertEquals(12, Sql.count(ds, "SELECT COUNT(*) FROM instalment WHERE allocation_id = ?", allocation));
        assertEquals(second, Sql.string(ds, "SELECT CAST(MIN(due_date) AS CHAR(10)) FROM instalment WHERE allocation_id = ?",
                allocation));

        HttpResponse<String> paid = api.call(ADVISOR, "POST", "/allocations/" + allocation + "/instalments/"
                + schedule.getJsonObject(0).getJsonNumber("id") + "/payment", "{\"date\":\"" + today() + "\"}");
        assertEquals(200, paid.statusCode(), paid.body());
        HttpResponse<String> started = api.call(ADVISOR, "POST", "/allocations/" + allocation + "/instalments",
                "{\"firstDueDate\":\"" + first + "\"}");
        assertEquals(409, started.statusCode(), started.body());
        assertEquals(12, Sql.count(ds, "SELECT COUNT(*) FROM instalment WHERE allocation_id = ?", allocation));
        assertEquals(1, Sql.count(ds, "SELECT COUNT(*) FROM instalment WHERE allocation_id = ? AND status = 'PAID'", allocation));
        assertEquals(second, Sql.string(ds, "SELECT CAST(MIN(due_date) AS CHAR(10)) FROM instalment WHERE allocation_id = ?",
                allocation));
    }

    // ---- 15. one rule for free text ----------------------------------------------------------------------

    @Test
    void titlesDescriptionsReasonsAndNotesRefuseControlAndDirectionOverrideCharacters() throws Exception {
        DataSource ds = Sql.ds();
        long enterprise = Api.array(api.call(PORTEUR, "GET", "/enterprises/mine", null)).getJsonObject(0).getJsonNumber("id").longValue();
        long applications = Sql.count(ds, "SELECT COUNT(*) FROM application");
        HttpResponse<String> title = api.call(PORTEUR, "POST", "/applications", "{\"enterpriseId\":" + enterprise
                + ",\"title\":\"Facture\\u202Efdp.exe\",\"stage\":\"CREATION\"}");
        assertEquals(400, title.statusCode(), title.body());
        assertEquals("title", Api.json(title).getString("field"));
        assertTrue(Api.json(title).getString("message").contains("caractères de contrôle"), title.body());
        assertEquals(applications, Sql.count(ds, "SELECT COUNT(*) FROM application"));

        JsonObject draft = Api.json(api.call(PORTEUR, "POST", "/applications", "{\"enterpriseId\":" + enterprise
                + ",\"title\":\"Texte libre\",\"stage\":\"CREATION\"}"));
        long id = draft.getJsonNumber("id").longValue();
        HttpResponse<String> bell = api.call(PORTEUR, "PUT", "/applications/" + id, "{\"version\":" + draft.getJsonNumber("version")
                + ",\"title\":\"Texte libre\",\"stage\":\"CREATION\",\"description\":\"Sonnerie\\u0007 et \\u001b[31m\"}");
        assertEquals(400, bell.statusCode(), bell.body());
        assertEquals("description", Api.json(bell).getString("field"));
        assertEquals(null, Sql.string(ds, "SELECT description FROM application WHERE id = ?", id));
        HttpResponse<String> lines = api.call(PORTEUR, "PUT", "/applications/" + id, "{\"version\":" + draft.getJsonNumber("version")
                + ",\"title\":\"Texte libre\",\"stage\":\"CREATION\",\"description\":\"Première ligne\\n\\tSeconde ligne\"}");
        assertEquals(200, lines.statusCode(), "line breaks and tabs stay allowed in a description: " + lines.body());
        HttpResponse<String> titleBreak = api.call(PORTEUR, "PUT", "/applications/" + id, "{\"version\":"
                + Api.json(lines).getJsonNumber("version") + ",\"title\":\"Deux\\nlignes\",\"stage\":\"CREATION\"}");
        assertEquals(400, titleBreak.statusCode(), "a title is one line: " + titleBreak.body());
        assertEquals("Texte libre", Sql.string(ds, "SELECT title FROM application WHERE id = ?", id));

        long s = newSession();
        long app = readyApplication("Motifs propres");
        long item = Filing.putOnAgenda(api, s, app);
        HttpResponse<String> conflict = api.call(M1, "POST", "/sessions/" + s + "/items/" + item + "/conflict",
                "{\"reason\":\"Lien\\u202Efamilial\"}");
        assertEquals(400, conflict.statusCode(), conflict.body());
        assertEquals(0, Sql.count(ds, "SELECT COUNT(*) FROM conflict_of_interest WHERE item_id = ?", item));
        open(s, CHAIR, M1, M2, M3);
        HttpResponse<String> reasons = decide(s, item, version(s, item), "\"outcome\":\"REJECTED\",\"reasons\":\"Hors\\u202Ecritères\"");
        assertEquals(400, reasons.statusCode(), reasons.body());
        assertEquals("reasons", Api.json(reasons).getString("field"));
        assertEquals("ON_AGENDA", application(app).getString("status"));
        HttpResponse<String> place = api.call(ADVISOR, "POST", "/sessions", "{\"committeeId\":" + committeeId()
                + ",\"startsAt\":\"2027-02-01T14:00\",\"place\":\"Salle\\u0000B\"}");
        assertEquals(400, place.statusCode(), place.body());

        long fabrique = Sql.count(ds, "SELECT MIN(id) FROM enterprise WHERE association_id = (SELECT id FROM association"
                + " WHERE code = 'CVL')");
        long records = Sql.count(ds, "SELECT COUNT(*) FROM support_record");
        HttpResponse<String> notes = api.call(ADVISOR, "POST", "/enterprises/" + fabrique + "/support-records", "{\"date\":\""
                + today() + "\",\"kind\":\"DIAGNOSTIC\",\"durationMinutes\":60,\"notes\":\"Notes\\u2066cachées\\u2069\"}");
        assertEquals(400, notes.statusCode(), notes.body());
        assertEquals(records, Sql.count(ds, "SELECT COUNT(*) FROM support_record"));
    }

    // ---- helpers: the committee -------------------------------------------------------------------------

    private long committeeId() throws Exception {
        return Sql.count(Sql.ds(), "SELECT MIN(id) FROM committee WHERE name = 'Comité d''engagement Centre-Val de Loire'");
    }

    private long newSession() throws Exception {
        HttpResponse<String> r = api.call(ADVISOR, "POST", "/sessions", "{\"committeeId\":" + committeeId()
                + ",\"startsAt\":\"2027-01-15T14:00\",\"place\":\"Orléans\"}");
        assertEquals(201, r.statusCode(), r.body());
        return Api.json(r).getJsonNumber("id").longValue();
    }

    private long accountId(String email) throws Exception {
        return Sql.count(Sql.ds(), "SELECT id FROM user_account WHERE email = ?", email);
    }

    private String present(String... emails) throws Exception {
        StringBuilder ids = new StringBuilder();
        for (String e : emails) {
            ids.append(ids.length() == 0 ? "" : ",").append(accountId(e));
        }
        return "{\"present\":[" + ids + "]}";
    }

    private void open(long session, String... emails) throws Exception {
        HttpResponse<String> r = api.call(CHAIR, "POST", "/sessions/" + session + "/open", present(emails));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("OPEN", Api.json(r).getString("status"));
    }

    /** A fresh application of porteur@ requesting 8,000.00, submitted, instructed and ready for committee. */
    private long readyApplication(String title) throws Exception {
        long id = Filing.analysed(api, title).id();
        HttpResponse<String> ready = api.call(ADVISOR, "POST", "/applications/" + id + "/instruction/ready?version="
                + application(id).getJsonNumber("version"), null);
        assertEquals(200, ready.statusCode(), ready.body());
        return id;
    }

    /**
     * A file approved with the given granted lines (JSON objects) by the four members at a new
     * session; the committee states why when it grants more than the 8,000.00 requested.
     */
    private long approvedFile(String title, String grantedLines) throws Exception {
        long app = readyApplication(title);
        long s = newSession();
        long item = Filing.putOnAgenda(api, s, app);
        open(s, CHAIR, M1, M2, M3);
        for (String m : List.of(CHAIR, M1, M2)) {
            assertEquals(200, vote(m, s, item, "FOR").statusCode());
        }
        HttpResponse<String> decided = decide(s, item, version(s, item), "\"outcome\":\"APPROVED\",\"lines\":[" + grantedLines
                + "],\"reasons\":\"Besoin réévalué en séance\"");
        assertEquals(200, decided.statusCode(), decided.body());
        return app;
    }

    private HttpResponse<String> vote(String member, long session, long item, String choice) throws Exception {
        return api.call(member, "PUT", "/sessions/" + session + "/items/" + item + "/vote", "{\"choice\":\"" + choice + "\"}");
    }

    private long version(long session, long item) throws Exception {
        return itemOf(session(CHAIR, session), item).getJsonNumber("version").longValue();
    }

    private HttpResponse<String> decide(long session, long item, long version, String fields) throws Exception {
        return api.call(CHAIR, "POST", "/sessions/" + session + "/items/" + item + "/decision", "{\"version\":" + version + "," + fields + "}");
    }

    private static String approve(String amount, String reasons) {
        return "\"outcome\":\"APPROVED\",\"lines\":[{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"" + amount
                + "\",\"durationMonths\":60}]" + (reasons == null ? "" : ",\"reasons\":\"" + reasons + "\"");
    }

    private JsonObject session(String user, long id) throws Exception {
        return api.read(user, "/sessions/" + id);
    }

    private JsonObject application(long id) throws Exception {
        return api.read(ADVISOR, "/applications/" + id);
    }

    // ---- helpers: conventions and allocations -----------------------------------------------------------

    /** An ACTIVE financing fund of the CVL association for the given instrument, over 2020–2030. */
    private long activeConvention(String instrument) throws Exception {
        DataSource ds = Sql.ds();
        long bdt = Sql.count(ds, "SELECT id FROM partner WHERE name = 'Banque des Territoires'");
        long cvl = Sql.count(ds, "SELECT id FROM association WHERE code = 'CVL'");
        String reference = "IT-R-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
        HttpResponse<String> r = api.call(ADMIN, "POST", "/conventions", "{\"reference\":\"" + reference + "\",\"partnerId\":" + bdt
                + ",\"associationId\":" + cvl + ",\"kind\":\"FINANCING_FUND\",\"periodStart\":\"2020-01-01\","
                + "\"periodEnd\":\"2030-12-31\",\"amount\":\"500000.00\",\"revolving\":true,\"instruments\":[\"" + instrument + "\"]}");
        assertEquals(201, r.statusCode(), r.body());
        long id = Api.json(r).getJsonNumber("id").longValue();
        HttpResponse<String> active = api.call(ADMIN, "POST", "/conventions/" + id + "/activation", null);
        assertEquals(200, active.statusCode(), active.body());
        return id;
    }

    private static long line(DataSource ds, long application) throws Exception {
        return Sql.count(ds, "SELECT MIN(g.id) FROM granted_line g JOIN decision d ON d.id = g.decision_id"
                + " WHERE d.application_id = ? AND d.outcome = 'APPROVED'", application);
    }

    private long allocate(long convention, long line, String amount) throws Exception {
        HttpResponse<String> r = api.call(ADVISOR, "POST", "/conventions/" + convention + "/allocations",
                "{\"decisionLineId\":" + line + ",\"amount\":\"" + amount + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        return Api.json(r).getJsonNumber("id").longValue();
    }

    private HttpResponse<String> disburse(long allocation, String amount, String date) throws Exception {
        return api.call(ADVISOR, "POST", "/allocations/" + allocation + "/disbursements",
                "{\"amount\":\"" + amount + "\",\"date\":\"" + date + "\"}");
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }
}
