package fr.essor.service.shared;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

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

    /** Calendar days a test moved the day by (zero in production). */
    private volatile long offsetDays;

    /**
     * The clock, shifted by what a test asked: by calendar days in Europe/Paris, not by 24-hour periods,
     * so that a shift across a change of summer time lands on the day asked at any hour (24 h × 180 from
     * 23:15 in December is 00:15 the next day in June).
     */
    public Clock clock() {
        Clock system = Clock.system(ZONE);
        long days = offsetDays;
        if (days == 0) {
            return system;
        }
        ZonedDateTime now = ZonedDateTime.now(system);
        return Clock.offset(system, Duration.between(now, now.plusDays(days)));
    }

    public Instant now() {
        return Instant.now(clock());
    }

    public LocalDate today() {
        return LocalDate.now(clock());
    }

    /** How far a test moved the day (zero in production). */
    public long offsetDays() {
        return offsetDays;
    }

    /** TEST ONLY: moves the day by that many more calendar days (the demo module's test-only address calls it). */
    public void shiftDays(long days) {
        offsetDays += days;
    }

    /** TEST ONLY: the system clock again (the test reset calls it). */
    public void reset() {
        offsetDays = 0;
    }
}
