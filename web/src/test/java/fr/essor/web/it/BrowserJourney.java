package fr.essor.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The base of the browser journeys ({@code @RunAsClient} classes that drive Chromium): one headless
 * Chromium for the class ({@link Browser#start()}, skipped or failed as {@link Browser} says), the
 * application's address, and each test starting signed out once the application answers.
 */
abstract class BrowserJourney extends OnTheBuiltWar {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The class's browser, started before its first test and quit after its last. */
    static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() throws Exception {
        driver = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    @BeforeEach
    void signedOut() {
        driver.manage().deleteAllCookies();
    }

    /** An address of the application, on 127.0.0.1 (Chromium may resolve "localhost" to ::1 first). */
    String url(String path) {
        return Api.root(base) + path;
    }

    /**
     * Waits up to 20 s. A page that reloads while a condition reads it is read again: Chromium then
     * says the element is stale, or (since 156) that the node "does not belong to the document".
     */
    WebDriverWait waiting() {
        return new ReloadTolerantWait(driver);
    }

    private static final class ReloadTolerantWait extends WebDriverWait {
        ReloadTolerantWait(WebDriver driver) {
            super(driver, Duration.ofSeconds(20));
            ignoring(StaleElementReferenceException.class);
        }

        @Override
        public <V> V until(Function<? super WebDriver, ? extends V> condition) {
            return super.until((Function<WebDriver, V>) d -> {
                try {
                    return condition.apply(d);
                } catch (WebDriverException e) {
                    if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                        return null; // the page was replaced under the read: not yet
                    }
                    throw e;
                }
            });
        }
    }

    /** Signs in as a demo user (the demo password) from a fresh session and waits to be signed in. */
    void login(String email) {
        signIn(email, Api.DEMO_PASSWORD);
    }

    /** Signs in from a fresh session and waits to be signed in. */
    void signIn(String email, String password) {
        driver.manage().deleteAllCookies();
        login(email, password);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-as")));
    }

    /**
     * Sends the sign-in form in the current session and waits for nothing: what comes next (a landing page,
     * a refusal) is for the test to read.
     */
    void login(String email, String password) {
        driver.get(url("/login.xhtml"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login:email")));
        driver.findElement(By.id("login:email")).sendKeys(email);
        driver.findElement(By.id("login:password")).sendKeys(password);
        driver.findElement(By.id("login:submit")).click();
    }

    /** Signs out with the header's button and waits for the sign-in page. */
    void logout() {
        driver.findElement(By.id("logout:submit")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login:email")));
    }

    /** The page's title (its {@code h1}). */
    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** Replaces the value of a text field. */
    void fill(String id, String value) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    /**
     * Picks an option of a PrimeFaces select menu. The panel opens and closes with an animation: a click
     * that lands while it moves is lost, so the pick is repeated until the panel is closed.
     */
    void choose(String menuId, String label) {
        By panel = By.id(menuId + "_panel");
        By item = By.cssSelector("[id='" + menuId + "_items'] li[data-label^=\"" + label + "\"]");
        for (int attempt = 0; attempt < 5; attempt++) {
            if (!driver.findElement(panel).isDisplayed()) {
                driver.findElement(By.id(menuId + "_label")).click();
            }
            waiting().until(ExpectedConditions.elementToBeClickable(item)).click();
            try {
                new WebDriverWait(driver, Duration.ofSeconds(3)).until(ExpectedConditions.invisibilityOfElementLocated(panel));
                return;
            } catch (TimeoutException e) {
                // the click was lost in the animation: try again
            }
        }
        throw new AssertionError("could not choose " + label + " in " + menuId);
    }

    /** The text with the narrow and non-breaking spaces of formatted amounts read as plain spaces. */
    static String plain(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    /** Waits for a message, spaces in amounts read as plain spaces; says what the page shows instead. */
    void expectMessage(String text) {
        try {
            waiting().ignoring(StaleElementReferenceException.class)
                    .until(d -> plain(d.findElement(By.id("messages")).getText()).contains(text));
        } catch (TimeoutException e) {
            throw new AssertionError("expected message \"" + text + "\", page says: "
                    + driver.findElement(By.tagName("main")).getText(), e);
        }
    }

    /** Saves a step of the application wizard with its form's save button and waits for the message. */
    void saveStep(String formId) {
        driver.findElement(By.id(formId + ":save")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Étape enregistrée."));
    }

    /**
     * Whether the page scrolls sideways: its width against the visible width (window.innerWidth less a
     * classic scroll bar, the stricter reading); if it does, the elements that stick out.
     */
    String overflow() {
        return (String) driver.executeScript(
                "var w = document.documentElement.clientWidth; if (document.documentElement.scrollWidth <= w) return '';"
                + "var out = [];"
                + "document.querySelectorAll('body *').forEach(function (e) {"
                + "  var r = e.getBoundingClientRect();"
                + "  if (r.right > w + 1 && out.length < 6) out.push(e.tagName + '#' + e.id + '.' + e.className + ' right=' + Math.round(r.right));"
                + "});"
                + "return 'scrollWidth ' + document.documentElement.scrollWidth + ' > ' + w + ': ' + out.join(' | ');");
    }

    /** Clicks the button whose title is given (buttons in table rows carry a distinct title). */
    void clickTitled(String title) {
        By button = By.xpath("//button[@title=" + xpathLiteral(title) + "]");
        waiting().until(ExpectedConditions.elementToBeClickable(button)).click();
    }

    /** Waits for an element, telling what the page says instead when it does not come. */
    WebElement await(By by) {
        try {
            return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (TimeoutException e) {
            throw new AssertionError("no " + by + " on " + driver.getCurrentUrl() + ": "
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** On the advisor's file page: lifts its {@code count} open conditions one by one, each confirmed by its message. */
    void liftConditions(int count) {
        By lift = By.cssSelector("#conditions button[id$='lift']");
        for (int left = count; left > 0; left--) {
            int before = left;
            waiting().until(d -> d.findElements(lift).size() == before);
            driver.findElements(lift).get(0).click();
            waiting().until(d -> d.findElements(lift).size() == before - 1);
            expectMessage("Condition levée.");
        }
    }

    /** On the committee's session page: the field or button {@code idSuffix} of the agenda item of the file {@code reference}. */
    WebElement inItem(String reference, String idSuffix) {
        return driver.findElement(By.cssSelector("#item-" + reference + " [id$='" + idSuffix + "']"));
    }

    /** What a link of the page answers, fetched with the browser's session (the PDF Chromium would save); asserted a PDF. */
    byte[] download(String href) throws Exception {
        HttpResponse<byte[]> r = fetch(href);
        assertEquals(200, r.statusCode());
        assertEquals("application/pdf", r.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""));
        assertEquals("%PDF", new String(r.body(), 0, 4, StandardCharsets.US_ASCII));
        return r.body();
    }

    /** What a link of the page answers (a file of any kind), fetched with the browser's session, whatever the status. */
    HttpResponse<byte[]> fetch(String href) throws Exception {
        return Api.sendForBytes(HttpRequest.newBuilder(URI.create(href)).header("Cookie", browserSession()).build());
    }

    /** The browser's session cookie, as a request's {@code Cookie} header ({@code ESSORSESSION=…}). */
    String browserSession() {
        return "ESSORSESSION=" + driver.manage().getCookieNamed("ESSORSESSION").getValue();
    }

    /** Posts to a test-only endpoint ({@code /test-only/clock?days=…}, {@code /test-only/followups/sweep}…) and asserts 200. */
    void testOnly(String path) throws Exception {
        api.testOnly(path);
    }

    /** A string as an XPath literal, whatever quotes it holds. */
    static String xpathLiteral(String s) {
        if (!s.contains("'")) {
            return "'" + s + "'";
        }
        if (!s.contains("\"")) {
            return "\"" + s + "\"";
        }
        return "concat('" + s.replace("'", "', \"'\", '") + "')";
    }
}
