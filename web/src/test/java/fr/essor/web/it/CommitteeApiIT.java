package fr.essor.web.it;

import static fr.essor.web.it.Filing.itemOf;
import static fr.essor.web.it.Fixtures.ADMIN;
import static fr.essor.web.it.Fixtures.ADVISOR;
import static fr.essor.web.it.Fixtures.CHAIR;
import static fr.essor.web.it.Fixtures.M1;
import static fr.essor.web.it.Fixtures.M2;
import static fr.essor.web.it.Fixtures.M3;
import static fr.essor.web.it.Fixtures.PORTEUR;
import static fr.essor.web.it.Fixtures.PORTEUR2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.account.UserAccount;
import fr.essor.model.committee.CommitteeMember;
import fr.essor.model.committee.CommitteeSession;
import fr.essor.service.committee.CommitteeViews;
import fr.essor.service.committee.SessionQuery;
import fr.essor.service.config.StatementCounter;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.UserTransaction;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
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
 * The committee's rules through the REST API against the real database: quorum, conflicts of
 * interest, immutability after closing, concurrent decisions, scope, bad input and what the
 * applicant sees. Every test builds its own session and files, so that the order does not matter;
 * every refusal is followed by a re-read proving that nothing stored changed.
 *
 * <p>Most tests run as a client. The scope test across associations runs inside the server because
 * there is no API to create an association or a committee: it inserts them with JDBC, then calls
 * the API over HTTP like the others.
 */
class CommitteeApiIT extends ContainerTestBase {

    private static final String APPROVE_8000 = "\"outcome\":\"APPROVED\",\"lines\":[{\"instrument\":\"HONOUR_LOAN\","
            + "\"amount\":\"8000.00\",\"durationMonths\":60}],\"conditions\":\"Versement sur présentation du prêt bancaire\"";

    CommitteeApiIT() {
        super(Duration.ofSeconds(60));
    }

    @Deployment
    static WebArchive deployment() {
        return Deployments.builtWarWith(CommitteeApiIT.class, Sql.class, Deployments.class);
    }

    // ---- 1. quorum ---------------------------------------------------------------------------------

    @Test
    @RunAsClient
    void aDecisionNeedsTheQuorumAndTheMessageSaysHowManyAreMissing() throws Exception {
        long s = newSession();
        long app = readyApplication("Quorum");
        long item = Filing.putOnAgenda(api, s, app);
        openWithEveryone(s);
        voteFor(s, item, CHAIR, M2);

        HttpResponse<String> refused = decide(s, item, itemVersion(s, item), APPROVE_8000);
        assertEquals(409, refused.statusCode(), refused.body());
        assertEquals("COMMITTEE_RULE", Api.json(refused).getString("error"));
        assertTrue(Api.json(refused).getString("message").contains("il manque 1 participant(s)"), refused.body());
        JsonObject after = itemOf(session(CHAIR, s), item);
        assertFalse(after.containsKey("decision") && !after.isNull("decision"), "no decision stored: " + after);
        assertEquals(2, after.getInt("participants"));
        assertEquals(1, after.getInt("missingForQuorum"));
        assertEquals("ON_AGENDA", application(ADVISOR, app).getString("status"));

        assertEquals(200, vote(M3, s, item, "FOR").statusCode());
        HttpResponse<String> decided = decide(s, item, itemVersion(s, item), APPROVE_8000);
        assertEquals(200, decided.statusCode(), decided.body());
        assertEquals("APPROVED", itemOf(Api.json(decided), item).getJsonObject("decision").getString("outcome"));
        assertEquals("APPROVED", application(ADVISOR, app).getString("status"));
    }

    @Test
    @RunAsClient
    void anEmptyAgendaIsNotConvenedAndASecondConvocationReachesNoOneAlreadyConvened() throws Exception {
        long s = newSession();
        HttpResponse<String> empty = api.call(ADVISOR, "POST", "/sessions/" + s + "/convocations", null);
        assertEquals(409, empty.statusCode(), empty.body());
        assertTrue(Api.json(empty).getString("message").contains("L'ordre du jour est vide"), empty.body());

        Filing.putOnAgenda(api, s, readyApplication("Convocation"));
        HttpResponse<String> first = api.call(ADVISOR, "POST", "/sessions/" + s + "/convocations", null);
        assertEquals(200, first.statusCode(), first.body());
        assertTrue(Api.json(first).getInt("count") > 0, first.body());
        HttpResponse<String> second = api.call(ADVISOR, "POST", "/sessions/" + s + "/convocations", null);
        assertEquals(200, second.statusCode(), second.body());
        assertEquals(0, Api.json(second).getInt("count"), "no member is convened twice: " + second.body());
    }

    // ---- 2. conflicts of interest ----------------------------------------------------------------------

    @Test
    @RunAsClient
    void aConflictedMemberCannotVoteDoesNotCountAndNoLongerSeesTheAnalysis() throws Exception {
        long s = newSession();
        long app = readyApplication("Conflit");
        long item = Filing.putOnAgenda(api, s, app);
        openWithEveryone(s);
        assertEquals(200, api.call(M1, "GET", "/applications/" + app + "/instruction/analysis", null).statusCode(),
                "before declaring a conflict the member reads the analysis");
        assertEquals(200, vote(M1, s, item, "FOR").statusCode());
        assertEquals(1, itemOf(session(CHAIR, s), item).getInt("votesFor"));

        HttpResponse<String> declared = api.call(M1, "POST", "/sessions/" + s + "/items/" + item + "/conflict",
                "{\"reason\":\"Banquier de l'entreprise\"}");
        assertEquals(200, declared.statusCode(), declared.body());
        JsonObject afterConflict = itemOf(session(M1, s), item);
        assertTrue(afterConflict.getBoolean("callerConflicted"));
        assertEquals(0, afterConflict.getInt("votesFor"), "the earlier vote is withdrawn");
        assertFalse(afterConflict.containsKey("callerVote") && !afterConflict.isNull("callerVote"));
        assertTrue(afterConflict.getJsonArray("conflictedMembers").getString(0).contains("Marc Banquier"));

        HttpResponse<String> crafted = vote(M1, s, item, "FOR");
        assertEquals(409, crafted.statusCode(), crafted.body());
        assertTrue(Api.json(crafted).getString("message").contains("conflit d'intérêts"), crafted.body());
        JsonObject unchanged = itemOf(session(CHAIR, s), item);
        assertEquals(0, unchanged.getInt("votesFor"));
        assertEquals(0, unchanged.getInt("participants"));

        voteFor(s, item, CHAIR, M2);
        HttpResponse<String> short1 = decide(s, item, itemVersion(s, item), APPROVE_8000);
        assertEquals(409, short1.statusCode(), "the conflicted member does not count for the quorum: " + short1.body());
        assertTrue(Api.json(short1).getString("message").contains("il manque 1 participant(s)"), short1.body());
        assertEquals(2, itemOf(session(CHAIR, s), item).getInt("participants"));

        assertEquals(404, api.call(M1, "GET", "/applications/" + app + "/instruction/analysis", null).statusCode());
        HttpResponse<String> m2 = api.call(M2, "GET", "/applications/" + app + "/instruction/analysis", null);
        assertEquals(200, m2.statusCode(), m2.body());
        assertEquals(19, Api.json(m2).getInt("total"));
        int applicant = api.call(PORTEUR, "GET", "/applications/" + app + "/instruction/analysis", null).statusCode();
        assertTrue(applicant == 403 || applicant == 404, "the applicant never sees the analysis: " + applicant);
        assertFalse(api.call(PORTEUR, "GET", "/applications/" + app, null).body().contains("Trésorerie tendue"));
    }

    // ---- 3. immutability after closing -------------------------------------------------------------------

    @Test
    @RunAsClient
    void afterClosingNothingChangesAndTheMinutesTellTheDecision() throws Exception {
        long s = newSession();
        long app = readyApplication("Clôture");
        long item = Filing.putOnAgenda(api, s, app);
        openWithEveryone(s);
        voteFor(s, item, CHAIR, M1, M2);
        long version = itemVersion(s, item);
        assertEquals(200, decide(s, item, version, APPROVE_8000).statusCode());
        HttpResponse<String> closed = api.call(CHAIR, "POST", "/sessions/" + s + "/close", null);
        assertEquals(200, closed.statusCode(), closed.body());
        assertEquals("CLOSED", Api.json(closed).getString("status"));
        JsonObject before = itemOf(session(CHAIR, s), item);

        long late = readyApplication("Trop tard");
        List<HttpResponse<String>> refusals = List.of(
                vote(M3, s, item, "AGAINST"),
                vote(M1, s, item, "AGAINST"),
                api.call(M3, "POST", "/sessions/" + s + "/items/" + item + "/conflict", "{\"reason\":\"Après coup\"}"),
                decide(s, item, before.getJsonNumber("version").longValue(),
                        "\"outcome\":\"REJECTED\",\"reasons\":\"On se ravise\""),
                api.call(ADVISOR, "POST", "/sessions/" + s + "/items", "{\"applicationId\":" + late + "}"));
        for (HttpResponse<String> r : refusals) {
            assertEquals(409, r.statusCode(), r.body());
            assertTrue(Api.json(r).getString("message").contains("séance est close"), r.body());
        }

        JsonObject after = session(CHAIR, s);
        assertEquals("CLOSED", after.getString("status"));
        assertEquals(1, after.getJsonArray("items").size());
        JsonObject i = itemOf(after, item);
        assertEquals(3, i.getInt("votesFor"));
        assertEquals(0, i.getInt("votesAgainst"));
        assertEquals(0, i.getJsonArray("conflictedMembers").size());
        assertEquals(before.getJsonObject("decision"), i.getJsonObject("decision"));
        assertEquals("APPROVED", i.getJsonObject("decision").getString("outcome"));
        assertEquals("8000.00", i.getJsonObject("decision").getString("totalGranted"));
        assertEquals("READY_FOR_COMMITTEE", application(ADVISOR, late).getString("status"));
        assertEquals("APPROVED", application(ADVISOR, app).getString("status"));

        HttpResponse<byte[]> minutes = api.bytes(CHAIR, "/sessions/" + s + "/minutes");
        assertEquals(200, minutes.statusCode());
        assertTrue(minutes.headers().firstValue("Content-Type").orElseThrow().startsWith("application/pdf"));
        String text = Pdfs.text(minutes.body());
        String reference = application(ADVISOR, app).getString("reference");
        assertTrue(text.contains(reference), text);
        assertTrue(text.contains("ACCORDÉ"), text);
        assertTrue(text.contains("8 000,00"), text);
        assertTrue(text.contains("Votes : 3 pour, 0 contre"), text);
        assertTrue(text.contains("4 membre(s) présent(s) sur 4"), text);
        for (String name : List.of("Marc Banquier", "Nadia Entrepreneure ESS", "Olivier Élu local")) {
            assertTrue(text.contains(name), name + " in " + text);
        }
    }

    // ---- 4. concurrent decisions ----------------------------------------------------------------------------

    @Test
    @RunAsClient
    void twoChairsDecidingAtOnceRecordOneDecisionAndTheOthersAreToldTheRecordChanged() throws Exception {
        long s = newSession();
        List<long[]> items = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            long app = readyApplication("Concurrence " + n);
            items.add(new long[] {app, Filing.putOnAgenda(api, s, app)});
        }
        openWithEveryone(s);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (long[] pair : items) {
                long app = pair[0];
                long item = pair[1];
                voteFor(s, item, CHAIR, M1, M2);
                long version = itemVersion(s, item);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> results = new ArrayList<>();
                for (int t = 0; t < 6; t++) {
                    String amount = (8000 - t) + ".00"; // at most the 8,000.00 requested: more needs reasons
                    Callable<HttpResponse<String>> task = () -> {
                        start.await();
                        return decide(s, item, version, "\"outcome\":\"APPROVED\",\"lines\":[{\"instrument\":\"HONOUR_LOAN\","
                                + "\"amount\":\"" + amount + "\",\"durationMonths\":60}]");
                    };
                    results.add(pool.submit(task));
                }
                start.countDown();
                int ok = 0;
                int conflicts = 0;
                String winner = null;
                for (int t = 0; t < results.size(); t++) {
                    HttpResponse<String> r = results.get(t).get();
                    if (r.statusCode() == 200) {
                        ok++;
                        winner = (8000 - t) + ".00";
                    } else {
                        assertEquals(409, r.statusCode(), r.body());
                        String error = Api.json(r).getString("error");
                        assertEquals("CONCURRENT_CHANGE", error, r.body());
                        assertTrue(Api.json(r).getString("message").contains("modifié par quelqu'un d'autre"), r.body());
                        conflicts++;
                    }
                }
                assertEquals(1, ok, "exactly one decision wins");
                assertEquals(5, conflicts);
                JsonObject decision = itemOf(session(CHAIR, s), item).getJsonObject("decision");
                assertEquals(winner, decision.getString("totalGranted"), "the stored decision is the winner's");
                assertEquals(1, decision.getJsonArray("grantedLines").size());
                JsonArray timeline = application(ADVISOR, app).getJsonArray("timeline");
                assertEquals(1, timeline.getValuesAs(JsonObject.class).stream()
                        .filter(step -> "APPROVED".equals(step.getString("to", null))).count(), timeline.toString());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- 5. scope -------------------------------------------------------------------------------------------

    @Test
    @RunAsClient
    void entrepreneursReachNeitherTheSessionsNorOtherPeoplesFiles() throws Exception {
        long s = newSession();
        long app = readyApplication("Périmètre");
        long item = Filing.putOnAgenda(api, s, app);
        assertEquals(403, api.call(PORTEUR, "GET", "/sessions", null).statusCode());
        assertEquals(403, api.call(PORTEUR, "GET", "/sessions/" + s, null).statusCode());
        assertEquals(403, api.call(PORTEUR2, "PUT", "/sessions/" + s + "/items/" + item + "/vote", "{\"choice\":\"FOR\"}")
                .statusCode());
        assertEquals(404, api.call(PORTEUR2, "GET", "/applications/" + app, null).statusCode());
        assertEquals(404, api.call(PORTEUR2, "GET", "/applications/" + app + "/decision-letter", null).statusCode());
        assertEquals(403, api.call("partenaire@demo.essor", "GET", "/sessions/" + s, null).statusCode());
        assertEquals(0, itemOf(session(CHAIR, s), item).getInt("votesFor"));
    }

    /**
     * Inside the server: another association with its own advisor and committee (inserted with JDBC,
     * no API creates them); neither reaches the CVL session or file, and CVL members do not reach
     * the other committee's session.
     */
    @Test
    void peopleOfAnotherAssociationOrCommitteeAreToldTheSessionAndFileDoNotExist() throws Exception {
        DataSource ds = InitialContext.doLookup("java:app/jdbc/essor");
        String code = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase(Locale.ROOT);
        Sql.update(ds, "INSERT INTO association (code, name, region, active, version) VALUES (?, ?, 'Bretagne', TRUE, 0)",
                code, "Association " + code);
        long association = Sql.count(ds, "SELECT id FROM association WHERE code = ?", code);
        String otherAdvisor = "conseil-" + code.toLowerCase(Locale.ROOT) + "@test.essor";
        String otherMember = "membre-" + code.toLowerCase(Locale.ROOT) + "@test.essor";
        Sql.account(ds, otherAdvisor, association, "ADVISOR");
        long memberId = Sql.account(ds, otherMember, association, "COMMITTEE_MEMBER");
        Sql.update(ds, "INSERT INTO committee (association_id, name, quorum, active, version) VALUES (?, ?, 1, TRUE, 0)",
                association, "Comité " + code);
        long committee = Sql.count(ds, "SELECT id FROM committee WHERE association_id = ?", association);
        Sql.update(ds, "INSERT INTO committee_member (committee_id, account_id, member_role) VALUES (?, ?, 'CHAIR')",
                committee, memberId);
        Sql.update(ds, "INSERT INTO committee_session (committee_id, starts_at, place, status, version)"
                + " VALUES (?, ?, 'Rennes', 'PLANNED', 0)", committee, Timestamp.valueOf(LocalDateTime.of(2027, 2, 1, 10, 0)));
        long otherSession = Sql.count(ds, "SELECT id FROM committee_session WHERE committee_id = ?", committee);
        assertEquals(200, api.call(otherMember, "GET", "/sessions/" + otherSession, null).statusCode(),
                "the inserted member can sign in and see their own session");

        long s = newSession();
        long app = readyApplication("Autre association");
        long item = Filing.putOnAgenda(api, s, app);
        long cvlItemsBefore = Sql.count(ds, "SELECT COUNT(*) FROM agenda_item WHERE session_id = ?", s);

        // a member of another committee
        assertEquals(404, api.call(otherMember, "GET", "/sessions/" + s, null).statusCode());
        assertEquals(404, api.call(otherMember, "GET", "/applications/" + app, null).statusCode());
        assertEquals(404, api.call(otherMember, "GET", "/applications/" + app + "/instruction/analysis", null).statusCode());
        assertEquals(404, api.call(otherMember, "PUT", "/sessions/" + s + "/items/" + item + "/vote", "{\"choice\":\"FOR\"}")
                .statusCode());
        assertEquals(404, api.call(otherMember, "POST", "/sessions/" + s + "/items/" + item + "/conflict", "{}").statusCode());
        HttpResponse<String> listed = api.call(otherMember, "GET", "/sessions", null);
        assertEquals(200, listed.statusCode(), listed.body());
        assertEquals(List.of(otherSession), Api.json(listed).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(x -> x.getJsonNumber("id").longValue()).toList(), "a member lists only their committee's sessions");
        // an advisor of another association
        assertEquals(404, api.call(otherAdvisor, "GET", "/sessions/" + s, null).statusCode());
        assertEquals(404, api.call(otherAdvisor, "GET", "/applications/" + app, null).statusCode());
        assertEquals(404, api.call(otherAdvisor, "GET", "/applications/" + app + "/instruction/analysis", null).statusCode());
        assertEquals(404, api.call(otherAdvisor, "POST", "/sessions/" + s + "/items", "{\"applicationId\":" + app + "}")
                .statusCode());
        assertEquals(404, api.call(otherAdvisor, "POST", "/sessions", "{\"committeeId\":" + committeeId()
                + ",\"startsAt\":\"2027-01-15T14:00\",\"place\":\"Rennes\"}").statusCode());
        // CVL people towards the other committee
        assertEquals(404, api.call(M1, "GET", "/sessions/" + otherSession, null).statusCode());
        assertEquals(404, api.call(ADVISOR, "GET", "/sessions/" + otherSession, null).statusCode());
        assertEquals(404, api.call(ADVISOR, "POST", "/sessions/" + otherSession + "/items", "{\"applicationId\":"
                + readyApplication("Mauvais comité") + "}").statusCode());

        assertEquals(cvlItemsBefore, Sql.count(ds, "SELECT COUNT(*) FROM agenda_item WHERE session_id = ?", s));
        assertEquals(0, Sql.count(ds, "SELECT COUNT(*) FROM agenda_item WHERE session_id = ?", otherSession));
        assertEquals(0, Sql.count(ds, "SELECT COUNT(*) FROM committee_vote v JOIN agenda_item i ON v.item_id = i.id"
                + " WHERE i.session_id = ?", s));
        assertEquals(0, Sql.count(ds, "SELECT COUNT(*) FROM conflict_of_interest c JOIN agenda_item i ON c.item_id = i.id"
                + " WHERE i.session_id = ?", s));
    }

    // ---- 6. bad input ---------------------------------------------------------------------------------------

    @Test
    @RunAsClient
    void badVotesAndDecisionsAreRefusedWithAClearMessageAndStoreNothing() throws Exception {
        long s = newSession();
        long app = readyApplication("Mauvaises saisies");
        long item = Filing.putOnAgenda(api, s, app);
        openWithEveryone(s);
        voteFor(s, item, CHAIR, M1, M2);
        JsonObject before = itemOf(session(CHAIR, s), item);
        long version = before.getJsonNumber("version").longValue();

        HttpResponse<String> maybe = vote(M3, s, item, "MAYBE");
        assertEquals(400, maybe.statusCode(), maybe.body());
        assertTrue(Api.json(maybe).getString("message").contains("Choisissez une valeur"), maybe.body());

        HttpResponse<String> overLimit = decide(s, item, version, "\"outcome\":\"APPROVED\",\"lines\":["
                + "{\"instrument\":\"GRANT\",\"amount\":\"1000.00\"},"
                + "{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"999999.00\",\"durationMonths\":60}]");
        assertEquals(400, overLimit.statusCode(), overLimit.body());
        String message = Api.json(overLimit).getString("message");
        assertTrue(message.contains("Ligne 2") && message.contains("plafond"), overLimit.body());

        HttpResponse<String> noReasons = decide(s, item, version, "\"outcome\":\"REJECTED\",\"reasons\":\"  \"");
        assertTrue(noReasons.statusCode() == 409 || noReasons.statusCode() == 400, noReasons.body());
        assertTrue(Api.json(noReasons).getString("message").contains("motifs"), noReasons.body());

        HttpResponse<String> unknown = decide(s, item, version, "\"outcome\":\"PERHAPS\"");
        assertEquals(400, unknown.statusCode(), unknown.body());

        JsonObject after = itemOf(session(CHAIR, s), item);
        assertEquals(before, after, "nothing stored changed");
        assertFalse(after.containsKey("decision"));
        assertEquals(3, after.getInt("votesFor"));
        assertFalse(after.containsKey("callerVote") && after.getString("callerVote").equals("MAYBE"));
        assertEquals("ON_AGENDA", application(ADVISOR, app).getString("status"));

        HttpResponse<String> rejected = decide(s, item, version,
                "\"outcome\":\"REJECTED\",\"reasons\":\"Modèle économique non démontré\"");
        assertEquals(200, rejected.statusCode(), "with its reasons the rejection is recorded: " + rejected.body());
        assertEquals("REJECTED", itemOf(Api.json(rejected), item).getJsonObject("decision").getString("outcome"));
        assertEquals("REJECTED", application(ADVISOR, app).getString("status"));
    }

    // ---- 7. the applicant ---------------------------------------------------------------------------------

    @Test
    @RunAsClient
    void theApplicantGetsTheLetterAndTheMailOnlyOnceTheSessionIsClosed() throws Exception {
        long s = newSession();
        long app = readyApplication("Lettre");
        long item = Filing.putOnAgenda(api, s, app);
        String reference = application(PORTEUR, app).getString("reference");
        openWithEveryone(s);
        voteFor(s, item, CHAIR, M1, M3);
        HttpResponse<String> decided = decide(s, item, itemVersion(s, item), APPROVE_8000);
        assertEquals(200, decided.statusCode(), decided.body());

        JsonObject seen = application(PORTEUR, app);
        assertEquals("ON_AGENDA", seen.getString("status"), "the applicant reads the decision once the session is closed");
        assertTrue(seen.getJsonArray("timeline").stream().noneMatch(step -> step.toString().contains("APPROVED")),
                seen.toString());
        assertEquals("APPROVED", application(ADVISOR, app).getString("status"), "staff see it at once");
        assertEquals(404, api.bytes(PORTEUR, "/applications/" + app + "/decision-letter").statusCode(),
                "no letter while the session is open");
        assertEquals(0, decisionMails(reference).size(), "no mail while the session is open");

        assertEquals(200, api.call(CHAIR, "POST", "/sessions/" + s + "/close", null).statusCode());
        assertEquals("APPROVED", application(PORTEUR, app).getString("status"));
        HttpResponse<byte[]> letter = api.bytes(PORTEUR, "/applications/" + app + "/decision-letter");
        assertEquals(200, letter.statusCode());
        assertTrue(letter.headers().firstValue("Content-Type").orElseThrow().startsWith("application/pdf"));
        String text = Pdfs.text(letter.body());
        assertTrue(text.contains("Notification de décision") && text.contains(reference), text);
        assertTrue(text.contains("8 000,00"), text);

        List<JsonObject> mails = decisionMails(reference);
        assertEquals(1, mails.size(), mails.toString());
        assertEquals(PORTEUR, mails.get(0).getString("recipient"));
        assertEquals("Application", mails.get(0).getString("relatedEntity"));
    }

    // ---- 8. what the session page costs ---------------------------------------------------------------------

    /**
     * Runs inside the server, where EclipseLink's statements are counted per thread: a session with four
     * files on its agenda (votes, a conflict of interest, a decision), and what its page shows of the
     * files and their analyses, are read in as many statements as a session with one. Read lazily, as before, the same view costs more statements per item: the
     * counter sees the difference.
     */
    @Test
    void theSessionIsReadInAFixedNumberOfStatementsWhateverTheSizeOfItsAgenda() throws Exception {
        long small = newSession();
        long only = Filing.putOnAgenda(api, small, readyApplication("Coût une ligne"));
        openWithEveryone(small);
        voteFor(small, only, CHAIR, M2, M3);
        assertEquals(200, decide(small, only, itemVersion(small, only), APPROVE_8000).statusCode(),
                "each session has a decision: the same statements to read it");

        long large = newSession();
        List<Long> items = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            items.add(Filing.putOnAgenda(api, large, readyApplication("Coût ordre du jour " + n)));
        }
        openWithEveryone(large);
        voteFor(large, items.get(0), CHAIR, M2, M3);
        HttpResponse<String> decided = decide(large, items.get(0),
                itemVersion(large, items.get(0)), APPROVE_8000);
        assertEquals(200, decided.statusCode(), decided.body());
        assertEquals(200, api.call(M1, "POST", "/sessions/" + large + "/items/" + items.get(1) + "/conflict",
                "{\"reason\":\"Client de la banque\"}").statusCode());
        assertEquals(200, vote(CHAIR, large, items.get(2), "AGAINST").statusCode());

        Cost one = cost(small, true);
        Cost four = cost(large, true);
        Cost oneLazily = cost(small, false);
        Cost fourLazily = cost(large, false);
        System.out.printf("CommitteeApiIT: session view with 1 item: %d SQL statement(s), with 4 items: %d"
                + " (read lazily: %d and %d)%n", one.statements(), four.statements(), oneLazily.statements(),
                fourLazily.statements());

        assertEquals(1, one.view().items().size());
        assertEquals(4, four.view().items().size());
        assertEquals("APPROVED", four.view().items().get(0).decision().outcome());
        assertEquals(3, four.view().items().get(0).votesFor());
        assertEquals(1, four.view().items().get(1).conflictedMembers().size());
        assertEquals(1, four.view().items().get(2).votesAgainst());
        assertEquals(4, four.view().members().size());
        assertTrue(four.view().callerChair() && four.view().callerPresent());
        assertEquals(4, four.files().size());
        assertTrue(four.files().stream().allMatch(f -> f.analysis() != null && !f.lines().isEmpty()),
                "the chair reads every analysis: " + four.files());
        assertEquals(four.view(), fourLazily.view(), "the same view, however it is loaded");
        assertEquals(four.files(), fourLazily.files());
        assertTrue(one.statements() >= 1, "the counter counts");
        assertTrue(one.sql().stream().noneMatch(q -> q.contains("FROM account_role t0 WHERE (t0.account_id = ?)")),
                () -> "the members' roles come with them: " + String.join("\n", one.sql()));
        assertEquals(one.statements(), four.statements(), () -> "four items cost what one costs; with one:\n"
                + String.join("\n", one.sql()) + "\nwith four:\n" + String.join("\n", four.sql()));
        assertTrue(fourLazily.statements() > oneLazily.statements(), "read lazily, each item costs statements of its own");
    }

    private record Cost(CommitteeViews.Session view, List<CommitteeViews.AgendaFile> files, long statements,
                        List<String> sql) {
    }

    /** The chair's view of a session and of its files, and what reading them costs, in a transaction of its own (nothing cached). */
    private static Cost cost(long sessionId, boolean loadAgenda) throws Exception {
        SessionQuery query = CDI.current().select(SessionQuery.class).get();
        UserTransaction tx = InitialContext.doLookup("java:comp/UserTransaction");
        tx.begin();
        try {
            StatementCounter.reset(true);
            CommitteeSession s = query.session(sessionId, false);
            UserAccount chair = s.getCommittee().getMembers().stream().map(CommitteeMember::getAccount)
                    .filter(a -> a.getEmail().equals(CHAIR)).findFirst().orElseThrow();
            if (loadAgenda) {
                query.loadAgenda(s);
            }
            CommitteeViews.Session view = query.view(s, chair);
            List<CommitteeViews.AgendaFile> files = query.files(s, chair);
            return new Cost(view, files, StatementCounter.count(), StatementCounter.statements());
        } finally {
            tx.rollback();
        }
    }

    private List<JsonObject> decisionMails(String reference) throws Exception {
        HttpResponse<String> r = api.call(ADMIN, "GET", "/admin/outbox?size=200", null);
        assertEquals(200, r.statusCode(), r.body());
        return Api.json(r).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(m -> "DECISION_MADE".equals(m.getString("kind", null)) && reference.equals(m.getString("relatedId", null)))
                .toList();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private JsonObject application(String user, long id) throws Exception {
        return api.read(user, "/applications/" + id);
    }

    private JsonObject session(String user, long id) throws Exception {
        return api.read(user, "/sessions/" + id);
    }

    /** The CVL committee, read from the sessions the demo advisor sees. */
    private long committeeId() throws Exception {
        HttpResponse<String> r = api.call(ADVISOR, "GET", "/sessions?past=true", null);
        assertEquals(200, r.statusCode(), r.body());
        return Api.json(r).getJsonArray("items").getJsonObject(0).getJsonNumber("committeeId").longValue();
    }

    /** The agenda item's version, as the chair reads it before deciding. */
    private long itemVersion(long session, long item) throws Exception {
        return itemOf(session(CHAIR, session), item).getJsonNumber("version").longValue();
    }

    /** A new planned session of the CVL committee, scheduled by the advisor. */
    private long newSession() throws Exception {
        HttpResponse<String> r = api.call(ADVISOR, "POST", "/sessions", "{\"committeeId\":" + committeeId()
                + ",\"startsAt\":\"2027-01-15T14:00\",\"place\":\"Orléans\"}");
        assertEquals(201, r.statusCode(), r.body());
        JsonObject s = Api.json(r);
        assertEquals("PLANNED", s.getString("status"));
        return s.getJsonNumber("id").longValue();
    }

    /** A fresh application of porteur@, submitted, instructed by conseil@ and ready for committee. */
    private long readyApplication(String title) throws Exception {
        Filing.Analysed analysed = Filing.analysed(api, title);
        long id = analysed.id();
        HttpResponse<String> analysis = analysed.analysis();
        assertEquals(0, Api.json(analysis).getJsonArray("missing").size(), analysis.body());
        long version = application(ADVISOR, id).getJsonNumber("version").longValue();
        HttpResponse<String> ready = api.call(ADVISOR, "POST", "/applications/" + id + "/instruction/ready?version=" + version, null);
        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals("READY_FOR_COMMITTEE", Api.json(ready).getString("status"));
        return id;
    }

    /** The chair opens the session with the four members present. */
    private void openWithEveryone(long session) throws Exception {
        JsonArray members = session(CHAIR, session).getJsonArray("members");
        assertEquals(4, members.size());
        StringBuilder ids = new StringBuilder();
        for (JsonValue m : members) {
            ids.append(ids.length() == 0 ? "" : ",").append(m.asJsonObject().getJsonNumber("accountId"));
        }
        HttpResponse<String> r = api.call(CHAIR, "POST", "/sessions/" + session + "/open", "{\"present\":[" + ids + "]}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("OPEN", Api.json(r).getString("status"));
    }

    /** Each member votes for the item, and is heard. */
    private void voteFor(long session, long item, String... members) throws Exception {
        for (String m : members) {
            assertEquals(200, vote(m, session, item, "FOR").statusCode(), m);
        }
    }

    private HttpResponse<String> vote(String member, long session, long item, String choice) throws Exception {
        return api.call(member, "PUT", "/sessions/" + session + "/items/" + item + "/vote", "{\"choice\":\"" + choice + "\"}");
    }

    private HttpResponse<String> decide(long session, long item, long version, String fields) throws Exception {
        return api.call(CHAIR, "POST", "/sessions/" + session + "/items/" + item + "/decision",
                "{\"version\":" + version + "," + fields + "}");
    }

}
