package fr.essor.web.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Saves the screenshots of docs/SCREENSHOTS.md: the main pages of each role, signed in as the demo
 * people, at a phone's width (390 × 844) and a laptop's (1366 × 900), each the height of its whole
 * page. A program, not a test (no test run executes it); it needs a running Essor with the demo data:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) fr.essor.web.it.DocsScreenshots http://127.0.0.1:8795 ../docs/screenshots
 * </pre>
 *
 * It writes {@code <folder>/390/<page>.png} and {@code <folder>/1366/<page>.png}, and exits with 1
 * when a page could not be taken (signed out, an error page), naming it.
 *
 * <p>With {@code -Dessor.shots.skipMissing=true} (for an older version of Essor, e.g. the "before"
 * set of docs/SCREENSHOTS.md), a page the server does not have (it answers 404) is skipped with a
 * {@code SKIPPED} line instead of failing; any other failure still exits with 1.
 */
public final class DocsScreenshots {

    /** The widths and the viewport heights of the two sets. */
    private static final int[][] SIZES = {{390, 844}, {1366, 900}};

    /** A page taller than this is cut (a long table would make a huge image). */
    private static final int MAX_HEIGHT = 4200;

    /** Skip, rather than fail on, a page the server does not have (an older version of Essor). */
    private static final boolean SKIP_MISSING = Boolean.getBoolean("essor.shots.skipMissing");

    private final String root;
    private final Path out;
    private final Api api;
    private final ChromeDriver driver;
    private final List<String> failures = new ArrayList<>();

    private DocsScreenshots(String root, Path out, ChromeDriver driver) throws Exception {
        this.root = root.replaceAll("/$", "");
        this.out = out;
        this.driver = driver;
        URL url = new URL(this.root + "/");
        this.api = new Api(() -> url);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: DocsScreenshots <base URL of a running Essor, e.g. http://127.0.0.1:8080> <output folder>");
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        for (int[] size : SIZES) {
            Files.createDirectories(out.resolve(String.valueOf(size[0])));
        }
        ChromeDriver driver = Browser.start();
        int failed;
        try {
            DocsScreenshots shots = new DocsScreenshots(args[0], out, driver);
            shots.takeAll();
            failed = shots.failures.size();
            shots.failures.forEach(f -> System.err.println("FAILED " + f));
        } finally {
            driver.quit();
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    private void takeAll() throws Exception {
        // the demo records the pages show, found through the REST API
        JsonObject mine = null;
        JsonObject instructed = null;
        JsonObject draft = null;
        for (JsonValue v : Api.array(get("porteur@demo.essor", "/applications/mine"))) {
            JsonObject a = v.asJsonObject();
            String status = a.getString("status");
            if ("DRAFT".equals(status)) {
                draft = draft == null ? a : draft;
            } else {
                if (mine == null || rank(DECIDED_FIRST, status) < rank(DECIDED_FIRST, mine.getString("status"))) {
                    mine = a;
                }
                if (instructed == null || rank(IN_REVIEW_FIRST, status) < rank(IN_REVIEW_FIRST, instructed.getString("status"))) {
                    instructed = a;
                }
            }
        }
        long session = session();

        // signed out
        List<Shot> pages = new ArrayList<>();
        pages.add(new Shot("login", "/login.xhtml"));
        shoot(null, pages, "login:email");

        pages = new ArrayList<>();
        pages.add(new Shot("entrepreneur-home", "/entrepreneur/index.xhtml"));
        if (mine != null) {
            pages.add(new Shot("entrepreneur-file", "/entrepreneur/file.xhtml?id=" + mine.getJsonNumber("id").longValue()));
        }
        if (draft != null) {
            pages.add(new Shot("entrepreneur-wizard", "/entrepreneur/application.xhtml?id=" + draft.getJsonNumber("id").longValue()
                    + "&step=PLAN", DocsScreenshots::typePlan));
        }
        pages.add(new Shot("entrepreneur-my-data", "/account/my-data.xhtml"));
        shoot("porteur@demo.essor", pages, null);

        pages = new ArrayList<>();
        pages.add(new Shot("advisor-queue", "/advisor/index.xhtml"));
        if (instructed != null) {
            pages.add(new Shot("advisor-file", "/advisor/file.xhtml?id=" + instructed.getJsonNumber("id").longValue()));
        }
        pages.add(new Shot("advisor-inbox", "/account/inbox.xhtml"));
        shoot("conseil@demo.essor", pages, null);

        pages = new ArrayList<>();
        pages.add(new Shot("advisor-arrears", "/advisor/arrears.xhtml"));
        shoot("conseil-bzh@demo.essor", pages, null);

        pages = new ArrayList<>();
        pages.add(new Shot("committee-home", "/committee/index.xhtml"));
        if (session > 0) {
            pages.add(new Shot("committee-session", "/committee/session.xhtml?id=" + session));
        }
        shoot("comite@demo.essor", pages, null);

        pages = new ArrayList<>();
        pages.add(new Shot("partner-dashboard", "/partner/index.xhtml"));
        pages.add(new Shot("partner-indicators", "/indicators/index.xhtml", DocsScreenshots::year2021));
        shoot("partenaire@demo.essor", pages, null);

        pages = new ArrayList<>();
        pages.add(new Shot("admin-home", "/admin/index.xhtml"));
        pages.add(new Shot("admin-approvals", "/admin/approvals.xhtml"));
        shoot("admin@demo.essor", pages, null);
    }

    /** The entrepreneur's file shown to him: a decided one (decision, letter), else the furthest along. */
    private static final List<String> DECIDED_FIRST = List.of("APPROVED", "CONTRACTED", "ON_AGENDA", "READY_FOR_COMMITTEE",
            "IN_REVIEW", "INFO_REQUESTED", "SUBMITTED");

    /** The file shown to the advisor: one he is instructing (the analysis note). */
    private static final List<String> IN_REVIEW_FIRST = List.of("IN_REVIEW", "READY_FOR_COMMITTEE", "INFO_REQUESTED",
            "ON_AGENDA", "SUBMITTED", "APPROVED");

    private static int rank(List<String> order, String status) {
        int i = order.indexOf(status);
        return i < 0 ? order.size() : i;
    }

    /** A session of the demo's CVL committee with files on its agenda: a coming one, else a past one. */
    private long session() throws Exception {
        for (String past : List.of("false", "true")) {
            JsonObject page = Api.json(get("comite@demo.essor", "/sessions?past=" + past));
            for (JsonValue v : page.getJsonArray("items")) {
                JsonObject s = v.asJsonObject();
                if (s.getJsonNumber("items").longValue() > 0) {
                    return s.getJsonNumber("id").longValue();
                }
            }
        }
        failures.add("no committee session with an agenda in the demo data");
        return 0;
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        HttpResponse<String> r = api.call(user, "GET", path, null);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v1" + path + " as " + user + ": " + r.statusCode() + " " + r.body());
        }
        return r;
    }

    /**
     * Signs in as {@code user} (none: signed out) and saves each page at both widths; {@code mark} is an
     * element id the page must show, else the signed-in marker.
     */
    private void shoot(String user, List<Shot> pages, String mark) {
        try {
            driver.manage().deleteAllCookies();
            if (user != null) {
                login(user);
            }
        } catch (RuntimeException e) {
            failures.add("sign-in as " + user + ": " + e.getMessage());
            return;
        }
        for (Shot page : pages) {
            for (int[] size : SIZES) {
                try {
                    shootOne(page, size[0], size[1], mark == null ? "signed-in-as" : mark);
                } catch (MissingPage e) {
                    System.out.printf("SKIPPED %s at %d px: %s%n", page.name(), size[0], e.getMessage());
                } catch (Exception e) {
                    failures.add(page.name() + " at " + size[0] + " px (" + page.path() + "): " + e);
                }
            }
        }
    }

    private void login(String email) {
        metrics(1366, 900);
        driver.get(root + "/login.xhtml");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login:email")));
        driver.findElement(By.id("login:email")).sendKeys(email);
        driver.findElement(By.id("login:password")).sendKeys(Api.DEMO_PASSWORD);
        driver.findElement(By.id("login:submit")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-as")));
    }

    private void shootOne(Shot page, int width, int height, String mark) throws Exception {
        String name = page.name();
        String path = page.path();
        metrics(width, height);
        driver.get(root + path);
        waiting().until(d -> "complete".equals(js("return document.readyState")));
        if (page.prepare() != null) {
            page.prepare().accept(driver);
            waiting().until(d -> "complete".equals(js("return document.readyState")));
        }
        if (driver.findElements(By.id(mark)).isEmpty()) {
            if (SKIP_MISSING && status() == 404) {
                throw new MissingPage(path + " answers 404 (no such page on this version)");
            }
            throw new IllegalStateException("no #" + mark + " on " + driver.getCurrentUrl() + " (\"" + driver.getTitle() + "\")");
        }
        if (driver.getCurrentUrl().contains("/login.xhtml") && !path.startsWith("/login.xhtml")) {
            throw new IllegalStateException("sent to the sign-in page");
        }
        settle();
        // the whole page: the viewport made as tall as the document, so that nothing is cut or repeated
        long full = Math.min(MAX_HEIGHT, Math.max(height, ((Number) js(
                "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")).longValue()));
        metrics(width, (int) full);
        settle();
        long horizontal = ((Number) js("return document.documentElement.scrollWidth")).longValue();
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", false,
                        "clip", Map.of("x", 0, "y", 0, "width", width, "height", full, "scale", 1)));
        Path file = out.resolve(String.valueOf(width)).resolve(name + ".png");
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        System.out.printf("%-28s %5d x %-5d %7d bytes  %s%s%n", file, width, full, Files.size(file), driver.getTitle(),
                horizontal > width ? "  (scrolls horizontally: " + horizontal + " px)" : "");
    }

    /** The HTTP status of the current address, asked again in this session (its cookies). */
    private long status() {
        return ((Number) js("var x = new XMLHttpRequest(); x.open('GET', location.href, false); x.send(); return x.status;"))
                .longValue();
    }

    /** A page the server does not have (skipped with essor.shots.skipMissing). */
    private static final class MissingPage extends Exception {
        MissingPage(String message) {
            super(message);
        }
    }

    /** Waits for Ajax and animations (PrimeFaces, charts) to end, and the fonts to be loaded. */
    private void settle() throws InterruptedException {
        waiting().until(d -> Boolean.TRUE.equals(js(
                "return document.fonts.status === 'loaded' && (!window.jQuery || (jQuery.active === 0 && jQuery(':animated').length === 0))")));
        Thread.sleep(700);
    }

    /** The viewport's size in CSS pixels, at one device pixel per CSS pixel; a phone below 600 px. */
    private void metrics(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** A page to take: its file name, its address, and what to do on it first (may be null). */
    private record Shot(String name, String path, Consumer<ChromeDriver> prepare) {
        Shot(String name, String path) {
            this(name, path, null);
        }
    }

    /** The indicators of the demo's 2021 activity (the current year has only a few files). */
    private static void year2021(ChromeDriver driver) {
        new Select(driver.findElement(By.id("choice:year"))).selectByVisibleText("2021");
        WebElement show = driver.findElement(By.id("choice:show"));
        show.click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(Browser.gone(show));
    }

    /**
     * Types a financing plan into the draft's empty rows (not saved): the live totals show the needs
     * not yet covered.
     */
    private static void typePlan(ChromeDriver driver) {
        String[][] rows = {{"Achat d'un véhicule utilitaire", "36000"}, {"Apport de la structure", "28000"}};
        for (int i = 0; i < rows.length; i++) {
            // the rows may hold the sources prefilled from the requested lines: typed over
            WebElement label = driver.findElement(By.cssSelector("form[id='plan'] [id$=':" + i + ":label']"));
            label.clear();
            label.sendKeys(rows[i][0]);
            WebElement amount = driver.findElement(By.cssSelector("form[id='plan'] [id$=':" + i + ":amount']"));
            amount.clear();
            amount.sendKeys(rows[i][1], Keys.TAB);
        }
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("total-sources")).getText().startsWith("28"));
        ((JavascriptExecutor) driver).executeScript("document.activeElement.blur()");
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}
