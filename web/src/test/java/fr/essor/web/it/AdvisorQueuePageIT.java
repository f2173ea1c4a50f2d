package fr.essor.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The advisor's work queue page in Chromium, on the demo data: filter, sort, assign, saved filters, accessibility. */
class AdvisorQueuePageIT extends BrowserJourney {

    @Override
    WebDriverWait waiting() {
        WebDriverWait wait = super.waiting();
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private WebElement visible(String id) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /** Clicks a button that posts the page back, and waits for the new page. */
    private void click(String id) {
        WebElement button = driver.findElement(By.id(id));
        button.click();
        waiting().until(Browser.gone(button));
    }

    private WebElement referenceHeader() {
        return driver.findElement(By.cssSelector("#queue\\:applications th.ui-sortable-column"));
    }

    private List<String> references() {
        return driver.findElements(By.cssSelector("#queue\\:applications tbody tr td:first-child a")).stream()
                .map(WebElement::getText).toList();
    }

    @Test
    void anAdvisorFiltersSortsAssignsAndSavesAFilter() {
        driver.get(url("/login.xhtml"));
        visible("login:email").sendKeys("conseil@demo.essor");
        driver.findElement(By.id("login:password")).sendKeys("essor-demo");
        driver.findElement(By.id("login:submit")).click();
        visible("landing");
        assertTrue(visible("queue-default").getText().contains("dossiers à traiter"));
        assertEquals("true", visible("filters:needingWork").getAttribute("aria-pressed"), "the default is shown");
        Browser.assertAccessible(driver, "advisor work queue");

        // the demo's files needing work, and on MariaDB in CI whatever the other test classes filed before
        List<String> firstPage = references();
        assertFalse(firstPage.isEmpty());

        // sorting goes to the server: by reference, then (second click, once the first has come back) descending
        referenceHeader().click();
        waiting().until(d -> "ascending".equals(referenceHeader().getAttribute("aria-sort")));
        waiting().until(d -> references().equals(references().stream().sorted().toList()));
        referenceHeader().click();
        waiting().until(d -> "descending".equals(referenceHeader().getAttribute("aria-sort")));
        waiting().until(d -> references().size() > 1
                ? references().equals(references().stream().sorted(Comparator.reverseOrder()).toList())
                : true);

        // the filters are folded under their legend so that the table starts near the top: open them
        assertFalse(driver.findElement(By.id("filters:text")).isDisplayed(), "the filters start folded");
        driver.findElement(By.cssSelector("#filters\\:criteria legend")).click();
        visible("filters:text").sendKeys("coop'vélo");
        click("filters:apply");
        List<String> velo = references();
        assertFalse(velo.isEmpty());
        String table = visible("queue:applications").getText();
        assertTrue(table.contains("Coop'Vélo Tours") && !table.contains("La Fabrique Solidaire"), table);
        assertTrue(table.contains("28 000,00") || table.contains("28\u202f000,00") || table.contains("28\u00a0000,00"), table);

        // the first file not yet assigned to the caller (the demo assigns some files to the advisor already)
        click(driver.findElements(By.cssSelector("[id^='queue:applications:'][id$=':assignToMe']")).get(0).getAttribute("id"));
        assertTrue(visible("messages").getText().contains("attribué à Camille Conseillère"), visible("messages").getText());
        assertTrue(visible("queue:applications").getText().contains("Camille Conseillère"));

        visible("saved:filterName").sendKeys("Vélo à suivre");
        click("saved:save");
        assertTrue(visible("messages").getText().contains("Vélo à suivre"), visible("messages").getText());
        click("filters:reset");
        assertEquals("", driver.findElement(By.id("filters:text")).getAttribute("value"));
        assertEquals(firstPage.size(), references().size());
        click("saved:applySaved");
        assertEquals("coop'vélo", visible("filters:text").getAttribute("value"));
        assertEquals(velo.size(), references().size());
        // deleting a saved filter asks first
        WebElement delete = driver.findElement(By.id("saved:deleteSaved"));
        delete.click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("confirm-form:confirm-yes"))).click();
        waiting().until(Browser.gone(delete));
        assertTrue(visible("saved:noSaved").isDisplayed());
        Browser.assertAccessible(driver, "advisor work queue after actions");
    }
}
