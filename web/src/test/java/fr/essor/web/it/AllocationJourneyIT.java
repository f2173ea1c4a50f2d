package fr.essor.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Convention money in Chromium, from the envelope to the applicant's schedule: an administrator
 * creates and activates a convention; the advisor allocates the demo approval's honour loan and
 * guarantee, is refused an over-allocation with the amount still available, marks the file
 * contracted, disburses the loan, generates its schedule and records a payment; the applicant then
 * reads the schedule on the file page. Every page passes axe-core.
 */
class AllocationJourneyIT extends BrowserJourney {

    private static final String FILE_TITLE = "Épicerie solidaire itinérante";

    private JsonObject demoFile() throws Exception {
        HttpResponse<String> mine = api.call("porteur@demo.essor", "GET", "/applications/mine", null);
        assertEquals(200, mine.statusCode(), mine.body());
        try (JsonReader r = Json.createReader(new StringReader(mine.body()))) {
            JsonArray files = r.readArray();
            for (int i = 0; i < files.size(); i++) {
                JsonObject f = files.getJsonObject(i);
                if (FILE_TITLE.equals(f.getString("title"))) {
                    return f;
                }
            }
        }
        throw new AssertionError("no demo file " + FILE_TITLE + " in " + mine.body());
    }

    /**
     * Banque des Territoires' loan fund: the demo allocated and disbursed 10,000.00 to Coop'Vélo Tours; with the
     * 5,000.00 just allocated and disbursed to La Fabrique Solidaire the dashboard shows 15,000.00, and the
     * XLSX export holds both enterprises and the total.
     */
    private void partnerSeesTheAllocation(String loans) throws Exception {
        HttpResponse<String> list = api.call("partenaire@demo.essor", "GET", "/conventions?size=200", null);
        long conventionId = -1;
        try (JsonReader r = Json.createReader(new StringReader(list.body()))) {
            for (JsonValue v : r.readArray()) {
                if (loans.equals(v.asJsonObject().getString("reference"))) {
                    conventionId = v.asJsonObject().getJsonNumber("id").longValue();
                }
            }
        }
        assertTrue(conventionId > 0, list.body());
        login("partenaire@demo.essor");
        driver.get(url("/partner/convention.xhtml?id=" + conventionId));
        await(By.id("figure-allocated"));
        assertEquals("15 000,00 €", plain(driver.findElement(By.id("figure-allocated")).getText()));
        assertEquals("15 000,00 €", plain(driver.findElement(By.id("figure-disbursed")).getText()));
        Browser.assertAccessible(driver, "partner dashboard after the allocation");
        HttpResponse<byte[]> xlsx = fetch(driver.findElement(By.id("export-xlsx")).getAttribute("href"));
        assertEquals(200, xlsx.statusCode());
        Map<String, Double> allocatedByRow = new LinkedHashMap<>();
        try (XSSFWorkbook book = new XSSFWorkbook(
                new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            int allocatedColumn = -1;
            for (Row row : sheet) {
                if (allocatedColumn < 0) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING
                                && cell.getStringCellValue().toLowerCase(Locale.ROOT).startsWith("engag")) {
                            allocatedColumn = cell.getColumnIndex();
                        }
                    }
                    continue;
                }
                Cell name = row.getCell(0);
                Cell amount = row.getCell(allocatedColumn);
                if (name != null && amount != null && amount.getCellType() == CellType.NUMERIC) {
                    allocatedByRow.put(name.getStringCellValue(), amount.getNumericCellValue());
                }
            }
            assertTrue(allocatedColumn >= 0, "an allocated column");
        }
        assertEquals(10_000.0, allocatedByRow.get("Coop'Vélo Tours"), allocatedByRow.toString());
        assertEquals(5_000.0, allocatedByRow.get("La Fabrique Solidaire"), allocatedByRow.toString());
        assertTrue(allocatedByRow.values().stream().anyMatch(v -> v == 15_000.0), "a totals row: " + allocatedByRow);
    }

    @Test
    void conventionMoneyGoesFromTheEnvelopeToTheApplicantsRepaymentSchedule() throws Exception {
        int year = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();
        String loans = "BDT-CVL-" + year + "-PRETS-HONNEUR";
        String guarantees = "BDT-CVL-" + year + "-GARANTIES";

        // the administrator records a convention restricted to equity in two departments, and activates it
        login("admin@demo.essor");
        driver.get(url("/admin/conventions.xhtml"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("create:submit")));
        Browser.assertAccessible(driver, "admin conventions");
        String reference = "IT-FP-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
        fill("create:reference", reference);
        choose("create:partnerId", "Région Centre-Val de Loire");
        choose("create:associationId", "CVL");
        fill("create:amount", "12 500,50");
        driver.findElement(By.xpath("//*[@id='create:instruments']//label[normalize-space()='Fonds propres']")).click();
        fill("create:departments", "45, 37");
        driver.findElement(By.id("create:submit")).click();
        expectMessage("Convention " + reference + " créée en brouillon.");
        WebElement list = driver.findElement(By.id("list:table"));
        assertTrue(plain(list.getText()).contains("12 500,50 €"), list.getText());
        clickTitled("Activer " + reference);
        expectMessage("Convention " + reference + " activée.");
        assertTrue(driver.findElements(By.xpath("//button[@title=" + xpathLiteral("Activer " + reference) + "]")).isEmpty(),
                "an active convention is not activated again");
        assertFalse(driver.findElements(By.xpath("//button[@title=" + xpathLiteral("Clore " + reference) + "]")).isEmpty(),
                "an active convention can be closed");
        Browser.assertAccessible(driver, "admin conventions after activation");

        // the advisor allocates the demo approval's honour loan
        JsonObject file = demoFile();
        long fileId = file.getJsonNumber("id").longValue();
        String fileRef = file.getString("reference");
        login("conseil@demo.essor");
        driver.get(url("/advisor/allocations.xhtml"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("lines:table")));
        assertTrue(driver.findElement(By.id("lines:table")).getText().contains(fileRef));
        Browser.assertAccessible(driver, "advisor allocations");
        clickTitled("Allouer " + fileRef + " — Prêt d'honneur");
        await(By.id("allocate:submit"));
        assertEquals("selected-title", driver.switchTo().activeElement().getAttribute("id"),
                "the chosen line, shown below the table, takes the focus (and the view) where the user is");
        String eligible = driver.findElement(By.id("eligible")).getText();
        assertTrue(eligible.contains(loans), eligible);
        assertFalse(eligible.contains(reference), "an equity-only convention does not fund an honour loan");
        choose("allocate:convention", loans);
        assertEquals("8000,00", driver.findElement(By.id("allocate:amount")).getAttribute("value"),
                "prefilled with what the line still needs");
        Browser.assertAccessible(driver, "advisor allocations with a line chosen");

        // more than the line's unallocated amount: refused, with the amount still available
        fill("allocate:amount", "9000");
        driver.findElement(By.id("allocate:submit")).click();
        expectMessage("Montant supérieur à la part non allouée de la ligne accordée : 8 000");
        assertTrue(plain(driver.findElement(By.id("messages")).getText()).contains("au plus"));
        assertTrue(plain(driver.findElement(By.id("unallocated")).getText()).contains("8 000,00"), "nothing allocated");

        // co-financing: 5,000.00 from the Banque des Territoires fund, the remaining 3,000.00 from the region's
        fill("allocate:amount", "5000");
        driver.findElement(By.id("allocate:submit")).click();
        expectMessage("5 000,00 € alloués sur " + loans + " au dossier " + fileRef + ".");
        WebElement loanLink = waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//table[@id='line-allocations']//a[normalize-space()='" + loans + "']")));
        String loanAllocation = loanLink.getAttribute("href");
        String regional = "REGION-CVL-" + year + "-FONDS-ESS";
        clickTitled("Allouer " + fileRef + " — Prêt d'honneur");
        await(By.id("allocate:submit"));
        choose("allocate:convention", regional);
        assertEquals("3000,00", driver.findElement(By.id("allocate:amount")).getAttribute("value"),
                "prefilled with what the line still needs");
        driver.findElement(By.id("allocate:submit")).click();
        expectMessage("3 000,00 € alloués sur " + regional + " au dossier " + fileRef + ".");
        String lineAllocations = plain(driver.findElement(By.id("line-allocations")).getText());
        assertTrue(lineAllocations.contains("5 000,00 €") && lineAllocations.contains("3 000,00 €"), lineAllocations);

        // the guarantee, from the guarantee fund
        clickTitled("Allouer " + fileRef + " — Garantie bancaire");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("selected"), "Garantie bancaire"));
        choose("allocate:convention", guarantees);
        assertEquals("20000,00", driver.findElement(By.id("allocate:amount")).getAttribute("value"));
        driver.findElement(By.id("allocate:submit")).click();
        expectMessage("20 000,00 € alloués sur " + guarantees + " au dossier " + fileRef + ".");
        String exposure = plain(driver.findElement(By.id("exposure-bank")).getText());
        assertTrue(exposure.contains("Crédit Coopératif"), exposure);
        assertTrue(plain(driver.findElement(By.id("exposure-fund")).getText()).contains(guarantees));

        // every line covered: the file is contracted
        assertTrue(driver.findElement(By.id("to-contract")).getText().contains(fileRef));
        clickTitled("Marquer contractualisé " + fileRef);
        expectMessage("Dossier " + fileRef + " contractualisé.");
        assertFalse(driver.findElement(By.id("to-contract")).getText().contains(fileRef));
        Browser.assertAccessible(driver, "advisor allocations after contracting");

        // the loan is disbursed, its schedule generated, the first instalment paid
        driver.get(loanAllocation);
        await(By.id("disburse:submit"));
        assertEquals("5000,00", driver.findElement(By.id("disburse:amount")).getAttribute("value"));
        Browser.assertAccessible(driver, "allocation before disbursement");
        fill("disburse:amount", "5000.01");
        driver.findElement(By.id("disburse:submit")).click();
        expectMessage("Versement supérieur au reste à verser de l'allocation : 5 000");
        fill("disburse:amount", "5000");
        driver.findElement(By.id("disburse:submit")).click();
        expectMessage("Versement de 5 000,00 € enregistré.");
        assertEquals("Versée", driver.findElement(By.id("allocation-status")).getText());
        assertTrue(plain(driver.findElement(By.id("disbursed")).getText()).contains("5 000,00"));
        driver.findElement(By.id("schedule:submit")).click();
        expectMessage("Échéancier de 60 mensualités généré.");
        assertTrue(plain(driver.findElement(By.id("instalment-1")).getText()).contains("83,33 €"));
        assertTrue(plain(driver.findElement(By.id("instalment-60")).getText()).contains("83,53 €"),
                "the cents left by the division go on the last instalment");
        Browser.assertAccessible(driver, "allocation with its schedule");
        clickTitled("Enregistrer le paiement de l'échéance n° 1");
        expectMessage("Paiement de l'échéance n° 1 enregistré.");
        assertTrue(driver.findElement(By.id("instalment-1")).getText().contains("Payée"));
        assertTrue(driver.findElements(By.xpath("//button[@title=" + xpathLiteral("Enregistrer le paiement de l'échéance n° 1")
                + "]")).isEmpty(), "a paid instalment cannot be paid again");
        assertTrue(plain(driver.findElement(By.id("repaid")).getText()).contains("83,33"));

        // issue 14: the loan's section previews a schedule under the honour-loan product without storing it
        driver.findElement(By.id("terms:preview")).click();
        WebElement preview = await(By.id("preview-table"));
        assertTrue(plain(preview.getText()).contains("Capital"), preview.getText());
        assertTrue(plain(driver.findElement(By.id("loan-owed")).getText()).contains("4 916,67"),
                "what is owed after the first instalment: " + driver.findElement(By.id("loan-owed")).getText());
        Browser.assertAccessible(driver, "allocation with its loan section and a schedule preview");

        // the partner sees its fund's figures move and finds the enterprise in the XLSX export
        partnerSeesTheAllocation(loans);

        // the applicant reads the schedule, and nothing about the funds behind it
        login("porteur@demo.essor");
        driver.get(url("/entrepreneur/file.xhtml?id=" + fileId));
        WebElement schedule = await(By.id("repayment-schedule"));
        String text = plain(schedule.getText());
        assertTrue(text.contains("Échéancier de remboursement"), text);
        assertTrue(text.contains("Payée"), text);
        assertTrue(text.contains("À échoir"), text);
        assertTrue(text.contains("83,53 €"), text);
        assertEquals(60, schedule.findElements(By.cssSelector("tbody tr")).size());
        assertFalse(driver.findElement(By.tagName("main")).getText().contains("BDT-CVL"), "no convention shown to the applicant");
        Browser.assertAccessible(driver, "applicant's file with its repayment schedule");
    }
}
