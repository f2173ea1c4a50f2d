package fr.essor.web.it;

import static fr.essor.web.it.Fixtures.ADMIN;
import static fr.essor.web.it.Fixtures.ADVISOR;
import static fr.essor.web.it.Fixtures.PORTEUR2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 13 in Chromium, on the demo's file after its decision: the entrepreneur sees its two
 * conditions (one lifted, one to provide), the advisor lifts the open one with a comment and sees
 * the grant's disbursement he proposed waiting for a second person, who (the administrator) approves
 * it from the approvals page; the money then shows as disbursed. Issue 13, item 2: the administrator
 * writes a new version of the agreement template (an unknown field refused), the entrepreneur uploads the
 * signed loan agreement of that file and the advisor marks it signed. Each page passes the axe check.
 */
class AfterDecisionJourneyIT extends BrowserJourney {

    private static final String FILE_TITLE = "Flotte de vélos-cargos électriques";

    @Test
    void theAdvisorLiftsTheOpenConditionAndASecondPersonApprovesTheDisbursementAboveTheThreshold() throws Exception {
        long app = Api.array(api.call(PORTEUR2, "GET", "/applications/mine", null)).getValuesAs(JsonObject.class).stream()
                .filter(a -> FILE_TITLE.equals(a.getString("title"))).findFirst().orElseThrow().getJsonNumber("id").longValue();
        List<JsonObject> conditions = Api.array(api.call(ADVISOR, "GET", "/conditions?application=" + app, null))
                .getValuesAs(JsonObject.class);
        assertEquals(2, conditions.size(), conditions.toString());
        long open = conditions.stream().filter(c -> "OPEN".equals(c.getString("status"))).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        JsonObject proposal = Api.array(api.call(ADMIN, "GET", "/approvals?size=200", null)).getValuesAs(JsonObject.class).stream()
                .filter(p -> "DISBURSEMENT".equals(p.getString("kind"))).findFirst().orElseThrow();
        long allocation = proposal.getJsonNumber("allocationId").longValue();
        String reference = proposal.getString("applicationReference");

        // the entrepreneur sees the conditions of his file and may upload what is asked
        login(PORTEUR2);
        driver.get(url("/entrepreneur/file.xhtml?id=" + app));
        await(By.id("conditions"));
        String text = driver.findElement(By.id("conditions")).getText();
        assertTrue(text.contains("Accord de Tours Métropole sur le cofinancement") && text.contains("Levée"), text);
        assertTrue(driver.findElements(By.cssSelector("select[id='provide:which'] option[value='" + open + "']")).size() == 1,
                "an upload for the open condition");
        Browser.assertAccessible(driver, "entrepreneur's file with its conditions");

        // the advisor lifts it with a comment
        login(ADVISOR);
        driver.get(url("/advisor/file.xhtml?id=" + app));
        await(By.id("condition-" + open));
        Browser.assertAccessible(driver, "advisor's file with its conditions");
        driver.findElement(By.cssSelector("li#condition-" + open + " textarea")).sendKeys("Accord reçu par courrier");
        driver.findElement(By.cssSelector("li#condition-" + open + " button[id$='lift']")).click();
        expectMessage("Condition levée.");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("condition-status-" + open), "Levée"));

        // the disbursement he proposed waits for someone else; it is not among those waiting for him
        driver.get(url("/advisor/allocation.xhtml?id=" + allocation));
        await(By.id("proposal-own"));
        assertTrue(plain(driver.findElement(By.id("proposal")).getText()).contains("12 000,00"));
        Browser.assertAccessible(driver, "allocation with a proposal waiting");
        driver.get(url("/advisor/approvals.xhtml"));
        await(By.id("approvals:approvals-table"));
        assertTrue(!driver.findElement(By.id("approvals:approvals-table")).getText().contains(reference));
        Browser.assertAccessible(driver, "advisor's approvals page");
        driver.get(url("/advisor/index.xhtml"));
        await(By.id("overdue-conditions"));
        Browser.assertAccessible(driver, "advisor's queue with overdue conditions");

        // the administrator approves it: the money moves, once
        login(ADMIN);
        driver.get(url("/admin/approvals.xhtml"));
        await(By.id("approvals:approvals-table"));
        Browser.assertAccessible(driver, "administrator's approvals page");
        clickTitled("Valider " + reference);
        expectMessage("Mouvement validé et exécuté.");
        HttpResponse<String> after = api.call(ADMIN, "GET", "/allocations/" + allocation, null);
        assertEquals(200, after.statusCode(), after.body());
        JsonObject row = Api.json(after);
        BigDecimal disbursed = new BigDecimal(row.get("disbursed") instanceof JsonString s ? s.getString()
                : row.get("disbursed").toString());
        assertEquals(0, new BigDecimal("12000.00").compareTo(disbursed), after.body());
        driver.get(url("/admin/associations.xhtml"));
        await(By.id("four-eyes"));
        Browser.assertAccessible(driver, "associations page with the four-eyes thresholds");
    }

    // ---- branch agree (issue 13, item 2): agreement templates and the signed agreement -------------------

    @Test
    void theAdministratorWritesAnAgreementTemplateThenTheApplicantUploadsTheSignedAgreementThatTheAdvisorMarksSigned()
            throws Exception {
        // the administrator's templates page: an unknown field is refused naming it; a valid text is a new version
        login("admin@demo.essor");
        driver.get(url("/admin/agreement-templates.xhtml"));
        await(By.id("template:body"));
        Browser.assertAccessible(driver, "agreement templates page");
        assertTrue(driver.findElement(By.id("template-version")).getText().contains("1"), "the demo's version 1");
        fill("template:body", "# Contrat de prêt\nMontant : {{line.montant}}");
        driver.findElement(By.id("template:save")).click();
        waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("Le champ {{line.montant}} n'existe pas"));
        assertTrue(driver.findElement(By.id("template-version")).getText().contains("1"), "nothing saved");
        fill("template:body", "# Contrat de prêt\nMontant : {{line.amount}} pour {{enterprise.name}}");
        driver.findElement(By.id("template:save")).click();
        expectMessage("Modèle enregistré, version 2.");
        assertTrue(driver.findElement(By.id("history")).getText().contains("admin@demo.essor"));

        // the applicant uploads the signed loan agreement of the demo's approved file
        long app = Api.array(api.call("porteur2@demo.essor", "GET", "/applications/mine", null))
                .getValuesAs(JsonObject.class).stream()
                .filter(a -> "Flotte de vélos-cargos électriques".equals(a.getString("title"))).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        JsonObject loan = Api.array(api.call("porteur2@demo.essor", "GET", "/agreements?application=" + app, null))
                .getValuesAs(JsonObject.class).stream().filter(x -> "LOAN".equals(x.getString("kind")))
                .findFirst().orElseThrow();
        long id = loan.getJsonNumber("id").longValue();
        login("porteur2@demo.essor");
        driver.get(url("/entrepreneur/file.xhtml?id=" + app));
        await(By.id("agreements"));
        Browser.assertAccessible(driver, "entrepreneur's file with its agreements");
        Path signed = Files.createTempFile("contrat-signe", ".pdf");
        Files.write(signed, Fixtures.PDF);
        new Select(driver.findElement(By.id("signed-copy:which"))).selectByValue(String.valueOf(id));
        driver.findElement(By.id("signed-copy:file")).sendKeys(signed.toString());
        driver.findElement(By.id("signed-copy:send")).click();
        expectMessage("Convention signée déposée");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("agreement-status-" + id), "Signée, à vérifier"));

        // the advisor marks it signed
        login("conseil@demo.essor");
        driver.get(url("/advisor/file.xhtml?id=" + app));
        await(By.id("agreement-" + id));
        Browser.assertAccessible(driver, "advisor's file with its agreements");
        driver.findElement(By.cssSelector("li#agreement-" + id + " button[id$='sign']")).click();
        expectMessage("Convention marquée signée.");
        waiting().until(ExpectedConditions.textToBe(By.id("agreement-status-" + id), "Signée"));
        Files.deleteIfExists(signed);
    }
}
