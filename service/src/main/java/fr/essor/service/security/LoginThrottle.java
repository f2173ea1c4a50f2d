package fr.essor.service.security;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@link #MAX_FAILURES} failed logins for one e-mail within
 * {@link #WINDOW}, further attempts for it are refused until the window has passed. Known and
 * unknown e-mails are treated alike, so the lock tells nothing about whether an account exists.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LoginThrottle {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private Clock clock = Clock.systemUTC();

    /** Seconds to wait before trying again, or 0 when an attempt is allowed now. */
    public long secondsToWait(String email) {
        Failures f = failures.get(key(email));
        if (f == null) {
            return 0;
        }
        Instant now = clock.instant();
        if (now.isAfter(f.windowStart.plus(WINDOW))) {
            failures.remove(key(email), f);
            return 0;
        }
        return f.count >= MAX_FAILURES ? Duration.between(now, f.windowStart.plus(WINDOW)).toSeconds() + 1 : 0;
    }

    public void recordFailure(String email) {
        if (failures.size() > MAX_TRACKED) {
            Instant cutoff = clock.instant().minus(WINDOW);
            failures.values().removeIf(f -> f.windowStart.isBefore(cutoff));
        }
        Instant now = clock.instant();
        failures.compute(key(email), (k, f) -> f == null || now.isAfter(f.windowStart.plus(WINDOW))
                ? new Failures(now, 1)
                : new Failures(f.windowStart, f.count + 1));
    }

    public void recordSuccess(String email) {
        failures.remove(key(email));
    }

    void useClock(Clock clock) {
        this.clock = clock;
    }

    private static String key(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    private record Failures(Instant windowStart, int count) {
    }
}
