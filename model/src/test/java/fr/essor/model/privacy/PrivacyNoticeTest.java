package fr.essor.model.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.shared.FreeText;
import java.time.Instant;
import org.junit.jupiter.api.Test;

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
        assertThrows(IllegalArgumentException.class, () -> n.rewrite("   ", "a", NOW));
        assertThrows(IllegalArgumentException.class, () -> n.rewrite("x".repeat(PrivacyNotice.BODY_MAX + 1), "a", NOW));
        assertThrows(FreeText.InvalidTextException.class, () -> n.rewrite("pdf\u202Eexe", "a", NOW));
        assertEquals("Texte", n.getBody(), "a refused text changes nothing");
    }
}
