package fr.essor.web.it;

import static fr.essor.web.it.Fixtures.ADMIN;
import static fr.essor.web.it.Fixtures.ADVISOR;
import static fr.essor.web.it.Fixtures.CHAIR;
import static fr.essor.web.it.Fixtures.COMPLETE;
import static fr.essor.web.it.Fixtures.M1;
import static fr.essor.web.it.Fixtures.M3;
import static fr.essor.web.it.Fixtures.PARTNER_BDT;
import static fr.essor.web.it.Fixtures.PDF;
import static fr.essor.web.it.Fixtures.PORTEUR;
import static fr.essor.web.it.Fixtures.PORTEUR2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 5, against the real database: each role's inbox is computed from the data (an item
 * comes when something waits for the person and goes when it is done), marked as seen item by item
 * with the header's count going down, paged in SQL; the daily digest goes to all who did not switch it off,
 * once per person and day even when two runs race (the claim row), through the outbox and a real SMTP
 * server (GreenMail on {@code essor.it.smtp.port}).
 */
class InboxIT extends OnTheBuiltWar {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Set<String> VOLATILE = Set.of("outbox_message", "audit_event", "audit_chain_head");

    private static GreenMail smtp;

    InboxIT() {
        super(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopSmtpServer() {
        smtp = Smtp.stop(smtp);
    }

    // ---- what each role sees, computed from the data -----------------------------------------------

    @Test
    void aFileTravelsFromInboxToInboxAsItWaitsForTheAdvisorThenTheApplicantThenTheAdvisor() throws Exception {
        long app = submitted("Boîte de réception : aller-retour");
        String toInstruct = "FILE_TO_INSTRUCT:" + app;
        assertTrue(keys(ADVISOR).contains(toInstruct), "a submitted file waits for the advisor");
        assertFalse(keys(PORTEUR).stream().anyMatch(k -> k.startsWith("FILE_TO_INSTRUCT")), "not for its applicant");
        JsonObject item = item(ADVISOR, toInstruct);
        assertEquals("/advisor/file.xhtml?id=" + app, item.getString("page"));
        assertFalse(item.getBoolean("seen"));
        assertEquals("Boîte de réception : aller-retour", item.getString("label"));

        long version = api.read(ADVISOR, "/applications/" + app).getJsonNumber("version").longValue();
        assertEquals(200, api.call(ADVISOR, "POST", "/applications/" + app + "/review?version=" + version, null).statusCode());
        assertFalse(keys(ADVISOR).contains(toInstruct), "taken in review: nothing left to do, the item is gone");

        version = api.read(ADVISOR, "/applications/" + app).getJsonNumber("version").longValue();
        HttpResponse<String> asked = api.call(ADVISOR, "POST", "/applications/" + app + "/information-requests?version=" + version,
                "{\"question\":\"Pouvez-vous joindre le devis du four ?\"}");
        assertEquals(200, asked.statusCode(), asked.body());
        JsonObject question = porteurItem(app, "INFORMATION_REQUESTED");
        assertEquals("Pouvez-vous joindre le devis du four ?", question.getString("detail"));
        assertEquals("/entrepreneur/file.xhtml?id=" + app, question.getString("page"));
        assertFalse(keys(PORTEUR2).contains(question.getString("key")), "another entrepreneur never sees it");

        version = Api.json(asked).getJsonNumber("version").longValue();
        HttpResponse<String> answered = api.call(PORTEUR, "POST", "/applications/" + app + "/answer?version=" + version,
                "{\"answer\":\"Le voici.\"}");
        assertEquals(200, answered.statusCode(), answered.body());
        assertFalse(keys(PORTEUR).contains(question.getString("key")), "answered: gone from the applicant's inbox");
        assertTrue(keys(ADVISOR).stream().anyMatch(k -> k.startsWith("ANSWER_RECEIVED:" + app + ":")),
                "the advisor is told when the applicant answers: " + keys(ADVISOR));

        // a new question is a new item, unseen even if the first one was seen
        version = Api.json(answered).getJsonNumber("version").longValue();
        assertEquals(200, api.call(ADVISOR, "POST", "/applications/" + app + "/information-requests?version=" + version,
                "{\"question\":\"Et le plan de trésorerie ?\"}").statusCode());
        JsonObject second = porteurItem(app, "INFORMATION_REQUESTED");
        assertFalse(second.getString("key").equals(question.getString("key")), "each request has its own key");
        assertEquals("Et le plan de trésorerie ?", second.getString("detail"));

        // a partner has nothing to act on (the issue names no item for him): an empty inbox, no error
        HttpResponse<String> partner = api.call(PARTNER_BDT, "GET", "/inbox", null);
        assertEquals(200, partner.statusCode(), partner.body());
        assertEquals(0, Api.array(partner).size());
        assertEquals(0, api.read(PARTNER_BDT, "/inbox/count").getJsonNumber("total").longValue());
    }

    @Test
    void conditionsApprovalsConvocationsAndVotesReachThePeopleWhoMustAct() throws Exception {
        DataSource ds = Sql.ds();
        // committee: a convened session of today's or later, then an open one where M3, present, has not voted
        Filing.Sitting s = Filing.sitting(api, "Boîte de réception : comité");
        assertTrue(keys(M3).contains("VOTE_TO_CAST:" + s.item()), "present, not conflicted, not voted: " + keys(M3));
        assertFalse(keys(CHAIR).contains("VOTE_TO_CAST:" + s.item()), "the chair has voted");
        assertEquals("/committee/session.xhtml?id=" + s.session(), item(M3, "VOTE_TO_CAST:" + s.item()).getString("page"));
        long planned = plannedSession();
        long waiting = Filing.ready(api, "Boîte de réception : convocation");
        assertEquals(200, api.call(ADVISOR, "POST", "/sessions/" + planned + "/items", "{\"applicationId\":" + waiting + "}")
                .statusCode());
        assertFalse(keys(M1).contains("SESSION_CONVENED:" + planned), "not before the convocation");
        HttpResponse<String> convened = api.call(ADVISOR, "POST", "/sessions/" + planned + "/convocations", null);
        assertEquals(200, convened.statusCode(), convened.body());
        assertTrue(keys(M1).contains("SESSION_CONVENED:" + planned), keys(M1).toString());
        assertFalse(keys(PORTEUR).contains("SESSION_CONVENED:" + planned));

        // the approval with two conditions: the document to upload and the co-financing to obtain, once the session is closed
        String conditions = "[" + condition("DOCUMENT", "Kbis de moins de trois mois", 20) + ","
                + condition("CO_FINANCING", "Accord de la région", 10) + "]";
        HttpResponse<String> decided = Filing.approveHonourLoan(api, s, conditions);
        assertEquals(200, decided.statusCode(), decided.body());
        assertFalse(keys(M3).contains("VOTE_TO_CAST:" + s.item()), "decided: no vote left to cast");
        long kbis = Sql.count(ds, "SELECT c.id FROM decision_condition c JOIN decision d ON d.id = c.decision_id"
                + " WHERE d.application_id = ? AND c.kind = 'DOCUMENT'", s.app());
        long region = Sql.count(ds, "SELECT c.id FROM decision_condition c JOIN decision d ON d.id = c.decision_id"
                + " WHERE d.application_id = ? AND c.kind = 'CO_FINANCING'", s.app());
        assertFalse(keys(PORTEUR).stream().anyMatch(k -> k.startsWith("DOCUMENT_TO_UPLOAD:" + kbis + ":")),
                "not before the decision is final");
        assertEquals(200, api.call(CHAIR, "POST", "/sessions/" + s.session() + "/close", null).statusCode());
        assertTrue(keys(PORTEUR).stream().anyMatch(k -> k.startsWith("DOCUMENT_TO_UPLOAD:" + kbis + ":")), keys(PORTEUR).toString());
        assertTrue(keys(PORTEUR).stream().anyMatch(k -> k.startsWith("CONDITION_TO_MEET:" + region + ":")), keys(PORTEUR).toString());

        // provided: it leaves the applicant's inbox and waits for the advisor
        assertEquals(200, api.upload(PORTEUR, "/conditions/" + kbis + "/document", "kbis.pdf", PDF).statusCode());
        assertFalse(keys(PORTEUR).stream().anyMatch(k -> k.startsWith("DOCUMENT_TO_UPLOAD:" + kbis + ":")));
        assertTrue(keys(ADVISOR).stream().anyMatch(k -> k.startsWith("CONDITION_TO_CHECK:" + kbis + ":")), keys(ADVISOR).toString());
        assertFalse(keys(PORTEUR2).stream().anyMatch(k -> k.contains(":" + kbis + ":")));
        // refused with a reason: back to the applicant, as a new item carrying the reason
        assertEquals(200, api.call(ADVISOR, "POST", "/conditions/" + kbis + "/refuse", "{\"comment\":\"Kbis trop ancien\"}")
                .statusCode());
        JsonObject again = porteurItem(s.app(), "DOCUMENT_TO_UPLOAD");
        assertEquals("Kbis trop ancien", again.getString("detail"));
        assertFalse(keys(ADVISOR).stream().anyMatch(k -> k.startsWith("CONDITION_TO_CHECK:" + kbis + ":")));

        // overdue: a condition whose day has passed (moved back in the database: the API refuses a past day)
        Sql.update(ds, "UPDATE decision_condition SET due_date = ? WHERE id = ?", today().minusDays(2), region);
        JsonObject overdue = item(ADVISOR, "CONDITION_OVERDUE:" + region);
        assertEquals(today().minusDays(2).toString(), overdue.getString("dueOn"));
        assertEquals("Accord de la région", overdue.getString("label"));

        // four eyes: the demo's disbursement proposed by the advisor waits for the admin, never for its proposer
        long proposal = Sql.count(ds, "SELECT MIN(id) FROM money_proposal WHERE status = 'PROPOSED'");
        assertTrue(keys(ADMIN).contains("APPROVAL_WAITING:" + proposal), keys(ADMIN).toString());
        assertFalse(keys(ADVISOR).contains("APPROVAL_WAITING:" + proposal), "the proposer may not approve");
        JsonObject approval = item(ADMIN, "APPROVAL_WAITING:" + proposal);
        assertEquals("12000.00", approval.getString("amount"));
        assertEquals("/admin/approvals.xhtml", approval.getString("page"));
    }

    // ---- seen, counts, pages ------------------------------------------------------------------------

    @Test
    void markingAnItemSeenCountsItDownOnceAndOnlyItsOwnerMayMarkIt() throws Exception {
        DataSource ds = Sql.ds();
        long app = submitted("Boîte de réception : vu");
        String key = "FILE_TO_INSTRUCT:" + app;
        JsonObject before = api.read(ADVISOR, "/inbox/count");
        assertTrue(before.getJsonNumber("unseen").longValue() >= 1, before.toString());

        // another's item, an unknown one: 404, nothing stored
        TableHashes hashes = TableHashes.of(ds);
        HttpResponse<String> porteur = api.call(PORTEUR, "POST", "/inbox/seen", "{\"key\":\"" + key + "\"}");
        assertEquals(404, porteur.statusCode(), porteur.body());
        HttpResponse<String> bad = api.call(ADVISOR, "POST", "/inbox/seen", "{\"key\":\"FILE_TO_INSTRUCT\"}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals("key", Api.json(bad).getString("field"));
        assertEquals(List.of(), hashes.differences(TableHashes.of(ds), VOLATILE));

        HttpResponse<String> seen = api.call(ADVISOR, "POST", "/inbox/seen", "{\"key\":\"" + key + "\"}");
        assertEquals(200, seen.statusCode(), seen.body());
        JsonObject after = Api.json(seen);
        assertEquals(before.getJsonNumber("total").longValue(), after.getJsonNumber("total").longValue(), "still there");
        assertEquals(before.getJsonNumber("unseen").longValue() - 1, after.getJsonNumber("unseen").longValue(), "one fewer unseen");
        assertTrue(item(ADVISOR, key).getBoolean("seen"));
        HttpResponse<String> unseenOnly = api.call(ADVISOR, "GET", "/inbox?unseen=true&size=200", null);
        assertFalse(unseenOnly.body().contains("\"" + key + "\""), "left out of the unseen items");
        assertEquals(1, Sql.count(ds, "SELECT COUNT(*) FROM inbox_seen s JOIN user_account u ON u.id = s.account_id"
                + " WHERE u.email = ? AND s.item_key = ?", ADVISOR, key));
        assertEquals(1, Sql.count(ds, "SELECT COUNT(*) FROM audit_event WHERE action = 'INBOX_SEEN' AND summary LIKE ?",
                "%" + key + "%"));

        // twice: the same answer, nothing more stored
        assertEquals(200, api.call(ADVISOR, "POST", "/inbox/seen", "{\"key\":\"" + key + "\"}").statusCode());
        assertEquals(1, Sql.count(ds, "SELECT COUNT(*) FROM inbox_seen WHERE item_key = ?", key));
        assertEquals(after.getJsonNumber("unseen").longValue(), api.read(ADVISOR, "/inbox/count").getJsonNumber("unseen").longValue());

        // the header of every page shows the count, and the inbox page lists the item with its link
        String cookie = pages.login(ADVISOR);
        String page = pages.get(cookie, "/advisor/index.xhtml").body();
        assertTrue(page.contains("id=\"inbox-count\"") && page.contains(">" + after.getJsonNumber("unseen").longValue() + "</span>"),
                "the header's count");
        String inbox = pages.get(cookie, "/account/inbox.xhtml?unseen=false").body();
        assertTrue(inbox.contains("/advisor/file.xhtml?id=" + app) && inbox.contains("Boîte de réception : vu"), "the item's link");
    }

    @Test
    void theInboxIsPagedInSqlAndItsTotalIsInTheHeader() throws Exception {
        for (int i = 0; i < 3; i++) {
            submitted("Boîte de réception : page " + i);
        }
        long total = api.read(ADVISOR, "/inbox/count").getJsonNumber("total").longValue();
        assertTrue(total >= 3, "total " + total);
        List<String> all = new ArrayList<>();
        for (int page = 0; page * 2 < total; page++) {
            HttpResponse<String> r = api.call(ADVISOR, "GET", "/inbox?size=2&page=" + page, null);
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(String.valueOf(total), r.headers().firstValue("X-Total-Count").orElse(""));
            List<JsonObject> items = Api.array(r).getValuesAs(JsonObject.class);
            assertTrue(items.size() <= 2);
            items.forEach(o -> all.add(o.getString("key")));
        }
        assertEquals(total, all.size(), "every item once over the pages");
        assertEquals(total, all.stream().distinct().count(), "no item twice: " + all);
    }

    // ---- the daily digest -----------------------------------------------------------------------------

    @Test
    void theDailyDigestGoesOncePerPersonAndDayToEveryoneWhoDidNotSwitchItOffEvenWhenTwoRunsRace() throws Exception {
        DataSource ds = Sql.ds();
        if (smtp == null) {
            smtp = Smtp.start();
        }
        submitted("Boîte de réception : récapitulatif");
        assertTrue(api.read(ADVISOR, "/inbox/digest").getBoolean("daily"), "everyone receives it until they switch it off");
        HttpResponse<String> off = api.call(PORTEUR2, "PUT", "/inbox/digest", "{\"daily\":false}");
        assertEquals(200, off.statusCode(), off.body());
        assertFalse(Api.json(off).getBoolean("daily"));
        assertEquals(200, api.call(CHAIR, "PUT", "/inbox/digest", "{\"daily\":false}").statusCode());
        assertEquals(200, api.call(CHAIR, "PUT", "/inbox/digest", "{\"daily\":true}").statusCode());
        assertEquals(200, api.call(ADVISOR, "PUT", "/inbox/digest", "{\"daily\":true}").statusCode());
        assertEquals(3, Sql.count(ds, "SELECT COUNT(*) FROM audit_event WHERE action = 'INBOX_DIGEST_CHANGED'"),
                "off, off, on again; the advisor's on changed nothing");
        assertEquals(1, Sql.count(ds, "SELECT COUNT(*) FROM mail_opt_out WHERE kind = 'INBOX_DIGEST'"), "only the one still off");
        // a mail preference like the others: listed, optional, off for him
        HttpResponse<String> prefs = api.call(PORTEUR2, "GET", "/me/mail-preferences", null);
        assertEquals(200, prefs.statusCode(), prefs.body());
        JsonObject digestPref = Api.array(prefs).getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("kind").equals("INBOX_DIGEST")).findFirst().orElseThrow();
        assertTrue(digestPref.getBoolean("optional"));
        assertFalse(digestPref.getBoolean("receive"));
        long recipients = Sql.count(ds, "SELECT COUNT(*) FROM user_account WHERE active = TRUE") - 1;

        // two servers' timers at once: two runs of the same day in parallel
        String day = today().toString();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit((Callable<HttpResponse<String>>) () -> {
                start.await();
                return api.call(ADMIN, "POST", "/inbox/digest/runs", "{\"date\":\"" + day + "\"}");
            }));
        }
        start.countDown();
        int sent = 0;
        for (Future<HttpResponse<String>> f : runs) {
            HttpResponse<String> r = f.get();
            assertEquals(200, r.statusCode(), r.body());
            JsonObject run = Api.json(r);
            assertEquals(day, run.getString("date"));
            assertEquals(recipients, run.getInt("recipients"), "every active account but the one switched off: " + run);
            assertEquals(0, run.getInt("failed"), run.toString());
            assertEquals(recipients, run.getInt("sent") + run.getInt("empty") + run.getInt("alreadySent"), run.toString());
            sent += run.getInt("sent");
        }
        pool.shutdown();
        long advisorUnseen = api.read(ADVISOR, "/inbox/count").getJsonNumber("unseen").longValue();
        long chairUnseen = api.read(CHAIR, "/inbox/count").getJsonNumber("unseen").longValue();
        assertTrue(advisorUnseen > 0);
        long digests = Sql.count(ds, "SELECT COUNT(*) FROM outbox_message WHERE kind = 'INBOX_DIGEST'");
        assertEquals(digests, sent, "each digest queued by one run only");
        assertEquals(digests, Sql.count(ds, "SELECT COUNT(DISTINCT recipient) FROM outbox_message WHERE kind = 'INBOX_DIGEST'"),
                "one digest per person");
        assertEquals(digests, Sql.count(ds, "SELECT COUNT(*) FROM inbox_digest_run WHERE digest_date = ?", today()),
                "a claim per digest, none for those with nothing unseen");
        String toPerson = "SELECT COUNT(*) FROM outbox_message WHERE kind = 'INBOX_DIGEST' AND recipient = ?";
        assertEquals(1, Sql.count(ds, toPerson, ADVISOR));
        assertEquals(chairUnseen > 0 ? 1 : 0, Sql.count(ds, toPerson, CHAIR), "switched on again: as everybody");
        assertEquals(0, Sql.count(ds, toPerson, PORTEUR2), "switched off: no digest");

        // a later run of the same day sends nothing more
        HttpResponse<String> later = api.call(ADMIN, "POST", "/inbox/digest/runs", "{\"date\":\"" + day + "\"}");
        assertEquals(200, later.statusCode(), later.body());
        JsonObject third = Api.json(later);
        assertEquals(0, third.getInt("sent"), third.toString());
        assertEquals(digests, third.getInt("alreadySent"), third.toString());

        // it arrives by SMTP, in the advisor's language, listing his items with their links
        MimeMessage mail = waitFor("the advisor's digest", () -> received(ADVISOR, "Essor : "));
        assertEquals("Essor : " + advisorUnseen + " élément(s) attendent votre action", mail.getSubject());
        String body = String.valueOf(mail.getContent());
        assertTrue(body.contains("Dossier à instruire") && body.contains("Boîte de réception : récapitulatif"), body);
        assertTrue(body.contains("/account/inbox.xhtml") && body.contains("/account/my-data.xhtml"), body);
        assertEquals(1, Arrays.stream(smtp.getReceivedMessages()).filter(m -> Smtp.addressedTo(m, ADVISOR))
                .filter(m -> subject(m).startsWith("Essor : ")).count(), "exactly one digest");
        assertTrue(received(PORTEUR2, "Essor : ").isEmpty(), "stopped: no digest");
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    private List<String> keys(String user) throws Exception {
        HttpResponse<String> r = api.call(user, "GET", "/inbox?size=200", null);
        assertEquals(200, r.statusCode(), r.body());
        return Api.array(r).getValuesAs(JsonObject.class).stream().map(o -> o.getString("key")).toList();
    }

    private JsonObject item(String user, String key) throws Exception {
        HttpResponse<String> r = api.call(user, "GET", "/inbox?size=200", null);
        assertEquals(200, r.statusCode(), r.body());
        return Api.array(r).getValuesAs(JsonObject.class).stream().filter(o -> o.getString("key").equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError(key + " not in the inbox of " + user + ": " + r.body()));
    }

    private JsonObject porteurItem(long app, String kind) throws Exception {
        HttpResponse<String> r = api.call(PORTEUR, "GET", "/inbox?size=200", null);
        assertEquals(200, r.statusCode(), r.body());
        return Api.array(r).getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("kind").equals(kind) && o.getJsonNumber("subjectId").longValue() == app).findFirst()
                .orElseThrow(() -> new AssertionError(kind + " of " + app + " not in the applicant's inbox: " + r.body()));
    }

    /** A fresh complete application of porteur@, submitted (not yet in review). */
    private long submitted(String title) throws Exception {
        long enterprise = Api.array(api.call(PORTEUR, "GET", "/enterprises/mine", null).body()).getJsonObject(0)
                .getJsonNumber("id").longValue();
        HttpResponse<String> created = api.call(PORTEUR, "POST", "/applications",
                "{\"enterpriseId\":" + enterprise + ",\"title\":\"" + title + "\",\"stage\":\"CREATION\"}");
        assertEquals(201, created.statusCode(), created.body());
        long id = Api.json(created).getJsonNumber("id").longValue();
        HttpResponse<String> put = api.call(PORTEUR, "PUT", "/applications/" + id,
                "{\"version\":" + Api.json(created).getJsonNumber("version") + "," + COMPLETE + "}");
        assertEquals(200, put.statusCode(), put.body());
        assertEquals(201, api.upload(PORTEUR, "/applications/" + id + "/documents?kind=BUSINESS_PLAN", "plan.pdf", PDF).statusCode());
        HttpResponse<String> submitted = api.call(PORTEUR, "POST", "/applications/" + id + "/submit", null);
        assertEquals(200, submitted.statusCode(), submitted.body());
        return id;
    }

    private static String condition(String kind, String text, int dueInDays) {
        return "{\"kind\":\"" + kind + "\",\"text\":\"" + text + "\",\"dueDate\":\"" + today().plusDays(dueInDays) + "\"}";
    }

    /** A new session of the CVL committee in two days, with nothing on its agenda. */
    private long plannedSession() throws Exception {
        long committee = Sql.count(Sql.ds(), "SELECT MIN(id) FROM committee WHERE name = 'Comité d''engagement Centre-Val de Loire'");
        HttpResponse<String> created = api.call(ADVISOR, "POST", "/sessions", "{\"committeeId\":" + committee
                + ",\"startsAt\":\"" + today().plusDays(2) + "T14:00\",\"place\":\"Blois\"}");
        assertEquals(201, created.statusCode(), created.body());
        return Api.json(created).getJsonNumber("id").longValue();
    }

    private static Optional<MimeMessage> received(String email, String subjectStart) {
        if (smtp == null) {
            return Optional.empty();
        }
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> Smtp.addressedTo(m, email))
                .filter(m -> subject(m).startsWith(subjectStart)).findFirst();
    }

    private static String subject(MimeMessage m) {
        try {
            return String.valueOf(m.getSubject());
        } catch (MessagingException e) {
            return "";
        }
    }

    private <T> T waitFor(String what, Supplier<Optional<T>> condition) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = condition.get();
            if (value.isPresent()) {
                return value.get();
            }
            api.call(ADMIN, "POST", "/admin/outbox/send", null);
            Thread.sleep(250);
        }
        fail("Waited " + WAIT.toSeconds() + " s for " + what);
        return null;
    }
}
