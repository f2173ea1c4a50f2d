package fr.essor.service.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Native query values as the drivers return them (H2 and Connector/J differ), read into Java types: the one reader of
 * row columns for the services that map native query rows (arrears, conventions, follow-up, conditions, inbox).
 */
public final class Columns {

    private Columns() {
    }

    /** A nullable amount (an optional column) as a scale-2 decimal; null for NULL. */
    public static BigDecimal amount(Object o) {
        return o == null ? null : decimal(o);
    }

    /** An amount or a sum as a scale-2 decimal; 0.00 for NULL (a sum over no row). */
    public static BigDecimal decimal(Object o) {
        if (o == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal d = o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
        return d.setScale(2, RoundingMode.HALF_UP);
    }

    /** A DATE (or date-time) column as drivers return it (LocalDate, java.sql.Date, date-time or text); null for NULL. */
    public static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof Date d) {
            return d.toLocalDate();
        }
        if (o instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        if (o instanceof Timestamp t) {
            return t.toLocalDateTime().toLocalDate();
        }
        if (o instanceof java.util.Date d) {
            return new Date(d.getTime()).toLocalDate();
        }
        return LocalDate.parse(o.toString().substring(0, 10));
    }

    /** A stored instant: a DATETIME holding UTC wall-clock time, as {@code InstantConverter} writes it; null for NULL. */
    public static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (o instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof Date d) {
            return d.toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (o instanceof java.util.Date d) {
            return d.toInstant();
        }
        String text = o.toString();
        return text.endsWith("Z") ? Instant.parse(text) : LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }

    /** An instant as its UTC date-time, the way {@code InstantConverter} stores instants. */
    public static Timestamp utc(Instant i) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(i.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    /** A count or an id; 0 for NULL. */
    public static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    /** A nullable whole number. */
    public static Integer integer(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }
}
