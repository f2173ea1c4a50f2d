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
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The applicant's journeys in Chromium: his home shows his own enterprise only and flags the files waiting for
 * his answer; a newcomer registers, is signed in, describes his enterprise and deletes a draft (on a phone,
 * with the keyboard); a new entrepreneur files step by step (an invalid SIRET and an amount above the ceiling
 * refused, an unbalanced plan saved with a warning and completed from the summary), receives the
 * acknowledgement by mail (GreenMail on {@code essor.it.smtp.port}), answers the advisor's question, then reads
 * the committee's decision (taken through the API) and its letter; the demo's entrepreneur reads a decision and
 * its letter, and downloads his data from "My data" and switches an optional mail off.
 */
class ApplicantJourneyIT extends BrowserJourney {

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
        download(letterHref);

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
        download(href);
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
        HttpResponse<byte[]> zip = fetch(download.getAttribute("href"));
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
}
