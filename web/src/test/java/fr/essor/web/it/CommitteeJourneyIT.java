package fr.essor.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The committee journey in Chromium, from instruction to minutes: an advisor instructs a file and
 * asks a question, the applicant answers, the advisor writes the analysis and puts the file on a new
 * session's agenda, a member declares a conflict, the others vote, the chair records the decision
 * and closes the session, the minutes PDF holds the decision, and the applicant reads it.
 */
class CommitteeJourneyIT extends BrowserJourney {


    // ---- the file to instruct, filed through the API by porteur2 --------------------------------

    private JsonObject submittedFile() throws Exception {
        HttpResponse<String> mine = api.call("porteur2@demo.essor", "GET", "/enterprises/mine", null);
        long enterprise;
        try (JsonReader r = Json.createReader(new StringReader(mine.body()))) {
            enterprise = r.readArray().getJsonObject(0).getJsonNumber("id").longValue();
        }
        HttpResponse<String> created = api.call("porteur2@demo.essor", "POST", "/applications", "{\"enterpriseId\":" + enterprise
                + ",\"title\":\"Vélobus scolaire\",\"stage\":\"CREATION\",\"description\":\"Ramassage scolaire à vélo\","
                + "\"territory\":\"Tours\",\"lines\":[{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"8000.00\",\"durationMonths\":60}],"
                + "\"plan\":[{\"kind\":\"USE\",\"label\":\"Vélos\",\"amount\":\"8000.00\"},"
                + "{\"kind\":\"SOURCE\",\"label\":\"Prêt d'honneur\",\"amount\":\"8000.00\"}],"
                + "\"impact\":{\"jobsCreated\":\"1\",\"jobsMaintained\":\"0\",\"beneficiaries\":40,\"socialUtility\":\"Mobilité\"}}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject draft = Api.json(created.body());
        long id = draft.getJsonNumber("id").longValue();
        byte[] pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> upload = api.upload("porteur2@demo.essor", "/applications/" + id + "/documents?kind=BUSINESS_PLAN",
                "plan.pdf", pdf);
        assertEquals(201, upload.statusCode(), upload.body());
        JsonObject current = Api.json(api.call("porteur2@demo.essor", "GET", "/applications/" + id, null).body());
        HttpResponse<String> submitted = api.call("porteur2@demo.essor", "POST", "/applications/" + id + "/submit?version="
                + current.getJsonNumber("version"), null);
        assertEquals(200, submitted.statusCode(), submitted.body());
        return Api.json(submitted.body());
    }

    @Test
    void anAdvisorInstructsTheCommitteeDecidesAndTheMinutesHoldTheDecision() throws Exception {
        JsonObject file = submittedFile();
        long id = file.getJsonNumber("id").longValue();
        String reference = file.getString("reference");

        // the advisor takes the file into review and asks a question
        login("conseil@demo.essor");
        driver.get(url("/advisor/file.xhtml?id=" + id));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("actions:start-review"))).click();
        expectMessage("Le dossier est en instruction.");
        Browser.assertAccessible(driver, "advisor file in review");
        fill("request:question", "Combien d'enfants transporterez-vous chaque jour ?");
        driver.findElement(By.id("request:send")).click();
        expectMessage("La demande d'information est envoyée");
        assertEquals("Informations demandées", driver.findElement(By.id("status")).getText());

        // the applicant answers with the rota attached: a file that is not what its name says is refused, the
        // request stays unanswered and the typed answer stays in its field; the real file goes with the answer
        login("porteur2@demo.essor");
        driver.get(url("/entrepreneur/file.xhtml?id=" + id));
        fill("answer:text", "Une trentaine, sur deux lignes.");
        Path fake = Files.createTempFile("planning", ".pdf");
        Files.writeString(fake, "ceci n'est pas un PDF");
        driver.findElement(By.id("answer:attachment")).sendKeys(fake.toString());
        driver.findElement(By.id("answer:send")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Type de fichier refusé"));
        assertEquals("Informations demandées", driver.findElement(By.id("status")).getText());
        assertEquals("Une trentaine, sur deux lignes.", driver.findElement(By.id("answer:text")).getAttribute("value"));
        Path rota = Files.createTempFile("planning", ".pdf");
        Files.write(rota, ApplicationApiIT.PDF);
        driver.findElement(By.id("answer:attachment")).sendKeys(rota.toString());
        driver.findElement(By.id("answer:send")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "En instruction"));
        assertEquals(1, driver.findElements(By.cssSelector("ul.thread a.attachment")).size(), "the answer's attachment is linked");
        // and sends the quote as an attachment in the thread
        fill("thread:text", "Voici le devis des vélos.");
        Path quote = Files.createTempFile("devis-velos", ".pdf");
        Files.write(quote, ApplicationApiIT.PDF);
        driver.findElement(By.id("thread:attachment")).sendKeys(quote.toString());
        driver.findElement(By.id("thread:send")).click();
        expectMessage("Message envoyé.");
        assertEquals(2, driver.findElements(By.cssSelector("ul.thread a.attachment")).size(), "both attachments are linked");

        // the advisor writes the analysis, marks the file ready and puts it on a new session's agenda
        login("conseil@demo.essor");
        driver.get(url("/advisor/file.xhtml?id=" + id));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("review:save")));
        assertTrue(driver.findElement(By.cssSelector("ul.thread")).getText().contains("Une trentaine"));
        byte[] attached = download(driver.findElement(By.cssSelector("ul.thread a.attachment")).getAttribute("href"));
        assertEquals("%PDF", new String(attached, 0, 4, StandardCharsets.US_ASCII), "the advisor opens the applicant's attachment");
        driver.findElement(By.id("actions:mark-ready")).click();
        expectMessage("La note d'analyse est incomplète");
        List<WebElement> scores = driver.findElements(By.cssSelector("select[id$=':score']"));
        assertEquals(5, scores.size());
        for (WebElement score : scores) {
            new Select(score).selectByValue("4");
        }
        fill("review:strengths", "Besoin avéré, écoles partenaires.");
        fill("review:risks", "Saisonnalité.");
        fill("review:recommendation", "Avis favorable pour un prêt d'honneur.");
        driver.findElement(By.id("review:save")).click();
        expectMessage("Note d'analyse enregistrée.");
        assertTrue(driver.findElement(By.id("review-total")).getText().contains("20 / 25"));
        Browser.assertAccessible(driver, "advisor file with its analysis");
        driver.findElement(By.id("actions:mark-ready")).click();
        expectMessage("Le dossier est prêt pour le comité.");

        driver.get(url("/advisor/sessions.xhtml"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("schedule:create")));
        Browser.assertAccessible(driver, "advisor sessions");
        String day = LocalDate.now().plusDays(30).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        fill("schedule:place", "Maison des associations, Tours");
        WebElement date = driver.findElement(By.id("schedule:startsAt_input"));
        date.sendKeys(day + " 14:00");
        date.sendKeys(Keys.ESCAPE);
        assertEquals("Maison des associations, Tours", driver.findElement(By.id("schedule:place")).getAttribute("value"));
        driver.findElement(By.id("schedule:create")).click();
        try {
            waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("agenda:add")));
        } catch (TimeoutException e) {
            throw new AssertionError("no session page after scheduling: " + driver.findElement(By.tagName("main")).getText(), e);
        }
        String sessionId = driver.getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1");
        new Select(driver.findElement(By.id("agenda:file"))).selectByValue(String.valueOf(id));
        driver.findElement(By.id("agenda:add")).click();
        expectMessage("Dossier inscrit à l'ordre du jour.");
        assertTrue(driver.findElement(By.id("agenda-items")).getText().contains(reference));
        Browser.assertAccessible(driver, "advisor session agenda");
        driver.findElement(By.id("agenda:convene")).click();
        expectMessage("4 membre(s) convoqué(s).");
        // a second convocation reaches only the members not yet convened: none here
        driver.findElement(By.id("agenda:convene")).click();
        expectMessage("Tous les membres ont déjà reçu la convocation");

        // the chair opens the session with everyone present
        login("comite@demo.essor");
        driver.get(url("/committee/session.xhtml?id=" + sessionId));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("attendance:open")));
        Browser.assertAccessible(driver, "planned session for the chair");
        driver.findElement(By.id("attendance:open")).click();
        expectMessage("La séance est ouverte.");

        // a member declares a conflict: the analysis disappears and the vote buttons with it
        login("membre1@demo.essor");
        driver.get(url("/committee/session.xhtml?id=" + sessionId));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("item-" + reference)));
        assertTrue(driver.findElement(By.id("item-" + reference)).getText().contains("Avis favorable pour un prêt d'honneur."));
        // the member reads the whole financing plan and opens the file's documents (issue 19, item 11); a member of
        // another association's committee is refused the same document by the server
        String plan = driver.findElement(By.id("item-" + reference)).findElement(By.cssSelector("table.plan-view")).getText();
        for (String row : List.of("Vélos", "Prêt d'honneur", "Total des besoins", "Total des ressources", "8 000,00")) {
            assertTrue(plan.replace('\u202f', ' ').replace('\u00a0', ' ').contains(row), row + " in " + plan);
        }
        List<WebElement> documents = driver.findElement(By.id("item-" + reference)).findElements(By.cssSelector("a.document"));
        assertEquals(List.of("plan.pdf"), documents.stream().map(WebElement::getText).toList());
        String documentHref = documents.get(0).getAttribute("href");
        assertEquals("%PDF", new String(download(documentHref), 0, 4, StandardCharsets.US_ASCII), "the member opens the document");
        String otherMember = pages.login("comite-bzh@demo.essor");
        assertEquals(404, pages.get(otherMember, documentHref.substring(documentHref.indexOf("/files/"))).statusCode(),
                "a member of another association's committee may not download it");
        inItem(reference, ":reason").sendKeys("Je siège au conseil d'administration de la SCOP.");
        inItem(reference, ":conflict").click();
        expectMessage("Conflit d'intérêts enregistré.");
        WebElement item = driver.findElement(By.id("item-" + reference));
        assertTrue(item.getText().contains("la note d'analyse vous est masquée"), item.getText());
        assertTrue(!item.getText().contains("Avis favorable pour un prêt d'honneur."), "the analysis is hidden after a conflict");
        assertTrue(item.findElements(By.cssSelector("[id$=':for']")).isEmpty(), "no vote after a conflict");
        Browser.assertAccessible(driver, "session after a conflict");

        // the others vote; the quorum of 3 counts the chair and two members
        for (String member : List.of("membre2@demo.essor", "membre3@demo.essor")) {
            login(member);
            driver.get(url("/committee/session.xhtml?id=" + sessionId));
            waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#item-" + reference + " [id$=':for']")))
                    .click();
            expectMessage("Vote enregistré.");
        }
        login("comite@demo.essor");
        driver.get(url("/committee/session.xhtml?id=" + sessionId));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("item-" + reference)));
        assertTrue(driver.findElement(By.id("item-" + reference)).getText().contains("participants manquants pour le quorum : 1"));
        // the decision has no default: recorded without one, it is refused
        inItem(reference, ":record").click();
        expectMessage("Choisissez la décision");
        new Select(inItem(reference, ":outcome")).selectByValue("APPROVED");
        inItem(reference, ":record").click();
        expectMessage("Quorum non atteint : il manque 1 participant(s)");
        inItem(reference, ":for").click();
        expectMessage("Vote enregistré.");
        new Select(inItem(reference, ":outcome")).selectByValue("APPROVED");
        WebElement amount = inItem(reference, ":amount");
        amount.clear();
        amount.sendKeys("7500");
        inItem(reference, ":conditions").sendKeys("Versement après signature de la convention avec les écoles.");
        // issue 13: two conditions precedent, the first on every line, the second on the honour loan only
        new Select(inItem(reference, ":0:ckind")).selectByValue("DOCUMENT");
        inItem(reference, ":0:ctext").sendKeys("Convention signée avec les écoles");
        typeDate(inItem(reference, ":0:cdue_input"), LocalDate.now().plusDays(45));
        new Select(inItem(reference, ":1:ckind")).selectByValue("CO_FINANCING");
        inItem(reference, ":1:ctext").sendKeys("Cofinancement de la commune");
        typeDate(inItem(reference, ":1:cdue_input"), LocalDate.now().plusDays(60));
        new Select(inItem(reference, ":1:cline")).selectByValue("0");
        inItem(reference, ":record").click();
        expectMessage("Décision enregistrée.");
        assertTrue(driver.findElement(By.id("item-" + reference)).getText().contains("Décision : Accordé"));
        Browser.assertAccessible(driver, "open session with a decision");
        // closing asks first; cancelled, the session stays open
        driver.findElement(By.id("closing:close")).click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("closing:confirm-no"))).click();
        assertEquals("Ouverte", driver.findElement(By.id("session-status")).getText());
        driver.findElement(By.id("closing:close")).click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("closing:confirm-yes"))).click();
        expectMessage("La séance est close");
        assertEquals("Close", driver.findElement(By.id("session-status")).getText());

        String minutes = Pdfs.text(download(driver.findElement(By.id("minutes")).getAttribute("href")));
        assertTrue(minutes.contains(reference), minutes);
        assertTrue(minutes.contains("Décision : ACCORDÉ"), minutes);
        assertTrue(minutes.contains("Prêt d'honneur : 7 500,00 €"), minutes);
        assertTrue(minutes.contains("Votes : 3 pour, 0 contre, 0 abstention(s)"), minutes);
        assertTrue(minutes.contains("sans participation au vote : Marc Banquier"), minutes);
        assertTrue(minutes.contains("Présences : 4 membre(s) présent(s) sur 4"), minutes);

        // the applicant reads the decision and downloads the letter
        login("porteur2@demo.essor");
        driver.get(url("/entrepreneur/file.xhtml?id=" + id));
        WebElement decision = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("decision")));
        assertTrue(decision.getText().contains("Accordé"), decision.getText());
        assertTrue(driver.findElement(By.id("total-granted")).getText().replace('\u202f', ' ').replace('\u00a0', ' ')
                .contains("7 500,00"));
        String letter = Pdfs.text(download(driver.findElement(By.id("decision-letter")).getAttribute("href")));
        assertTrue(letter.contains("7 500,00 €"), letter);
        // issue 13: the applicant sees the two conditions; the advisor lifts both
        String conditions = await(By.id("conditions")).getText();
        assertTrue(conditions.contains("Convention signée avec les écoles") && conditions.contains("Cofinancement de la commune"),
                conditions);
        Browser.assertAccessible(driver, "the applicant's conditions precedent");
        login("conseil@demo.essor");
        driver.get(url("/advisor/file.xhtml?id=" + id));
        liftConditions(2);
        assertEquals(2, driver.findElements(By.cssSelector("#conditions .status-LIFTED")).size());
    }

    /** Types a day into a date picker's field in the French pattern, then closes the calendar. */
    private static void typeDate(WebElement field, LocalDate day) {
        field.sendKeys(day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        field.sendKeys(Keys.ESCAPE);
    }

    @Test
    void anAdvisorRecordsAdviceGivenToAnEnterpriseWithTheKeyboardFriendlyPages() {
        login("conseil@demo.essor");
        driver.get(url("/advisor/enterprises.xhtml"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("enterprises:list")));
        Browser.assertAccessible(driver, "supported enterprises");
        // the association has some six hundred enterprises (the 2021 demo year): search
        fill("enterprises:search", "coop'vélo");
        driver.findElement(By.id("enterprises:filter")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("enterprises:list"), "Coop'Vélo Tours"));
        driver.findElement(By.linkText("Coop'Vélo Tours")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("support:save")));
        Browser.assertAccessible(driver, "enterprise with its support records");
        WebElement date = driver.findElement(By.id("support:date_input"));
        date.sendKeys(LocalDate.now().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        date.sendKeys(Keys.ESCAPE);
        choose("support:kind", "Diagnostic");
        fill("support:durationMinutes", "0");
        // the browser itself refuses 0 (min="1"); take that guard away to prove the server refuses it too
        driver.executeScript("arguments[0].removeAttribute('min')", driver.findElement(By.id("support:durationMinutes")));
        fill("support:notes", "Diagnostic de la gouvernance <b>coopérative</b>.");
        WebElement save = driver.findElement(By.id("support:save"));
        save.click();
        waiting().until(Browser.gone(save));
        String error = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-message-error")))
                .getText();
        assertTrue(!error.isBlank(), "a zero duration is refused next to the field");
        assertTrue(!driver.findElement(By.id("records")).getText().contains("gouvernance"), "nothing stored");
        fill("support:durationMinutes", "90");
        driver.findElement(By.id("support:save")).click();
        expectMessage("Accompagnement enregistré.");
        assertTrue(driver.findElement(By.id("records")).getText().contains("Diagnostic de la gouvernance <b>coopérative</b>."),
                "notes are shown as typed, escaped");
    }
}
