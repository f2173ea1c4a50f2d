package fr.essor.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 12 in Chromium: the national administrator sets up a new association from nothing (its
 * départements, a local partner and its account, the association's administrator and advisor), whose
 * administrator sets its rules, its committee and its partner's convention; an entrepreneur of its
 * département files to it under its checklist, its advisor instructs the file, its committee decides under
 * its own two-thirds rule, the advisor allocates the line and the partner sees it on its portal. Then the
 * national figures: the year by association adds up to the network, with the trend.
 */
class NetworkSetupJourneyIT extends BrowserJourney {

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
}
