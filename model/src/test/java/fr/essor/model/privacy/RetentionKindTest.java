package fr.essor.model.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RetentionKindTest {

    @Test
    void theDefaultsAreThoseOfTheIssue() {
        assertEquals(12, RetentionKind.DRAFT.defaultMonths());
        assertEquals(36, RetentionKind.CLOSED_FILE.defaultMonths());
        assertEquals(36, RetentionKind.INACTIVE_ACCOUNT.defaultMonths());
        assertEquals(120, RetentionKind.FINANCED_FILE.defaultMonths());
        assertNull(RetentionKind.AUDIT_TRAIL.defaultMonths());
        assertFalse(RetentionKind.AUDIT_TRAIL.limited());
    }

    @Test
    void aPeriodIsOneToTwelveHundredMonthsAndTheAuditTrailHasNone() {
        assertEquals(1, RetentionKind.DRAFT.checkedMonths(1));
        assertEquals(1200, RetentionKind.DRAFT.checkedMonths(1200));
        assertThrows(IllegalArgumentException.class, () -> RetentionKind.DRAFT.checkedMonths(0));
        assertThrows(IllegalArgumentException.class, () -> RetentionKind.DRAFT.checkedMonths(1201));
        assertThrows(IllegalArgumentException.class, () -> RetentionKind.DRAFT.checkedMonths(null));
        assertThrows(IllegalArgumentException.class, () -> RetentionKind.AUDIT_TRAIL.checkedMonths(12));
    }

    @Test
    void aPlaceholderSiretIsValidUniqueAndStartsWith000() {
        String one = PlaceholderSiret.of(1).value();
        String two = PlaceholderSiret.of(2).value();
        assertTrue(one.startsWith("0000000000001"), one);
        assertEquals(14, one.length());
        assertNotEquals(one, two);
        assertThrows(IllegalArgumentException.class, () -> PlaceholderSiret.of(-1));
    }
}
