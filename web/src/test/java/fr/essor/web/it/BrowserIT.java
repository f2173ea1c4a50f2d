package fr.essor.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a person sees in Chromium: logging in as each demo user, registering, administering accounts. */
class BrowserIT extends BrowserJourney {

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
    void theEntrepreneurSeesTheirOwnEnterpriseOnlyAndTheFilesWaitingForHim() {
        login("porteur@demo.essor", "essor-demo");
        WebElement table = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("enterprises")));
        assertTrue(table.getText().contains("La Fabrique Solidaire"));
        assertFalse(table.getText().contains("Coop'Vélo Tours"));
        assertTrue(table.getText().contains("812 345 678 00013"));
        // issue 19, item 14: the file whose advisor asked a question is flagged, and only it; the notice counts it
        List<WebElement> rows = driver.findElements(By.cssSelector("[id='applications'] tbody tr"));
        long asked = rows.stream().filter(r -> !r.findElements(By.cssSelector(".badge-INFO_REQUESTED")).isEmpty()).count();
        assertTrue(asked >= 1, "the demo's porteur has a file waiting for his answer");
        for (WebElement row : rows) {
            boolean isAsked = !row.findElements(By.cssSelector(".badge-INFO_REQUESTED")).isEmpty();
            boolean flagged = !row.findElements(By.cssSelector("[data-action='INFORMATION_REQUESTED']")).isEmpty();
            assertEquals(isAsked, flagged, "flagged exactly when a question waits: " + row.getText());
        }
        String notice = driver.findElement(By.id("awaiting")).getText();
        assertTrue(notice.contains("attend") && notice.contains("À faire"), notice);
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

    /**
     * Issue 19, item 15: registered, the entrepreneur is signed in and led to describe his enterprise; the
     * empty home says what to do first, then what next; a draft is deleted by its owner after a confirmation
     * (cancel keeps it), and the home says again what to do. On a phone, with the keyboard.
     */
    @Test
    void anEntrepreneurRegistersIsSignedInDescribesHisEnterpriseAndDeletesADraft() {
        String email = "nouvelle-" + UUID.randomUUID().toString().substring(0, 8) + "@test.essor";
        driver.get(url("/register.xhtml"));
        Browser.assertAccessible(driver, "registration page");
        driver.findElement(By.id("register:email")).sendKeys(email);
        driver.findElement(By.id("register:displayName")).sendKeys("Nora <b>Nouvelle</b>");
        driver.findElement(By.id("register:password")).sendKeys("court");
        driver.findElement(By.id("register:passwordAgain")).sendKeys("court");
        driver.findElement(By.id("register:submit")).click();
        String error = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("messages"))).getText()
                + driver.findElement(By.tagName("main")).getText();
        assertTrue(error.contains("au moins 10 caractères"), error);

        driver.findElement(By.id("register:password")).sendKeys("Un-Bon-Mot-De-Passe-7");
        driver.findElement(By.id("register:passwordAgain")).sendKeys("Un-Bon-Mot-De-Passe-7");
        driver.findElement(By.id("register:submit")).click();
        // signed in at once, on the page that describes his enterprise
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("enterprise:legalName")));
        assertTrue(driver.findElement(By.id("messages")).getText().contains("vous êtes connecté·e."),
                driver.findElement(By.id("messages")).getText());
        assertTrue(driver.findElement(By.id("signed-in-as")).getText().contains(email));
        Browser.assertAccessible(driver, "enterprise page right after registering");
        // what axe leaves "to review" there: a select menu (a span with the role combobox) and a date field are
        // named by their labels, as a screen reader announces them
        String selectName = driver.findElement(By.id("enterprise:legalForm_label")).getAccessibleName();
        assertTrue(selectName.startsWith("Forme juridique"), "the legal form's menu is named " + selectName);
        assertEquals("Date de création", driver.findElement(By.id("enterprise:creationDate_input")).getAccessibleName());

        // the empty home says what to do first; its link is reached and followed with the keyboard
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            driver.get(url("/entrepreneur/index.xhtml"));
            WebElement landing = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("landing")));
            assertEquals("ENTREPRENEUR", landing.getAttribute("data-role"));
            assertTrue(driver.findElement(By.id("first-step")).getText().contains("commencez par décrire votre entreprise"),
                    driver.findElement(By.id("first-step")).getText());
            assertEquals("", overflow());
            Browser.assertAccessible(driver, "the empty home on a phone");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1000));
        }
        driver.findElement(By.id("first-step-enterprise")).sendKeys(Keys.ENTER);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("enterprise:legalName")));
        fill("enterprise:legalName", "Atelier Nora");
        fill("enterprise:siret", validSiret());
        choose("enterprise:legalForm", "Association");
        fill("enterprise:department", "45");
        fill("enterprise:city", "Orléans");
        driver.findElement(By.id("enterprise:submit")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Atelier Nora"));

        // then what next: start a file
        assertTrue(driver.findElement(By.id("first-step")).getText().contains("démarrez votre demande"),
                driver.findElement(By.id("first-step")).getText());
        Browser.assertAccessible(driver, "the home with an enterprise and no file");
        driver.findElement(By.id("first-step-application")).sendKeys(Keys.ENTER);
        fill("new:title", "Brouillon sans suite");
        choose("new:stage", "Création");
        driver.findElement(By.id("new:start")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("project:description")));

        // the draft is deleted from the home, after a confirmation in the danger style
        driver.get(url("/entrepreneur/index.xhtml"));
        By delete = By.cssSelector("[id$='draft:delete']");
        WebElement button = waiting().until(ExpectedConditions.elementToBeClickable(delete));
        assertTrue(button.getAttribute("class").contains("ui-button-danger"), button.getAttribute("class"));
        assertTrue(driver.findElements(By.id("first-step")).isEmpty(), "a file started: nothing more to say first");
        button.click();
        WebElement no = waiting().until(ExpectedConditions.elementToBeClickable(By.id("confirm-form:confirm-no")));
        assertTrue(driver.findElement(By.id("confirm-form:confirm-dialog")).getText().contains("Supprimer définitivement ce brouillon"));
        no.click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-form:confirm-dialog")));
        assertTrue(driver.findElement(By.id("applications")).getText().contains("Brouillon sans suite"), "cancelled: kept");
        driver.findElement(delete).click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("confirm-form:confirm-yes"))).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "est supprimé"));
        assertFalse(driver.findElement(By.id("applications")).getText().contains("Brouillon sans suite"));
        assertTrue(driver.findElement(By.id("first-step")).getText().contains("démarrez votre demande"));
        logout();
    }

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
    void aNewEntrepreneurRegistersDescribesTheEnterpriseFilesStepByStepAndAnswersTheAdvisor() throws Exception {
        GreenMail smtp = new GreenMail(
                new ServerSetup(Integer.getInteger("essor.it.smtp.port", 3025), "127.0.0.1",
                        ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            fileAndFollow(smtp);
        } finally {
            smtp.stop();
        }
    }

    private void fileAndFollow(GreenMail smtp) throws Exception {
        String email = "velo-" + UUID.randomUUID().toString().substring(0, 8) + "@test.essor";
        String password = "Pedaler-Toujours-42";
        driver.get(url("/register.xhtml"));
        fill("register:email", email);
        fill("register:displayName", "Vera Vélo");
        fill("register:password", password);
        fill("register:passwordAgain", password);
        driver.findElement(By.id("register:submit")).click();
        // signed in at once and led to describe the enterprise (issue 19, item 15)
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("enterprise:siret")));
        Browser.assertAccessible(driver, "enterprise form");
        String siret = validSiret();
        fill("enterprise:legalName", "Vélo-école de Blois");
        fill("enterprise:siret", "12345678900000");
        choose("enterprise:legalForm", "Association");
        fill("enterprise:department", "41");
        driver.findElement(By.id("enterprise:submit")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "SIRET n'est pas valide"));
        fill("enterprise:siret", siret);
        fill("enterprise:city", "Blois");
        fill("enterprise:employees", "1,5");
        driver.findElement(By.id("enterprise:submit")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Vélo-école de Blois"));

        fill("new:title", "Vélo-école <script>alert('x')</script>");
        choose("new:stage", "Création");
        driver.findElement(By.id("new:start")).click();

        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("project:description")));
        Browser.assertAccessible(driver, "wizard, project step");
        fill("project:description", "Apprendre le vélo aux adultes.");
        fill("project:territory", "Blois Agglopolys");
        saveStep("project");

        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("financing:addLine")));
        Browser.assertAccessible(driver, "wizard, financing step");
        String line = driver.findElement(By.cssSelector("[id$=':instrument']")).getAttribute("id");
        String prefix = line.substring(0, line.length() - "instrument".length());
        choose(line, "Prêt d'honneur");
        fill(prefix + "amount", "50000");
        fill(prefix + "duration_input", "48");
        driver.findElement(By.id("financing:save")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "plafond"));
        fill(prefix + "amount", "6000,00");
        saveStep("financing");

        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("plan:save")));
        Browser.assertAccessible(driver, "wizard, plan step");
        // the empty plan starts from the requested line (issue 19, item 15): a need to type, the loan as a source
        assertTrue(driver.findElement(By.id("plan:prefilled")).isDisplayed());
        List<WebElement> labels = driver.findElements(By.cssSelector("input[id$=':label']"));
        List<WebElement> amounts = driver.findElements(By.cssSelector("input[id$=':amount']"));
        assertEquals(2, labels.size());
        assertEquals("", labels.get(0).getAttribute("value"));
        assertEquals("Prêt d'honneur", labels.get(1).getAttribute("value"));
        assertTrue(amounts.get(1).getAttribute("value").startsWith("6"), amounts.get(1).getAttribute("value"));
        assertTrue(driver.findElement(By.id("total-sources")).getText().startsWith("6"), "the prefilled source is counted");
        labels.get(0).sendKeys("Vélos et atelier");
        amounts.get(0).sendKeys("9000");
        amounts.get(0).sendKeys(Keys.TAB);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("difference"), "3"));
        // unbalanced, the plan is saved all the same, with a warning that says by how much
        driver.findElement(By.id("plan:save")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "n'est pas équilibré"));
        assertTrue(driver.findElement(By.cssSelector("#messages .msg-warn")).getText().contains("3"),
                driver.findElement(By.id("messages")).getText());
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("impact:save")));
        driver.get(driver.getCurrentUrl().replace("step=IMPACT", "step=PLAN"));
        assertTrue(waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("plan:unbalanced"))).getText()
                .contains("n'est pas équilibré"));
        assertTrue(driver.findElements(By.id("plan:prefilled")).isEmpty(), "saved: no longer prefilled");
        assertEquals(2, driver.findElements(By.cssSelector("input[id$=':label']")).size(), "both rows kept");
        Browser.assertAccessible(driver, "wizard, plan step with its warning");
        driver.get(driver.getCurrentUrl().replace("step=PLAN", "step=IMPACT"));

        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("impact:save")));
        Browser.assertAccessible(driver, "wizard, impact step");
        fill("impact:jobsCreated", "1");
        fill("impact:jobsMaintained", "0,5");
        fill("impact:socialUtility", "Mobilité des personnes sans permis.");
        saveStep("impact");

        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("documents:upload")));
        Browser.assertAccessible(driver, "wizard, documents step");
        Path pdf = Files.createTempFile("plan-affaires", ".pdf");
        Files.write(pdf, ApplicationApiIT.PDF);
        driver.findElement(By.cssSelector("input[type='file']")).sendKeys(pdf.toString());
        driver.findElement(By.id("documents:upload")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("document-list"), ".pdf"));

        driver.findElement(By.id("to-summary")).click();
        WebElement missing = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("missing")));
        assertTrue(missing.getText().contains("n'est pas équilibré"), missing.getText());
        assertTrue(driver.findElement(By.id("summary-unbalanced")).getText().contains("Attention"),
                "the summary warns of the unbalanced plan at its top");
        Browser.assertAccessible(driver, "wizard, summary step");
        driver.findElement(By.id("submit:submit")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "incomplet"));

        missing = driver.findElement(By.id("missing"));
        missing.findElement(By.tagName("a")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("plan:addSource")));
        driver.findElement(By.id("plan:addSource")).click();
        waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("input[id$=':label']"), 3));
        driver.findElements(By.cssSelector("input[id$=':label']")).get(2).sendKeys("Apport personnel");
        driver.findElements(By.cssSelector("input[id$=':amount']")).get(2).sendKeys("3000");
        saveStep("plan");

        driver.get(driver.getCurrentUrl().replace("step=IMPACT", "step=SUMMARY"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("submit:submit"))).click();
        WebElement status = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("status")));
        assertEquals("Déposé", status.getText());
        String reference = driver.findElement(By.tagName("h1")).getText().replace("Dossier ", "");
        assertTrue(reference.matches("CVL-\\d{4}-\\d{5}"), reference);
        assertTrue(driver.findElement(By.id("timeline")).getText().contains("Déposé"));
        Browser.assertAccessible(driver, "application file");

        // the acknowledgement arrives by mail (the outbox timer sends it)
        MimeMessage ack = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (ack == null && System.nanoTime() < deadline) {
            ack = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                try {
                    return m.getAllRecipients()[0].toString().equals(email) && m.getSubject().contains(reference);
                } catch (MessagingException e) {
                    return false;
                }
            }).findFirst().orElse(null);
            if (ack == null) {
                smtp.waitForIncomingEmail(2_000, smtp.getReceivedMessages().length + 1);
            }
        }
        assertTrue(ack != null, "no acknowledgement mail to " + email + " about " + reference + " within 90 s");
        assertTrue(GreenMailUtil.getBody(ack).length() > 0);

        // the advisor asks for information through the API; the applicant answers on the page
        long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
        assertEquals(200, advisor("/applications/" + id + "/review", null));
        assertEquals(200, advisor("/applications/" + id + "/information-requests",
                "{\"question\":\"Pouvez-vous joindre un devis des vélos ?\"}"));
        driver.navigate().refresh();
        WebElement question = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("question")));
        assertEquals("Pouvez-vous joindre un devis des vélos ?", question.getText());
        Browser.assertAccessible(driver, "application file with a question");
        fill("answer:text", "Le devis est en cours, livraison en mars.");
        driver.findElement(By.id("answer:send")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "En instruction"));
        assertTrue(driver.findElement(By.id("thread")).getText().contains("livraison en mars"));

        // the committee decides (its own pages are driven in CommitteeJourneyIT; here through the API)
        decideThroughTheCommittee(id);
        driver.get(url("/entrepreneur/file.xhtml?id=" + id));
        WebElement decision = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("decision")));
        assertTrue(decision.getText().contains("Accordé"), decision.getText());
        assertTrue(driver.findElement(By.id("total-granted")).getText().replace('\u202f', ' ').replace('\u00a0', ' ')
                .contains("6 000,00"));
        Browser.assertAccessible(driver, "the new entrepreneur's decision");
        String letterHref = driver.findElement(By.id("decision-letter")).getAttribute("href");
        HttpResponse<byte[]> letter = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(letterHref))
                        .header("Cookie", "ESSORSESSION=" + driver.manage().getCookieNamed("ESSORSESSION").getValue()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, letter.statusCode());
        assertEquals("%PDF", new String(letter.body(), 0, 4, StandardCharsets.US_ASCII));

        driver.get(url("/entrepreneur/index.xhtml"));
        WebElement table = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("applications")));
        assertTrue(table.getText().contains("Vélo-école <script>alert('x')</script>"), "title shown as text, escaped");
        logout();
    }

    private HttpResponse<String> api(String user, String method, String path, String json) throws Exception {
        HttpResponse<String> r = api.call(user, method, path, json);
        assertTrue(r.statusCode() < 300, method + " " + path + " → " + r.statusCode() + " " + r.body());
        return r;
    }

    /** Analysis, ready for committee, a new session, the agenda, attendance, three votes, the decision, closing. */
    private void decideThroughTheCommittee(long id) throws Exception {
        String line = "[{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"6000.00\",\"durationMonths\":48}]";
        api("conseil@demo.essor", "PUT", "/applications/" + id + "/instruction/analysis", "{\"scores\":{\"SOCIAL_UTILITY\":4,"
                + "\"ECONOMIC_VIABILITY\":3,\"TEAM\":4,\"FINANCIAL_STRUCTURE\":3,\"TERRITORIAL_ANCHORING\":5},"
                + "\"recommendation\":\"Favorable\",\"proposedLines\":" + line + "}");
        long version = Api.json(api("conseil@demo.essor", "GET", "/applications/" + id, null)).getJsonNumber("version").longValue();
        api("conseil@demo.essor", "POST", "/applications/" + id + "/instruction/ready?version=" + version, null);
        long committee = Api.json(api("conseil@demo.essor", "GET", "/sessions?past=true&size=1", null)).getJsonArray("items")
                .getJsonObject(0).getJsonNumber("committeeId").longValue();
        long session = Api.json(api("conseil@demo.essor", "POST", "/sessions", "{\"committeeId\":" + committee
                + ",\"startsAt\":\"2027-03-01T14:00\",\"place\":\"Blois\"}")).getJsonNumber("id").longValue();
        JsonObject s = Api.json(api("conseil@demo.essor", "POST", "/sessions/" + session + "/items",
                "{\"applicationId\":" + id + "}"));
        long item = s.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        StringBuilder present = new StringBuilder();
        for (JsonValue m : s.getJsonArray("members")) {
            present.append(present.length() == 0 ? "" : ",").append(m.asJsonObject().getJsonNumber("accountId"));
        }
        api("comite@demo.essor", "POST", "/sessions/" + session + "/open", "{\"present\":[" + present + "]}");
        for (String member : List.of("comite@demo.essor", "membre1@demo.essor", "membre2@demo.essor")) {
            api(member, "PUT", "/sessions/" + session + "/items/" + item + "/vote", "{\"choice\":\"FOR\"}");
        }
        long itemVersion = Api.json(api("comite@demo.essor", "GET", "/sessions/" + session, null)).getJsonArray("items")
                .getJsonObject(0).getJsonNumber("version").longValue();
        api("comite@demo.essor", "POST", "/sessions/" + session + "/items/" + item + "/decision", "{\"version\":" + itemVersion
                + ",\"outcome\":\"APPROVED\",\"lines\":" + line + ",\"conditions\":\"Devis signé.\"}");
        api("comite@demo.essor", "POST", "/sessions/" + session + "/close", null);
    }

    private int advisor(String path, String json) throws Exception {
        return api.call("conseil@demo.essor", "POST", path, json).statusCode();
    }

    /** A fresh SIRET with a valid Luhn key, so that repeated runs on one database never collide. */
    private static String validSiret() {
        return Fixtures.siret('7');
    }

    @Test
    void theEntrepreneurReadsTheCommitteeDecisionAndItsLetter() throws Exception {
        login("porteur@demo.essor", "essor-demo");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("applications")));
        driver.findElement(By.linkText(driver.findElements(By.xpath("//tbody[@id='applications_data']/tr"))
                .stream().filter(r -> r.getText().contains("Accordé")).findFirst().orElseThrow()
                .findElement(By.tagName("a")).getText())).click();
        WebElement decision = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("decision")));
        assertTrue(decision.getText().contains("Accordé"), decision.getText());
        assertTrue(driver.findElement(By.id("total-granted")).getText().replace('\u202f', ' ').replace('\u00a0', ' ')
                .contains("28 000,00"));
        Browser.assertAccessible(driver, "application file with a decision");
        String href = driver.findElement(By.id("decision-letter")).getAttribute("href");
        String cookie = driver.manage().getCookieNamed("ESSORSESSION").getValue();
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(href)).header("Cookie", "ESSORSESSION=" + cookie).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
        logout();
    }

    @Test
    void anEntrepreneurDownloadsHisDataFromMyDataAndSwitchesOffAnOptionalMail() throws Exception {
        // before signing in: the registration page links to the privacy notice
        driver.get(url("/register.xhtml"));
        driver.findElement(By.id("privacy-notice")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        Browser.assertAccessible(driver, "privacy notice");

        login("porteur@demo.essor", "essor-demo");
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("nav-my-data"))).click();
        WebElement download = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("download")));
        Browser.assertAccessible(driver, "my data page");
        String cookie = driver.manage().getCookieNamed("ESSORSESSION").getValue();
        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(download.getAttribute("href")))
                .header("Cookie", "ESSORSESSION=" + cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zip.statusCode());
        assertEquals("PK", new String(zip.body(), 0, 2, StandardCharsets.US_ASCII), "a ZIP archive");
        assertTrue(new String(zip.body(), StandardCharsets.UTF_8).contains("\"email\": \"porteur@demo.essor\"")
                || new String(zip.body(), StandardCharsets.UTF_8).contains("\"email\":\"porteur@demo.essor\""), "his data");

        By acknowledgement = By.cssSelector("input[name='mails:received'][value='APPLICATION_SUBMITTED']");
        assertTrue(driver.findElement(acknowledgement).isSelected(), "received until switched off");
        driver.findElement(acknowledgement).click();
        driver.findElement(By.id("mails:save")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Vos choix de courriels sont enregistrés."));
        try {
            assertFalse(driver.findElement(acknowledgement).isSelected(), "switched off");
            JsonValue preference = Api.array(api.call("porteur@demo.essor", "GET", "/me/mail-preferences", null).body()).stream()
                    .filter(p -> p.asJsonObject().getString("kind").equals("APPLICATION_SUBMITTED")).findFirst().orElseThrow();
            assertFalse(preference.asJsonObject().getBoolean("receive"));
        } finally {
            api.call("porteur@demo.essor", "PUT", "/me/mail-preferences/APPLICATION_SUBMITTED", "{\"receive\":true}");
        }
        logout();
    }

    // ---- issue 12: from nothing to a second association that carries a file from application to allocation ----

    /** The national administrator (or the association's) creates an account on the accounts page; its temporary password. */
    private String createAccount(String email, String name, int roleIndex, String association) {
        driver.get(url("/admin/accounts.xhtml"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("create:newEmail"))).sendKeys(email);
        driver.findElement(By.id("create:newName")).sendKeys(name);
        driver.findElement(By.cssSelector("label[for='create:roles:" + roleIndex + "']")).click();
        choose("create:association", association);
        driver.findElement(By.id("create:submit")).click();
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("temporary-password"))).getText();
    }

    @Test
    void theNationalAdministratorSetsUpAnAssociationWhoseRulesCommitteeAndPartnerCarryAFileFromApplicationToAllocation()
            throws Exception {
        String code = ("J" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase(Locale.ROOT) + "QWERTY")
                .substring(0, 7);
        String lower = code.toLowerCase(Locale.ROOT);

        // ---- the national administrator: the association, its two départements, a local partner and its account
        login("admin@demo.essor", "essor-demo");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("landing")));
        driver.get(url("/admin/associations.xhtml"));
        Browser.assertAccessible(driver, "associations page");
        fill("create:code", code);
        fill("create:name", "France Active Corse " + code);
        fill("create:region", "Corse");
        driver.findElement(By.id("create:submit")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), code));
        for (String department : List.of("2A", "2B")) {
            Select association = new Select(driver.findElement(By.id("assign:association")));
            association.getOptions().stream().filter(o -> o.getText().startsWith(code + " ")).findFirst().orElseThrow().click();
            fill("assign:department", department);
            driver.findElement(By.id("assign:submit")).click();
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Département " + department));
        }
        assertTrue(driver.findElement(By.id("list:associations")).getText().contains("2A, 2B"));

        driver.get(url("/admin/partners.xhtml"));
        Browser.assertAccessible(driver, "partners page");
        String partnerName = "Caisse corse " + code;
        fill("partner:name", partnerName);
        new Select(driver.findElement(By.id("partner:kind"))).selectByValue("BANK");
        new Select(driver.findElement(By.id("partner:associationId"))).getOptions().stream()
                .filter(o -> o.getText().startsWith(code + " ")).findFirst().orElseThrow().click();
        driver.findElement(By.id("partner:submit")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("account:email")));
        String partnerEmail = "caisse-" + lower + "@test.essor";
        fill("account:email", partnerEmail);
        fill("account:displayName", "Carla Caisse");
        driver.findElement(By.id("account:submit")).click();
        String partnerPassword = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("temporary-password"))).getText();
        Browser.assertAccessible(driver, "partners page with a partner open");

        // the association's administrator and advisor (roles: 1 ADVISOR, 2 COMMITTEE_MEMBER, 4 ADMIN)
        String adminEmail = "admin-" + lower + "@test.essor";
        String adminPassword = createAccount(adminEmail, "Ange Administratrice", 4, code);
        String advisorEmail = "conseil-" + lower + "@test.essor";
        String advisorPassword = createAccount(advisorEmail, "Corentin Conseiller", 1, code);
        logout();

        // ---- the association's administrator: its rules, its committee, its partner's convention
        signIn(adminEmail, adminPassword);
        driver.get(url("/admin/rules.xhtml"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("rules:save")));
        assertTrue(driver.findElement(By.id("current-version")).getText().startsWith(code), "its own association's rules");
        assertTrue(driver.findElements(By.id("choose:code")).isEmpty(), "an association's administrator chooses no other");
        Browser.assertAccessible(driver, "rules of the new association");
        WebElement honourLoan = driver.findElement(By.xpath("//tbody[@id='rules:instruments_data']/tr[contains(., "
                + xpathLiteral("Prêt d'honneur") + ")]"));
        for (String kind : List.of("Plan d'affaires", "Statuts")) {
            WebElement box = honourLoan.findElement(By.xpath(".//label[normalize-space()=" + xpathLiteral(kind) + "]"));
            WebElement input = driver.findElement(By.id(box.getAttribute("for")));
            if (!input.isSelected()) {
                box.click();
            }
        }
        fill("rules:quorum", "2");
        new Select(driver.findElement(By.id("rules:majority"))).selectByValue("TWO_THIRDS");
        driver.findElement(By.id("rules:save")).click();
        expectMessage("des règles enregistrée");
        String history = driver.findElement(By.id("history")).getText();
        assertTrue(history.contains(adminEmail) || history.contains("Ange Administratrice"), "recorded with its author: " + history);

        String chairEmail = "chair-" + lower + "@test.essor";
        String chairPassword = createAccount(chairEmail, "Chiara Présidente", 2, code);
        String memberEmail = "membre-" + lower + "@test.essor";
        String memberPassword = createAccount(memberEmail, "Marco Membre", 2, code);
        String thirdEmail = "tiers-" + lower + "@test.essor";
        String thirdPassword = createAccount(thirdEmail, "Toussaint Tiers", 2, code);
        driver.get(url("/admin/committees.xhtml"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("create:submit")));
        new Select(driver.findElement(By.id("create:association"))).getOptions().stream()
                .filter(o -> o.getText().startsWith(code + " ")).findFirst().orElseThrow().click();
        String committeeName = "Comité d'engagement " + code;
        fill("create:name", committeeName);
        fill("create:quorum", "2");
        driver.findElement(By.id("create:submit")).click();
        expectMessage("Comité « " + committeeName + " » créé.");
        if (driver.findElements(By.id("members:seat")).isEmpty()) {
            clickTitled("Gérer " + committeeName);
        }
        for (String seat : List.of(chairEmail + ":CHAIR", memberEmail + ":MEMBER", thirdEmail + ":MEMBER")) {
            String[] parts = seat.split(":");
            waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("members:seat")));
            new Select(driver.findElement(By.id("members:account"))).getOptions().stream()
                    .filter(o -> o.getText().contains(parts[0])).findFirst().orElseThrow().click();
            new Select(driver.findElement(By.id("members:role"))).selectByValue(parts[1]);
            driver.findElement(By.id("members:seat")).click();
            expectMessage("Membre nommé.");
        }
        assertTrue(driver.findElement(By.id("seats")).getText().contains(thirdEmail));
        Browser.assertAccessible(driver, "the new association's committee");

        driver.get(url("/admin/conventions.xhtml"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("create:submit")));
        String convention = code + "-PRETS-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(Locale.ROOT);
        fill("create:reference", convention);
        choose("create:partnerId", partnerName);
        if (!driver.findElements(By.id("create:associationId")).isEmpty()) {
            choose("create:associationId", code);
        }
        fill("create:amount", "50 000");
        driver.findElement(By.xpath("//*[@id='create:instruments']//label[normalize-space()=" + xpathLiteral("Prêt d'honneur")
                + "]")).click();
        driver.findElement(By.id("create:submit")).click();
        expectMessage("Convention " + convention + " créée en brouillon.");
        clickTitled("Activer " + convention);
        expectMessage("Convention " + convention + " activée.");
        logout();

        // ---- an entrepreneur of 2A: his file reaches the new association, with its checklist
        String email = "corse-" + lower + "@test.essor";
        String password = "Ajaccio-Solidaire-42";
        api.register(email, "Paoli Porteur", password);
        login(email, password);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("landing")));
        driver.findElement(By.id("new-enterprise")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("enterprise:siret")));
        fill("enterprise:legalName", "Coopérative d'Ajaccio " + code);
        fill("enterprise:siret", Fixtures.siret('8'));
        choose("enterprise:legalForm", "SCOP");
        fill("enterprise:city", "Ajaccio");
        fill("enterprise:department", "2A");
        driver.findElement(By.id("enterprise:submit")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Coopérative d'Ajaccio"));
        fill("new:title", "Atelier de réemploi " + code);
        choose("new:stage", "Création");
        driver.findElement(By.id("new:start")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("project:description")));
        long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
        Api own = api.password(password);
        JsonObject draft = Api.json(own.call(email, "GET", "/applications/" + id, null));
        String reference = draft.getString("reference");
        assertTrue(reference.startsWith(code + "-"), "the file is the new association's: " + draft);
        assertEquals(200, own.call(email, "PUT", "/applications/" + id, "{\"version\":" + draft.getJsonNumber("version")
                + "," + Fixtures.COMPLETE + "}").statusCode());
        assertEquals(201, own.upload(email, "/applications/" + id + "/documents?kind=BUSINESS_PLAN", "plan.pdf",
                Fixtures.PDF).statusCode());
        // the association's checklist asks for the statutes too: the summary says so, and submitting is refused
        driver.get(url("/entrepreneur/application.xhtml?id=" + id + "&step=SUMMARY"));
        WebElement missing = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("missing")));
        assertTrue(missing.getText().contains("Pièce exigée : statuts."), missing.getText());
        HttpResponse<String> refused = own.call(email, "POST", "/applications/" + id + "/submit", null);
        assertTrue(refused.statusCode() >= 400 && refused.body().contains("statuts"), refused.statusCode() + " " + refused.body());
        assertEquals(201, own.upload(email, "/applications/" + id + "/documents?kind=STATUTES", "statuts.pdf",
                Fixtures.PDF).statusCode());
        driver.get(url("/entrepreneur/application.xhtml?id=" + id + "&step=SUMMARY"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("submit:submit")));
        assertTrue(driver.findElements(By.id("missing")).isEmpty(), "nothing missing once the statutes are in");
        driver.findElement(By.id("submit:submit")).click();
        waiting().until(ExpectedConditions.urlContains("/entrepreneur/file.xhtml"));
        assertEquals("SUBMITTED", Api.json(own.call(email, "GET", "/applications/" + id, null)).getString("status"));
        logout();

        // ---- its advisor: the file in his queue only; instructs it and puts it on his committee's agenda
        signIn(advisorEmail, advisorPassword);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue:applications"), reference));
        assertFalse(driver.findElement(By.id("queue:applications")).getText().contains("CVL-"), "no Centre-Val de Loire file");
        Browser.assertAccessible(driver, "the new association's advisor queue");
        Api advisor = api.password(advisorPassword);
        String line = "[{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"6000.00\",\"durationMonths\":48}]";
        JsonObject current = Api.json(advisor.call(advisorEmail, "GET", "/applications/" + id, null));
        assertEquals(200, advisor.call(advisorEmail, "POST", "/applications/" + id + "/review?version="
                + current.getJsonNumber("version"), null).statusCode());
        HttpResponse<String> analysis = advisor.call(advisorEmail, "PUT", "/applications/" + id + "/instruction/analysis",
                "{\"scores\":{\"SOCIAL_UTILITY\":4,\"ECONOMIC_VIABILITY\":3,\"TEAM\":4,\"FINANCIAL_STRUCTURE\":3,"
                + "\"TERRITORIAL_ANCHORING\":5},\"recommendation\":\"Favorable\",\"proposedLines\":" + line + "}");
        assertEquals(200, analysis.statusCode(), analysis.body());
        current = Api.json(advisor.call(advisorEmail, "GET", "/applications/" + id, null));
        HttpResponse<String> ready = advisor.call(advisorEmail, "POST", "/applications/" + id + "/instruction/ready?version="
                + current.getJsonNumber("version"), null);
        assertEquals(200, ready.statusCode(), ready.body());
        driver.get(url("/advisor/sessions.xhtml"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("schedule:create")));
        new Select(driver.findElement(By.id("schedule:committee"))).selectByVisibleText(committeeName);
        WebElement date = driver.findElement(By.id("schedule:startsAt_input"));
        date.sendKeys(LocalDate.now().plusDays(20).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " 10:00");
        date.sendKeys(Keys.ESCAPE);
        fill("schedule:place", "Ajaccio");
        driver.findElement(By.id("schedule:create")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("agenda:add")));
        String sessionId = driver.getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1");
        new Select(driver.findElement(By.id("agenda:file"))).selectByValue(String.valueOf(id));
        driver.findElement(By.id("agenda:add")).click();
        expectMessage("Dossier inscrit à l'ordre du jour.");
        logout();

        // ---- the committee decides under its association's rule: quorum 2, two thirds of the voters
        signIn(chairEmail, chairPassword);
        driver.get(url("/committee/session.xhtml?id=" + sessionId));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("attendance:open"))).click();
        expectMessage("La séance est ouverte.");
        By itemFor = By.cssSelector("#item-" + reference + " [id$=':for']");
        waiting().until(ExpectedConditions.elementToBeClickable(itemFor)).click();
        expectMessage("Vote enregistré.");
        Api member = api.password(memberPassword);
        JsonObject session = Api.json(member.call(memberEmail, "GET", "/sessions/" + sessionId, null));
        long item = session.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(200, member.call(memberEmail, "PUT", "/sessions/" + sessionId + "/items/" + item + "/vote",
                "{\"choice\":\"ABSTAIN\"}").statusCode());
        // one for, one abstention: the quorum of 2 is met, a simple majority would pass, two thirds do not
        driver.get(url("/committee/session.xhtml?id=" + sessionId));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("item-" + reference)));
        By outcome = By.cssSelector("#item-" + reference + " [id$=':outcome']");
        By record = By.cssSelector("#item-" + reference + " [id$=':record']");
        new Select(driver.findElement(outcome)).selectByValue("APPROVED");
        driver.findElement(record).click();
        expectMessage("Pas de majorité des deux tiers pour accorder : 1 voix pour sur 2.");
        Api third = api.password(thirdPassword);
        assertEquals(200, third.call(thirdEmail, "PUT", "/sessions/" + sessionId + "/items/" + item + "/vote",
                "{\"choice\":\"FOR\"}").statusCode());
        driver.get(url("/committee/session.xhtml?id=" + sessionId));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("item-" + reference)));
        new Select(driver.findElement(outcome)).selectByValue("APPROVED");
        driver.findElement(record).click();
        expectMessage("Décision enregistrée.");
        assertTrue(driver.findElement(By.id("item-" + reference)).getText().contains("Décision : Accordé"));
        driver.findElement(By.id("closing:close")).click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("closing:confirm-yes"))).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("session-status"), "Close"));
        logout();

        // ---- the advisor allocates the line on the local partner's convention
        signIn(advisorEmail, advisorPassword);
        driver.get(url("/advisor/allocations.xhtml"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("lines:table")));
        clickTitled("Allouer " + reference + " — Prêt d'honneur");
        await(By.id("allocate:submit"));
        choose("allocate:convention", convention);
        fill("allocate:amount", "6000");
        driver.findElement(By.id("allocate:submit")).click();
        expectMessage("6 000,00 € alloués sur " + convention + " au dossier " + reference + ".");
        logout();

        // ---- the partner sees the allocation on its portal, and no other partner's convention
        signIn(partnerEmail, partnerPassword);
        WebElement partnerLanding = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("landing")));
        assertEquals("PARTNER", partnerLanding.getAttribute("data-role"));
        assertFalse(driver.getPageSource().contains("BDT-CVL-"), "the new partner sees no other partner's convention");
        driver.findElement(By.linkText(convention)).click();
        WebElement allocated = await(By.id("figure-allocated"));
        assertEquals("6 000,00 €", plain(allocated.getText()));
        Browser.assertAccessible(driver, "the local partner's convention");
        logout();
    }

    @Test
    void theNationalAdministratorReadsTheYearByAssociationWhoseSumIsTheNetworkAndTheTrend() {
        login("admin@demo.essor", "essor-demo");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("landing")));
        driver.get(url("/admin/network-limits.xhtml"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("limits:save")));
        Browser.assertAccessible(driver, "network limits");
        driver.get(url("/admin/figures.xhtml"));
        new Select(waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("choice:year")))).selectByValue("2021");
        driver.findElement(By.id("choice:show")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("by-association-title"), "2021"));
        List<WebElement> rows = driver.findElements(By.cssSelector("#by-association tbody tr"));
        WebElement cvl = rows.stream().filter(r -> r.getText().startsWith("CVL")).findFirst().orElseThrow();
        List<WebElement> cells = cvl.findElements(By.tagName("td"));
        assertEquals("605", plain(cells.get(0).getText()));
        assertEquals("450", plain(cells.get(1).getText()));
        assertEquals("6 250 000,00 €", plain(cells.get(2).getText()));
        assertTrue(rows.stream().anyMatch(r -> r.getText().startsWith("BZH")), "the second association has its row");
        long advised = rows.stream().mapToLong(r -> Long.parseLong(plain(r.findElements(By.tagName("td")).get(0).getText())
                .replace(" ", ""))).sum();
        assertEquals(advised, Long.parseLong(plain(driver.findElement(By.id("network-advised")).getText()).replace(" ", "")),
                "the network's total is the sum of its associations");
        WebElement trend = driver.findElement(By.id("trend"));
        assertTrue(trend.getText().contains("2021"), trend.getText());
        assertFalse(driver.findElements(By.id("trend-chart")).isEmpty(), "the trend is drawn too");
        Browser.assertAccessible(driver, "national figures");
        logout();
    }

    // ---- issue 19: the design system's stepper and confirmation, and every page on a phone

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

    // ---- branch fec (issue 14, item 5): the accounting page

    @Test
    void anAssociationAdministratorEditsTheChartOfAccountsChecksAPeriodBalancedAndDownloadsItsFec() throws Exception {
        login("admin-bzh@demo.essor", "essor-demo");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("landing")));
        driver.get(url("/admin/accounting.xhtml"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("chart:save")));
        assertTrue(driver.findElement(By.id("chart-origin")).getText().contains("admin-bzh@demo.essor"), "BZH's own chart");
        Browser.assertAccessible(driver, "accounting");

        // a bad account number: refused with a message, nothing stored
        WebElement debit = driver.findElement(By.id("chart:lines:0:debit"));
        debit.clear();
        debit.sendKeys("9801");
        driver.findElement(By.id("chart:save")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Numéro de compte invalide"));
        assertEquals("801", api.read("admin-bzh@demo.essor", "/accounting/BZH/chart").getJsonArray("lines").getJsonObject(0)
                .getString("debitAccount"));

        // corrected, with a new label: saved
        debit = driver.findElement(By.id("chart:lines:0:debit"));
        debit.clear();
        debit.sendKeys("8011");
        WebElement label = driver.findElement(By.id("chart:lines:0:debitLabel"));
        label.clear();
        label.sendKeys("Engagements de prêts donnés");
        driver.findElement(By.id("chart:save")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Plan comptable enregistré (12 lignes)"));
        jakarta.json.JsonObject first = api.read("admin-bzh@demo.essor", "/accounting/BZH/chart").getJsonArray("lines")
                .getJsonObject(0);
        assertEquals("8011", first.getString("debitAccount"));
        assertEquals("Engagements de prêts donnés", first.getString("debitLabel"));

        // a period typed, checked balanced, downloaded as a pipe-separated FEC
        int year = LocalDate.now().getYear();
        WebElement from = driver.findElement(By.id("export:from_input"));
        from.click();
        from.sendKeys("01/01/" + (year - 1));
        from.sendKeys(Keys.TAB);
        WebElement to = driver.findElement(By.id("export:to_input"));
        to.click();
        to.sendKeys("31/12/" + year);
        to.sendKeys(Keys.TAB);
        new Select(driver.findElement(By.id("export:format"))).selectByValue("fecPipe");
        driver.findElement(By.id("export:check")).click();
        waiting().until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("summary-balanced")),
                ExpectedConditions.textMatches(By.id("messages"), Pattern.compile(".*\\S.*"))));
        assertFalse(driver.findElements(By.id("summary-balanced")).isEmpty(), "no summary; the page says: "
                + driver.findElement(By.id("messages")).getText() + " / from=" + driver.findElement(By.id("export:from_input"))
                .getAttribute("value") + " to=" + driver.findElement(By.id("export:to_input")).getAttribute("value"));
        WebElement balanced = driver.findElement(By.id("summary-balanced"));
        assertEquals("Journal équilibré.", balanced.getText());
        String figures = plain(driver.findElement(By.id("summary-figures")).getText());
        assertTrue(figures.matches("\\d+ écritures, \\d+ lignes ; débit .* €, crédit .* €\\."), figures);
        Browser.assertAccessible(driver, "accounting with the period checked");
        String href = driver.findElement(By.id("download")).getAttribute("href");
        HttpResponse<byte[]> fec = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "ESSORSESSION=" + driver.manage().getCookieNamed("ESSORSESSION").getValue()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, fec.statusCode(), href);
        assertTrue(fec.headers().firstValue("Content-Disposition").orElse("").contains("BZHFEC" + year + "1231.txt"));
        String text = new String(fec.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("JournalCode|JournalLib|EcritureNum|EcritureDate|"), text);
        assertTrue(text.contains("|8011|Engagements de prêts donnés|"), "the new account in the file");
        logout();
    }

    /**
     * Issue 14, arrears: Bretagne's advisor opens the arrears page, picks a bucket by its link and opens a loan;
     * the indicators page shows the same portfolio at risk.
     */
    @Test
    void anAdvisorSeesTheLoansInArrearsByBucketAndOpensTheLatest() {
        login("conseil-bzh@demo.essor");
        driver.findElement(By.cssSelector("a[id$='nav-arrears']")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("buckets")));
        String buckets = driver.findElement(By.id("buckets")).getText();
        for (String label : List.of("1 à 30 jours", "31 à 90 jours", "91 à 180 jours", "Plus de 180 jours")) {
            assertTrue(buckets.contains(label), buckets);
        }
        assertTrue(driver.findElement(By.id("par")).getText().contains("BZH"));
        Browser.assertAccessible(driver, "advisor's arrears page");
        driver.findElement(By.linkText("Plus de 180 jours")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("loans-title"), "Plus de 180 jours"));
        String table = driver.findElement(By.id("arrears:loans")).getText();
        assertTrue(table.contains("Breizh Récup"), table);
        assertTrue(!table.contains("Ti Koad"), "only the loans of the bucket: " + table);
        Browser.assertAccessible(driver, "arrears of one bucket");
        driver.findElement(By.cssSelector("[id='arrears:loans'] a[id$='open']")).click();
        waiting().until(ExpectedConditions.urlContains("/advisor/allocation.xhtml"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("figures")));
        assertTrue(driver.findElement(By.id("figures")).getText().contains("Breizh Récup"));
        // the same portfolio at risk on the indicators page: the association's and each convention's
        driver.get(url("/indicators/index.xhtml"));
        String par = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("par"))).getText();
        assertTrue(par.contains("BZH") && par.contains("CAISSE-BZH-") && par.contains("PAR 30"), par);
        Browser.assertAccessible(driver, "indicators with the portfolio at risk");
    }

    /**
     * guar (issue 14, item 4): on the demo's CVL guarantee line, allocated through the API, the advisor
     * opens the guarantee's page from the allocation page, records the bank loan (its commission and
     * its 60 instalments shown), a call above the guaranteed outstanding is refused with the cap; the
     * entrepreneur reads the guaranteed loan's amortisation on the file. Axe on both pages.
     */
    @Test
    void theAdvisorRecordsTheBankLoanOfAGuaranteeAndTheEntrepreneurReadsItsAmortisation() throws Exception {
        javax.sql.DataSource ds = Sql.ds();
        long app = Sql.count(ds, "SELECT id FROM application WHERE title = 'Épicerie solidaire itinérante'");
        long line = Sql.count(ds, "SELECT g.id FROM granted_line g JOIN decision d ON d.id = g.decision_id"
                + " WHERE d.application_id = ? AND g.instrument = 'GUARANTEE'", app);
        long fund = Sql.count(ds, "SELECT id FROM convention WHERE reference LIKE 'BDT-CVL-%-GARANTIES'");
        HttpResponse<String> allocated = api.call("conseil@demo.essor", "POST", "/conventions/" + fund + "/allocations",
                "{\"decisionLineId\":" + line + ",\"amount\":\"20000.00\"}");
        assertEquals(201, allocated.statusCode(), allocated.body());
        long allocation = Api.json(allocated).getJsonNumber("id").longValue();
        LocalDate start = LocalDate.now(ZoneId.of("Europe/Paris")).minusMonths(10);

        login("conseil@demo.essor");
        driver.get(url("/advisor/allocation.xhtml?id=" + allocation));
        await(By.id("guarantee-link")).click();
        await(By.id("record:bank"));
        fill("record:bank", "Crédit Coopératif");
        fill("record:amount", "40000");
        fill("record:rate", "3");
        fill("record:duration", "60");
        WebElement startDate = driver.findElement(By.id("record:start_input"));
        startDate.click();
        startDate.sendKeys(start.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        startDate.sendKeys(Keys.TAB);
        fill("record:commission", "1");
        driver.findElement(By.id("record:submit")).click();
        expectMessage("Prêt bancaire enregistré : 20 000,00 € garantis");
        assertEquals("20 000,00 €", plain(await(By.id("guaranteed")).getText()));
        assertTrue(plain(driver.findElement(By.id("commission")).getText()).startsWith("200,00 €"));
        assertEquals("En cours", driver.findElement(By.id("guarantee-status")).getText());
        assertEquals(60, driver.findElements(By.cssSelector("#bank-schedule tbody tr")).size());
        Browser.assertAccessible(driver, "advisor-guarantee");
        fill("call:claimed", "999999");
        driver.findElement(By.id("call:submit")).click();
        expectMessage("Appel supérieur à l'encours garanti à la date du défaut");
        assertEquals("En cours", driver.findElement(By.id("guarantee-status")).getText(), "a refused call changes nothing");

        login("porteur@demo.essor");
        driver.get(url("/entrepreneur/file.xhtml?id=" + app));
        WebElement loans = await(By.id("guaranteed-loans"));
        assertTrue(loans.getText().contains("Crédit Coopératif"), loans.getText());
        assertEquals(60, driver.findElements(By.cssSelector("#guaranteed-loans tbody tr")).size());
        Browser.assertAccessible(driver, "entrepreneur-guaranteed-loan");
    }

    // ---- branch agree (issue 13, item 2): agreement templates and the signed agreement -------------------

    @Test
    void theAdministratorWritesAnAgreementTemplateThenTheApplicantUploadsTheSignedAgreementThatTheAdvisorMarksSigned()
            throws Exception {
        // the administrator's templates page: an unknown field is refused naming it; a valid text is a new version
        login("admin@demo.essor");
        driver.get(url("/admin/agreement-templates.xhtml"));
        await(By.id("template:body"));
        Browser.assertAccessible(driver, "agreement templates page");
        assertTrue(driver.findElement(By.id("template-version")).getText().contains("1"), "the demo's version 1");
        fill("template:body", "# Contrat de prêt\nMontant : {{line.montant}}");
        driver.findElement(By.id("template:save")).click();
        waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("Le champ {{line.montant}} n'existe pas"));
        assertTrue(driver.findElement(By.id("template-version")).getText().contains("1"), "nothing saved");
        fill("template:body", "# Contrat de prêt\nMontant : {{line.amount}} pour {{enterprise.name}}");
        driver.findElement(By.id("template:save")).click();
        expectMessage("Modèle enregistré, version 2.");
        assertTrue(driver.findElement(By.id("history")).getText().contains("admin@demo.essor"));

        // the applicant uploads the signed loan agreement of the demo's approved file
        long app = Api.array(api.call("porteur2@demo.essor", "GET", "/applications/mine", null))
                .getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(a -> "Flotte de vélos-cargos électriques".equals(a.getString("title"))).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        jakarta.json.JsonObject loan = Api.array(api.call("porteur2@demo.essor", "GET", "/agreements?application=" + app, null))
                .getValuesAs(jakarta.json.JsonObject.class).stream().filter(x -> "LOAN".equals(x.getString("kind")))
                .findFirst().orElseThrow();
        long id = loan.getJsonNumber("id").longValue();
        login("porteur2@demo.essor");
        driver.get(url("/entrepreneur/file.xhtml?id=" + app));
        await(By.id("agreements"));
        Browser.assertAccessible(driver, "entrepreneur's file with its agreements");
        java.nio.file.Path signed = java.nio.file.Files.createTempFile("contrat-signe", ".pdf");
        java.nio.file.Files.write(signed, Fixtures.PDF);
        new Select(driver.findElement(By.id("signed-copy:which"))).selectByValue(String.valueOf(id));
        driver.findElement(By.id("signed-copy:file")).sendKeys(signed.toString());
        driver.findElement(By.id("signed-copy:send")).click();
        expectMessage("Convention signée déposée");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("agreement-status-" + id), "Signée, à vérifier"));

        // the advisor marks it signed
        login("conseil@demo.essor");
        driver.get(url("/advisor/file.xhtml?id=" + app));
        await(By.id("agreement-" + id));
        Browser.assertAccessible(driver, "advisor's file with its agreements");
        driver.findElement(By.cssSelector("li#agreement-" + id + " button[id$='sign']")).click();
        expectMessage("Convention marquée signée.");
        waiting().until(ExpectedConditions.textToBe(By.id("agreement-status-" + id), "Signée"));
        java.nio.file.Files.deleteIfExists(signed);
    }
}
