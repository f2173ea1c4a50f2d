package fr.essor.web.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Issue 19, item 9: the names of generated files in the reader's language, ASCII-safe, RFC 6266 when needed. */
class DownloadsTest {

    @Test
    void aGeneratedFileIsNamedFromTheBundleOfTheReadersLanguage() {
        assertEquals("proces-verbal-12345.pdf", Downloads.name(Locale.FRENCH, "minutes", "pdf", 12345L));
        assertEquals("minutes-12345.pdf", Downloads.name(Locale.ENGLISH, "minutes", "pdf", 12345L));
        assertEquals("lettre-decision-7.pdf", Downloads.name(Locale.FRENCH, "decisionLetter", "pdf", 7L));
        assertEquals("decision-letter-7.pdf", Downloads.name(Locale.ENGLISH, "decisionLetter", "pdf", 7L));
        assertEquals("convention-3-rapport-2026.pdf", Downloads.name(Locale.FRENCH, "conventionReport", "pdf", 3L, 2026));
        assertEquals("convention-3-report-2026.pdf", Downloads.name(Locale.ENGLISH, "conventionReport", "pdf", 3L, 2026));
        assertEquals("registre-traitements.pdf", Downloads.name(Locale.FRENCH, "register", "pdf"));
        assertEquals("processing-register.pdf", Downloads.name(Locale.ENGLISH, "register", "pdf"));
    }

    @Test
    void anAsciiNameIsSentAsItIsAndAnyOtherWithItsExactNameAsFilenameStar() {
        assertEquals("attachment; filename=\"minutes-12.pdf\"", Downloads.disposition("minutes-12.pdf"));
        assertEquals("attachment; filename=\"releve-d-identite.pdf\"; filename*=UTF-8''relev%C3%A9%20d%27identit%C3%A9.pdf",
                Downloads.disposition("relevé d'identité.pdf"));
        assertEquals("attachment; filename=\"a-b.pdf\"; filename*=UTF-8''a%22%3Bb.pdf", Downloads.disposition("a\";b.pdf"));
        assertEquals("attachment; filename=\"document\"; filename*=UTF-8''%E6%96%87", Downloads.disposition("文"));
    }
}
