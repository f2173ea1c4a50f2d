package fr.essor.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 14 in Chromium, the loans' back office: an association's administrator edits the chart of accounts,
 * checks a period balanced and downloads its FEC; an advisor sees the loans in arrears by bucket and opens one,
 * and the same portfolio at risk on the indicators; an advisor records the bank loan of a guarantee (a call
 * above the guaranteed outstanding refused) and the entrepreneur reads its amortisation.
 */
class LoansJourneyIT extends BrowserJourney {

    // ---- branch fec (issue 14, item 5): the accounting page

    @Test
    void anAssociationAdministratorEditsTheChartOfAccountsChecksAPeriodBalancedAndDownloadsItsFec() throws Exception {
        login("admin-bzh@demo.essor", "essor-demo");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("landing")));
        driver.get(url("/admin/accounting.xhtml"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("chart:save")));
        assertTrue(driver.findElement(By.id("chart-origin")).getText().contains("admin-bzh@demo.essor"), "BZH's own chart");
        Browser.assertAccessible(driver, "accounting");

        // a bad account number: refused with a message, nothing stored
        WebElement debit = driver.findElement(By.id("chart:lines:0:debit"));
        debit.clear();
        debit.sendKeys("9801");
        driver.findElement(By.id("chart:save")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Numéro de compte invalide"));
        assertEquals("801", api.read("admin-bzh@demo.essor", "/accounting/BZH/chart").getJsonArray("lines").getJsonObject(0)
                .getString("debitAccount"));

        // corrected, with a new label: saved
        debit = driver.findElement(By.id("chart:lines:0:debit"));
        debit.clear();
        debit.sendKeys("8011");
        WebElement label = driver.findElement(By.id("chart:lines:0:debitLabel"));
        label.clear();
        label.sendKeys("Engagements de prêts donnés");
        driver.findElement(By.id("chart:save")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Plan comptable enregistré (12 lignes)"));
        JsonObject first = api.read("admin-bzh@demo.essor", "/accounting/BZH/chart").getJsonArray("lines")
                .getJsonObject(0);
        assertEquals("8011", first.getString("debitAccount"));
        assertEquals("Engagements de prêts donnés", first.getString("debitLabel"));

        // a period typed, checked balanced, downloaded as a pipe-separated FEC
        int year = LocalDate.now().getYear();
        WebElement from = driver.findElement(By.id("export:from_input"));
        from.click();
        from.sendKeys("01/01/" + (year - 1));
        from.sendKeys(Keys.TAB);
        WebElement to = driver.findElement(By.id("export:to_input"));
        to.click();
        to.sendKeys("31/12/" + year);
        to.sendKeys(Keys.TAB);
        new Select(driver.findElement(By.id("export:format"))).selectByValue("fecPipe");
        driver.findElement(By.id("export:check")).click();
        waiting().until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("summary-balanced")),
                ExpectedConditions.textMatches(By.id("messages"), Pattern.compile(".*\\S.*"))));
        assertFalse(driver.findElements(By.id("summary-balanced")).isEmpty(), "no summary; the page says: "
                + driver.findElement(By.id("messages")).getText() + " / from=" + driver.findElement(By.id("export:from_input"))
                .getAttribute("value") + " to=" + driver.findElement(By.id("export:to_input")).getAttribute("value"));
        WebElement balanced = driver.findElement(By.id("summary-balanced"));
        assertEquals("Journal équilibré.", balanced.getText());
        String figures = plain(driver.findElement(By.id("summary-figures")).getText());
        assertTrue(figures.matches("\\d+ écritures, \\d+ lignes ; débit .* €, crédit .* €\\."), figures);
        Browser.assertAccessible(driver, "accounting with the period checked");
        String href = driver.findElement(By.id("download")).getAttribute("href");
        HttpResponse<byte[]> fec = fetch(href);
        assertEquals(200, fec.statusCode(), href);
        assertTrue(fec.headers().firstValue("Content-Disposition").orElse("").contains("BZHFEC" + year + "1231.txt"));
        String text = new String(fec.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("JournalCode|JournalLib|EcritureNum|EcritureDate|"), text);
        assertTrue(text.contains("|8011|Engagements de prêts donnés|"), "the new account in the file");
        logout();
    }

    /**
     * Issue 14, arrears: Bretagne's advisor opens the arrears page, picks a bucket by its link and opens a loan;
     * the indicators page shows the same portfolio at risk.
     */
    @Test
    void anAdvisorSeesTheLoansInArrearsByBucketAndOpensTheLatest() {
        login("conseil-bzh@demo.essor");
        driver.findElement(By.cssSelector("a[id$='nav-arrears']")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("buckets")));
        String buckets = driver.findElement(By.id("buckets")).getText();
        for (String label : List.of("1 à 30 jours", "31 à 90 jours", "91 à 180 jours", "Plus de 180 jours")) {
            assertTrue(buckets.contains(label), buckets);
        }
        assertTrue(driver.findElement(By.id("par")).getText().contains("BZH"));
        Browser.assertAccessible(driver, "advisor's arrears page");
        driver.findElement(By.linkText("Plus de 180 jours")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("loans-title"), "Plus de 180 jours"));
        String table = driver.findElement(By.id("arrears:loans")).getText();
        assertTrue(table.contains("Breizh Récup"), table);
        assertTrue(!table.contains("Ti Koad"), "only the loans of the bucket: " + table);
        Browser.assertAccessible(driver, "arrears of one bucket");
        driver.findElement(By.cssSelector("[id='arrears:loans'] a[id$='open']")).click();
        waiting().until(ExpectedConditions.urlContains("/advisor/allocation.xhtml"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("figures")));
        assertTrue(driver.findElement(By.id("figures")).getText().contains("Breizh Récup"));
        // the same portfolio at risk on the indicators page: the association's and each convention's
        driver.get(url("/indicators/index.xhtml"));
        String par = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("par"))).getText();
        assertTrue(par.contains("BZH") && par.contains("CAISSE-BZH-") && par.contains("PAR 30"), par);
        Browser.assertAccessible(driver, "indicators with the portfolio at risk");
    }

    /**
     * guar (issue 14, item 4): on the demo's CVL guarantee line, allocated through the API, the advisor
     * opens the guarantee's page from the allocation page, records the bank loan (its commission and
     * its 60 instalments shown), a call above the guaranteed outstanding is refused with the cap; the
     * entrepreneur reads the guaranteed loan's amortisation on the file. Axe on both pages.
     */
    @Test
    void theAdvisorRecordsTheBankLoanOfAGuaranteeAndTheEntrepreneurReadsItsAmortisation() throws Exception {
        javax.sql.DataSource ds = Sql.ds();
        long app = Sql.count(ds, "SELECT id FROM application WHERE title = 'Épicerie solidaire itinérante'");
        long line = Sql.count(ds, "SELECT g.id FROM granted_line g JOIN decision d ON d.id = g.decision_id"
                + " WHERE d.application_id = ? AND g.instrument = 'GUARANTEE'", app);
        long fund = Sql.count(ds, "SELECT id FROM convention WHERE reference LIKE 'BDT-CVL-%-GARANTIES'");
        HttpResponse<String> allocated = api.call("conseil@demo.essor", "POST", "/conventions/" + fund + "/allocations",
                "{\"decisionLineId\":" + line + ",\"amount\":\"20000.00\"}");
        assertEquals(201, allocated.statusCode(), allocated.body());
        long allocation = Api.json(allocated).getJsonNumber("id").longValue();
        LocalDate start = LocalDate.now(ZoneId.of("Europe/Paris")).minusMonths(10);

        login("conseil@demo.essor");
        driver.get(url("/advisor/allocation.xhtml?id=" + allocation));
        await(By.id("guarantee-link")).click();
        await(By.id("record:bank"));
        fill("record:bank", "Crédit Coopératif");
        fill("record:amount", "40000");
        fill("record:rate", "3");
        fill("record:duration", "60");
        WebElement startDate = driver.findElement(By.id("record:start_input"));
        startDate.click();
        startDate.sendKeys(start.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        startDate.sendKeys(Keys.TAB);
        fill("record:commission", "1");
        driver.findElement(By.id("record:submit")).click();
        expectMessage("Prêt bancaire enregistré : 20 000,00 € garantis");
        assertEquals("20 000,00 €", plain(await(By.id("guaranteed")).getText()));
        assertTrue(plain(driver.findElement(By.id("commission")).getText()).startsWith("200,00 €"));
        assertEquals("En cours", driver.findElement(By.id("guarantee-status")).getText());
        assertEquals(60, driver.findElements(By.cssSelector("#bank-schedule tbody tr")).size());
        Browser.assertAccessible(driver, "advisor-guarantee");
        fill("call:claimed", "999999");
        driver.findElement(By.id("call:submit")).click();
        expectMessage("Appel supérieur à l'encours garanti à la date du défaut");
        assertEquals("En cours", driver.findElement(By.id("guarantee-status")).getText(), "a refused call changes nothing");

        login("porteur@demo.essor");
        driver.get(url("/entrepreneur/file.xhtml?id=" + app));
        WebElement loans = await(By.id("guaranteed-loans"));
        assertTrue(loans.getText().contains("Crédit Coopératif"), loans.getText());
        assertEquals(60, driver.findElements(By.cssSelector("#guaranteed-loans tbody tr")).size());
        Browser.assertAccessible(driver, "entrepreneur-guaranteed-loan");
    }
}
