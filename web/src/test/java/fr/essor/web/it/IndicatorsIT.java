package fr.essor.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Year;
import java.util.Base64;
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

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> get(String user, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base.toString().replace("//localhost:", "//127.0.0.1:")
                        .replaceAll("/$", "") + "/api/v1" + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":essor-demo").getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "fr").GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
            String cookie = driver.manage().getCookieNamed("ESSORSESSION").getValue();
            HttpResponse<byte[]> xlsx = HTTP.send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", "ESSORSESSION=" + cookie)
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
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
            HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create(
                    driver.findElement(By.id("report-pdf")).getAttribute("href")))
                    .header("Cookie", "ESSORSESSION=" + cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, pdf.statusCode());
            assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
        } finally {
            driver.quit();
        }
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
