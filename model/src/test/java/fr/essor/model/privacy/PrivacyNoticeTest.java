package fr.essor.model.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.shared.RuleException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PrivacyNoticeTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void keepsTheTextStrippedWithItsLineBreaksAndWhoWroteIt() {
        PrivacyNotice n = new PrivacyNotice("CVL", "  Vos données.\n\nVos droits.  ", "admin@x.fr", NOW);
        assertEquals("Vos données.\n\nVos droits.", n.getBody());
        assertEquals("admin@x.fr", n.getUpdatedBy());
        assertFalse(n.isNetworkDefault());
        assertTrue(new PrivacyNotice(PrivacyNotice.NETWORK, "x", "a", NOW).isNetworkDefault());
    }

    @Test
    void refusesAnEmptyOrOverlongTextAndInvisibleCharacters() {
        PrivacyNotice n = new PrivacyNotice("CVL", "Texte", "a", NOW);
        assertRefused("field.required", () -> n.rewrite("   ", "a", NOW));
        assertRefused("field.tooLong", () -> n.rewrite("x".repeat(PrivacyNotice.BODY_MAX + 1), "a", NOW));
        assertRefused("text.invalidCharacters", () -> n.rewrite("pdf\u202Eexe", "a", NOW));
        assertEquals("Texte", n.getBody(), "a refused text changes nothing");
    }

    private static void assertRefused(String key, Executable rewrite) {
        RuleException e = assertThrows(RuleException.class, rewrite);
        assertEquals(key, e.key());
        assertEquals("body", e.field());
    }
}
