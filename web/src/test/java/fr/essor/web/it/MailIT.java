package fr.essor.web.it;

import static fr.essor.web.it.Fixtures.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Mail as it arrives: the server under test sends to 127.0.0.1 on {@code essor.it.smtp.port}
 * (failsafe sets ESSOR_SMTP_HOST and ESSOR_SMTP_PORT), where this test runs a GreenMail SMTP
 * server, and stops it to play an SMTP server that is down.
 */
class MailIT extends OnTheBuiltWar {

    private static final String ADMIN = "admin@demo.essor";
    private static final String PASSWORD = "Solide-et-long-42";
    /** The timer runs every 15 seconds; a loaded machine may be slow to start a run. */
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static GreenMail smtp;

    @BeforeEach
    void smtpServerRuns() {
        if (smtp == null) {
            smtp = Smtp.start();
        }
    }

    @AfterAll
    static void stopSmtpServer() {
        smtp = Smtp.stop(smtp);
    }

    @Test
    void aRegistrationThroughTheApiSendsAWelcomeMailInFrenchWithoutThePassword() throws Exception {
        String email = uniqueEmail("bienvenue");
        HttpResponse<String> created = register(email, "Bérénice Bienvenue", "fr");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/me"));
        assertEquals(email, Api.json(created).getString("email"));

        // no "send now": the timer alone must deliver it
        MimeMessage mail = waitFor("the welcome mail to " + email, () -> received(email));
        assertEquals("Bienvenue sur Essor", mail.getSubject());
        assertEquals("no-reply@essor.local", ((InternetAddress) mail.getFrom()[0]).getAddress());
        String body = String.valueOf(mail.getContent());
        assertTrue(body.contains("Bonjour Bérénice Bienvenue,"), body);
        assertTrue(body.contains("Votre compte Essor a été créé pour l'adresse " + email), body);
        assertFalse(body.contains(PASSWORD), "a mail must never carry the password");

        JsonObject item = waitFor("the message marked SENT", () -> outboxItem(email, "SENT"));
        assertEquals("ACCOUNT_CREATED", item.getString("kind"));
        assertEquals(1, item.getInt("attempts"));
        assertEquals("UserAccount", item.getString("relatedEntity"));
    }

    @Test
    void whileTheSmtpServerIsDownMailWaitsInTheOutboxAndGoesOutWhenItIsBack() throws Exception {
        smtp.stop();
        smtp = null;
        String email = uniqueEmail("patience");
        assertEquals(201, register(email, "Paul Patience", "en").statusCode());

        JsonObject pending = waitFor("a failed attempt recorded for " + email, () -> {
            sendNow();
            return outboxItem(email, "PENDING").filter(i -> i.getInt("attempts") >= 1);
        });
        assertFalse(pending.isNull("lastError"), pending.toString());
        assertEquals("Welcome to Essor", pending.getString("subject"));

        smtpServerRuns();
        MimeMessage mail = waitFor("the mail to " + email + " once SMTP is back", () -> {
            sendNow();
            return received(email);
        });
        assertEquals("Welcome to Essor", mail.getSubject());
        assertTrue(String.valueOf(mail.getContent()).contains("Hello Paul Patience,"));
        JsonObject sent = waitFor("the message marked SENT", () -> outboxItem(email, "SENT"));
        assertTrue(sent.getInt("attempts") >= 2, sent.toString());
        assertEquals(1, Arrays.stream(smtp.getReceivedMessages()).filter(m -> Smtp.addressedTo(m, email)).count(),
                "sent exactly once");
    }

    @Test
    void theOutboxIsForAdministratorsAndRegistrationOnlyForPost() throws Exception {
        HttpResponse<String> entrepreneur = as("porteur@demo.essor", "GET", "/admin/outbox", null);
        assertEquals(403, entrepreneur.statusCode(), entrepreneur.body());
        assertEquals(401, as(null, "GET", "/admin/outbox", null).statusCode());
        assertEquals(401, as(null, "GET", "/accounts", null).statusCode());
        HttpResponse<String> unknownStatus = as(ADMIN, "GET", "/admin/outbox?status=LOST", null);
        assertEquals(400, unknownStatus.statusCode(), unknownStatus.body());

        HttpResponse<String> taken = register("porteur@demo.essor", "Double", "fr");
        assertEquals(409, taken.statusCode(), taken.body());
        assertEquals("EMAIL_TAKEN", Api.json(taken).getString("error"));
        HttpResponse<String> weak = register(uniqueEmail("faible"), "Fay Faible", "fr", "court");
        assertEquals(400, weak.statusCode(), weak.body());
    }

    @Test
    void anAdministratorReadsTheMailsOnAnAccessibleOutboxPage() throws Exception {
        String email = uniqueEmail("lecture");
        assertEquals(201, register(email, "Léa Lecture", "fr").statusCode());
        ChromeDriver driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            signIn(driver, wait, "admin@demo.essor");
            driver.findElement(By.linkText("Courriels sortants")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("outbox:messages-table_data"), email));
            assertEquals("true", driver.findElement(By.id("smtp-status")).getAttribute("data-enabled"));
            Browser.assertAccessible(driver, "outbox page");

            driver.findElement(By.xpath("//tbody[@id='outbox:messages-table_data']//tr[contains(., '" + email + "')]//summary"))
                    .click();
            assertTrue(driver.findElement(By.xpath("//tbody[@id='outbox:messages-table_data']//tr[contains(., '" + email
                    + "')]//pre")).getText().contains("Bonjour Léa Lecture,"));
            driver.findElement(By.id("outbox:sendNow")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "courriel(s) envoyé(s)"));
        } finally {
            driver.quit();
        }
    }

    @Test
    void anOwnerInvitesACoOwnerWithoutAnAccountWhoRegistersThroughTheMailedLinkAndSeesTheEnterprise() throws Exception {
        String invitee = uniqueEmail("associee");
        ChromeDriver driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            signIn(driver, wait, "porteur2@demo.essor");
            driver.findElement(By.xpath("//tbody[@id='enterprises_data']//tr[contains(., 'Coop')]//a[contains(@id, 'owners')]"))
                    .click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invite:email")));
            assertTrue(driver.findElement(By.id("owners_data")).getText().contains("porteur2@demo.essor"));
            Browser.assertAccessible(driver, "co-owners page");

            driver.findElement(By.id("invite:email")).sendKeys(invitee);
            driver.findElement(By.id("invite:send")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Invitation enregistrée pour " + invitee));
            assertTrue(driver.findElement(By.id("invitations_data")).getText().contains(invitee));
        } finally {
            driver.quit();
        }

        MimeMessage mail = waitFor("the invitation mail to " + invitee, () -> received(invitee));
        assertTrue(mail.getSubject().contains("vous invite à porter Coop"), mail.getSubject());
        String body = String.valueOf(mail.getContent());
        Matcher link = Pattern.compile("/register\\.xhtml\\?invitation=([A-Za-z0-9_-]{43})").matcher(body);
        assertTrue(link.find(), body);
        String token = link.group(1);

        // the link is good for the invited address only: another address creates nothing
        String other = uniqueEmail("intrus");
        HttpResponse<String> wrongAddress = register(other, "Ivan Intrus", "fr", PASSWORD, token);
        assertEquals(400, wrongAddress.statusCode(), wrongAddress.body());
        assertTrue(Api.json(wrongAddress).getString("message").contains(invitee), wrongAddress.body());
        assertEquals(401, as(other, "GET", "/me", null).statusCode(), "no account was created for " + other);

        driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            driver.get(root() + "/register.xhtml?invitation=" + token);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("invited"), "Coop"));
            assertEquals(invitee, driver.findElement(By.id("register:email")).getAttribute("value"));
            // the privacy notice it links to is that of the association which will hold the data (issue 16)
            String notice = driver.findElement(By.id("privacy-notice")).getAttribute("href");
            assertTrue(notice.endsWith("/privacy.xhtml?association=CVL"), notice);
            Browser.assertAccessible(driver, "registration through an invitation");
            driver.findElement(By.id("register:displayName")).sendKeys("Inès Invitée");
            driver.findElement(By.id("register:password")).sendKeys(PASSWORD);
            driver.findElement(By.id("register:passwordAgain")).sendKeys(PASSWORD);
            driver.findElement(By.id("register:submit")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Vous êtes co-porteur·se de l'entreprise Coop"));
            // signed in at once, on his home: the enterprise he joined is there (issue 19, item 15)
            assertEquals("ENTREPRENEUR", driver.findElement(By.id("landing")).getAttribute("data-role"));
            assertTrue(driver.findElement(By.id("enterprises")).getText().contains("Coop"));
        } finally {
            driver.quit();
        }

        HttpResponse<String> mine = as(invitee, "GET", "/enterprises/mine", null);
        assertEquals(200, mine.statusCode(), mine.body());
        assertTrue(mine.body().contains("Coop"), mine.body());
        HttpResponse<String> again = register(uniqueEmail("rejeu"), "Rémi Rejeu", "fr", PASSWORD, token);
        assertEquals(400, again.statusCode(), "a used link opens nothing: " + again.body());
    }

    /**
     * Issue 18: an existing entrepreneur is invited like anyone else, not added: he is told by mail
     * in his language, and becomes an owner only once he accepts. Staff addresses get the same
     * answer as any other (and no mail).
     */
    @Test
    void anExistingEntrepreneurIsInvitedByMailInHisLanguageAndBecomesAnOwnerOnlyOnAccepting() throws Exception {
        String partner = uniqueEmail("associe");
        assertEquals(201, register(partner, "Aïssa Associé", "en").statusCode());
        String owner = "porteur2@demo.essor";
        String path = coOwnersOfFirstEnterprise(owner);

        HttpResponse<String> invited = post(path, owner, Json.createObjectBuilder().add("email", partner.toUpperCase()).build().toString());
        assertEquals(200, invited.statusCode(), invited.body());
        assertEquals("INVITED", Api.json(invited).getString("outcome"));
        MimeMessage mail = waitFor("the co-owner invitation to " + partner, () -> smtp == null ? Optional.<MimeMessage>empty()
                : Arrays.stream(smtp.getReceivedMessages()).filter(m -> Smtp.addressedTo(m, partner)).filter(m -> {
                    try {
                        return m.getSubject().contains("invites you to co-own Coop");
                    } catch (MessagingException e) {
                        return false;
                    }
                }).findFirst());
        String text = String.valueOf(mail.getContent());
        assertTrue(text.contains("You are not a co-owner yet") && text.contains("/entrepreneur/index.xhtml"), text);
        assertFalse(as(partner, "GET", "/enterprises/mine", null).body().contains("Coop"), "not an owner before accepting");
        HttpResponse<String> pending = as(partner, "GET", "/invitations", null);
        assertEquals(200, pending.statusCode(), pending.body());
        long invitation = Json.createReader(new StringReader(pending.body())).readArray().getJsonObject(0).getJsonNumber("id")
                .longValue();
        HttpResponse<String> accepted = as(partner, "POST", "/invitations/" + invitation + "/accept", "");
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertTrue(as(partner, "GET", "/enterprises/mine", null).body().contains("Coop"));

        HttpResponse<String> badAddress = post(path, owner, "{\"email\":\"pas-une-adresse\"}");
        assertEquals(400, badAddress.statusCode(), badAddress.body());
        assertEquals("Adresse e-mail invalide.", Api.json(badAddress).getString("message"));
        HttpResponse<String> twice = post(path, owner, "{\"email\":\"" + partner + "\"}");
        assertEquals(409, twice.statusCode(), "already an owner, as the owners page shows: " + twice.body());
        HttpResponse<String> staff = post(path, owner, "{\"email\":\"conseil@demo.essor\"}");
        assertEquals(200, staff.statusCode(), "a staff address is answered as any other: " + staff.body());
        assertEquals("INVITED", Api.json(staff).getString("outcome"));
        HttpResponse<String> stranger = post(path, "porteur@demo.essor", "{\"email\":\"x@test.essor\"}");
        assertEquals(404, stranger.statusCode(), "not an owner: the enterprise does not exist for them");
        HttpResponse<String> owners = as(owner, "GET", path, null);
        assertEquals(200, owners.statusCode(), owners.body());
        assertTrue(owners.body().contains(partner), owners.body());
        assertFalse(owners.body().contains("x@test.essor"), owners.body());
    }

    /**
     * Issue 19, item 10: a mail is written in its recipient's language, stored on the account (the language chosen
     * for the pages), never in its sender's; an address without an account gets French.
     */
    @Test
    void aMailIsInItsRecipientsLanguageNotItsSenders() throws Exception {
        String french = uniqueEmail("francaise");
        String english = uniqueEmail("english");
        String nobody = uniqueEmail("sans-compte");
        assertEquals(201, register(french, "Françoise Française", "fr").statusCode());
        assertEquals(201, register(english, "Emily English", "en").statusCode());
        String owner = "porteur2@demo.essor";
        String path = coOwnersOfFirstEnterprise(owner);

        // the owner switches his pages to English: his account keeps it; he invites a French account and an address
        // without an account
        String pagesOfOwner = pages.login("porteur2@demo.essor");
        switchLanguage(pagesOfOwner, "English");
        assertEquals("en", languageStoredFor("porteur2@demo.essor"), "the account keeps the language chosen on the pages");
        assertEquals(200, post(path, owner, "{\"email\":\"" + french + "\"}").statusCode());
        assertEquals(200, post(path, owner, "{\"email\":\"" + nobody + "\"}").statusCode());
        // back in French, he invites an English account
        switchLanguage(pagesOfOwner, "Français");
        assertEquals("fr", languageStoredFor("porteur2@demo.essor"));
        assertEquals(200, post(path, owner, "{\"email\":\"" + english + "\"}").statusCode());

        // the two accounts also got their welcome mail: the invitation is the one that names the enterprise ("Coop")
        assertTrue(waitFor("the invitation to " + french, () -> receivedAbout(french, "Coop")).contains("vous invite à porter"),
                "French for a French account, whatever the sender's language");
        assertTrue(waitFor("the invitation to " + nobody, () -> receivedAbout(nobody, "Coop")).contains("vous invite à porter"),
                "French without an account");
        assertTrue(waitFor("the invitation to " + english, () -> receivedAbout(english, "Coop")).contains("invites you to co-own"),
                "English for an English account, whatever the sender's language");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /**
     * The language chosen on the pages is the account's: at the next sign-in, from a browser that asks for French, the
     * pages are in English; chosen back, French again.
     */
    @Test
    void thePagesFollowTheLanguageSavedOnTheAccountAtTheNextSignIn() throws Exception {
        String first = pages.login("porteur2@demo.essor");
        assertEquals("fr", pageLanguage(pages.get(first, "/entrepreneur/index.xhtml").body()), "French before any choice");
        switchLanguage(first, "English");

        String next = pages.login("porteur2@demo.essor");
        assertEquals("en", pageLanguage(pages.get(next, "/entrepreneur/index.xhtml").body()),
                "the next session is in the account's language");
        switchLanguage(next, "Français");
        assertEquals("fr", languageStoredFor("porteur2@demo.essor"));
        assertEquals("fr", pageLanguage(pages.get(pages.login("porteur2@demo.essor"), "/entrepreneur/index.xhtml").body()),
                "and French again once chosen back");
    }

    /** The language of a page: its html element's lang attribute. */
    private static String pageLanguage(String html) {
        Matcher m = Pattern.compile("<html[^>]*\\blang=\"([a-z]+)").matcher(html);
        assertTrue(m.find(), "a page with its language");
        return m.group(1);
    }

    /** The language stored on a demo entrepreneur's account, as his personal-data export shows it. */
    private String languageStoredFor(String user) throws Exception {
        HttpResponse<byte[]> zip = api.bytes(user, "/me/export");
        assertEquals(200, zip.statusCode());
        String data = new String(PersonalAccessIT.unzip(zip.body()).get("essor-data.json"), StandardCharsets.UTF_8);
        return Api.json(data).getJsonObject("account").getString("preferredLocale");
    }

    /** The API path of the co-owners of the first enterprise the owner holds. */
    private String coOwnersOfFirstEnterprise(String owner) throws Exception {
        HttpResponse<String> mine = as(owner, "GET", "/enterprises/mine", null);
        long enterprise = Api.array(mine).getJsonObject(0).getJsonNumber("id").longValue();
        return "/enterprises/" + enterprise + "/co-owners";
    }

    /** Presses the header's language button of a signed-in session's home page, which names the other language. */
    private void switchLanguage(String cookie, String button) throws Exception {
        HttpResponse<String> home = pages.get(cookie, "/entrepreneur/index.xhtml");
        assertTrue(home.body().contains("id=\"lang:switch\""), "the language button");
        HttpResponse<String> switched = pages.post(cookie, "/entrepreneur/index.xhtml", Map.of("lang", "lang", "lang:switch", button,
                "jakarta.faces.ViewState", Pages.viewState(home.body())));
        assertTrue(switched.statusCode() < 400, switched.statusCode() + " " + switched.body());
    }

    /** The application's address for the browser: Payara listens on 127.0.0.1 only, Chromium may resolve localhost to ::1. */
    private String root() {
        return base.toString().replace("//localhost:", "//127.0.0.1:").replaceAll("/$", "");
    }

    /** Signs a demo account in through the login page and waits for its home page. */
    private void signIn(ChromeDriver driver, WebDriverWait wait, String email) {
        driver.get(root() + "/login.xhtml");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:email"))).sendKeys(email);
        driver.findElement(By.id("login:password")).sendKeys("essor-demo");
        driver.findElement(By.id("login:submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("landing")));
    }

    /** Calls the API as a demo account (the demo password), as an account this test registered, or anonymously (null). */
    private HttpResponse<String> as(String user, String method, String path, String json) throws Exception {
        return (user == null || user.endsWith("@demo.essor") ? api : api.password(PASSWORD)).call(user, method, path, json);
    }

    private HttpResponse<String> register(String email, String name, String language) throws Exception {
        return register(email, name, language, PASSWORD);
    }

    private HttpResponse<String> register(String email, String name, String language, String password) throws Exception {
        return register(email, name, language, password, null);
    }

    private HttpResponse<String> register(String email, String name, String language, String password, String invitation)
            throws Exception {
        JsonObjectBuilder json = Json.createObjectBuilder().add("email", email).add("displayName", name)
                .add("password", password).add("language", language);
        if (invitation != null) {
            json.add("invitation", invitation);
        }
        return as(null, "POST", "/accounts", json.build().toString());
    }

    private HttpResponse<String> post(String path, String user, String json) throws Exception {
        return as(user, "POST", path, json);
    }

    private void sendNow() {
        try {
            HttpResponse<String> r = as(ADMIN, "POST", "/admin/outbox/send", null);
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(Api.json(r).containsKey("sent"), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The newest message to that address with that status, as the admin API shows it. */
    private Optional<JsonObject> outboxItem(String email, String status) {
        try {
            HttpResponse<String> r = as(ADMIN, "GET", "/admin/outbox?size=200&status="
                    + URLEncoder.encode(status, StandardCharsets.UTF_8), null);
            assertEquals(200, r.statusCode(), r.body());
            return Api.json(r).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .filter(i -> email.equals(i.getString("recipient")))
                    .findFirst();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<MimeMessage> received(String email) {
        if (smtp == null) {
            return Optional.empty();
        }
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> Smtp.addressedTo(m, email)).findFirst();
    }

    /** The subject of the first mail received for {@code email} whose subject contains {@code word}. */
    private static Optional<String> receivedAbout(String email, String word) {
        if (smtp == null) {
            return Optional.empty();
        }
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> Smtp.addressedTo(m, email)).map(m -> {
            try {
                return m.getSubject();
            } catch (MessagingException e) {
                return "";
            }
        }).filter(subject -> subject.contains(word)).findFirst();
    }

    /** Polls until the condition yields a value; fails with its description after {@link #WAIT}. */
    private static <T> T waitFor(String what, Supplier<Optional<T>> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = condition.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(250);
        }
        fail("Waited " + WAIT.toSeconds() + " s for " + what);
        return null;
    }
}
