package fr.essor.model.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class OutboxMessageTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private static OutboxMessage message() {
        return new OutboxMessage("porteur@demo.essor", "Dossier CVL-2026-00042 bien reçu", "Bonjour,", "APPLICATION_SUBMITTED",
                "fr", "Application", "CVL-2026-00042", T0);
    }

    @Test
    void aNewMessageIsPendingAndDueAtOnce() {
        OutboxMessage m = message();
        assertEquals(OutboxStatus.PENDING, m.getStatus());
        assertEquals(0, m.getAttempts());
        assertTrue(m.isDue(T0));
        assertFalse(m.isDue(T0.minusSeconds(1)));
        assertEquals("CVL-2026-00042", m.getRelatedId());
    }

    @Test
    void theBackoffDoublesFromOneMinuteAndStopsAtOneHour() {
        assertEquals(Duration.ofMinutes(1), OutboxMessage.backoffAfter(1));
        assertEquals(Duration.ofMinutes(2), OutboxMessage.backoffAfter(2));
        assertEquals(Duration.ofMinutes(4), OutboxMessage.backoffAfter(3));
        assertEquals(Duration.ofMinutes(32), OutboxMessage.backoffAfter(6));
        assertEquals(Duration.ofHours(1), OutboxMessage.backoffAfter(7));
        assertEquals(Duration.ofHours(1), OutboxMessage.backoffAfter(500));
    }

    @Test
    void aFailureKeepsTheMessagePendingUntilItsNextAttempt() {
        OutboxMessage m = message();
        m.recordFailure("Connection refused", T0);
        assertEquals(OutboxStatus.PENDING, m.getStatus());
        assertEquals(1, m.getAttempts());
        assertEquals("Connection refused", m.getLastError());
        assertEquals(T0.plus(Duration.ofMinutes(1)), m.getNextAttemptAt());
        assertFalse(m.isDue(T0.plusSeconds(59)));
        assertTrue(m.isDue(T0.plusSeconds(60)));

        Instant t1 = T0.plusSeconds(60);
        m.recordFailure("Connection refused", t1);
        assertEquals(t1.plus(Duration.ofMinutes(2)), m.getNextAttemptAt());
    }

    @Test
    void theTenthFailureGivesUp() {
        OutboxMessage m = message();
        Instant now = T0;
        for (int i = 1; i < OutboxMessage.MAX_ATTEMPTS; i++) {
            m.recordFailure("timeout " + i, now);
            assertEquals(OutboxStatus.PENDING, m.getStatus(), "after failure " + i);
            now = m.getNextAttemptAt();
        }
        m.recordFailure("timeout 10", now);
        assertEquals(OutboxStatus.FAILED, m.getStatus());
        assertEquals(OutboxMessage.MAX_ATTEMPTS, m.getAttempts());
        assertFalse(m.isDue(now.plus(Duration.ofDays(1))));
        assertThrows(IllegalStateException.class, () -> m.recordFailure("again", T0));
    }

    @Test
    void aPermanentFailureGivesUpAtOnce() {
        OutboxMessage m = message();
        m.recordPermanentFailure("550 no such user", T0);
        assertEquals(OutboxStatus.FAILED, m.getStatus());
        assertEquals(1, m.getAttempts());
    }

    @Test
    void sendingMarksTheMessageSentOnceAndClearsTheError() {
        OutboxMessage m = message();
        m.recordFailure("Connection refused", T0);
        Instant later = T0.plusSeconds(120);
        m.markSent(later);
        assertEquals(OutboxStatus.SENT, m.getStatus());
        assertEquals(later, m.getSentAt());
        assertEquals(2, m.getAttempts());
        assertNull(m.getLastError());
        assertThrows(IllegalStateException.class, () -> m.markSent(later));
        assertThrows(IllegalStateException.class, () -> m.recordFailure("x", later));
        assertThrows(IllegalStateException.class, () -> m.retryNow(later));
    }

    @Test
    void aRetryMakesAGivenUpMessageDueWithAFreshRound() {
        OutboxMessage m = message();
        m.recordPermanentFailure("550", T0);
        Instant later = T0.plus(Duration.ofDays(2));
        m.retryNow(later);
        assertEquals(OutboxStatus.PENDING, m.getStatus());
        assertEquals(0, m.getAttempts());
        assertTrue(m.isDue(later));
        assertEquals("550", m.getLastError());
    }

    @Test
    void aRetryOfAPendingMessageSkipsItsBackoff() {
        OutboxMessage m = message();
        m.recordFailure("refused", T0);
        m.retryNow(T0.plusSeconds(5));
        assertTrue(m.isDue(T0.plusSeconds(5)));
        assertEquals(1, m.getAttempts());
    }

    @Test
    void requiredFieldsAndLengthsAreChecked() {
        assertThrows(IllegalArgumentException.class,
                () -> new OutboxMessage(" ", "s", "b", "K", "fr", null, null, T0));
        assertThrows(IllegalArgumentException.class,
                () -> new OutboxMessage("a@b.fr", " ", "b", "K", "fr", null, null, T0));
        assertThrows(IllegalArgumentException.class,
                () -> new OutboxMessage("a@b.fr", "s", "x".repeat(OutboxMessage.BODY_MAX + 1), "K", "fr", null, null, T0));
        OutboxMessage m = message();
        m.recordFailure("e".repeat(5000), T0);
        assertEquals(OutboxMessage.LAST_ERROR_MAX, m.getLastError().length());
    }
}
