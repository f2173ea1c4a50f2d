package fr.essor.service.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Issue 18, item 4: the guessing source is slowed, not the account's owner elsewhere. */
class LoginThrottleTest {

    private Instant now = Instant.parse("2026-12-05T08:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle();

    LoginThrottleTest() {
        throttle.useClock(new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        });
    }

    @Test
    void fiveFailuresLockThatSourceOutOfThatAccountOnly() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertEquals(0, throttle.secondsToWait("owner@example.org", "10.0.0.66"));
            throttle.recordFailure("owner@example.org", "10.0.0.66");
        }
        assertTrue(throttle.secondsToWait("Owner@Example.org", "10.0.0.66") > 0, "the guesser waits");
        assertEquals(0, throttle.secondsToWait("owner@example.org", "192.168.1.10"), "the owner, elsewhere, does not");
        assertEquals(0, throttle.secondsToWait("other@example.org", "10.0.0.66"), "other accounts from there: not yet");
        now = now.plus(LoginThrottle.WINDOW).plusSeconds(1);
        assertEquals(0, throttle.secondsToWait("owner@example.org", "10.0.0.66"), "the lock ends with the window");
    }

    @Test
    void oneFailureOnEachOfManyAccountsSlowsTheSourceWithAGrowingDelay() {
        for (int i = 0; i < LoginThrottle.SOURCE_FREE_FAILURES; i++) {
            assertEquals(0, throttle.secondsToWait("a" + i + "@example.org", "10.0.0.66"), "failure " + i);
            throttle.recordFailure("a" + i + "@example.org", "10.0.0.66");
        }
        long first = throttle.secondsToWait("new@example.org", "10.0.0.66");
        assertEquals(LoginThrottle.SOURCE_FIRST_DELAY.toSeconds() + 1, first);
        assertEquals(0, throttle.secondsToWait("new@example.org", "10.0.0.67"), "another source is not slowed");
        now = now.plus(LoginThrottle.SOURCE_FIRST_DELAY).plusSeconds(1);
        assertEquals(0, throttle.secondsToWait("new@example.org", "10.0.0.66"));
        throttle.recordFailure("new@example.org", "10.0.0.66");
        assertEquals(2 * LoginThrottle.SOURCE_FIRST_DELAY.toSeconds() + 1, throttle.secondsToWait("x@example.org", "10.0.0.66"),
                "the delay doubles");
        assertEquals(LoginThrottle.WINDOW, LoginThrottle.sourceDelay(LoginThrottle.SOURCE_FREE_FAILURES + 40), "up to the window");
    }

    @Test
    void aSuccessClearsThePairButNotTheSource() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            throttle.recordFailure("owner@example.org", "10.0.0.5");
        }
        throttle.recordSuccess("owner@example.org", "10.0.0.5");
        throttle.recordFailure("owner@example.org", "10.0.0.5");
        assertEquals(0, throttle.secondsToWait("owner@example.org", "10.0.0.5"));
        assertEquals(Duration.ofSeconds(15), LoginThrottle.sourceDelay(LoginThrottle.SOURCE_FREE_FAILURES));
    }
}
