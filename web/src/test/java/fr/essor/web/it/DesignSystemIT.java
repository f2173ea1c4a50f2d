package fr.essor.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 19, the design system in Chromium (docs/DESIGN_SYSTEM.md): a date field takes typing and opens its
 * calendar on its button only, Enter in an amount saves the step and never removes a line; the wizard's
 * stepper says which step of six it shows and ticks the complete ones, a removal asks first; the main pages
 * fit a phone of 390 px (and 1366 px) without scrolling sideways, with a screenshot of each under
 * {@code web/target/screenshots}; a French page shows no English number and an English page no French
 * spacing; the header's inbox badge counts down as an item is marked seen.
 */
class DesignSystemIT extends BrowserJourney {

    private boolean calendarShown(String fieldId) {
        return driver.findElements(By.id(fieldId + "_panel")).stream().anyMatch(WebElement::isDisplayed);
    }

    @Test
    void aDateFieldTakesTypingAndEnterInAnAmountSavesTheStepWithoutRemovingALine() {
        login("porteur@demo.essor", "essor-demo");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("landing")));

        // a date field: clicked and typed into, it keeps the focus and the text; its calendar opens on its button only
        driver.findElement(By.id("new-enterprise")).click();
        WebElement date = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("enterprise:creationDate_input")));
        assertEquals("jj/mm/aaaa", date.getAttribute("placeholder"));
        date.click();
        assertFalse(calendarShown("enterprise:creationDate"), "the calendar opened on a click into the field");
        date.sendKeys("15/03/2021");
        assertEquals(date, driver.switchTo().activeElement(), "typing in the date field lost the focus");
        date.sendKeys(Keys.TAB);
        WebElement next = driver.switchTo().activeElement();
        assertFalse(calendarShown("enterprise:creationDate"), "the calendar opened on Tab");
        assertEquals("15/03/2021", date.getAttribute("value"));
        assertTrue(next.getAttribute("class").contains("ui-datepicker-trigger"),
                "Tab from the date field goes to its calendar button, not into the day cells: " + next.getAttribute("outerHTML"));
        next.sendKeys(Keys.ENTER);
        waiting().until(d -> calendarShown("enterprise:creationDate"));
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);

        // Enter in the amount of line 1 saves the step: it never activates line 1's "Retirer"
        driver.get(url("/entrepreneur/index.xhtml"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("new:start")));
        fill("new:title", "Atelier de réparation");
        choose("new:stage", "Création");
        driver.findElement(By.id("new:start")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("project:description")));
        fill("project:description", "Réparer plutôt que jeter.");
        saveStep("project");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("financing:addLine"))).click();
        waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("fieldset.line"), 2));
        List<WebElement> instruments = driver.findElements(By.cssSelector("[id$=':instrument']"));
        String first = instruments.get(0).getAttribute("id");
        String second = instruments.get(1).getAttribute("id");
        choose(first, "Prêt d'honneur");
        fill(first.replace("instrument", "duration_input"), "36");
        choose(second, "Subvention");
        fill(second.replace("instrument", "amount"), "2000");
        WebElement amount = driver.findElement(By.id(first.replace("instrument", "amount")));
        amount.clear();
        amount.sendKeys("5000");
        amount.sendKeys(Keys.ENTER);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Étape enregistrée."));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("plan:save")));
        assertEquals("messages", driver.switchTo().activeElement().getAttribute("id"),
                "after a save the focus is on the message that says what happened");

        driver.get(driver.getCurrentUrl().replaceAll("step=[A-Z]+", "step=FINANCING"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("financing:addLine")));
        List<WebElement> amounts = driver.findElements(By.cssSelector("input[id$=':amount']"));
        assertEquals(2, amounts.size(), "both requested lines are kept");
        assertTrue(amounts.get(0).getAttribute("value").startsWith("5"), amounts.get(0).getAttribute("value"));
        assertTrue(amounts.get(1).getAttribute("value").startsWith("2"), amounts.get(1).getAttribute("value"));
        logout();
    }

    @Test
    void theWizardSaysWhichStepOfSixItShowsTicksTheCompleteOnesAndARemovalAsksFirst() {
        login("porteur@demo.essor", "essor-demo");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("new:start")));
        fill("new:title", "Épicerie en vrac");
        choose("new:stage", "Création");
        driver.findElement(By.id("new:start")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("project:description")));
        assertTrue(driver.findElement(By.id("stepper-count")).getText().startsWith("Étape 1 sur 6"),
                driver.findElement(By.id("stepper-count")).getText());
        assertFalse(driver.findElement(By.id("step-PROJECT")).getAttribute("class").contains("done"), "nothing is complete yet");
        fill("project:description", "Des produits locaux sans emballage.");
        fill("project:territory", "Vendôme");
        saveStep("project");

        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("financing:addLine")));
        assertTrue(driver.findElement(By.id("stepper-count")).getText().startsWith("Étape 2 sur 6"),
                driver.findElement(By.id("stepper-count")).getText());
        WebElement project = driver.findElement(By.id("step-PROJECT"));
        WebElement financing = driver.findElement(By.id("step-FINANCING"));
        assertTrue(project.getAttribute("class").contains("done"), "step 1 is marked complete: " + project.getAttribute("class"));
        assertTrue(project.getAttribute("textContent").contains("(terminée)"), "and says so in words: " + project.getAttribute("textContent"));
        assertTrue(financing.getAttribute("class").contains("current") && !financing.getAttribute("class").contains("done"));
        assertEquals("step", financing.findElement(By.tagName("a")).getAttribute("aria-current"));
        Browser.assertAccessible(driver, "wizard with its stepper");

        // a destructive button asks first: "Annuler" keeps the line, "Oui, confirmer" removes it
        driver.findElement(By.id("financing:addLine")).click();
        waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("fieldset.line"), 2));
        By remove = By.cssSelector("[id$=':removeLine']");
        driver.findElements(remove).get(0).click();
        WebElement no = waiting().until(ExpectedConditions.elementToBeClickable(By.id("confirm-form:confirm-no")));
        assertTrue(driver.findElement(By.id("confirm-form:confirm-dialog")).getText().contains("Retirer cette ligne de la demande ?"));
        Browser.assertAccessible(driver, "confirmation dialog");
        no.click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-form:confirm-dialog")));
        assertEquals(2, driver.findElements(By.cssSelector("fieldset.line")).size(), "cancelled: nothing removed");
        driver.findElements(remove).get(0).click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("confirm-form:confirm-yes"))).click();
        waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("fieldset.line"), 1));
        logout();
    }

    /** A whole-page PNG under web/target/screenshots (not committed), for a person to look at. */
    private void screenshot(String name) throws Exception {
        try { // the charts draw once Chart.js has run: wait for them (a picture without them is still taken)
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> (Boolean) driver.executeScript(
                    "return Array.from(document.querySelectorAll('canvas')).every(function (c) {"
                    + "  var blank = document.createElement('canvas'); blank.width = c.width; blank.height = c.height;"
                    + "  return c.width > 0 && c.toDataURL() !== blank.toDataURL(); });"));
        } catch (TimeoutException e) {
            // shown as it is
        }
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        // the whole page is laid out at the window's width once the vertical scroll bar is gone
        double width = Math.max(((Number) size.get("width")).doubleValue(),
                ((Number) driver.executeScript("return window.innerWidth")).doubleValue());
        double height = Math.min(((Number) size.get("height")).doubleValue(), 8000);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    private String href(By link) {
        return driver.findElements(link).stream().map(e -> e.getAttribute("href")).findFirst()
                .orElseThrow(() -> new AssertionError("no link " + link + " on " + driver.getCurrentUrl()));
    }

    /**
     * The main pages of the three journeys (entrepreneur first, the advisor's queue and file, the
     * partner's portfolio and dashboard, the committee's sessions, an administration page) at a
     * phone's 390 × 844 and at 1280 px: none scrolls sideways. On the phone the menu folds behind
     * its button, and the entrepreneur's pages stay free of axe violations.
     */
    @Test
    void theMainPagesFitAPhoneOf390PxWithoutHorizontalScrolling() throws Exception {
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("", List.of(url("/login.xhtml"), url("/register.xhtml")));
        login("porteur@demo.essor", "essor-demo");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("applications")));
        String draft = href(By.cssSelector("#applications a[href*='/entrepreneur/application']"));
        String filed = href(By.cssSelector("#applications a[href*='/entrepreneur/file']"));
        String owners = href(By.cssSelector("a[id$=':owners']"));
        List<String> entrepreneur = new ArrayList<>(List.of(url("/entrepreneur/index.xhtml"), url("/entrepreneur/enterprise.xhtml")));
        for (String step : List.of("PROJECT", "FINANCING", "PLAN", "IMPACT", "DOCUMENTS", "SUMMARY")) {
            entrepreneur.add(draft.replaceAll("&step=[A-Z]+", "") + "&step=" + step);
        }
        entrepreneur.addAll(List.of(filed, owners, url("/entrepreneur/close-account.xhtml"), url("/account/my-data.xhtml"),
                url("/account/inbox.xhtml"), url("/entrepreneur/followups.xhtml")));
        pages.put("porteur@demo.essor", entrepreneur);
        pages.put("conseil@demo.essor", List.of(url("/advisor/index.xhtml"), "advisor-file", url("/advisor/sessions.xhtml"),
                url("/account/inbox.xhtml"), url("/advisor/followups.xhtml")));
        pages.put("partenaire@demo.essor", List.of(url("/partner/index.xhtml"), "convention"));
        pages.put("comite@demo.essor", List.of(url("/committee/index.xhtml"), "session", url("/account/inbox.xhtml")));
        pages.put("admin@demo.essor", List.of(url("/admin/accounts.xhtml"), url("/account/inbox.xhtml")));
        pages.put("conseil-bzh@demo.essor", List.of(url("/advisor/arrears.xhtml")));

        List<String> failures = new ArrayList<>();
        try {
            for (int width : new int[] {390, 1366}) {
                driver.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
                for (Map.Entry<String, List<String>> user : pages.entrySet()) {
                    if (user.getKey().isEmpty()) {
                        driver.manage().deleteAllCookies(); // the pages before signing in
                    } else {
                        login(user.getKey());
                    }
                    for (String page : user.getValue()) {
                        String address = switch (page) {
                            case "advisor-file" -> href(By.cssSelector("#queue\\:applications a[href*='/advisor/file']"));
                            case "convention" -> href(By.xpath("//a[contains(@class, 'convention-link') and contains(., 'PRETS-HONNEUR')]"));
                            case "session" -> href(By.cssSelector("main a[href*='/committee/session']"));
                            default -> page;
                        };
                        driver.get(address);
                        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
                        String step = address.contains("step=") ? "-" + address.replaceAll(".*step=([A-Z]+).*", "$1").toLowerCase(Locale.ROOT) : "";
                        String name = (user.getKey().isEmpty() ? "public" : user.getKey().replaceAll("@.*", "")) + "-" + address.replaceAll(".*/([a-z-]+)\\.xhtml.*", "$1")
                                + step + "-" + width;
                        String wide = overflow();
                        if (!wide.isEmpty()) {
                            failures.add(name + " (" + address + "): " + wide);
                        }
                        screenshot(name);
                        if (width == 390 && (user.getKey().startsWith("porteur") || user.getKey().isEmpty())) {
                            try {
                                Browser.assertAccessible(driver, name);
                            } catch (AssertionError e) {
                                failures.add(e.getMessage());
                            }
                        }
                        if (width == 390 && page.equals(user.getValue().get(0))) {
                            WebElement menu = driver.findElement(By.id("essor-nav-list"));
                            if (menu.isDisplayed()) {
                                failures.add(name + ": on a phone the menu should start folded");
                            }
                            driver.findElement(By.cssSelector(".essor-menu-toggle")).click();
                            if (!menu.isDisplayed() || !"true".equals(driver.findElement(By.cssSelector(".essor-menu-toggle")).getAttribute("aria-expanded"))) {
                                failures.add(name + ": the menu's button should unfold it");
                            }
                        }
                    }
                }
            }
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1000));
        }
        assertTrue(failures.isEmpty(), "pages that scroll sideways, or fail axe or the menu on a phone:\n" + String.join("\n", failures));
    }

    /** A thousands comma ("25,000") or a decimal point before cents ("1000.00"): an English number. */
    private static final Pattern ENGLISH_NUMBER = Pattern.compile("(?<![\\d.,])\\d{1,3}(,\\d{3})+(?![\\d,])|\\d\\.\\d{2}(?![\\d.])");
    /**
     * French: a decimal comma before cents ("3,00"), a space before a colon ("Status : Approved"), a
     * no-break space between thousands or before the euro sign ("25 000 €"; a plain space is only
     * the gap between two cells of a table row).
     */
    private static final Pattern FRENCH_TYPOGRAPHY = Pattern.compile(
            "\\d,\\d{2}(?![\\d,])|[ \\u00a0\\u202f][:;?!](?=\\s|$)|\\d[\\u00a0\\u202f](€|\\d{3}(?!\\d))");


    /**
     * Issue 19, item 9 and 10: the pages with the most figures (the partner's dashboard and one of its
     * conventions, the indicators, the applicant's decided file, the arrears) show no English number on a
     * French page and no French typography on the same page in English; so does the committee's session page
     * (amounts of the financing plans, the analysis' weighted score).
     */
    @Test
    void aFrenchPageShowsNoEnglishNumberFormatAndAnEnglishPageNoFrenchSpacing() {
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("partenaire@demo.essor", List.of(url("/partner/index.xhtml"), "convention", url("/indicators/index.xhtml?year=2021")));
        pages.put("porteur@demo.essor", List.of("decided-file"));
        pages.put("conseil-bzh@demo.essor", List.of(url("/advisor/arrears.xhtml")));
        pages.put("comite@demo.essor", List.of("session"));
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, List<String>> user : pages.entrySet()) {
            login(user.getKey());
            List<String> addresses = new ArrayList<>();
            for (String page : user.getValue()) {
                addresses.add(switch (page) {
                    case "convention" -> href(By.xpath("//a[contains(@class, 'convention-link') and contains(., 'PRETS-HONNEUR')]"));
                    case "decided-file" -> href(By.cssSelector("#applications a[href*='/entrepreneur/file']"));
                    case "session" -> href(By.cssSelector("main a[href*='/committee/session']"));
                    default -> page;
                });
            }
            for (String language : List.of("fr", "en")) {
                for (String address : addresses) {
                    driver.get(address);
                    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
                    if (!driver.findElement(By.tagName("html")).getAttribute("lang").startsWith(language)) {
                        driver.findElement(By.id("lang:switch")).click();
                        waiting().until(d -> d.findElement(By.tagName("html")).getAttribute("lang").startsWith(language));
                    }
                    String text = driver.findElement(By.tagName("main")).getText();
                    var wrong = ("fr".equals(language) ? ENGLISH_NUMBER : FRENCH_TYPOGRAPHY).matcher(text);
                    if (wrong.find()) {
                        int from = Math.max(0, wrong.start() - 40);
                        failures.add(language + " " + address + ": \"" + wrong.group() + "\" in \""
                                + text.substring(from, Math.min(text.length(), wrong.end() + 40)).replace('\n', ' ') + "\"");
                    }
                }
            }
            driver.findElement(By.id("lang:switch")).click(); // back to French for the next tests of this session
            waiting().until(d -> d.findElement(By.tagName("html")).getAttribute("lang").startsWith("fr"));
        }
        assertTrue(failures.isEmpty(), "numbers or typography of the other language:\n" + String.join("\n", failures));
    }

    /**
     * Issue 13, item 5: the advisor sees how many items wait for him in the header of every page, opens his
     * inbox from it (keyboard and axe checked), marks the first item as seen and the count goes down by one;
     * he switches the daily digest off on "My data".
     */
    @Test
    void theAdvisorOpensHisInboxFromTheHeaderAndAnItemMarkedSeenCountsDown() {
        login("conseil@demo.essor");
        WebElement count = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("inbox-count")));
        long before = Long.parseLong(count.getText().trim());
        assertTrue(before > 0, "the demo's advisor has files waiting for him");
        driver.findElement(By.id("inbox-link")).sendKeys(Keys.ENTER);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("inbox:items")));
        assertEquals("Boîte de réception", heading());
        Browser.assertAccessible(driver, "inbox");
        List<WebElement> buttons = driver.findElements(By.cssSelector("button[id$=':seen']"));
        assertFalse(buttons.isEmpty(), "an unseen item to mark");
        String firstLink = driver.findElement(By.cssSelector("#inbox\\:items a.inbox-link")).getAttribute("href");
        assertTrue(firstLink.contains(".xhtml"), firstLink);
        buttons.get(0).click();
        waiting().until(ExpectedConditions.textToBe(By.id("inbox-count"), String.valueOf(before - 1)));
        assertTrue(driver.findElement(By.id("messages")).getText().contains("Élément marqué comme vu"));

        driver.findElement(By.id("digest")).click();
        WebElement daily = waiting().until(ExpectedConditions.elementToBeClickable(By.id("digest:daily")));
        assertTrue(daily.isSelected(), "everyone receives the digest until they switch it off");
        daily.click();
        driver.findElement(By.id("digest:save")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "ne recevrez plus le récapitulatif"));
        assertFalse(driver.findElement(By.id("digest:daily")).isSelected());
    }
}
