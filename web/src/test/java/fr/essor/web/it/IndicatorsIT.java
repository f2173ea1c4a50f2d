package fr.essor.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Year;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The network's published figures, computed from the demo data: Centre-Val de Loire 2021 and who may read them. */
class IndicatorsIT extends OnTheBuiltWar {

    private HttpResponse<String> get(String user, String path) throws Exception {
        return api.call(user, "GET", path, null);
    }

    @Test
    void centreValDeLoire2021ComesOutAt605Advised450FinancedAnd6250000Mobilised() throws Exception {
        HttpResponse<String> r = get("conseil@demo.essor", "/indicators?association=CVL&year=2021");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject i = Api.json(r);
        assertEquals("CVL", i.getString("association"));
        assertEquals(2021, i.getInt("year"));
        assertEquals(605, i.getInt("advised"));
        assertEquals(450, i.getInt("financed"));
        assertEquals("6250000.00", i.getString("mobilised"), "amounts are strings with two decimals");
        assertTrue(i.getJsonObject("byInstrument").containsKey("HONOUR_LOAN"), i.toString());
        assertEquals(6, i.getJsonArray("byDepartment").size(), "the six departments of the region");
        assertTrue(i.getJsonArray("targets").toString().contains("BDT-CVL-2021-FONCTIONNEMENT"), i.toString());
    }

    @Test
    void theIndicatorsPageShows2021AndItsActivityReportOpensInExcel() throws Exception {
        ChromeDriver driver = Browser.start();
        try {
            String root = base.toString().replace("//localhost:", "//127.0.0.1:").replaceAll("/$", "");
            WebDriverWait wait = new WebDriverWait(driver,
                    Duration.ofSeconds(20));
            driver.get(root + "/login.xhtml");
            wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("login:email"))).sendKeys("admin@demo.essor");
            driver.findElement(By.id("login:password")).sendKeys("essor-demo");
            driver.findElement(By.id("login:submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("signed-in-as")));
            driver.get(root + "/indicators/index.xhtml");
            // the page opens on the last complete year
            assertEquals(String.valueOf(Year.now().getValue() - 1),
                    new Select(driver.findElement(By.id("choice:year"))).getFirstSelectedOption().getAttribute("value"));
            new Select(driver.findElement(By.id("choice:association")))
                    .selectByValue("CVL");
            new Select(driver.findElement(By.id("choice:year")))
                    .selectByValue("2021");
            WebElement show = driver.findElement(By.id("choice:show"));
            show.click();
            wait.until(Browser.gone(show));
            assertEquals("605", driver.findElement(By.id("advised")).getText());
            assertEquals("450", driver.findElement(By.id("financed")).getText());
            assertEquals("6 250 000,00 €", driver.findElement(By.id("mobilised")).getText()
                    .replace('\u202f', ' ').replace('\u00a0', ' '));
            Browser.assertAccessible(driver, "indicators 2021");
            String href = driver.findElement(By.id("report-xlsx")).getAttribute("href");
            String cookie = "ESSORSESSION=" + driver.manage().getCookieNamed("ESSORSESSION").getValue();
            HttpResponse<byte[]> xlsx = pages.file(cookie, href);
            assertEquals(200, xlsx.statusCode());
            try (XSSFWorkbook book = new XSSFWorkbook(
                    new ByteArrayInputStream(xlsx.body()))) {
                Sheet sheet = book.getSheetAt(0);
                boolean found = false;
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.NUMERIC
                                && cell.getNumericCellValue() == 6_250_000.00) {
                            found = true;
                        }
                    }
                }
                assertTrue(found, "the mobilised amount is a number in the workbook");
            }
            HttpResponse<byte[]> pdf = pages.file(cookie, driver.findElement(By.id("report-pdf")).getAttribute("href"));
            assertEquals(200, pdf.statusCode());
            assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
        } finally {
            driver.quit();
        }
    }

    /** A year without financing says so in each table of the page instead of showing a header over no row. */
    @Test
    void aYearWithoutFinancingSaysSoInEachTableInsteadOfAnEmptyTable() throws Exception {
        String partner = pages.login("partenaire@demo.essor");
        String empty = pages.get(partner, "/indicators/index.xhtml?year=2019").body();
        String full = pages.get(partner, "/indicators/index.xhtml?year=2021").body();
        for (String table : List.of("by-instrument", "by-department", "by-legal-form", "by-stage")) {
            assertTrue(table(empty, table).contains("Aucun financement cette année."), table + " in 2019: " + table(empty, table));
            assertFalse(table(full, table).contains("Aucun financement cette année."), table + " in 2021: " + table(full, table));
        }
    }

    /**
     * The page's address names the association and the year (a link to 2021's figures), and a year that is not one
     * is said so in French, with no error page and nothing else shown.
     */
    @Test
    void theAddressNamesTheAssociationAndTheYearAndABadYearIsSaidSo() throws Exception {
        String advisor = pages.login("conseil@demo.essor");
        String y2021 = pages.get(advisor, "/indicators/index.xhtml?association=CVL&year=2021").body();
        assertTrue(y2021.contains("CVL — 2021"), "the figures of CVL in 2021");
        assertTrue(y2021.contains("<dd id=\"advised\">605</dd>"), "605 advised in 2021");
        for (String[] bad : new String[][] {{"deux-mille", "Année invalide : une année s'écrit en chiffres"},
                {"1990", "Année invalide : de 2000 à"}}) {
            HttpResponse<String> page = pages.get(advisor, "/indicators/index.xhtml?association=CVL&year=" + bad[0]);
            assertEquals(200, page.statusCode(), bad[0]);
            assertTrue(page.body().contains(bad[1]), bad[0] + ": " + bad[1]);
            assertFalse(page.body().contains("id=\"figures\""), bad[0] + ": no figures shown");
            assertFalse(STACK_FRAME.matcher(page.body()).find(), bad[0] + ": no stack trace");
        }
    }

    /** A line of a Java stack trace, as an error page would print it. */
    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w.$]+\\([\\w$]+\\.java:\\d+\\)");

    /** The HTML of the table with that id. */
    private static String table(String html, String id) {
        int from = html.indexOf("<table class=\"essor-table\" id=\"" + id + "\"");
        assertTrue(from >= 0, "a table " + id);
        return html.substring(from, html.indexOf("</table>", from));
    }

    @Test
    void theNationalAdministratorReadsTheNetworkAndPartnersOnlyTheirAssociations() throws Exception {
        HttpResponse<String> network = get("admin@demo.essor", "/indicators?year=2021");
        assertEquals(200, network.statusCode(), network.body());
        assertEquals(605, Api.json(network).getInt("advised"), "one association in the demo: the network is CVL");
        assertEquals(200, get("partenaire@demo.essor", "/indicators?association=CVL&year=2021").statusCode(),
                "Banque des Territoires has conventions with CVL");
        assertEquals(404, get("partenaire@demo.essor", "/indicators?association=XYZ&year=2021").statusCode());
        assertEquals(403, get("partenaire@demo.essor", "/indicators?year=2021").statusCode(), "not the whole network");
        assertEquals(403, get("porteur@demo.essor", "/indicators?association=CVL&year=2021").statusCode());
        HttpResponse<String> bad = get("conseil@demo.essor", "/indicators?association=CVL&year=deux-mille");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(Api.json(bad).getString("message").contains("Année invalide"), bad.body());
        assertEquals(400, get("conseil@demo.essor", "/indicators?association=CVL&year=1850").statusCode());
    }
}
