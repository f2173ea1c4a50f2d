package fr.essor.web.it;

import static fr.essor.web.it.Fixtures.ADVISOR;
import static fr.essor.web.it.Fixtures.PARTNER_REGION;
import static fr.essor.web.it.Fixtures.PORTEUR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 13, item 4, in Chromium on the demo's follow-ups: the entrepreneur answers his due six-month
 * milestone from his page; six months later (the business clock moved by the test-only address) the
 * one-year milestone is due on the same page; the advisor records the answer to an overdue milestone
 * heard on a call; the indicators show survival at three years. Each page passes the axe check.
 */
class FollowUpJourneyIT extends BrowserJourney {


    @AfterEach
    void clockBack() throws Exception {
        testOnly("/test-only/clock?reset");
    }

    @Test
    void theEntrepreneurAnswersOnlineAYearGoesByAndTheAdvisorRecordsACall() throws Exception {
        String reference = Sql.string(Sql.ds(), "SELECT reference FROM application WHERE title = ?", "Recyclerie mobile en milieu rural");

        login(PORTEUR);
        driver.findElement(By.id("nav-my-followups")).click();
        await(By.id("due-list:due"));
        assertTrue(driver.findElement(By.id("due-list:due")).getText().contains(reference));
        Browser.assertAccessible(driver, "entrepreneur's follow-up page");
        clickTitled("Répondre " + reference);
        await(By.id("answer:jobs"));
        Browser.assertAccessible(driver, "entrepreneur's follow-up form");
        fill("answer:jobs", "3,5");
        fill("answer:turnover", "82 000");
        fill("answer:difficulties", "Recrutement d'un chauffeur");
        driver.findElement(By.id("answer:save")).click();
        expectMessage("Merci : la réponse est enregistrée.");
        assertEquals("ONLINE", Sql.string(Sql.ds(), "SELECT m.channel FROM follow_up_milestone m JOIN follow_up f ON f.id = m.follow_up_id"
                + " JOIN application a ON a.id = f.application_id WHERE a.reference = ? AND m.seq = 1", reference));
        assertTrue(driver.findElement(By.id("due-list:due")).getText().contains("Aucun point de suivi"),
                driver.findElement(By.id("due-list:due")).getText());

        // six months on, the one-year milestone is due
        testOnly("/test-only/clock?days=183");
        driver.get(url("/entrepreneur/followups.xhtml"));
        await(By.id("due-list:due"));
        assertTrue(plain(driver.findElement(By.id("due-list:due")).getText()).contains("12 mois"),
                driver.findElement(By.id("due-list:due")).getText());
        testOnly("/test-only/clock?reset");

        // the advisor records what he heard on a call for an overdue milestone
        login(ADVISOR);
        driver.findElement(By.id("nav-followups")).click();
        await(By.id("followups:due"));
        String list = driver.findElement(By.id("followups:due")).getText();
        assertTrue(list.contains("En retard"), list);
        Browser.assertAccessible(driver, "advisor's follow-up list");
        driver.findElements(By.cssSelector("button[id$='choose']")).get(0).click();
        await(By.id("answer:jobs"));
        Browser.assertAccessible(driver, "advisor's follow-up form");
        new Select(driver.findElement(By.id("answer:channel"))).selectByValue("CALL");
        fill("answer:jobs", "7,25");
        fill("answer:turnover", "240000");
        driver.findElement(By.id("answer:save")).click();
        expectMessage("Merci : la réponse est enregistrée.");
        assertEquals(1, Sql.count(Sql.ds(), "SELECT COUNT(*) FROM follow_up_milestone WHERE channel = 'CALL' AND answered_by = ?"
                + " AND jobs = 7.25", ADVISOR));

        // survival at three years on the indicators page, for the partner too (its conventions' enterprises)
        driver.get(url("/indicators/index.xhtml"));
        await(By.id("survival"));
        assertTrue(plain(driver.findElement(By.id("survival-3")).getText()).contains("3 sur 4"),
                driver.findElement(By.id("survival")).getText());
        Browser.assertAccessible(driver, "indicators with survival");
        login(PARTNER_REGION);
        driver.get(url("/indicators/index.xhtml"));
        await(By.id("survival"));
        Browser.assertAccessible(driver, "partner's indicators with survival");
    }
}
