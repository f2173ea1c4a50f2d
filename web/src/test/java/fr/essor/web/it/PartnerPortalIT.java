package fr.essor.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
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
 * The partners' portal in Chromium and over the API, on the demo data: Banque des Territoires sees its
 * own conventions only, reads its honour-loan fund's dashboard (10,000.00 EUR allocated to Coop'Vélo
 * Tours' cargo bikes), downloads the funded enterprises as CSV, XLSX and PDF and the annual report; the
 * region gets a 404 for all of it.
 */
class PartnerPortalIT extends BrowserJourney {

    private static final String BDT = "partenaire@demo.essor";
    private static final String REGION = "region@demo.essor";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int YEAR = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();
    private static final String LOANS = "BDT-CVL-" + YEAR + "-PRETS-HONNEUR";
    private static final String ENTERPRISE = "Coop'Vélo Tours";

    private static String normalised(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    private byte[] download(String href, String type) throws Exception {
        HttpResponse<byte[]> r = fetch(href);
        assertEquals(200, r.statusCode(), href);
        assertEquals(type, r.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""), href);
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"), href);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), href);
        return r.body();
    }

    /** The media type without its parameters (the REST layer may add a charset). */
    private static String type(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", "").strip();
    }

    /** The id of a convention by reference, from the API as its partner sees it. */
    private long conventionId(String user, String reference) throws Exception {
        HttpResponse<byte[]> r = api.bytes(user, "/conventions?size=200");
        assertEquals(200, r.statusCode());
        try (JsonReader reader = Json.createReader(new StringReader(new String(r.body(), StandardCharsets.UTF_8)))) {
            JsonArray list = reader.readArray();
            return list.stream().map(JsonObject.class::cast).filter(c -> reference.equals(c.getString("reference")))
                    .findFirst().orElseThrow(() -> new AssertionError(reference + " not in " + list))
                    .getJsonNumber("id").longValue();
        }
    }

    /** Without any white space: a PDF may wrap a long reference or name where a table cell or a title ends. */
    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Test
    void thePartnerReadsItsFundsDashboardAndDownloadsItsExports() throws Exception {
        login(BDT);
        driver.get(url("/partner/index.xhtml"));
        WebElement list = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("conventions:list")));
        assertNotNull(driver.findElement(By.cssSelector("#landing[data-role='PARTNER']")));
        assertTrue(list.getText().contains(LOANS), list.getText());
        assertTrue(list.getText().contains("BDT-CVL-2021-FONCTIONNEMENT"), list.getText());
        assertFalse(list.getText().contains("REGION-CVL-"), "the region's conventions are not Banque des Territoires'");
        Browser.assertAccessible(driver, "partner home");
        // the indicators are in the partner's menu, and open on the last complete year
        driver.findElement(By.id("nav-partner-indicators")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("figures")));
        assertTrue(driver.findElement(By.id("figures-title")).getText().endsWith(String.valueOf(Year.now().getValue() - 1)),
                driver.findElement(By.id("figures-title")).getText());
        Browser.assertAccessible(driver, "partner's indicators");
        driver.get(url("/partner/index.xhtml"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("conventions:list")));

        driver.findElement(By.linkText(LOANS)).click();
        WebElement allocated = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("figure-allocated")));
        assertTrue(normalised(allocated.getText()).contains("10 000,00"), allocated.getText());
        assertTrue(driver.findElement(By.tagName("h1")).getText().contains(LOANS));
        WebElement chart = driver.findElement(By.cssSelector("#consumption canvas[role='img']"));
        assertFalse(chart.getAttribute("aria-label").isBlank(), "the consumption chart has an accessible name");
        assertTrue(normalised(driver.findElement(By.id("consumption-data")).getAttribute("textContent")).contains("10 000,00"),
                "the chart's numbers are in a table too");
        WebElement instruments = driver.findElement(By.id("breakdown-INSTRUMENT"));
        assertTrue(instruments.getText().contains("Prêt d'honneur"), instruments.getText());
        assertTrue(driver.findElement(By.id("target-FINANCED")).getText().contains("40"), "targets against achieved");
        WebElement funded = driver.findElement(By.id("funded:list"));
        assertTrue(funded.getText().contains(ENTERPRISE), funded.getText());
        assertFalse(funded.getText().contains("@"), "no e-mail address of an entrepreneur");
        Browser.assertAccessible(driver, "convention dashboard");
        String dashboard = driver.getCurrentUrl();

        // CSV: French, ';' separated, decimal comma, the cargo-bike loan and a totals row
        String csv = new String(download(driver.findElement(By.id("export-csv")).getAttribute("href"), "text/csv"),
                StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertTrue(lines.get(0).startsWith("Entreprise;Département;"), lines.get(0));
        String[] velo = lines.stream().filter(l -> l.startsWith(ENTERPRISE + ";")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + ENTERPRISE + " in\n" + csv)).split(";", -1);
        assertEquals("Prêt d'honneur", velo[5], csv);
        assertEquals("10000,00", velo[6], csv);
        assertTrue(lines.get(lines.size() - 1).startsWith("Total;"), csv);

        // XLSX: a real number in the allocated column
        byte[] xlsx = download(driver.findElement(By.id("export-xlsx")).getAttribute("href"), XLSX);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row found = null;
            for (Row row : sheet) {
                Cell first = row.getCell(0);
                if (first != null && first.getCellType() == CellType.STRING && ENTERPRISE.equals(first.getStringCellValue())) {
                    found = row;
                }
            }
            assertNotNull(found, "a row for " + ENTERPRISE);
            assertEquals(CellType.NUMERIC, found.getCell(6).getCellType());
            assertEquals(10000.0, found.getCell(6).getNumericCellValue(), 0.001);
        }

        // PDF of the table and the annual report
        String pdf = Pdfs.text(download(driver.findElement(By.id("export-pdf")).getAttribute("href"), "application/pdf"));
        assertTrue(squeezed(pdf).contains(squeezed(LOANS)), pdf);
        assertTrue(squeezed(pdf).contains(squeezed(ENTERPRISE)), pdf);
        String report = Pdfs.text(download(driver.findElement(By.id("report-" + YEAR)).getAttribute("href"), "application/pdf"));
        assertTrue(squeezed(report).contains(squeezed(LOANS)), report);
        assertTrue(report.contains(ENTERPRISE), report);
        assertTrue(report.contains("10 000,00 €"), report);

        // the region asks for Banque des Territoires' convention: it does not exist for her
        String csvHref = driver.findElement(By.id("export-csv")).getAttribute("href");
        String reportHref = driver.findElement(By.id("report-" + YEAR)).getAttribute("href");
        login(REGION);
        driver.get(url("/partner/index.xhtml"));
        WebElement regionList = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("conventions:list")));
        assertTrue(regionList.getText().contains("REGION-CVL-"), regionList.getText());
        assertFalse(regionList.getText().contains("BDT-CVL-"), regionList.getText());
        driver.get(dashboard);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("error-404")));
        assertTrue(driver.findElements(By.id("figure-allocated")).isEmpty());
        assertEquals(404, fetch(dashboard).statusCode());
        assertEquals(404, fetch(csvHref).statusCode());
        assertEquals(404, fetch(csvHref.replace(".csv", ".xlsx")).statusCode());
        assertEquals(404, fetch(reportHref).statusCode());
    }

    @Test
    void theApiExportsForTheOwnerAndAnswers404ToAnotherPartner() throws Exception {
        long id = conventionId(BDT, LOANS);

        HttpResponse<byte[]> csv = api.bytes(BDT, "/conventions/" + id + "/funded/export?format=csv");
        assertEquals(200, csv.statusCode());
        assertEquals("text/csv", type(csv));
        assertTrue(new String(csv.body(), StandardCharsets.UTF_8).contains(ENTERPRISE + ";"));
        HttpResponse<byte[]> xlsx = api.bytes(BDT, "/conventions/" + id + "/funded/export?format=xlsx");
        assertEquals(200, xlsx.statusCode());
        assertEquals(XLSX, type(xlsx));
        HttpResponse<byte[]> pdf = api.bytes(BDT, "/conventions/" + id + "/funded/export?format=pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", type(pdf));
        HttpResponse<byte[]> report = api.bytes(BDT, "/conventions/" + id + "/report?year=" + YEAR);
        assertEquals(200, report.statusCode());
        assertEquals("application/pdf", type(report));
        assertTrue(squeezed(Pdfs.text(report.body())).contains(squeezed(LOANS)));

        assertEquals(400, api.bytes(BDT, "/conventions/" + id + "/funded/export?format=html").statusCode());
        assertEquals(400, api.bytes(BDT, "/conventions/" + id + "/report?year=1999").statusCode());
        assertEquals(400, api.bytes(BDT, "/conventions/" + id + "/report").statusCode());

        assertEquals(404, api.bytes(REGION, "/conventions/" + id + "/funded/export?format=csv").statusCode());
        assertEquals(404, api.bytes(REGION, "/conventions/" + id + "/funded/export?format=xlsx").statusCode());
        assertEquals(404, api.bytes(REGION, "/conventions/" + id + "/report?year=" + YEAR).statusCode());
        assertEquals(404, api.bytes(BDT, "/conventions/999999/report?year=" + YEAR).statusCode());
    }
}
