package fr.essor.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Accounts from the administration's pages, in Chromium: an entrepreneur closes his account, the audit trail
 * names him by a pseudonym, the administrator sees the erasure request with its deadline and marks it
 * answered, then sets a retention period and holds a case, which the register of processing reflects; an
 * administrator creates an advisor who signs in with the temporary password, then deactivates him (the audit
 * chain verifies, the advisor is refused).
 */
class AccountsJourneyIT extends BrowserJourney {

    @Test
    void anEntrepreneurClosesTheAccountAndTheAdministratorSeesTheRequestWithItsDeadlineThenSetsARetentionRuleAndHoldsACase() throws Exception {
        String email = "fermeture-" + UUID.randomUUID().toString().substring(0, 8) + "@test.essor";
        driver.get(url("/register.xhtml"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("register:email"))).sendKeys(email);
        driver.findElement(By.id("register:displayName")).sendKeys("Fabien Fermeture");
        driver.findElement(By.id("register:password")).sendKeys("Un-Bon-Mot-De-Passe-7");
        driver.findElement(By.id("register:passwordAgain")).sendKeys("Un-Bon-Mot-De-Passe-7");
        driver.findElement(By.id("register:submit")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("enterprise:legalName")));
        driver.manage().deleteAllCookies();

        // the trail records the entrepreneur under a pseudonym; searching his e-mail finds it
        login("admin@demo.essor", "essor-demo");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("landing")));
        driver.get(url("/admin/audit.xhtml"));
        fill("audit:actor", email);
        WebElement unfiltered = driver.findElement(By.id("audit:events_data"));
        driver.findElement(By.id("audit:filter")).click();
        waiting().until(ExpectedConditions.stalenessOf(unfiltered));
        // the action and the record are named in the reader's language; the recorded text stays as it was sealed
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit:events_data"), "Inscription"));
        String events = driver.findElement(By.id("audit:events_data")).getText();
        assertTrue(events.contains("account:") && !events.contains(email), events);
        assertTrue(events.contains("Compte ") && !events.contains("UserAccount"), events);
        Browser.assertAccessible(driver, "audit trail");
        driver.manage().deleteAllCookies();

        login(email, "Un-Bon-Mot-De-Passe-7");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("landing")));

        driver.findElement(By.id("nav-close-account")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("close:submit")));
        Browser.assertAccessible(driver, "close-account page");
        driver.findElement(By.id("close:submit")).click();
        String refused = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("messages"))).getText();
        assertTrue(refused.contains("Cochez la case"), refused);
        driver.findElement(By.cssSelector("#close\\:confirmed .ui-chkbox-box")).click();
        driver.findElement(By.id("close:submit")).click();
        String erased = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("erased"))).getText();
        assertTrue(erased.contains("vos données sont effacées"), erased);

        driver.manage().deleteAllCookies();
        login("admin@demo.essor", "essor-demo");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("landing")));
        driver.findElement(By.id("nav-erasures")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("erasures:requests")));
        Browser.assertAccessible(driver, "erasure requests page");
        String deadline = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.FRENCH)
                .format(LocalDate.now(ZoneId.of("Europe/Paris")).plusMonths(1));
        WebElement first = driver.findElement(By.cssSelector("#erasures\\:requests_data tr"));
        assertTrue(first.getText().contains(deadline), "the deadline " + deadline + " in " + first.getText());
        assertTrue(first.getText().contains("Effacé"), first.getText());
        assertFalse(driver.findElement(By.tagName("main")).getText().contains(email), "the list names no one");
        first.findElement(By.xpath(".//button[.//span[text()='Marquer comme répondue']]")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "marquée comme répondue"));

        // the retention page: the national administrator sets a period and holds a case with a reason
        long file = Api.json(api.call("admin@demo.essor", "GET", "/applications?status=SUBMITTED&size=1", null))
                .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        driver.findElement(By.id("nav-retention")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("retention-intro")));
        Browser.assertAccessible(driver, "retention page");
        fill("rules:table:0:months", "18");
        driver.findElement(By.id("rules:table:0:save")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Durée de conservation enregistrée"));
        assertEquals("18", driver.findElement(By.id("rules:table:0:months")).getAttribute("value"));
        fill("hold:entityId", String.valueOf(file));
        fill("hold:reason", "Litige en cours");
        driver.findElement(By.id("hold:submit")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Cas suspendu"));
        fill("rules:table:0:months", "12");
        driver.findElement(By.id("rules:table:0:save")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Durée de conservation enregistrée"));
        driver.findElement(By.id("nav-processing-register")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("register-pdf")));
        Browser.assertAccessible(driver, "register of processing");
        assertTrue(driver.findElement(By.tagName("main")).getText().contains("supprimés 12 mois après leur dernière modification"));
        logout();
    }

    @Test
    void anAdministratorCreatesAnAdvisorWhoSignsInThenIsDeactivated() {
        String email = "conseil-" + UUID.randomUUID().toString().substring(0, 8) + "@test.essor";
        login("admin@demo.essor", "essor-demo");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("landing")));
        driver.get(url("/admin/accounts.xhtml"));
        Browser.assertAccessible(driver, "accounts page");
        driver.findElement(By.id("create:newEmail")).sendKeys(email);
        driver.findElement(By.id("create:newName")).sendKeys("Victor Nouveau");
        driver.findElement(By.cssSelector("label[for='create:roles:1']")).click();
        choose("create:association", "CVL");
        driver.findElement(By.id("create:submit")).click();
        String temporary = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("temporary-password"))).getText();
        assertEquals(15, temporary.length());
        logout();

        login(email, temporary);
        WebElement landing = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("landing")));
        assertEquals("ADVISOR", landing.getAttribute("data-role"));
        assertTrue(driver.findElement(By.id("profile-association")).getText().contains("CVL"));
        logout();

        login("admin@demo.essor", "essor-demo");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("landing")));
        driver.get(url("/admin/accounts.xhtml"));
        driver.findElement(By.id("list:text")).sendKeys(email);
        driver.findElement(By.id("list:filter")).click();
        waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#list\\:accounts_data tr"), 1));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:accounts_data"), email));
        driver.findElement(By.xpath("//tbody[@id='list:accounts_data']//button[.//span[text()='Désactiver']]")).click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("confirm-form:confirm-yes"))).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "désactivé"));

        driver.get(url("/admin/audit.xhtml"));
        Browser.assertAccessible(driver, "audit page");
        driver.findElement(By.id("audit:verify")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Chaîne intacte"));
        logout();

        login(email, temporary);
        String refused = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("messages"))).getText();
        assertTrue(refused.contains("Adresse e-mail ou mot de passe incorrect."), refused);
    }
}
