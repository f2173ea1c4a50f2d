package fr.essor.model.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.shared.RuleException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class YearClosingTest {

    private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void aYearThatIsOverIsClosedAndInForce() {
        YearClosing c = new YearClosing(2025, 2026, "admin@demo.essor", AT);
        assertTrue(c.isInForce());
        assertEquals(2025, c.getYear());
        assertEquals("admin@demo.essor", c.getClosedBy());
    }

    @Test
    void theCurrentOrAFutureYearIsRefusedOnTheYear() {
        RuleException current = assertThrows(RuleException.class, () -> new YearClosing(2026, 2026, "a", AT));
        assertEquals("year", current.field());
        assertEquals("closing.yearNotOver", current.key());
        assertEquals("closing.yearNotOver", assertThrows(RuleException.class, () -> new YearClosing(2030, 2026, "a", AT)).key());
        assertEquals("closing.yearTooEarly", assertThrows(RuleException.class, () -> new YearClosing(1999, 2026, "a", AT)).key());
    }

    @Test
    void reopeningNeedsAReasonAndHappensOnce() {
        YearClosing c = new YearClosing(2025, 2026, "a", AT);
        assertEquals("reason", assertThrows(RuleException.class, () -> c.reopen("  ", "a", AT)).field());
        assertEquals("field.tooLong", assertThrows(RuleException.class, () -> c.reopen("x".repeat(501), "a", AT)).key());
        assertEquals("text.invalidCharacters", assertThrows(RuleException.class, () -> c.reopen("a\u0000b", "a", AT)).key());
        assertTrue(c.isInForce(), "nothing changed by the refusals");
        c.reopen(" Correction d'un dossier ", "b", AT);
        assertFalse(c.isInForce());
        assertEquals("Correction d'un dossier", c.getReopenReason());
        assertEquals("b", c.getReopenedBy());
        assertEquals("closing.alreadyReopened", assertThrows(RuleException.class, () -> c.reopen("encore", "b", AT)).key());
    }
}
