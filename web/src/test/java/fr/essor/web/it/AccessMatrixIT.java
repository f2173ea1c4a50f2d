package fr.essor.web.it;

import static fr.essor.web.it.Fixtures.PDF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 7, part 1: who may reach which record. Every role (anonymous, the two entrepreneurs, an
 * entrepreneur, an advisor and a committee chair of another association, the CVL advisor and
 * chair, the two partners, the national administrator) tries every REST endpoint, every page that
 * shows a record ({@code ?id=}) and every file under {@code /files/}, on records of the CVL demo
 * and of another association created here. The expected answer is written in one table: the
 * actors that may see each record; everyone else must get 401/403/404 or the login page and never
 * the record. Lists may answer 200 but must not hold another's record. Writes are tried by those
 * who may not write only, and the database must be unchanged after them (every table counted and
 * hashed). Every leak, and every owner refused, is listed before the test fails.
 *
 * <p>The test runs inside the server to read ids and create the other association with JDBC (no
 * API creates associations or committees); every request to Essor goes over HTTP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessMatrixIT extends OnTheBuiltWar {

    /** Who asks. The other association's people are created by the test, the others are the demo's. */
    enum Actor {
        ANONYMOUS(null), PORTEUR("porteur@demo.essor"), PORTEUR2("porteur2@demo.essor"), PORTEUR_B(null),
        ADVISOR("conseil@demo.essor"), ADVISOR_B(null), CHAIR("comite@demo.essor"), MEMBER_B(null),
        BDT("partenaire@demo.essor"), REGION("region@demo.essor"), ADMIN("admin@demo.essor"),
        /** The CVL advisor's page session cookie sent to the API without credentials: the API must ignore it. */
        ADVISOR_COOKIE_ON_API(null);

        final String demoEmail;

        Actor(String demoEmail) {
            this.demoEmail = demoEmail;
        }
    }

    private enum Kind { API, PAGE, FILE }

    /**
     * One row of the matrix: a request on a record and the actors allowed to see it. {@code list}:
     * others may get 200 as long as the marker is absent. {@code write}: only the others try it.
     */
    private record Row(Kind kind, String method, String path, String body, Set<Actor> allowed, String marker, boolean list,
                       boolean write) {
    }

    private static final Set<Actor> NOBODY = EnumSet.noneOf(Actor.class);
    private static final int YEAR = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final String COMPLETE = "\"description\":\"Un atelier\",\"territory\":\"Quimper\","
            + "\"lines\":[{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"8000.00\",\"durationMonths\":60}],"
            + "\"plan\":[{\"kind\":\"USE\",\"label\":\"Matériel\",\"amount\":\"8000.00\"},"
            + "{\"kind\":\"SOURCE\",\"label\":\"Prêt d'honneur\",\"amount\":\"8000.00\"}],"
            + "\"impact\":{\"jobsCreated\":\"2\",\"jobsMaintained\":\"1\",\"beneficiaries\":50,\"socialUtility\":\"Réemploi\"}";
    private static final String ANALYSIS = "{\"scores\":{\"SOCIAL_UTILITY\":4,\"ECONOMIC_VIABILITY\":3,\"TEAM\":4,"
            + "\"FINANCIAL_STRUCTURE\":3,\"TERRITORIAL_ANCHORING\":5},\"strengths\":\"Équipe\",\"risks\":\"Trésorerie\","
            + "\"recommendation\":\"Favorable\",\"proposedLines\":[{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"8000.00\","
            + "\"durationMonths\":60}]}";

    /** Tables that background work may change while the test runs (mail timer, audit of sign-ins). */
    private static final Set<String> VOLATILE = Set.of("outbox_message", "audit_event", "audit_chain_head");

    private final Map<Actor, String> emails = new EnumMap<>(Actor.class);
    private final Map<Actor, String> cookies = new EnumMap<>(Actor.class);

    AccessMatrixIT() {
        super(Duration.ofSeconds(60));
    }


    @Test
    @Order(1)
    void everyRoleReachesOnlyTheRecordsItMaySeeThroughTheApiPagesAndFiles() throws Exception {
        DataSource ds = Sql.ds();
        for (Actor a : Actor.values()) {
            if (a.demoEmail != null) {
                emails.put(a, a.demoEmail);
            }
        }
        Other other = otherAssociation(ds);
        Demo d = demo(ds);

        for (Actor a : Actor.values()) {
            if (emails.containsKey(a)) {
                cookies.put(a, pages.login(emails.get(a)));
            }
        }
        cookies.put(Actor.ADVISOR_COOKIE_ON_API, cookies.get(Actor.ADVISOR));

        List<Row> reads = readRows(d, other);
        List<Row> writes = writeRows(d, other);
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (Row row : reads) {
            tried += run(row, failures);
        }
        tried += networkReportOfAnAdvisorIsTheirAssociations(other, failures);
        TableHashes before = TableHashes.of(ds);
        int triedWrites = 0;
        for (Row row : writes) {
            triedWrites += run(row, failures);
        }
        TableHashes after = TableHashes.of(ds);
        List<String> changed = before.differences(after, VOLATILE);
        List<String> report = new ArrayList<>();
        report.add("Access matrix: " + (tried + triedWrites) + " cases tried (" + tried + " reads over "
                + reads.size() + " requests, " + triedWrites + " refused writes over " + writes.size() + " requests, "
                + Actor.values().length + " actors); " + failures.size() + " failure(s); tables changed by refused writes: "
                + changed.size() + " of " + after.tables().size());
        failures.forEach(f -> report.add("  ACCESS MATRIX FAILURE " + f));
        ItReport.write(base, "AccessMatrixIT", report);
        assertTrue(failures.isEmpty(), failures.size() + " access matrix failure(s):\n" + String.join("\n", failures));
        assertEquals(List.of(), changed, "refused writes must store nothing");
        assertTrue(tried + triedWrites > 500, "the matrix tried too few cases: " + (tried + triedWrites));
    }

    /** Prints the matrix's figures (and failures) in the build output; the matrix runs inside the server. */
    @Test
    @Order(2)
    void printsTheNumberOfCasesTried() throws Exception {
        List<String> lines = ItReport.print(base, "AccessMatrixIT");
        assertTrue(lines.get(0).startsWith("Access matrix: "), lines.toString());
    }

    // ---- the table -------------------------------------------------------------------------------------

    private List<Row> readRows(Demo d, Other o) {
        List<Row> rows = new ArrayList<>();
        Set<Actor> cvlStaff = EnumSet.of(Actor.ADVISOR, Actor.ADMIN);
        Set<Actor> otherStaff = EnumSet.of(Actor.ADVISOR_B, Actor.ADMIN);
        // applications and what hangs from them
        rows.add(api("GET", "/applications/" + d.submitted, plus(cvlStaff, Actor.PORTEUR), d.submittedRef));
        rows.add(api("GET", "/applications/" + d.velo, plus(cvlStaff, Actor.PORTEUR2), d.veloRef));
        // a draft is the applicant's own until submitted (issue 18): staff do not see it either
        rows.add(api("GET", "/applications/" + d.draft, EnumSet.of(Actor.PORTEUR), d.draftRef));
        rows.add(api("GET", "/applications/" + d.onAgenda, plus(cvlStaff, Actor.PORTEUR, Actor.CHAIR), d.onAgendaRef));
        rows.add(api("GET", "/applications/" + o.application, plus(otherStaff, Actor.PORTEUR_B, Actor.MEMBER_B), o.reference));
        rows.add(api("GET", "/applications/" + d.epicerie + "/decision-letter", plus(cvlStaff, Actor.PORTEUR, Actor.CHAIR), null));
        rows.add(api("GET", "/applications/" + d.cargo + "/decision-letter", plus(cvlStaff, Actor.PORTEUR2, Actor.CHAIR), null));
        rows.add(api("GET", "/applications/" + d.onAgenda + "/instruction/analysis", plus(cvlStaff, Actor.CHAIR), "SOCIAL_UTILITY"));
        rows.add(api("GET", "/applications/" + o.application + "/instruction/analysis", plus(otherStaff, Actor.MEMBER_B),
                "SOCIAL_UTILITY"));
        // lists: 200 for many, but never with another's record
        rows.add(list("/applications?size=100&q=" + o.reference, otherStaff, o.reference));
        rows.add(list("/applications?size=100&q=" + d.submittedRef, cvlStaff, d.submittedRef));
        rows.add(list("/applications/mine", EnumSet.of(Actor.PORTEUR_B), o.reference));
        rows.add(list("/applications/mine", EnumSet.of(Actor.PORTEUR), d.submittedRef));
        rows.add(list("/enterprises/mine", EnumSet.of(Actor.PORTEUR_B), o.enterpriseName));
        rows.add(api("GET", "/enterprises/" + d.fabrique + "/co-owners", EnumSet.of(Actor.PORTEUR), "porteur@demo.essor"));
        rows.add(api("GET", "/enterprises/" + o.enterprise + "/co-owners", EnumSet.of(Actor.PORTEUR_B), o.enterpriseName));
        rows.add(page("/entrepreneur/owners.xhtml?id=" + d.fabrique, EnumSet.of(Actor.PORTEUR), "porteur@demo.essor"));
        rows.add(page("/entrepreneur/owners.xhtml?id=" + o.enterprise, EnumSet.of(Actor.PORTEUR_B), o.enterpriseName));
        rows.add(list("/enterprises/mine", EnumSet.of(Actor.PORTEUR2), "Coop"));
        rows.add(list("/sessions", plus(otherStaff, Actor.MEMBER_B), o.place));
        rows.add(list("/sessions?past=true", plus(cvlStaff, Actor.CHAIR), "Maison de l"));
        rows.add(list("/conventions?size=200", plus(otherStaff, Actor.BDT), o.conventionRef));
        rows.add(list("/conventions?size=200", plus(cvlStaff, Actor.REGION), d.regionRef));
        rows.add(list("/decision-lines?size=200", cvlStaff, d.epicerieRef));
        rows.add(list("/advisors", otherStaff, o.advisorName));
        // each advisor's exposure is their association's: 200 for every advisor (the demo holds no guarantee allocation)
        rows.add(list("/allocations/exposure", EnumSet.of(Actor.ADVISOR, Actor.ADVISOR_B, Actor.ADMIN), null));
        rows.add(api("GET", "/admin/outbox", EnumSet.of(Actor.ADMIN), null));
        // personal data (issue 16): the rules, the job's preview, erasure requests, the register
        rows.add(api("GET", "/admin/retention/rules", EnumSet.of(Actor.ADMIN), "FINANCED_FILE"));
        rows.add(api("GET", "/admin/retention/preview", EnumSet.of(Actor.ADMIN), null));
        rows.add(api("GET", "/admin/erasure-requests", EnumSet.of(Actor.ADMIN), null));
        rows.add(api("GET", "/admin/register", EnumSet.of(Actor.ADMIN), "APPLICATIONS"));
        rows.add(api("GET", "/admin/register/pdf", EnumSet.of(Actor.ADMIN), null));
        rows.add(api("GET", "/me/erasure", NOBODY, null));
        rows.add(api("GET", "/indicators?association=" + o.code + "&year=" + YEAR, plus(otherStaff, Actor.BDT), o.code));
        rows.add(api("GET", "/indicators?association=CVL&year=" + YEAR, plus(cvlStaff, Actor.BDT, Actor.REGION), "CVL"));
        rows.add(api("GET", "/indicators?year=" + YEAR, EnumSet.of(Actor.ADMIN, Actor.ADVISOR, Actor.ADVISOR_B), null));
        // figs (issue 12, part 4): the national figures are the national administrator's alone
        rows.add(api("GET", "/indicators/associations?year=2021", EnumSet.of(Actor.ADMIN), "\"network\""));
        rows.add(api("GET", "/indicators/years?from=2017&to=2026", EnumSet.of(Actor.ADMIN), "\"years\""));
        rows.add(api("GET", "/indicators/closings", EnumSet.of(Actor.ADMIN), "\"items\""));
        rows.add(page("/admin/figures.xhtml", EnumSet.of(Actor.ADMIN), "by-association"));
        rows.add(file("/files/national/2021.csv", EnumSet.of(Actor.ADMIN)));
        rows.add(file("/files/national/trend/2017-2026.xlsx", EnumSet.of(Actor.ADMIN)));
        // committees
        rows.add(api("GET", "/sessions/" + d.closedSession, plus(cvlStaff, Actor.CHAIR), d.epicerieRef));
        rows.add(api("GET", "/sessions/" + d.closedSession + "/minutes", plus(cvlStaff, Actor.CHAIR), null));
        rows.add(api("GET", "/sessions/" + d.plannedSession, plus(cvlStaff, Actor.CHAIR), d.onAgendaRef));
        rows.add(api("GET", "/sessions/" + o.session, plus(otherStaff, Actor.MEMBER_B), o.reference));
        // support records
        rows.add(api("GET", "/enterprises/" + d.fabrique + "/support-records", cvlStaff, "recyclerie"));
        rows.add(api("GET", "/enterprises/" + d.fabrique + "/support-records/" + d.fabriqueSupport, cvlStaff, "recyclerie"));
        rows.add(api("GET", "/enterprises/" + o.enterprise + "/support-records", otherStaff, o.supportNotes));
        rows.add(api("GET", "/enterprises/" + o.enterprise + "/support-records/" + o.support, otherStaff, o.supportNotes));
        rows.add(api("GET", "/enterprises/" + o.enterprise + "/support-records/" + d.fabriqueSupport, NOBODY, "recyclerie"));
        // conventions and their money: a partner its own, staff their association's
        Set<Actor> bdtLoans = plus(cvlStaff, Actor.BDT);
        for (String sub : List.of("", "/allocations", "/breakdowns/INSTRUMENT", "/breakdowns/DEPARTMENT", "/consumption",
                "/funded", "/funded/export?format=csv", "/report?year=" + YEAR)) {
            rows.add(api("GET", "/conventions/" + d.bdtLoans + sub, bdtLoans, sub.isEmpty() ? d.bdtLoansRef : null));
        }
        rows.add(api("GET", "/conventions/" + d.regionFund, plus(cvlStaff, Actor.REGION), d.regionRef));
        rows.add(api("GET", "/conventions/" + d.regionFund + "/funded", plus(cvlStaff, Actor.REGION), null));
        rows.add(api("GET", "/conventions/" + o.convention, plus(otherStaff, Actor.BDT), o.conventionRef));
        rows.add(api("GET", "/conventions/" + o.convention + "/allocations", plus(otherStaff, Actor.BDT), null));
        rows.add(api("GET", "/allocations/" + d.loan, bdtLoans, null));
        rows.add(api("GET", "/allocations/" + d.loan + "/instalments", bdtLoans, null));
        // loans (issue 14): the products to staff and partners; a loan's schedules and repayments as its allocation
        rows.add(list("/loan-products", EnumSet.of(Actor.ADVISOR, Actor.ADVISOR_B, Actor.ADMIN, Actor.BDT, Actor.REGION), null));
        rows.add(api("GET", "/loans/" + d.loan, bdtLoans, null));
        rows.add(api("GET", "/loans/" + d.loan + "/schedule", bdtLoans, null));
        rows.add(api("GET", "/loans/" + d.loan + "/schedules", bdtLoans, null));
        rows.add(api("GET", "/loans/" + d.loan + "/repayments", bdtLoans, null));
        rows.add(api("GET", "/loans/" + d.loan + "/reschedulings", bdtLoans, null));
        rows.add(api("GET", "/allocations/" + d.grant, plus(cvlStaff, Actor.REGION), null));
        rows.add(api("GET", "/decision-lines/" + d.epicerieLine + "/eligible-conventions", EnumSet.of(Actor.ADVISOR), null));

        // pages that show one record
        rows.add(page("/entrepreneur/file.xhtml?id=" + d.submitted, EnumSet.of(Actor.PORTEUR), d.submittedRef));
        rows.add(page("/entrepreneur/file.xhtml?id=" + d.velo, EnumSet.of(Actor.PORTEUR2), d.veloRef));
        rows.add(page("/entrepreneur/file.xhtml?id=" + o.application, EnumSet.of(Actor.PORTEUR_B), o.reference));
        rows.add(page("/entrepreneur/application.xhtml?id=" + d.draft, EnumSet.of(Actor.PORTEUR), "Extension de la recyclerie"));
        rows.add(page("/advisor/file.xhtml?id=" + d.submitted, EnumSet.of(Actor.ADVISOR), d.submittedRef));
        rows.add(page("/advisor/file.xhtml?id=" + d.draft, NOBODY, d.draftRef));
        rows.add(page("/advisor/file.xhtml?id=" + o.application, EnumSet.of(Actor.ADVISOR_B), o.reference));
        rows.add(page("/advisor/enterprise.xhtml?id=" + d.fabrique, EnumSet.of(Actor.ADVISOR), "Fabrique Solidaire"));
        rows.add(page("/advisor/enterprise.xhtml?id=" + o.enterprise, EnumSet.of(Actor.ADVISOR_B), o.enterpriseName));
        rows.add(page("/advisor/session.xhtml?id=" + d.closedSession, EnumSet.of(Actor.ADVISOR), d.epicerieRef));
        rows.add(page("/advisor/session.xhtml?id=" + o.session, EnumSet.of(Actor.ADVISOR_B), o.reference));
        rows.add(page("/advisor/allocation.xhtml?id=" + d.loan, EnumSet.of(Actor.ADVISOR), d.cargoRef));
        rows.add(page("/committee/session.xhtml?id=" + d.closedSession, EnumSet.of(Actor.CHAIR), d.epicerieRef));
        rows.add(page("/committee/session.xhtml?id=" + o.session, EnumSet.of(Actor.MEMBER_B), o.reference));
        rows.add(page("/partner/convention.xhtml?id=" + d.bdtLoans, EnumSet.of(Actor.BDT), d.bdtLoansRef));
        rows.add(page("/partner/convention.xhtml?id=" + d.regionFund, EnumSet.of(Actor.REGION), d.regionRef));
        rows.add(page("/partner/convention.xhtml?id=" + o.convention, EnumSet.of(Actor.BDT), o.conventionRef));
        rows.add(page("/admin/retention.xhtml", EnumSet.of(Actor.ADMIN), "retention-intro"));
        rows.add(page("/admin/erasures.xhtml", EnumSet.of(Actor.ADMIN), "erasures-intro"));
        rows.add(page("/admin/register.xhtml", EnumSet.of(Actor.ADMIN), "register-pdf"));
        rows.add(page("/entrepreneur/close-account.xhtml", EnumSet.of(Actor.PORTEUR, Actor.PORTEUR2, Actor.PORTEUR_B),
                "close-request"));

        // files: documents, letters, minutes, exports
        rows.add(file("/files/" + d.submitted + "/" + d.submittedDoc, plus(cvlStaff, Actor.PORTEUR)));
        rows.add(file("/files/" + d.onAgenda + "/" + d.onAgendaDoc, plus(cvlStaff, Actor.PORTEUR, Actor.CHAIR)));
        rows.add(file("/files/" + d.velo + "/" + d.veloDoc, plus(cvlStaff, Actor.PORTEUR2)));
        rows.add(file("/files/" + o.application + "/" + o.document, plus(otherStaff, Actor.PORTEUR_B, Actor.MEMBER_B)));
        rows.add(file("/files/" + d.velo + "/" + d.submittedDoc, NOBODY));
        rows.add(file("/files/letter/" + d.epicerie, plus(cvlStaff, Actor.PORTEUR, Actor.CHAIR)));
        rows.add(file("/files/letter/" + d.cargo, plus(cvlStaff, Actor.PORTEUR2, Actor.CHAIR)));
        rows.add(file("/files/minutes/" + d.closedSession, plus(cvlStaff, Actor.CHAIR)));
        rows.add(file("/files/conventions/" + d.bdtLoans + "/funded.csv", bdtLoans));
        rows.add(file("/files/conventions/" + d.bdtLoans + "/funded.xlsx", bdtLoans));
        rows.add(file("/files/conventions/" + d.regionFund + "/report-" + YEAR + ".pdf", plus(cvlStaff, Actor.REGION)));
        rows.add(file("/files/conventions/" + o.convention + "/funded.csv", plus(otherStaff, Actor.BDT)));
        rows.add(file("/files/indicators/CVL/" + YEAR + ".csv", plus(cvlStaff, Actor.BDT, Actor.REGION)));
        rows.add(file("/files/indicators/" + o.code + "/" + YEAR + ".csv", plus(otherStaff, Actor.BDT)));
        // the network's report is the national administrator's; an advisor asking for it gets their own
        // association's (checked byte for byte below), partners and others nothing
        rows.add(file("/files/indicators/NETWORK/" + YEAR + ".csv", EnumSet.of(Actor.ADMIN, Actor.ADVISOR, Actor.ADVISOR_B)));
        rows.add(file("/files/register.pdf", EnumSet.of(Actor.ADMIN)));
        // a person's data (issue 16): the export is its entrepreneur's own; preferences and notices every signed-in user's
        Set<Actor> signedIn = EnumSet.complementOf(EnumSet.of(Actor.ANONYMOUS, Actor.ADVISOR_COOKIE_ON_API));
        rows.add(list("/me/export", EnumSet.of(Actor.PORTEUR), d.submittedRef));
        rows.add(list("/me/export", EnumSet.of(Actor.PORTEUR2), d.veloRef));
        rows.add(list("/me/export", EnumSet.of(Actor.PORTEUR_B), o.reference));
        rows.add(file("/files/my-data.zip", EnumSet.of(Actor.PORTEUR, Actor.PORTEUR2, Actor.PORTEUR_B)));
        rows.add(api("GET", "/me/mail-preferences", signedIn, "APPLICATION_SUBMITTED"));
        rows.add(api("GET", "/privacy-notices/CVL", signedIn, "CVL"));
        rows.add(api("GET", "/privacy-notices/default", signedIn, "networkDefault"));
        rows.add(page("/account/my-data.xhtml", signedIn, "mails:received"));
        rows.add(page("/admin/privacy-notice.xhtml", EnumSet.of(Actor.ADMIN), "notice:body"));
        rows.add(page("/privacy.xhtml?association=CVL", EnumSet.allOf(Actor.class), "notice"));
        // branch net (issue 12): the network's associations, départements, partners, contacts and partner accounts
        Set<Actor> nationalAdmin = EnumSet.of(Actor.ADMIN);
        rows.add(api("GET", "/associations?size=200", nationalAdmin, "CVL"));
        rows.add(api("GET", "/associations/" + d.cvl, nationalAdmin, "Centre-Val de Loire"));
        rows.add(api("GET", "/associations/" + o.association, nationalAdmin, o.code));
        rows.add(api("GET", "/associations/" + d.cvl + "/departments", nationalAdmin, "45"));
        rows.add(api("GET", "/associations/departments", nationalAdmin, "45"));
        rows.add(api("GET", "/partners?size=200", nationalAdmin, "Banque des Territoires"));
        rows.add(api("GET", "/partners/" + d.bdt, nationalAdmin, "Banque des Territoires"));
        rows.add(api("GET", "/partners/" + d.bdt + "/contacts", nationalAdmin, null));
        rows.add(api("GET", "/partners/" + d.bdt + "/accounts", nationalAdmin, "partenaire@demo.essor"));
        rows.add(page("/admin/associations.xhtml", nationalAdmin, "assign:department"));
        rows.add(page("/admin/partners.xhtml", nationalAdmin, "partner:name"));
        rows.add(page("/admin/accounts.xhtml", nationalAdmin, "create:partner"));
        // --- branch rules (issue 12, part 3): the network's limits, each association's rules (its staff and committee)
        rows.add(api("GET", "/rules/network", EnumSet.of(Actor.ADVISOR, Actor.ADVISOR_B, Actor.ADMIN), "HONOUR_LOAN"));
        rows.add(api("GET", "/rules/network/versions", EnumSet.of(Actor.ADVISOR, Actor.ADVISOR_B, Actor.ADMIN), "createdBy"));
        rows.add(api("GET", "/rules/associations/CVL", plus(cvlStaff, Actor.CHAIR), "\"association\":\"CVL\""));
        rows.add(api("GET", "/rules/associations/CVL/versions", plus(cvlStaff, Actor.CHAIR), "createdBy"));
        rows.add(api("GET", "/rules/associations/CVL/versions/1", plus(cvlStaff, Actor.CHAIR), "\"association\":\"CVL\""));
        rows.add(api("GET", "/rules/associations/" + o.code, plus(otherStaff, Actor.MEMBER_B),
                "\"association\":\"" + o.code + "\""));
        rows.add(api("GET", "/rules/associations/" + o.code + "/versions/1", plus(otherStaff, Actor.MEMBER_B),
                "\"association\":\"" + o.code + "\""));
        rows.add(page("/admin/rules.xhtml", EnumSet.of(Actor.ADMIN), "rules-intro"));
        rows.add(page("/admin/network-limits.xhtml", EnumSet.of(Actor.ADMIN), "network-limits-intro"));
        // --- branch after (issue 13): conditions precedent and four eyes on money
        rows.add(api("GET", "/conditions?application=" + d.afterFile, plus(cvlStaff, Actor.PORTEUR2, Actor.CHAIR),
                "Accord de Tours"));
        rows.add(list("/conditions/overdue?size=200", EnumSet.of(Actor.ADVISOR, Actor.ADVISOR_B, Actor.ADMIN), null));
        // the proposer (the demo's advisor) never sees his own proposal among those waiting for him
        rows.add(list("/approvals?size=200", EnumSet.of(Actor.ADMIN), d.afterRef));
        rows.add(api("GET", "/approvals/" + d.afterProposal, cvlStaff, d.afterRef));
        rows.add(api("GET", "/approvals/thresholds", EnumSet.of(Actor.ADMIN), "CVL"));
        rows.add(page("/advisor/file.xhtml?id=" + d.afterFile, EnumSet.of(Actor.ADVISOR), "Accord de Tours"));
        rows.add(page("/entrepreneur/file.xhtml?id=" + d.afterFile, EnumSet.of(Actor.PORTEUR2), "Accord de Tours"));
        rows.add(page("/advisor/allocation.xhtml?id=" + d.afterAllocation, EnumSet.of(Actor.ADVISOR), "proposal-own"));
        rows.add(new Row(Kind.PAGE, "GET", "/advisor/approvals.xhtml", null, NOBODY, d.afterRef, true, false));
        rows.add(new Row(Kind.PAGE, "GET", "/admin/approvals.xhtml", null, EnumSet.of(Actor.ADMIN), d.afterRef, true, false));
        rows.add(page("/admin/associations.xhtml", nationalAdmin, "four-eyes"));
        // --- branch inbox (issue 13, item 5): every signed-in person has an inbox of their own; the demo's disbursement
        // waiting for a second person is in the national admin's only (its proposer, the CVL advisor, may not approve it)
        rows.add(list("/inbox?size=200", EnumSet.of(Actor.ADMIN), "APPROVAL_WAITING:" + d.afterProposal));
        rows.add(api("GET", "/inbox/count", signedIn, "unseen"));
        rows.add(api("GET", "/inbox/digest", signedIn, "daily"));
        rows.add(page("/account/inbox.xhtml", signedIn, "inbox:items"));
        // --- branch fec (issue 14, item 5): the chart of accounts and the FEC export, the association's staff
        String period = "from=" + YEAR + "-01-01&to=" + YEAR + "-12-31";
        rows.add(api("GET", "/accounting/CVL/chart", cvlStaff, "\"association\":\"CVL\""));
        rows.add(api("GET", "/accounting/" + o.code + "/chart", otherStaff, "\"association\":\"" + o.code + "\""));
        rows.add(api("GET", "/accounting/CVL/fec?" + period, cvlStaff, null));
        rows.add(api("GET", "/accounting/CVL/fec/summary?" + period, cvlStaff, "\"balanced\":true"));
        rows.add(api("GET", "/accounting/" + o.code + "/fec?format=xlsx&" + period, otherStaff, null));
        rows.add(api("GET", "/accounting/" + o.code + "/fec/summary?" + period, otherStaff, "\"balanced\":true"));
        rows.add(page("/admin/accounting.xhtml", EnumSet.of(Actor.ADMIN), "accounting-intro"));
        // --- branch arrears (issue 14, item 3): a loan's arrears as its allocation; lists of the caller's association
        // (Bretagne's demo loans are the national administrator's to see, nobody else's here)
        rows.add(api("GET", "/arrears/loans/" + d.loan, bdtLoans, null));
        rows.add(list("/arrears?size=200", EnumSet.of(Actor.ADMIN), "Breizh R"));
        rows.add(list("/arrears/runs", EnumSet.of(Actor.ADVISOR, Actor.ADVISOR_B, Actor.ADMIN), null));
        rows.add(list("/arrears/par", EnumSet.of(Actor.ADMIN), "PRETS-SOLIDAIRES"));
        rows.add(list("/arrears/dunning", EnumSet.of(Actor.ADMIN), "\"BZH\""));
        rows.add(new Row(Kind.PAGE, "GET", "/advisor/arrears.xhtml", null, NOBODY, "Breizh R", true, false));
        // --- guar (issue 14, item 4): BZH's guarantees, none of them CVL's: only the national administrator reads them
        rows.add(api("GET", "/guarantees/" + d.guarRunning, EnumSet.of(Actor.ADMIN), "Mutuel de Bretagne"));
        rows.add(api("GET", "/guarantees/" + d.guarCalled, EnumSet.of(Actor.ADMIN), "Mutuel de Bretagne"));
        rows.add(api("GET", "/guarantees/" + d.guarRunning + "/schedule", EnumSet.of(Actor.ADMIN), "Mutuel de Bretagne"));
        rows.add(list("/guarantees/exposure", EnumSet.of(Actor.ADMIN), "CAISSE-BZH-"));
        rows.add(list("/guarantees/exposure/banks", EnumSet.of(Actor.ADMIN), "Mutuel de Bretagne"));
        rows.add(list("/guarantees/exposure/total", EnumSet.of(Actor.ADMIN), "\"scope\":\"NETWORK\""));
        rows.add(page("/advisor/guarantee.xhtml?id=" + d.guarRunning, NOBODY, "Mutuel de Bretagne"));
        // --- branch agree (issue 13, item 2): agreements of a file, the association's templates (its administrators)
        rows.add(api("GET", "/agreements?application=" + d.afterFile, plus(cvlStaff, Actor.PORTEUR2, Actor.CHAIR),
                "\"kind\":\"GRANT\""));
        rows.add(api("GET", "/agreements/" + d.agreementToSign + "/pdf", plus(cvlStaff, Actor.PORTEUR2, Actor.CHAIR), "%PDF"));
        rows.add(file("/files/agreement/" + d.agreementToSign, plus(cvlStaff, Actor.PORTEUR2, Actor.CHAIR)));
        rows.add(api("GET", "/agreement-templates?association=CVL", EnumSet.of(Actor.ADMIN), "\"kind\":\"LOAN\""));
        rows.add(api("GET", "/agreement-templates?association=" + o.code, EnumSet.of(Actor.ADMIN), "\"kind\":\"GRANT\""));
        rows.add(api("GET", "/agreement-templates/fields", EnumSet.of(Actor.ADMIN), "enterprise.name"));
        rows.add(api("GET", "/agreement-templates/history?association=CVL&kind=LOAN&language=fr", EnumSet.of(Actor.ADMIN),
                "createdBy"));
        rows.add(page("/admin/agreement-templates.xhtml", EnumSet.of(Actor.ADMIN), "template:body"));
        rows.add(page("/advisor/file.xhtml?id=" + d.afterFile, EnumSet.of(Actor.ADVISOR), "id=\"agreements\""));
        rows.add(page("/entrepreneur/file.xhtml?id=" + d.afterFile, EnumSet.of(Actor.PORTEUR2), "id=\"agreements\""));
        // --- branch follow (issue 13, item 4): the follow-up of funded enterprises
        rows.add(api("GET", "/followups?application=" + d.followFile, plus(cvlStaff, Actor.PORTEUR, Actor.CHAIR),
                "Recyclerie mobile"));
        rows.add(list("/followups/mine", EnumSet.of(Actor.PORTEUR), d.followRef));
        rows.add(list("/followups/due?size=200", EnumSet.of(Actor.ADVISOR, Actor.ADMIN), d.followRef));
        rows.add(api("GET", "/followups/survival", EnumSet.of(Actor.ADVISOR, Actor.ADVISOR_B, Actor.ADMIN, Actor.BDT,
                Actor.REGION), "\"rates\""));
        rows.add(new Row(Kind.PAGE, "GET", "/advisor/followups.xhtml", null, EnumSet.of(Actor.ADVISOR), d.followRef, true, false));
        rows.add(new Row(Kind.PAGE, "GET", "/entrepreneur/followups.xhtml", null, EnumSet.of(Actor.PORTEUR), d.followRef, true,
                false));
        return rows;
    }

    /** An advisor asking for the network's yearly report gets exactly their own association's. */
    private int networkReportOfAnAdvisorIsTheirAssociations(Other o, List<String> failures) throws Exception {
        int n = 0;
        for (Map.Entry<Actor, String> e : Map.of(Actor.ADVISOR, "CVL", Actor.ADVISOR_B, o.code).entrySet()) {
            String network = fileBody(e.getKey(), "/files/indicators/NETWORK/" + YEAR + ".csv");
            String own = fileBody(e.getKey(), "/files/indicators/" + e.getValue() + "/" + YEAR + ".csv");
            n += 2;
            if (!network.equals(own)) {
                failures.add("LEAK: " + e.getKey() + " got a network report that is not their association's: "
                        + abbreviate(network));
            }
        }
        return n;
    }

    private String fileBody(Actor actor, String path) throws Exception {
        HttpResponse<String> r = pages.get(cookies.get(actor), path);
        assertEquals(200, r.statusCode(), actor + " " + path);
        return r.body();
    }

    /** Writes, tried by everyone who may not make them; their owners are not asked (the matrix changes nothing). */
    private List<Row> writeRows(Demo d, Other o) {
        List<Row> rows = new ArrayList<>();
        Set<Actor> porteur = EnumSet.of(Actor.PORTEUR);
        Set<Actor> advisor = EnumSet.of(Actor.ADVISOR);
        Set<Actor> chair = EnumSet.of(Actor.CHAIR);
        rows.add(write("POST", "/applications", "{\"enterpriseId\":" + d.fabrique + ",\"title\":\"Intrus\",\"stage\":\"CREATION\"}",
                porteur));
        rows.add(write("PUT", "/applications/" + d.draft, "{\"version\":" + d.draftVersion + ",\"title\":\"Intrus\"}", porteur));
        rows.add(write("POST", "/applications/" + d.draft + "/submit?version=" + d.draftVersion, null, porteur));
        rows.add(write("DELETE", "/applications/" + d.draft + "?version=" + d.draftVersion, null, porteur));
        rows.add(write("POST", "/applications/" + d.draft + "/documents?kind=BUSINESS_PLAN", "PDF", porteur));
        rows.add(write("DELETE", "/applications/" + d.draft + "/documents/" + d.draftDoc, null, porteur));
        rows.add(write("POST", "/applications/" + d.info + "/answer?version=" + d.infoVersion, "{\"answer\":\"Intrus\"}", porteur));
        rows.add(write("POST", "/applications/" + d.submitted + "/review?version=" + d.submittedVersion, null, advisor));
        rows.add(write("POST", "/applications/" + d.velo + "/information-requests?version=" + d.veloVersion,
                "{\"question\":\"Intrus ?\"}", advisor));
        rows.add(write("PUT", "/applications/" + d.submitted + "/assignee", "{\"advisorId\":null,\"version\":"
                + d.submittedVersion + "}", EnumSet.of(Actor.ADVISOR, Actor.ADMIN)));
        rows.add(write("PUT", "/applications/" + o.application + "/assignee", "{\"advisorId\":null,\"version\":"
                + o.version + "}", EnumSet.of(Actor.ADVISOR_B, Actor.ADMIN)));
        rows.add(write("PUT", "/applications/" + d.onAgenda + "/instruction/analysis", ANALYSIS, advisor));
        rows.add(write("POST", "/applications/" + d.veloEcole + "/instruction/resume?version=" + d.veloEcoleVersion, null,
                advisor));
        rows.add(write("POST", "/sessions", "{\"committeeId\":" + d.committee + ",\"startsAt\":\"2030-01-10T14:00\","
                + "\"place\":\"Intrus\"}", advisor));
        rows.add(write("POST", "/sessions", "{\"committeeId\":" + o.committee + ",\"startsAt\":\"2030-01-10T14:00\","
                + "\"place\":\"Intrus\"}", EnumSet.of(Actor.ADVISOR_B)));
        rows.add(write("POST", "/sessions/" + d.plannedSession + "/items", "{\"applicationId\":" + d.veloEcole + "}", advisor));
        rows.add(write("DELETE", "/sessions/" + d.plannedSession + "/items/" + d.plannedItem, null, advisor));
        rows.add(write("POST", "/sessions/" + d.plannedSession + "/convocations", null, advisor));
        rows.add(write("POST", "/sessions/" + d.plannedSession + "/open", "{\"present\":[]}", chair));
        rows.add(write("POST", "/sessions/" + d.plannedSession + "/items/" + d.plannedItem + "/conflict",
                "{\"reason\":\"Intrus\"}", chair));
        rows.add(write("PUT", "/sessions/" + d.plannedSession + "/items/" + d.plannedItem + "/vote", "{\"choice\":\"FOR\"}", chair));
        rows.add(write("POST", "/sessions/" + d.plannedSession + "/items/" + d.plannedItem + "/decision",
                "{\"version\":0,\"outcome\":\"REJECTED\",\"reasons\":\"Intrus\"}", chair));
        rows.add(write("POST", "/sessions/" + d.plannedSession + "/close", null, chair));
        rows.add(write("POST", "/sessions/" + o.session + "/open", "{\"present\":[]}", EnumSet.of(Actor.MEMBER_B)));
        rows.add(write("POST", "/enterprises/" + d.fabrique + "/co-owners", "{\"email\":\"intrus@test.essor\"}",
                EnumSet.of(Actor.PORTEUR)));
        rows.add(write("POST", "/enterprises/" + o.enterprise + "/co-owners", "{\"email\":\"intrus@test.essor\"}",
                EnumSet.of(Actor.PORTEUR_B)));
        rows.add(write("POST", "/enterprises/" + d.fabrique + "/support-records", "{\"date\":\"" + LocalDate.now()
                + "\",\"kind\":\"DIAGNOSTIC\",\"durationMinutes\":30,\"notes\":\"Intrus\"}", advisor));
        rows.add(write("PUT", "/enterprises/" + d.fabrique + "/support-records/" + d.fabriqueSupport + "?version=0",
                "{\"date\":\"" + LocalDate.now() + "\",\"kind\":\"DIAGNOSTIC\",\"durationMinutes\":30,\"notes\":\"Intrus\"}",
                advisor));
        rows.add(write("DELETE", "/enterprises/" + d.fabrique + "/support-records/" + d.fabriqueSupport + "?version=0", null,
                EnumSet.of(Actor.ADVISOR, Actor.ADMIN)));
        rows.add(write("DELETE", "/enterprises/" + o.enterprise + "/support-records/" + o.support + "?version=0", null,
                EnumSet.of(Actor.ADVISOR_B, Actor.ADMIN)));
        rows.add(write("POST", "/conventions", "{\"reference\":\"INTRUS\",\"partnerId\":1,\"associationId\":1,"
                + "\"kind\":\"FINANCING_FUND\",\"periodStart\":\"2026-01-01\",\"periodEnd\":\"2026-12-31\",\"amount\":\"1.00\"}",
                EnumSet.of(Actor.ADMIN)));
        rows.add(write("POST", "/conventions/" + d.bdtLoans + "/closing", null, EnumSet.of(Actor.ADMIN)));
        rows.add(write("POST", "/conventions/" + d.bdtLoans + "/allocations", "{\"decisionLineId\":" + d.epicerieLine
                + ",\"amount\":\"1.00\"}", advisor));
        rows.add(write("POST", "/conventions/" + o.convention + "/allocations", "{\"decisionLineId\":" + d.epicerieLine
                + ",\"amount\":\"1.00\"}", NOBODY));
        rows.add(write("POST", "/allocations/" + d.loan + "/disbursements", "{\"amount\":\"1.00\"}", advisor));
        rows.add(write("POST", "/allocations/" + d.loan + "/release", null, advisor));
        rows.add(write("POST", "/allocations/" + d.loan + "/write-off", null, advisor));
        rows.add(write("POST", "/allocations/" + d.loan + "/instalments/" + d.instalment + "/payment", "{\"date\":\""
                + LocalDate.now() + "\"}", advisor));
        rows.add(write("POST", "/allocations/" + d.grant + "/guarantee-calls", "{\"amount\":\"1.00\"}", advisor));
        // loans (issue 14): previews, schedule, repayments, reversal, rescheduling
        rows.add(write("POST", "/loan-products/1/preview", "{\"principal\":\"1200.00\",\"annualRate\":\"0\","
                + "\"durationMonths\":\"12\",\"firstDueDate\":\"2027-01-05\"}", EnumSet.of(Actor.ADVISOR, Actor.ADVISOR_B, Actor.ADMIN)));
        String terms = "{\"productId\":\"1\",\"annualRate\":\"0\",\"durationMonths\":\"12\",\"firstDueDate\":\"2027-01-05\"}";
        rows.add(write("POST", "/loans/" + d.loan + "/preview", terms, advisor));
        rows.add(write("POST", "/loans/" + d.loan + "/schedule", terms, advisor));
        rows.add(write("POST", "/loans/" + d.loan + "/repayments", "{\"amount\":\"1.00\"}", advisor));
        rows.add(write("POST", "/loans/" + d.loan + "/repayments/1/reversal", "{\"reason\":\"Intrus\"}",
                EnumSet.of(Actor.ADVISOR, Actor.ADMIN)));
        rows.add(write("POST", "/loans/" + d.loan + "/reschedulings", "{\"durationMonths\":\"12\",\"firstDueDate\":\"2030-01-05\"}",
                advisor));
        rows.add(write("POST", "/allocations/contracts/" + d.epicerie, null, advisor));
        rows.add(write("PUT", "/admin/retention/rules/DRAFT", "{\"months\":24}", EnumSet.of(Actor.ADMIN)));
        rows.add(write("POST", "/admin/retention/holds", "{\"entityType\":\"Application\",\"entityId\":" + d.submitted
                + ",\"reason\":\"Intrus\"}", EnumSet.of(Actor.ADMIN)));
        rows.add(write("DELETE", "/admin/retention/holds/1", null, EnumSet.of(Actor.ADMIN)));
        rows.add(write("POST", "/admin/erasure-requests/1/acknowledge", null, EnumSet.of(Actor.ADMIN)));
        rows.add(write("POST", "/me/erasure", null, EnumSet.of(Actor.PORTEUR, Actor.PORTEUR2, Actor.PORTEUR_B)));
        rows.add(write("POST", "/admin/outbox/send", null, EnumSet.of(Actor.ADMIN)));
        rows.add(write("POST", "/admin/outbox/" + d.outboxMessage + "/retry", null, EnumSet.of(Actor.ADMIN)));
        // a person's data (issue 16): only an administrator writes a notice; anyone signed in his own mail choices
        rows.add(write("PUT", "/privacy-notices/CVL", "{\"body\":\"Intrus\"}", EnumSet.of(Actor.ADMIN)));
        rows.add(write("PUT", "/privacy-notices/default", "{\"body\":\"Intrus\"}", EnumSet.of(Actor.ADMIN)));
        rows.add(write("PUT", "/privacy-notices/" + o.code, "{\"body\":\"Intrus\"}", EnumSet.of(Actor.ADMIN)));
        // figs (issue 12, part 4): only the national administrator closes and reopens a year
        rows.add(write("POST", "/indicators/closings", "{\"year\":2021}", EnumSet.of(Actor.ADMIN)));
        rows.add(write("POST", "/indicators/closings/1/reopening", "{\"reason\":\"Intrus\"}", EnumSet.of(Actor.ADMIN)));
        rows.add(write("PUT", "/me/mail-preferences/APPLICATION_SUBMITTED", "{\"receive\":false}",
                EnumSet.complementOf(EnumSet.of(Actor.ANONYMOUS, Actor.ADVISOR_COOKIE_ON_API))));
        // branch net (issue 12): only the national administrator writes the network (he is not asked here)
        Set<Actor> network = EnumSet.of(Actor.ADMIN);
        rows.add(write("POST", "/associations", "{\"code\":\"INTRUS\",\"name\":\"Intrus\",\"region\":\"Intrus\"}", network));
        rows.add(write("PUT", "/associations/" + d.cvl, "{\"name\":\"Intrus\",\"region\":\"Intrus\"}", network));
        rows.add(write("PUT", "/associations/" + o.association, "{\"name\":\"Intrus\",\"region\":\"Intrus\"}", network));
        rows.add(write("POST", "/associations/" + o.association + "/deactivation", null, network));
        rows.add(write("POST", "/associations/" + d.cvl + "/activation", null, network));
        rows.add(write("PUT", "/associations/" + o.association + "/departments/2A", null, network));
        rows.add(write("POST", "/associations/departments/45/move", "{\"associationId\":" + o.association + "}", network));
        rows.add(write("POST", "/partners", "{\"name\":\"Intrus\",\"kind\":\"BANK\"}", network));
        rows.add(write("PUT", "/partners/" + d.bdt, "{\"name\":\"Intrus\",\"kind\":\"BANK\"}", network));
        rows.add(write("POST", "/partners/" + d.bdt + "/contacts", "{\"name\":\"Intrus\"}", network));
        rows.add(write("PUT", "/partners/" + d.bdt + "/contacts/1", "{\"name\":\"Intrus\"}", network));
        rows.add(write("DELETE", "/partners/" + d.bdt + "/contacts/1", null, network));
        rows.add(write("POST", "/partners/" + d.bdt + "/accounts", "{\"email\":\"intrus@test.essor\",\"displayName\":\"Intrus\"}",
                network));
        // --- branch rules (issue 12, part 3): only an administrator changes rules (the service: his association's)
        String rules = "{\"instruments\":{\"GRANT\":{\"minAmount\":\"1.00\",\"maxAmount\":\"10.00\"}},\"grid\":{\"TEAM\":1}}";
        rows.add(write("PUT", "/rules/associations/CVL", rules, EnumSet.of(Actor.ADMIN)));
        rows.add(write("PUT", "/rules/associations/" + o.code, rules, EnumSet.of(Actor.ADMIN)));
        rows.add(write("PUT", "/rules/network", "{\"instruments\":{}}", EnumSet.of(Actor.ADMIN)));
        // --- branch after (issue 13): the advisor lifts or refuses, the entrepreneur provides; the proposer (the
        // demo's advisor) may not approve his own disbursement, the national admin may (not tried)
        rows.add(write("POST", "/conditions/" + d.afterOpenCondition + "/lift", "{\"comment\":\"Intrus\"}", cvlStaff()));
        rows.add(write("POST", "/conditions/" + d.afterOpenCondition + "/refuse", "{\"comment\":\"Intrus\"}", cvlStaff()));
        rows.add(write("POST", "/conditions/" + d.afterOpenCondition + "/document", "PDF", EnumSet.of(Actor.PORTEUR2)));
        rows.add(write("POST", "/approvals/" + d.afterProposal + "/approve", null, EnumSet.of(Actor.ADMIN)));
        rows.add(write("POST", "/approvals/" + d.afterProposal + "/reject", "{\"reason\":\"Intrus\"}", EnumSet.of(Actor.ADMIN)));
        rows.add(write("PUT", "/approvals/thresholds/" + d.cvl, "{\"threshold\":\"1.00\"}", EnumSet.of(Actor.ADMIN)));
        // --- branch inbox: an item is marked seen only by the person whose inbox holds it; the digest is run by an admin
        Set<Actor> signedIn = EnumSet.complementOf(EnumSet.of(Actor.ANONYMOUS, Actor.ADVISOR_COOKIE_ON_API));
        rows.add(write("POST", "/inbox/seen", "{\"key\":\"APPROVAL_WAITING:" + d.afterProposal + "\"}", EnumSet.of(Actor.ADMIN)));
        rows.add(write("PUT", "/inbox/digest", "{\"daily\":true}", signedIn));
        rows.add(write("POST", "/inbox/digest/runs", "{\"date\":\"" + LocalDate.now(ZoneId.of("Europe/Paris")) + "\"}",
                EnumSet.of(Actor.ADMIN)));
        // --- branch fec (issue 14, item 5): only an administrator (of the association, or national) sets its chart
        String chart = "{\"mappings\":[{\"movementKind\":\"DISBURSEMENT\",\"debitAccount\":\"274\",\"debitLabel\":"
                + "\"Intrus\",\"creditAccount\":\"512\",\"creditLabel\":\"Intrus\",\"journalCode\":\"BQ\","
                + "\"journalLabel\":\"Intrus\"}]}";
        rows.add(write("PUT", "/accounting/CVL/chart", chart, EnumSet.of(Actor.ADMIN)));
        rows.add(write("PUT", "/accounting/" + o.code + "/chart", chart, EnumSet.of(Actor.ADMIN)));
        // --- branch arrears (issue 14, item 3): the run is the national administrator's (not tried), dunning levels an
        // administrator's, a recovery the advisor's of the loan
        rows.add(write("POST", "/arrears/runs", "{}", EnumSet.of(Actor.ADMIN)));
        rows.add(write("PUT", "/arrears/dunning/" + d.cvl, "{\"days\":\"10\"}", EnumSet.of(Actor.ADMIN)));
        rows.add(write("POST", "/arrears/loans/" + d.loan + "/recoveries", "{\"amount\":\"1.00\"}", advisor));
        // --- guar (issue 14, item 4): only BZH's advisor writes on BZH's guarantees, and none of the actors is
        String guar = "/guarantees/" + d.guarRunning;
        rows.add(write("POST", guar + "/bank-loan", "{\"bankName\":\"Intrus\",\"amount\":\"1000.00\",\"annualRate\":\"1\","
                + "\"durationMonths\":\"12\",\"startDate\":\"2026-01-01\"}", NOBODY));
        rows.add(write("POST", guar + "/calls", "{\"defaultDate\":\"2026-01-01\",\"amount\":\"1.00\"}", NOBODY));
        rows.add(write("POST", "/guarantees/" + d.guarCalled + "/calls/" + d.guarCall + "/payment", "{}", NOBODY));
        rows.add(write("POST", "/guarantees/" + d.guarCalled + "/calls/" + d.guarCall + "/recoveries", "{\"amount\":\"1.00\"}",
                NOBODY));
        rows.add(write("POST", guar + "/release", "{}", NOBODY));
        rows.add(write("POST", "/guarantees/" + d.guarCalled + "/release", "{}", NOBODY));
        // --- branch agree (issue 13, item 2): the advisor generates and decides, the applicant uploads, the admin writes
        rows.add(write("POST", "/agreements", "{\"applicationId\":" + d.epicerie + "}", cvlStaff()));
        rows.add(write("POST", "/agreements/" + d.agreementUploaded + "/sign", "{}", cvlStaff()));
        rows.add(write("POST", "/agreements/" + d.agreementUploaded + "/refuse", "{\"comment\":\"Intrus\"}", cvlStaff()));
        rows.add(write("POST", "/agreements/" + d.agreementToSign + "/signed-copy", "PDF", EnumSet.of(Actor.PORTEUR2)));
        String agreementTemplate = "{\"association\":\"CVL\",\"kind\":\"LOAN\",\"language\":\"fr\",\"body\":\"Intrus\"}";
        rows.add(write("POST", "/agreement-templates", agreementTemplate, EnumSet.of(Actor.ADMIN)));
        rows.add(write("POST", "/agreement-templates/preview", agreementTemplate, EnumSet.of(Actor.ADMIN)));
        // --- branch follow (issue 13, item 4): its owners answer online, the association's staff after a visit; only
        // the staff records a closure
        rows.add(write("POST", "/followups/milestones/" + d.followMilestone + "/answer", "{\"stillActive\":true,\"jobs\":\"1\","
                + "\"turnover\":\"1.00\",\"difficulties\":\"Intrus\",\"channel\":\"CALL\"}", plus(cvlStaff(), Actor.PORTEUR)));
        rows.add(write("POST", "/followups/" + d.followUp + "/closure", "{\"closedOn\":\"" + YEAR + "-01-01\",\"note\":\"Intrus\"}",
                cvlStaff()));
        return rows;
    }

    private static Set<Actor> cvlStaff() {
        return EnumSet.of(Actor.ADVISOR, Actor.ADMIN);
    }

    private static Set<Actor> plus(Set<Actor> set, Actor... more) {
        EnumSet<Actor> result = EnumSet.copyOf(set);
        result.addAll(List.of(more));
        return result;
    }

    private static Row api(String method, String path, Set<Actor> allowed, String marker) {
        return new Row(Kind.API, method, path, null, allowed, marker, false, false);
    }

    private static Row list(String path, Set<Actor> allowed, String marker) {
        return new Row(Kind.API, "GET", path, null, allowed, marker, true, false);
    }

    private static Row write(String method, String path, String body, Set<Actor> allowed) {
        return new Row(Kind.API, method, path, body, allowed, "Intrus", false, true);
    }

    private static Row page(String path, Set<Actor> allowed, String marker) {
        return new Row(Kind.PAGE, "GET", path, null, allowed, marker, false, false);
    }

    private static Row file(String path, Set<Actor> allowed) {
        return new Row(Kind.FILE, "GET", path, null, allowed, null, false, false);
    }

    // ---- running a row ---------------------------------------------------------------------------------

    /** Tries the row for every actor it concerns; returns the number of requests made. */
    private int run(Row row, List<String> failures) throws Exception {
        int n = 0;
        for (Actor actor : Actor.values()) {
            if (actor == Actor.ADVISOR_COOKIE_ON_API && row.kind() != Kind.API) {
                continue;
            }
            boolean allowed = row.allowed().contains(actor);
            if (row.write() && allowed) {
                continue;
            }
            HttpResponse<String> r = send(row, actor);
            n++;
            String verdict = judge(row, actor, allowed, r);
            if (verdict != null) {
                failures.add(verdict + ": " + actor + " " + row.kind() + " " + row.method() + " " + row.path() + " -> "
                        + r.statusCode() + " " + abbreviate(r.body()));
            }
        }
        return n;
    }

    private String judge(Row row, Actor actor, boolean allowed, HttpResponse<String> r) {
        int status = r.statusCode();
        boolean ok = status >= 200 && status < 300;
        boolean showsMarker = row.marker() != null && r.body().contains(row.marker());
        if (allowed) {
            if (!ok) {
                return "OWNER REFUSED";
            }
            if (row.marker() != null && !showsMarker) {
                return "OWNER DOES NOT SEE THE RECORD (" + row.marker() + ")";
            }
            return null;
        }
        if (ok && (!row.list() || showsMarker)) {
            return "LEAK";
        }
        if (ok) {
            return null;
        }
        if (showsMarker) {
            return "LEAK IN AN ERROR";
        }
        switch (row.kind()) {
            case API -> {
                if (actor == Actor.ANONYMOUS || actor == Actor.ADVISOR_COOKIE_ON_API) {
                    return status == 401 ? null : "EXPECTED 401";
                }
                return status == 403 || status == 404 ? null : "EXPECTED 403 OR 404";
            }
            default -> {
                if (actor == Actor.ANONYMOUS) {
                    return status == 302 && r.headers().firstValue("Location").orElse("").endsWith("/login.xhtml")
                            ? null : "EXPECTED THE LOGIN PAGE";
                }
                return status == 403 || status == 404 ? null : "EXPECTED 403 OR 404";
            }
        }
    }

    private HttpResponse<String> send(Row row, Actor actor) throws Exception {
        HttpRequest.Builder b;
        if (row.kind() == Kind.API) {
            b = HttpRequest.newBuilder(uri("/api/v1" + row.path()));
            if (actor == Actor.ADVISOR_COOKIE_ON_API) {
                b.header("Cookie", cookies.get(actor));
            } else if (actor != Actor.ANONYMOUS) {
                b.header("Authorization", Api.basic(emails.get(actor)));
            }
        } else {
            b = HttpRequest.newBuilder(uri(row.path()));
            if (actor != Actor.ANONYMOUS) {
                b.header("Cookie", cookies.get(actor));
            }
        }
        b.header("Accept-Language", "fr").timeout(Duration.ofSeconds(60));
        if ("PDF".equals(row.body())) {
            b.header("Content-Type", "application/octet-stream").header("X-File-Name", "intrus.pdf")
                    .method(row.method(), HttpRequest.BodyPublishers.ofByteArray(PDF));
        } else if (row.body() != null) {
            b.header("Content-Type", "application/json").method(row.method(), HttpRequest.BodyPublishers.ofString(row.body()));
        } else {
            b.method(row.method(), HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }

    // ---- the records ---------------------------------------------------------------------------------

    /** Ids of the CVL demo records the matrix asks for. */
    private static final class Demo {
        long submitted, velo, draft, info, onAgenda, epicerie, cargo, veloEcole;
        long submittedVersion, veloVersion, draftVersion, infoVersion, veloEcoleVersion;
        String submittedRef, veloRef, draftRef, onAgendaRef, epicerieRef, cargoRef;
        long submittedDoc, veloDoc, draftDoc, onAgendaDoc;
        long closedSession, plannedSession, plannedItem, committee;
        long fabrique, fabriqueSupport;
        long bdtLoans, regionFund, loan, grant, instalment, epicerieLine, outboxMessage;
        String bdtLoansRef, regionRef;
        long cvl, bdt; // branch net
        long afterFile, afterOpenCondition, afterProposal, afterAllocation; // branch after (issue 13)
        String afterRef;
        long guarRunning, guarCalled, guarCall; // guar (issue 14, item 4): BZH's demo guarantees
        long agreementToSign, agreementUploaded; // branch agree (issue 13, item 2)
        long followFile, followUp, followMilestone; // branch follow (issue 13, item 4)
        String followRef;
    }

    private static Demo demo(DataSource ds) throws Exception {
        Demo d = new Demo();
        d.submitted = app(ds, "Atelier de réparation d'électroménager");
        d.velo = app(ds, "Atelier vélo participatif");
        d.draft = app(ds, "Extension de la recyclerie");
        d.info = app(ds, "Camion de collecte");
        d.onAgenda = app(ds, "Ressourcerie numérique");
        d.epicerie = app(ds, "Épicerie solidaire itinérante");
        d.cargo = app(ds, "Vélos-cargos pour la livraison du dernier kilomètre");
        d.veloEcole = app(ds, "Vélo-école pour adultes");
        d.submittedVersion = version(ds, d.submitted);
        d.veloVersion = version(ds, d.velo);
        d.draftVersion = version(ds, d.draft);
        d.infoVersion = version(ds, d.info);
        d.veloEcoleVersion = version(ds, d.veloEcole);
        d.submittedRef = ref(ds, d.submitted);
        d.veloRef = ref(ds, d.velo);
        d.draftRef = ref(ds, d.draft);
        d.onAgendaRef = ref(ds, d.onAgenda);
        d.epicerieRef = ref(ds, d.epicerie);
        d.cargoRef = ref(ds, d.cargo);
        d.submittedDoc = doc(ds, d.submitted);
        d.veloDoc = doc(ds, d.velo);
        d.draftDoc = doc(ds, d.draft);
        d.onAgendaDoc = doc(ds, d.onAgenda);
        d.closedSession = Sql.count(ds, "SELECT s.id FROM committee_session s JOIN agenda_item i ON i.session_id = s.id"
                + " WHERE i.application_id = ?", d.epicerie);
        d.plannedItem = Sql.count(ds, "SELECT id FROM agenda_item WHERE application_id = ?", d.onAgenda);
        d.plannedSession = Sql.count(ds, "SELECT session_id FROM agenda_item WHERE id = ?", d.plannedItem);
        d.committee = Sql.count(ds, "SELECT committee_id FROM committee_session WHERE id = ?", d.plannedSession);
        d.fabrique = Sql.count(ds, "SELECT enterprise_id FROM application WHERE id = ?", d.submitted);
        d.fabriqueSupport = Sql.count(ds, "SELECT MIN(id) FROM support_record WHERE enterprise_id = ? AND notes LIKE ?",
                d.fabrique, "%recyclerie%");
        d.bdtLoansRef = "BDT-CVL-" + YEAR + "-PRETS-HONNEUR";
        d.regionRef = "REGION-CVL-" + YEAR + "-FONDS-ESS";
        d.bdtLoans = Sql.count(ds, "SELECT id FROM convention WHERE reference = ?", d.bdtLoansRef);
        d.regionFund = Sql.count(ds, "SELECT id FROM convention WHERE reference = ?", d.regionRef);
        d.loan = Sql.count(ds, "SELECT MIN(id) FROM allocation WHERE convention_id = ?", d.bdtLoans);
        d.grant = Sql.count(ds, "SELECT MIN(id) FROM allocation WHERE convention_id = ?", d.regionFund);
        d.instalment = Sql.count(ds, "SELECT MAX(id) FROM instalment WHERE allocation_id = ?", d.loan);
        d.epicerieLine = Sql.count(ds, "SELECT MIN(g.id) FROM granted_line g JOIN decision x ON x.id = g.decision_id"
                + " WHERE x.application_id = ?", d.epicerie);
        d.outboxMessage = Sql.count(ds, "SELECT COALESCE(MIN(id), 0) FROM outbox_message");
        d.cvl = Sql.count(ds, "SELECT id FROM association WHERE code = 'CVL'"); // branch net
        d.bdt = Sql.count(ds, "SELECT id FROM partner WHERE name = 'Banque des Territoires'");
        // branch after (issue 13): the file approved with conditions, its open condition, its disbursement waiting
        d.afterFile = app(ds, "Flotte de vélos-cargos électriques");
        d.afterRef = ref(ds, d.afterFile);
        d.afterOpenCondition = Sql.count(ds, "SELECT c.id FROM decision_condition c JOIN decision x ON x.id = c.decision_id"
                + " WHERE x.application_id = ? AND c.status = 'OPEN'", d.afterFile);
        d.afterProposal = Sql.count(ds, "SELECT p.id FROM money_proposal p JOIN allocation a ON a.id = p.allocation_id"
                + " JOIN granted_line g ON g.id = a.granted_line_id JOIN decision x ON x.id = g.decision_id"
                + " WHERE x.application_id = ? AND p.status = 'PROPOSED'", d.afterFile);
        d.afterAllocation = Sql.count(ds, "SELECT allocation_id FROM money_proposal WHERE id = ?", d.afterProposal);
        d.guarRunning = Sql.count(ds, "SELECT allocation_id FROM guaranteed_loan WHERE status = 'RUNNING'"
                + " AND bank_name = 'Crédit Mutuel de Bretagne'");
        d.guarCalled = Sql.count(ds, "SELECT allocation_id FROM guaranteed_loan WHERE status = 'CALLED'");
        d.guarCall = Sql.count(ds, "SELECT k.id FROM guarantee_call k JOIN guaranteed_loan g ON g.id = k.loan_id"
                + " WHERE g.allocation_id = ?", d.guarCalled);
        // branch agree (issue 13, item 2): the same file's agreements, one to sign, one uploaded for the advisor
        d.agreementToSign = Sql.count(ds, "SELECT id FROM agreement WHERE application_id = ? AND status = 'GENERATED'", d.afterFile);
        d.agreementUploaded = Sql.count(ds, "SELECT id FROM agreement WHERE application_id = ? AND status = 'UPLOADED'",
                d.afterFile);
        // branch follow (issue 13, item 4): the demo's funded file whose six-month milestone is due
        d.followFile = app(ds, "Recyclerie mobile en milieu rural");
        d.followRef = ref(ds, d.followFile);
        d.followUp = Sql.count(ds, "SELECT id FROM follow_up WHERE application_id = ?", d.followFile);
        d.followMilestone = Sql.count(ds, "SELECT id FROM follow_up_milestone WHERE follow_up_id = ? AND seq = 1", d.followUp);
        return d;
    }

    private static long app(DataSource ds, String title) throws Exception {
        return Sql.count(ds, "SELECT id FROM application WHERE title = ?", title);
    }

    private static long version(DataSource ds, long app) throws Exception {
        return Sql.count(ds, "SELECT version FROM application WHERE id = ?", app);
    }

    private static String ref(DataSource ds, long app) throws Exception {
        return Sql.string(ds, "SELECT reference FROM application WHERE id = ?", app);
    }

    private static long doc(DataSource ds, long app) throws Exception {
        return Sql.count(ds, "SELECT MIN(id) FROM application_document WHERE application_id = ?", app);
    }

    /** The other association's records. */
    private static final class Other {
        String code, enterpriseName, reference, place, conventionRef, advisorName, supportNotes;
        long association, enterprise, application, version, document, committee, session, support, convention;
    }

    /**
     * Another association with its advisor, committee (chaired by its member), an entrepreneur's
     * enterprise and an application filed, instructed and put on a planned session's agenda through
     * the API, a support record, and a convention of Banque des Territoires with it.
     */
    private Other otherAssociation(DataSource ds) throws Exception {
        Other o = new Other();
        o.code = letters("V", 7);
        String lower = o.code.toLowerCase(Locale.ROOT);
        Sql.update(ds, "INSERT INTO association (code, name, region, active, version) VALUES (?, ?, 'Bretagne', TRUE, 0)",
                o.code, "Association voisine " + o.code);
        o.association = Sql.count(ds, "SELECT id FROM association WHERE code = ?", o.code);
        emails.put(Actor.ADVISOR_B, "conseil-" + lower + "@test.essor");
        emails.put(Actor.MEMBER_B, "comite-" + lower + "@test.essor");
        emails.put(Actor.PORTEUR_B, "porteur-" + lower + "@test.essor");
        o.advisorName = "Conseil voisin " + o.code;
        account(ds, emails.get(Actor.ADVISOR_B), o.advisorName, o.association, "ADVISOR");
        long member = account(ds, emails.get(Actor.MEMBER_B), "Comité voisin " + o.code, o.association, "COMMITTEE_MEMBER");
        long porteur = account(ds, emails.get(Actor.PORTEUR_B), "Porteur voisin " + o.code, null, "ENTREPRENEUR");
        Sql.update(ds, "INSERT INTO committee (association_id, name, quorum, active, version) VALUES (?, ?, 1, TRUE, 0)",
                o.association, "Comité " + o.code);
        o.committee = Sql.count(ds, "SELECT id FROM committee WHERE association_id = ?", o.association);
        Sql.update(ds, "INSERT INTO committee_member (committee_id, account_id, member_role) VALUES (?, ?, 'CHAIR')",
                o.committee, member);
        o.enterpriseName = "Entreprise voisine " + o.code;
        Sql.update(ds, "INSERT INTO enterprise (legal_name, siret, legal_form, department, city, association_id, version)"
                + " VALUES (?, ?, 'SCOP', '29', 'Quimper', ?, 0)", o.enterpriseName, Fixtures.siret('9'), o.association);
        o.enterprise = Sql.count(ds, "SELECT id FROM enterprise WHERE legal_name = ?", o.enterpriseName);
        Sql.update(ds, "INSERT INTO enterprise_owner (enterprise_id, account_id) VALUES (?, ?)", o.enterprise, porteur);

        Actor p = Actor.PORTEUR_B;
        JsonObject draft = ok(201, call(p, "POST", "/applications", "{\"enterpriseId\":" + o.enterprise
                + ",\"title\":\"Dossier voisin " + o.code + "\",\"stage\":\"CREATION\"}"));
        o.application = draft.getJsonNumber("id").longValue();
        o.reference = draft.getString("reference");
        ok(200, call(p, "PUT", "/applications/" + o.application, "{\"version\":" + draft.getJsonNumber("version") + ","
                + COMPLETE + "}"));
        HttpResponse<String> doc = api.upload(emails.get(p), "/applications/" + o.application + "/documents?kind=BUSINESS_PLAN",
                "plan.pdf", PDF);
        o.document = ok(201, doc).getJsonNumber("id").longValue();
        JsonObject submitted = ok(200, call(p, "POST", "/applications/" + o.application + "/submit", null));
        Actor a = Actor.ADVISOR_B;
        ok(200, call(a, "POST", "/applications/" + o.application + "/review?version=" + submitted.getJsonNumber("version"), null));
        ok(200, call(a, "PUT", "/applications/" + o.application + "/instruction/analysis", ANALYSIS));
        long v = Sql.count(ds, "SELECT version FROM application WHERE id = ?", o.application);
        ok(200, call(a, "POST", "/applications/" + o.application + "/instruction/ready?version=" + v, null));
        o.place = "Salle voisine " + o.code;
        o.session = ok(201, call(a, "POST", "/sessions", "{\"committeeId\":" + o.committee + ",\"startsAt\":\""
                + LocalDate.now().plusDays(30) + "T10:00\",\"place\":\"" + o.place + "\"}")).getJsonNumber("id").longValue();
        ok(200, call(a, "POST", "/sessions/" + o.session + "/items", "{\"applicationId\":" + o.application + "}"));
        o.version = Sql.count(ds, "SELECT version FROM application WHERE id = ?", o.application);
        o.supportNotes = "Diagnostic voisin " + o.code;
        o.support = ok(201, call(a, "POST", "/enterprises/" + o.enterprise + "/support-records", "{\"date\":\""
                + LocalDate.now(ZoneId.of("Europe/Paris")) + "\",\"kind\":\"DIAGNOSTIC\",\"durationMinutes\":60,\"notes\":\""
                + o.supportNotes + "\"}")).getJsonNumber("id").longValue();
        o.conventionRef = "IT-VOISIN-" + o.code;
        long bdt = Sql.count(ds, "SELECT id FROM partner WHERE name = 'Banque des Territoires'");
        o.convention = ok(201, call(Actor.ADMIN, "POST", "/conventions", "{\"reference\":\"" + o.conventionRef
                + "\",\"partnerId\":" + bdt + ",\"associationId\":" + o.association + ",\"kind\":\"FINANCING_FUND\","
                + "\"periodStart\":\"" + YEAR + "-01-01\",\"periodEnd\":\"" + YEAR + "-12-31\",\"amount\":\"50000.00\","
                + "\"instruments\":[\"HONOUR_LOAN\"]}")).getJsonNumber("id").longValue();
        ok(200, call(Actor.ADMIN, "POST", "/conventions/" + o.convention + "/activation", null));
        return o;
    }

    private static long account(DataSource ds, String email, String name, Long association, String role) throws Exception {
        Sql.update(ds, "INSERT INTO user_account (email, display_name, password_hash, association_id, active, created_at,"
                + " version) SELECT ?, ?, password_hash, ?, TRUE, created_at, 0 FROM user_account WHERE email = ?",
                email, name, association, "porteur@demo.essor");
        long id = Sql.count(ds, "SELECT id FROM user_account WHERE email = ?", email);
        Sql.update(ds, "INSERT INTO account_role (account_id, role) VALUES (?, ?)", id, role);
        return id;
    }

    /** An association code: capital letters only, as the model requires. */
    static String letters(String prefix, int length) {
        StringBuilder code = new StringBuilder(prefix);
        Random random = new Random();
        while (code.length() < length) {
            code.append((char) ('A' + random.nextInt(26)));
        }
        return code.toString();
    }

    // ---- HTTP ---------------------------------------------------------------------------------------

    private URI uri(String path) {
        return Api.uri(base, path);
    }

    private HttpResponse<String> call(Actor actor, String method, String path, String body) throws Exception {
        return api.call(emails.get(actor), method, path, body);
    }

    private static JsonObject ok(int status, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.request().method() + " " + r.uri() + ": " + r.body());
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }
}
