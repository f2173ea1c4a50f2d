package fr.essor.model.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.shared.Ids;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditEventTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00.123456789Z");

    /** Three chained events with ids 1, 2, 3, as read back from the database. */
    private static List<AuditEvent> chain() {
        List<AuditEvent> events = new ArrayList<>();
        AuditEvent first = AuditEvent.first(T0, "admin@demo.essor", "Association", "1", "CREATE", "CVL created");
        events.add(first);
        AuditEvent second = AuditEvent.next(first.getHash(), T0.plusSeconds(1), "conseil@demo.essor", "Application",
                "42", "SUBMIT", "CVL-2026-00042 submitted");
        events.add(second);
        events.add(AuditEvent.next(second.getHash(), T0.plusSeconds(2), "comite@demo.essor", "Application", "42",
                "APPROVE", null));
        for (int i = 0; i < events.size(); i++) {
            Ids.assign(events.get(i), i + 1);
        }
        return events;
    }

    private static void set(AuditEvent event, String field, Object value) {
        try {
            Field f = AuditEvent.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(event, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void firstEventFollowsGenesis() {
        AuditEvent first = chain().get(0);
        assertEquals("0".repeat(64), AuditEvent.GENESIS);
        assertEquals(AuditEvent.GENESIS, first.getPreviousHash());
        assertTrue(first.follows(AuditEvent.GENESIS));
    }

    @Test
    void hashIsSixtyFourLowerCaseHexDigits() {
        assertTrue(chain().get(1).getHash().matches("[0-9a-f]{64}"));
    }

    @Test
    void eachEventCarriesThePreviousHash() {
        List<AuditEvent> events = chain();
        assertTrue(events.get(1).follows(events.get(0).getHash()));
        assertTrue(events.get(2).follows(events.get(1).getHash()));
        assertFalse(events.get(2).follows(events.get(0).getHash()));
    }

    @Test
    void freshEventsHaveValidHashes() {
        chain().forEach(e -> assertTrue(e.hashIsValid(), e::toString));
    }

    @Test
    void occurredAtIsTruncatedToWholeSecondsSoTheHashSurvivesAnyDatabase() {
        assertEquals(Instant.parse("2026-03-02T09:00:00Z"), chain().get(0).getOccurredAt());
    }

    @Test
    void hashIsDeterministic() {
        AuditEvent a = AuditEvent.first(T0, "a@b.fr", "X", "1", "CREATE", "s");
        AuditEvent b = AuditEvent.first(T0, "a@b.fr", "X", "1", "CREATE", "s");
        assertEquals(a.getHash(), b.getHash());
    }

    @Test
    void fieldBoundariesAreUnambiguous() {
        AuditEvent a = AuditEvent.first(T0, "a@b.fr", "XY", "1", "CREATE", "s");
        AuditEvent b = AuditEvent.first(T0, "a@b.fr", "X", "Y1", "CREATE", "s");
        assertNotEquals(a.getHash(), b.getHash());
    }

    @Test
    void nullSummaryAndEmptySummaryHashDifferently() {
        AuditEvent a = AuditEvent.first(T0, "a@b.fr", "X", "1", "CREATE", null);
        AuditEvent b = AuditEvent.first(T0, "a@b.fr", "X", "1", "CREATE", "");
        assertNotEquals(a.getHash(), b.getHash());
    }

    @Test
    void intactChainVerifies() {
        assertEquals(Optional.empty(), AuditChain.verify(chain()));
    }

    @Test
    void emptyChainVerifies() {
        assertEquals(Optional.empty(), AuditChain.verify(List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"occurredAt", "actor", "entityType", "entityId", "action", "summary"})
    void changingAFieldBreaksTheChainAtThatEvent(String field) {
        List<AuditEvent> events = chain();
        Object value = field.equals("occurredAt") ? T0.plusSeconds(3600) : "tampered";
        set(events.get(1), field, value);
        assertFalse(events.get(1).hashIsValid());
        assertEquals(Optional.of(2L), AuditChain.verify(events));
    }

    @Test
    void recomputingTheHashOfATamperedEventBreaksTheNextLink() {
        List<AuditEvent> events = chain();
        AuditEvent original = events.get(1);
        AuditEvent forged = AuditEvent.next(original.getPreviousHash(), original.getOccurredAt(), "intrus@x.fr",
                original.getEntityType(), original.getEntityId(), original.getAction(), original.getSummary());
        Ids.assign(forged, 2);
        events.set(1, forged);
        assertTrue(forged.hashIsValid());
        assertEquals(Optional.of(3L), AuditChain.verify(events));
    }

    @Test
    void deletingAnEventBreaksTheChain() {
        List<AuditEvent> events = chain();
        events.remove(1);
        assertEquals(Optional.of(3L), AuditChain.verify(events));
    }

    @Test
    void firstEventNotFollowingGenesisIsBroken() {
        List<AuditEvent> events = chain();
        assertEquals(Optional.of(2L), AuditChain.verify(events.subList(1, 3)));
        assertEquals(Optional.empty(), AuditChain.verify(events.get(0).getHash(), events.subList(1, 3)));
    }

    @Test
    void firstBrokenGivesThePositionForUnsavedEvents() {
        AuditEvent a = AuditEvent.first(T0, "a@b.fr", "X", "1", "CREATE", null);
        AuditEvent b = AuditEvent.next(AuditEvent.GENESIS, T0, "a@b.fr", "X", "2", "CREATE", null);
        assertEquals(OptionalInt.of(1), AuditChain.firstBroken(AuditEvent.GENESIS, List.of(a, b)));
    }

    @Test
    void malformedPreviousHashIsRejected() {
        assertThrows(NullPointerException.class, () -> AuditEvent.next(null, T0, "a", "X", "1", "CREATE", null));
        assertThrows(IllegalArgumentException.class,
                () -> AuditEvent.next("ABC", T0, "a", "X", "1", "CREATE", null));
        assertThrows(IllegalArgumentException.class,
                () -> AuditEvent.next("F".repeat(64), T0, "a", "X", "1", "CREATE", null));
    }

    @Test
    void missingOrTooLongFieldsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> AuditEvent.first(T0, " ", "X", "1", "CREATE", null));
        assertThrows(IllegalArgumentException.class,
                () -> AuditEvent.first(T0, "a", "X", "1", "CREATE", "s".repeat(AuditEvent.SUMMARY_MAX + 1)));
        assertThrows(IllegalArgumentException.class,
                () -> AuditEvent.first(T0, "a", "X".repeat(AuditEvent.ENTITY_TYPE_MAX + 1), "1", "CREATE", null));
    }
}
