package fr.essor.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Signing in, in Chromium: each demo user signs in and lands on the page of their role (axe-checked) and
 * signs out; a wrong password is refused with the same words whether the account exists or not; a page of
 * another role shows the forbidden page; the language switch shows the sign-in page in English and back.
 */
class SignInIT extends BrowserJourney {

    @ParameterizedTest(name = "{0} lands on the {1} page")
    @CsvSource({
        "admin@demo.essor, ADMIN, Administration",
        "conseil@demo.essor, ADVISOR, Espace chargé·e d'accompagnement",
        "comite@demo.essor, COMMITTEE_MEMBER, Espace comité d'engagement",
        "partenaire@demo.essor, PARTNER, Espace partenaire financier",
        "region@demo.essor, PARTNER, Espace partenaire financier",
        "porteur@demo.essor, ENTREPRENEUR, Mon espace porteur·se de projet",
        "porteur2@demo.essor, ENTREPRENEUR, Mon espace porteur·se de projet"
    })
    void eachDemoUserLogsInAndSeesTheLandingPageOfTheirRole(String email, String role, String title) {
        login(email, "essor-demo");
        WebElement landing = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("landing")));
        assertEquals(role, landing.getAttribute("data-role"));
        assertEquals(title, heading());
        assertTrue(driver.findElement(By.id("signed-in-as")).getText().contains(email));
        Browser.assertAccessible(driver, role + " landing page");
        logout();
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhetherTheAccountExists() {
        login("porteur@demo.essor", "pas-le-bon");
        String known = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("messages"))).getText();
        login("inconnu@demo.essor", "pas-le-bon");
        String unknown = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("messages"))).getText();
        assertTrue(known.contains("Adresse e-mail ou mot de passe incorrect."), known);
        assertEquals(known, unknown);
        Browser.assertAccessible(driver, "login page with an error");
    }

    @Test
    void aPageOfAnotherRoleShowsTheForbiddenPage() {
        login("porteur@demo.essor", "essor-demo");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("landing")));
        driver.get(url("/admin/accounts.xhtml"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error-403")));
        assertEquals("Accès refusé", heading());
        assertFalse(driver.getPageSource().contains("Exception"));
        driver.get(url("/home"));
        logout();
    }

    @Test
    void theLanguageSwitchShowsThePageInEnglish() {
        driver.get(url("/login.xhtml"));
        assertEquals("Connexion", heading());
        driver.findElement(By.id("lang:switch")).click();
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Sign in"));
        Browser.assertAccessible(driver, "English login page");
        driver.findElement(By.id("lang:switch")).click();
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Connexion"));
    }
}
