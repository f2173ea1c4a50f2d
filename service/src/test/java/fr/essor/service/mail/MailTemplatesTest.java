package fr.essor.service.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailTemplatesTest {

    private static final Set<MailKind> KINDS = Set.of(MailKind.values());

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MailTemplatesTest.class.getResourceAsStream("/fr/essor/service/mail/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishHasExactlyTheKeysOfFrenchAndTheFrenchOverrideStaysEmpty() throws IOException {
        assertEquals(new TreeSet<>(load("mails.properties").stringPropertyNames()),
                new TreeSet<>(load("mails_en.properties").stringPropertyNames()));
        assertTrue(load("mails_fr.properties").isEmpty());
    }

    @Test
    void everyKindHasASubjectAndABody() throws IOException {
        Properties fr = load("mails.properties");
        for (MailKind kind : KINDS) {
            assertTrue(fr.containsKey(kind + ".subject"), kind.name());
            assertTrue(fr.containsKey(kind + ".body"), kind.name());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en", "de"})
    void everyTextFormatsWithoutLeftOverPlaceholdersOrDoubledApostrophes(String language) {
        Locale locale = Locale.forLanguageTag(language);
        for (MailKind kind : KINDS) {
            String subject = MailTemplates.subject(kind, locale, "CVL-2026-00042", "L'atelier {vélo}", "Orléans", "1. CVL-2026-00042");
            String body = MailTemplates.body(kind, locale, "CVL-2026-00042", "L'atelier {vélo}", "Orléans", "1. CVL-2026-00042");
            for (String text : new String[] {subject, body}) {
                assertFalse(text.contains("''"), kind + ": " + text);
                assertFalse(text.matches("(?s).*\\{\\d}.*"), kind + ": " + text);
            }
        }
    }

    @Test
    void frenchIsTheDefaultAndApostrophesSurviveFormatting() {
        String body = MailTemplates.body(MailKind.APPLICATION_SUBMITTED, null, "CVL-2026-00042", "Recyclerie");
        assertTrue(body.contains("« Recyclerie » (dossier CVL-2026-00042)"), body);
        assertTrue(body.contains("l'équipe d'accompagnement"), body);
        assertTrue(body.endsWith("merci de ne pas y répondre."), body);
        assertEquals("Dossier CVL-2026-00042 bien reçu",
                MailTemplates.subject(MailKind.APPLICATION_SUBMITTED, Locale.GERMAN, "CVL-2026-00042", "x"));
    }

    @Test
    void englishIsUsedWhenAskedFor() {
        assertEquals("Application CVL-2026-00042: the committee's decision",
                MailTemplates.subject(MailKind.DECISION_MADE, Locale.UK, "CVL-2026-00042", "approved"));
        assertEquals("approved", MailTemplates.label("outcome.APPROVED", Locale.ENGLISH, "APPROVED"));
        assertEquals("accordé", MailTemplates.label("outcome.APPROVED", Locale.FRENCH, "APPROVED"));
        assertEquals("SOMETHING", MailTemplates.label("outcome.SOMETHING", Locale.FRENCH, "SOMETHING"));
    }

    @Test
    void argumentsAreWrittenAsTextNotAsNumbers() {
        String subject = MailTemplates.subject(MailKind.APPLICATION_SUBMITTED, Locale.FRENCH, 1234567L, "x");
        assertEquals("Dossier 1234567 bien reçu", subject);
    }
}
