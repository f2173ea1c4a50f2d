package fr.essor.model.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.shared.RuleException;
import org.junit.jupiter.api.Test;

class InboxKeyTest {

    @Test
    void aKeyNamesItsKindAndTheIdsOfItsSubjectAndState() {
        InboxKey key = new InboxKey("CONDITION_TO_CHECK:42:3");
        assertEquals("CONDITION_TO_CHECK", key.kind());
        assertEquals("CONDITION_TO_CHECK:42:3", key.toString());
        assertEquals(new InboxKey("CONDITION_TO_CHECK:42:3"), key);
    }

    @Test
    void aKeyWithoutIdsOrWithOtherCharactersIsRefusedOnTheFieldKey() {
        for (String bad : new String[] {"CONDITION_TO_CHECK", "condition:1", "X:1", "VOTE_TO_CAST:1:2:3:4:5", "VOTE:1 OR 1=1",
                "VOTE:-1", "VOTE:1:", ":1", "VOTE:" + "9".repeat(20), "VOTE:1;DROP"}) {
            RuleException e = assertThrows(RuleException.class, () -> new InboxKey(bad), bad);
            assertEquals("key", e.field(), bad);
            assertEquals("inbox.keyInvalid", e.key(), bad);
        }
    }

    @Test
    void aMissingKeyIsRequired() {
        assertEquals("field.required", assertThrows(RuleException.class, () -> new InboxKey(" ")).key());
        assertEquals("field.required", assertThrows(RuleException.class, () -> new InboxKey(null)).key());
    }

    @Test
    void theLongestKeyFitsItsColumnAndOneMoreIdIsRefused() {
        String longKind = "A".repeat(40);
        String id = ":1234567890123456789";
        String longest = longKind + id + id + id + id;
        assertEquals(InboxKey.MAX, longest.length());
        assertEquals(longKind, new InboxKey(longest).kind());
        assertEquals("inbox.keyInvalid", assertThrows(RuleException.class, () -> new InboxKey(longest + ":1")).key());
    }

    @Test
    void kindsAreUpperCaseWordsJoinedByUnderscores() {
        assertTrue(InboxKey.isKind("FILE_TO_INSTRUCT"));
        assertFalse(InboxKey.isKind("file"));
        assertFalse(InboxKey.isKind("A"));
        assertFalse(InboxKey.isKind("FILE TO"));
        assertFalse(InboxKey.isKind(null));
    }
}
