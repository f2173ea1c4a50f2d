package fr.essor.service.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The one reader of native query columns reads each form H2 and Connector/J give for the same stored value. */
class ColumnsTest {

    /** 2026-12-07 10:30:15.5 UTC, as {@code InstantConverter} stores it: the UTC wall-clock time in a DATETIME. */
    private static final Instant AT = Instant.parse("2026-12-07T10:30:15.500Z");
    private static final LocalDateTime UTC_WALL_CLOCK = LocalDateTime.of(2026, 12, 7, 10, 30, 15, 500_000_000);

    @Test
    void anInstantIsReadFromEveryFormADriverGivesForADatetime() {
        assertEquals(AT, Columns.instant(Timestamp.valueOf(UTC_WALL_CLOCK)), "Timestamp (wall-clock UTC)");
        assertEquals(AT, Columns.instant(UTC_WALL_CLOCK), "LocalDateTime");
        assertEquals(AT, Columns.instant(AT), "Instant");
        assertEquals(AT, Columns.instant(OffsetDateTime.of(UTC_WALL_CLOCK, ZoneOffset.ofHours(0))), "OffsetDateTime");
        assertEquals(AT, Columns.instant(OffsetDateTime.of(UTC_WALL_CLOCK.plusHours(1), ZoneOffset.ofHours(1))),
                "an OffsetDateTime at another offset is the same instant");
        assertEquals(AT, Columns.instant("2026-12-07 10:30:15.5"), "text as MariaDB prints it");
        assertEquals(AT, Columns.instant("2026-12-07T10:30:15.500Z"), "ISO text");
        assertEquals(Instant.parse("2026-12-07T00:00:00Z"), Columns.instant(Date.valueOf(LocalDate.of(2026, 12, 7))),
                "a DATE is its day's start in UTC");
        assertNull(Columns.instant(null));
    }

    @Test
    void anOptionalAmountIsNullForNullAndASumOverNoRowIsZero() {
        assertNull(Columns.amount(null));
        assertEquals(new BigDecimal("12.50"), Columns.amount(new BigDecimal("12.5")));
        assertEquals(new BigDecimal("12.50"), Columns.amount(12.5d));
        assertEquals(new BigDecimal("0.00"), Columns.decimal(null));
        assertEquals(new BigDecimal("3.00"), Columns.decimal(3L));
    }

    @Test
    void aDateIsReadFromADateADatetimeOrText() {
        LocalDate day = LocalDate.of(2026, 12, 7);
        assertEquals(day, Columns.date(Date.valueOf(day)));
        assertEquals(day, Columns.date(day));
        assertEquals(day, Columns.date(UTC_WALL_CLOCK));
        assertEquals(day, Columns.date(Timestamp.valueOf(UTC_WALL_CLOCK)));
        assertEquals(day, Columns.date(new java.util.Date(Date.valueOf(day).getTime())), "a java.util.Date of the day");
        assertEquals(day, Columns.date("2026-12-07"));
        assertNull(Columns.date(null));
    }
}
