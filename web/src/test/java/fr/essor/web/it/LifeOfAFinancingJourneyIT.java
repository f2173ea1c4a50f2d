package fr.essor.web.it;

import static fr.essor.web.it.Fixtures.ADMIN;
import static fr.essor.web.it.Fixtures.ADVISOR;
import static fr.essor.web.it.Fixtures.CHAIR;
import static fr.essor.web.it.Fixtures.PORTEUR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 13's "Done when", in Chromium, one file from its decision to its first anniversary: the chair
 * approves it with two conditions precedent typed on the session page; the entrepreneur uploads the
 * document one of them asks for; the advisor lifts both, generates the loan agreement; the entrepreneur
 * downloads it and uploads the signed PDF; the advisor marks it signed and the file CONTRACTED; his
 * disbursement, above the association's four-eyes threshold, waits for a second person, the
 * administrator, who approves it; a year later (the business clock moved, the follow-up sweep run) the
 * entrepreneur answers his due follow-up and the survival indicator counts the enterprise. The filing,
 * the instruction, the votes, the fund and its allocation are set up through the API; axe runs on each page.
 */
class LifeOfAFinancingJourneyIT extends BrowserJourney {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private String thresholdBefore;

    @AfterEach
    void clockAndThresholdBack() throws Exception {
        testOnly("/test-only/clock?reset");
        if (thresholdBefore != null) {
            assertEquals(200, api.call(ADMIN, "PUT", "/approvals/thresholds/" + cvl(),
                    "{\"threshold\":\"" + thresholdBefore + "\"}").statusCode());
        }
    }

    @Test
    void fromTheCommitteesConditionsToTheFirstAnniversaryOfAContractedFile() throws Exception {
        DataSource ds = Sql.ds();
        String title = "Ressourcerie itinérante " + UUID.randomUUID().toString().substring(0, 6);
        long[] sitting = onTheAgendaWithThreeVotesFor(title);
        long app = sitting[0];
        long session = sitting[1];
        String reference = Sql.string(ds, "SELECT reference FROM application WHERE id = ?", app);

        // 1. the chair approves the file with two conditions precedent, typed on the session page, and closes the session
        login(CHAIR);
        driver.get(url("/committee/session.xhtml?id=" + session));
        await(By.id("item-" + reference));
        new Select(inItem(reference, ":outcome")).selectByValue("APPROVED");
        new Select(inItem(reference, ":0:ckind")).selectByValue("DOCUMENT");
        inItem(reference, ":0:ctext").sendKeys("Attestation d'assurance des locaux");
        typeDate(inItem(reference, ":0:cdue_input"), today().plusDays(30));
        new Select(inItem(reference, ":1:ckind")).selectByValue("CO_FINANCING");
        inItem(reference, ":1:ctext").sendKeys("Accord de la communauté de communes");
        typeDate(inItem(reference, ":1:cdue_input"), today().plusDays(60));
        new Select(inItem(reference, ":1:cline")).selectByValue("0");
        inItem(reference, ":record").click();
        expectMessage("Décision enregistrée.");
        Browser.assertAccessible(driver, "session with the decision and its conditions");
        driver.findElement(By.id("closing:close")).click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("closing:confirm-yes"))).click();
        expectMessage("La séance est close");
        List<JsonObject> conditions = Api.array(api.call(ADVISOR, "GET", "/conditions?application=" + app, null))
                .getValuesAs(JsonObject.class);
        assertEquals(2, conditions.size(), conditions.toString());
        long insurance = conditions.stream().filter(c -> "DOCUMENT".equals(c.getString("kind"))).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();

        // 2. the entrepreneur uploads the insurance certificate the first condition asks for
        login(PORTEUR);
        driver.get(url("/entrepreneur/file.xhtml?id=" + app));
        await(By.id("conditions"));
        Browser.assertAccessible(driver, "entrepreneur's file with two open conditions");
        Path certificate = Files.createTempFile("attestation-assurance", ".pdf");
        Files.write(certificate, Fixtures.PDF);
        new Select(driver.findElement(By.id("provide:which"))).selectByValue(String.valueOf(insurance));
        driver.findElement(By.id("provide:file")).sendKeys(certificate.toString());
        driver.findElement(By.id("provide:send")).click();
        expectMessage("Document déposé ; votre conseiller va le vérifier.");
        assertEquals("PROVIDED", Sql.string(ds, "SELECT status FROM decision_condition WHERE id = ?", insurance));
        Files.deleteIfExists(certificate);

        // 3. the advisor lifts both and generates the loan agreement
        login(ADVISOR);
        driver.get(url("/advisor/file.xhtml?id=" + app));
        await(By.id("condition-" + insurance));
        assertTrue(driver.findElement(By.id("condition-" + insurance)).getText().contains("Attestation d'assurance des locaux"));
        Browser.assertAccessible(driver, "advisor's file with a provided and an open condition");
        liftConditions(2);
        assertEquals(2, Sql.count(ds, "SELECT COUNT(*) FROM decision_condition c JOIN decision d ON d.id = c.decision_id"
                + " WHERE d.application_id = ? AND c.status = 'LIFTED'", app));
        driver.findElement(By.id("generate:go")).click();
        expectMessage("Conventions du dossier");
        List<JsonObject> agreements = Api.array(api.call(ADVISOR, "GET", "/agreements?application=" + app, null))
                .getValuesAs(JsonObject.class);
        assertEquals(1, agreements.size(), agreements.toString());
        long agreement = agreements.get(0).getJsonNumber("id").longValue();
        await(By.id("agreement-" + agreement));
        Browser.assertAccessible(driver, "advisor's file with its generated agreement");

        // 4. the entrepreneur downloads it, signs it and uploads the signed PDF
        login(PORTEUR);
        driver.get(url("/entrepreneur/file.xhtml?id=" + app));
        await(By.id("agreement-pdf-" + agreement));
        Browser.assertAccessible(driver, "entrepreneur's file with the agreement to sign");
        byte[] pdf = download(driver.findElement(By.id("agreement-pdf-" + agreement)).getAttribute("href"));
        String text = Pdfs.text(pdf);
        assertTrue(text.contains(reference), text);
        Path signed = Files.createTempFile("convention-signee", ".pdf");
        Files.write(signed, pdf);
        new Select(driver.findElement(By.id("signed-copy:which"))).selectByValue(String.valueOf(agreement));
        driver.findElement(By.id("signed-copy:file")).sendKeys(signed.toString());
        driver.findElement(By.id("signed-copy:send")).click();
        expectMessage("Convention signée déposée");
        Files.deleteIfExists(signed);

        // 5. the advisor marks it signed; the loan, allocated from a fund, makes the file CONTRACTED
        login(ADVISOR);
        driver.get(url("/advisor/file.xhtml?id=" + app));
        await(By.id("agreement-" + agreement));
        driver.findElement(By.cssSelector("li#agreement-" + agreement + " button[id$='sign']")).click();
        expectMessage("Convention marquée signée.");
        waiting().until(ExpectedConditions.textToBe(By.id("agreement-status-" + agreement), "Signée"));
        long line = Sql.count(ds, "SELECT MIN(g.id) FROM granted_line g JOIN decision d ON d.id = g.decision_id"
                + " WHERE d.application_id = ? AND d.outcome = 'APPROVED'", app);
        long allocation = Filing.allocate(api, Filing.activeConvention(api, "IT-LIFE-", "HONOUR_LOAN"), line, "8000.00");
        driver.get(url("/advisor/allocations.xhtml"));
        await(By.id("contract-" + reference));
        Browser.assertAccessible(driver, "allocations with the file to contract");
        driver.findElement(By.cssSelector("[id='contract-" + reference + "'] button[id$='contract']")).click();
        expectMessage("Dossier " + reference + " contractualisé.");
        assertEquals("CONTRACTED", Sql.string(ds, "SELECT status FROM application WHERE id = ?", app));

        // 6. his disbursement of 8,000.00, above a threshold of 5,000.00, waits for a second person
        thresholdBefore = Sql.decimal(ds, "SELECT four_eyes_threshold FROM association WHERE id = ?", cvl()).toPlainString();
        assertEquals(200, api.call(ADMIN, "PUT", "/approvals/thresholds/" + cvl(), "{\"threshold\":\"5000.00\"}").statusCode());
        driver.get(url("/advisor/allocation.xhtml?id=" + allocation));
        await(By.id("disburse:amount"));
        fill("disburse:amount", "8000"); // the date is today's already
        driver.findElement(By.id("disburse:submit")).click();
        expectMessage("attend la validation d'une seconde personne");
        await(By.id("proposal-own"));
        assertEquals(0, Sql.count(ds, "SELECT COUNT(*) FROM ledger_movement WHERE allocation_id = ? AND kind = 'DISBURSEMENT'",
                allocation), "nothing paid before the second person");
        Browser.assertAccessible(driver, "allocation with the disbursement waiting");

        // 7. the administrator approves it from his approvals page: the money moves, once
        login(ADMIN);
        driver.get(url("/admin/approvals.xhtml"));
        await(By.id("approvals:approvals-table"));
        clickTitled("Valider " + reference);
        expectMessage("Mouvement validé et exécuté.");
        assertEquals(1, Sql.count(ds, "SELECT COUNT(*) FROM ledger_movement WHERE allocation_id = ? AND kind = 'DISBURSEMENT'",
                allocation));
        assertEquals(0, new BigDecimal("8000.00").compareTo(Sql.decimal(ds, "SELECT SUM(amount) FROM ledger_movement"
                + " WHERE allocation_id = ? AND kind = 'DISBURSEMENT'", allocation)));
        assertEquals("CONTRACTED", Sql.string(ds, "SELECT status FROM application WHERE id = ?", app));

        // 8. a year later the morning sweep plans the follow-up and its milestones are due
        LocalDate today = today();
        LocalDate yearOn = today.plusYears(1);
        testOnly("/test-only/clock?days=" + ChronoUnit.DAYS.between(today, yearOn));
        testOnly("/test-only/followups/sweep");
        assertEquals(today.toString(), Sql.string(ds, "SELECT funded_on FROM follow_up WHERE application_id = ?", app)
                .substring(0, 10));
        assertEquals(2, Sql.count(ds, "SELECT COUNT(*) FROM follow_up_milestone m JOIN follow_up f ON f.id = m.follow_up_id"
                + " WHERE f.application_id = ? AND m.due_date <= ? AND m.status = 'PLANNED'", app, Date.valueOf(yearOn)),
                "the six-month and the one-year milestones are due");
        JsonObject before = survival();

        // 9. the entrepreneur answers from his follow-up page
        login(PORTEUR);
        driver.findElement(By.id("nav-my-followups")).click();
        await(By.id("due-list:due"));
        assertTrue(driver.findElement(By.id("due-list:due")).getText().contains(reference));
        Browser.assertAccessible(driver, "entrepreneur's follow-ups a year on");
        clickTitled("Répondre " + reference);
        await(By.id("answer:jobs"));
        fill("answer:jobs", "2,5");
        fill("answer:turnover", "64000");
        driver.findElement(By.id("answer:save")).click();
        expectMessage("Merci : la réponse est enregistrée.");
        assertEquals(1, Sql.count(ds, "SELECT COUNT(*) FROM follow_up_milestone m JOIN follow_up f ON f.id = m.follow_up_id"
                + " WHERE f.application_id = ? AND m.status = 'ANSWERED' AND m.channel = 'ONLINE' AND m.jobs = 2.5", app));

        // 10. the survival indicator counts it: in the one-year cohort, a survivor, and among the answers
        JsonObject after = survival();
        assertEquals(before.getJsonNumber("reported").longValue() + 1, after.getJsonNumber("reported").longValue(), after.toString());
        JsonObject oneYear = after.getJsonArray("rates").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getInt("years") == 1).findFirst().orElseThrow();
        assertEquals(Sql.count(ds, "SELECT COUNT(*) FROM follow_up WHERE association_id = ? AND funded_on <= ?", cvl(),
                Date.valueOf(yearOn.minusYears(1))), oneYear.getJsonNumber("cohort").longValue(), after.toString());
        assertEquals(Sql.count(ds, "SELECT COUNT(*) FROM follow_up WHERE association_id = ? AND funded_on <= ?"
                + " AND (closed_after_months IS NULL OR closed_after_months >= 12)", cvl(), Date.valueOf(yearOn.minusYears(1))),
                oneYear.getJsonNumber("survivors").longValue(), after.toString());
        assertEquals(1, Sql.count(ds, "SELECT COUNT(*) FROM follow_up WHERE application_id = ? AND closed_on IS NULL"
                + " AND funded_on <= ?", app, Date.valueOf(yearOn.minusYears(1))), "the file is in the cohort, alive");
        login(ADVISOR);
        driver.get(url("/indicators/index.xhtml"));
        await(By.id("survival-1"));
        assertTrue(plain(driver.findElement(By.id("survival-1")).getText()).contains(oneYear.getJsonNumber("survivors") + " sur "
                + oneYear.getJsonNumber("cohort")), driver.findElement(By.id("survival")).getText());
        assertEquals(String.valueOf(after.getJsonNumber("reported")), driver.findElement(By.id("survival-reported")).getText());
        Browser.assertAccessible(driver, "indicators a year on");
    }

    // ---- set-up through the API ------------------------------------------------------------------------

    /** A fresh file of porteur@, analysed, on a new session's agenda, opened with the four members, three voting for. */
    private long[] onTheAgendaWithThreeVotesFor(String title) throws Exception {
        Filing.Sitting s = Filing.sitting(api, title);
        return new long[] {s.app(), s.session()};
    }

    private static long cvl() throws Exception {
        return Sql.count(Sql.ds(), "SELECT id FROM association WHERE code = 'CVL'");
    }

    private JsonObject survival() throws Exception {
        HttpResponse<String> r = api.call(ADVISOR, "GET", "/followups/survival", null);
        assertEquals(200, r.statusCode(), r.body());
        return Api.json(r);
    }

    // ---- the browser -----------------------------------------------------------------------------------

    /** Types a day into a date picker's field in the French pattern, then closes the calendar. */
    private static void typeDate(WebElement field, LocalDate day) {
        field.clear();
        field.sendKeys(day.format(FR));
        field.sendKeys(Keys.ESCAPE);
    }

    private static LocalDate today() {
        return LocalDate.now(PARIS);
    }
}
