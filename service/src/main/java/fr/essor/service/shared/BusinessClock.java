package fr.essor.service.shared;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The day of the business, for rules that follow the calendar (the follow-up's milestones, issue 13):
 * the system clock, which only a test may move forward through the test-only address of the demo
 * module ({@code /test-only/clock}, docs/AFTER_DECISION.md); the test reset puts it back. Production
 * code never shifts it.
 */
@ApplicationScoped
public class BusinessClock {

    /** The network's time zone: a day is a day in France. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private volatile Duration offset = Duration.ZERO;

    /** The clock, shifted by what a test asked. */
    public Clock clock() {
        return Clock.offset(Clock.system(ZONE), offset);
    }

    public Instant now() {
        return Instant.now(clock());
    }

    public LocalDate today() {
        return LocalDate.now(clock());
    }

    /** How far a test moved the clock (zero in production). */
    public Duration offset() {
        return offset;
    }

    /** TEST ONLY: moves the clock by that much more (the demo module's test-only address calls it). */
    public void shift(Duration by) {
        offset = offset.plus(by);
    }

    /** TEST ONLY: the system clock again (the test reset calls it). */
    public void reset() {
        offset = Duration.ZERO;
    }
}
