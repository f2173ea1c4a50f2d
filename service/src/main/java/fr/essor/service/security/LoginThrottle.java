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
 * Slows down password guessing by source (the client's address) and by account together, so that
 * the one who guesses is slowed and not the owner (issue 18, item 4):
 * <ul>
 * <li>after {@link #MAX_FAILURES} failed logins for one e-mail <em>from one source</em> within
 * {@link #WINDOW}, that source is refused for that e-mail until the window has passed; the owner,
 * signing in from elsewhere, is not;</li>
 * <li>a source that fails more than {@link #SOURCE_FREE_FAILURES} times within the window, whatever
 * the e-mails (one attempt on each of many accounts), waits a delay that doubles with each further
 * failure, from {@link #SOURCE_FIRST_DELAY} up to the window.</li>
 * </ul>
 * Known and unknown e-mails are treated alike, so a refusal tells nothing about whether an account
 * exists. A refused attempt costs no password hashing and is not counted.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LoginThrottle {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final int SOURCE_FREE_FAILURES = 20;
    public static final Duration SOURCE_FIRST_DELAY = Duration.ofSeconds(15);
    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Failures> byAccountAndSource = new ConcurrentHashMap<>();
    private final Map<String, Failures> bySource = new ConcurrentHashMap<>();
    private Clock clock = Clock.systemUTC();

    /** Seconds the source must wait before trying this e-mail again, or 0 when an attempt is allowed now. */
    public long secondsToWait(String email, String source) {
        Instant now = clock.instant();
        long pair = 0;
        Failures f = live(byAccountAndSource, pairKey(email, source), now);
        if (f != null && f.count >= MAX_FAILURES) {
            pair = Duration.between(now, f.windowStart.plus(WINDOW)).toSeconds() + 1;
        }
        long src = 0;
        Failures s = live(bySource, sourceKey(source), now);
        if (s != null && s.count >= SOURCE_FREE_FAILURES) {
            Instant allowed = s.last.plus(sourceDelay(s.count));
            src = now.isBefore(allowed) ? Duration.between(now, allowed).toSeconds() + 1 : 0;
        }
        return Math.max(pair, src);
    }

    public void recordFailure(String email, String source) {
        Instant now = clock.instant();
        if (byAccountAndSource.size() + bySource.size() > MAX_TRACKED) {
            Instant cutoff = now.minus(WINDOW);
            byAccountAndSource.values().removeIf(f -> f.last.isBefore(cutoff));
            bySource.values().removeIf(f -> f.last.isBefore(cutoff));
        }
        // a pair's window is fixed from its first failure; a source's lives as long as it keeps failing
        byAccountAndSource.compute(pairKey(email, source), (k, f) -> f == null || now.isAfter(f.windowStart.plus(WINDOW))
                ? new Failures(now, now, 1)
                : new Failures(f.windowStart, now, f.count + 1));
        bySource.compute(sourceKey(source), (k, f) -> f == null || now.isAfter(f.last.plus(WINDOW))
                ? new Failures(now, now, 1)
                : new Failures(f.windowStart, now, f.count + 1));
    }

    /** A success clears the failures of this e-mail from this source, not those of the source. */
    public void recordSuccess(String email, String source) {
        byAccountAndSource.remove(pairKey(email, source));
    }

    /**
     * Forgets every failure, as a restart does. The container tests' reset between two test classes
     * on one server (the demo module's test-only reset) calls it.
     */
    public void forgetAll() {
        byAccountAndSource.clear();
        bySource.clear();
    }

    static Duration sourceDelay(int failures) {
        int doublings = Math.min(failures - SOURCE_FREE_FAILURES, 20);
        Duration delay = SOURCE_FIRST_DELAY.multipliedBy(1L << Math.max(0, doublings));
        return delay.compareTo(WINDOW) > 0 ? WINDOW : delay;
    }

    void useClock(Clock clock) {
        this.clock = clock;
    }

    private Failures live(Map<String, Failures> map, String key, Instant now) {
        Failures f = map.get(key);
        if (f != null && now.isAfter((map == bySource ? f.last : f.windowStart).plus(WINDOW))) {
            map.remove(key, f);
            return null;
        }
        return f;
    }

    private static String sourceKey(String source) {
        return source == null || source.isBlank() ? "?" : source.trim();
    }

    private static String pairKey(String email, String source) {
        return (email == null ? "" : email.trim().toLowerCase(Locale.ROOT)) + "\n" + sourceKey(source);
    }

    private record Failures(Instant windowStart, Instant last, int count) {
    }
}
