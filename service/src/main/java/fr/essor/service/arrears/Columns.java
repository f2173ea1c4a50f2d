package fr.essor.service.arrears;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

/** Native query values as the drivers return them (H2 and Connector/J differ), read into Java types. */
final class Columns {

    private Columns() {
    }

    /** An amount or a sum as a scale-2 decimal; 0.00 for NULL (a sum over no row). */
    static BigDecimal decimal(Object o) {
        if (o == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal d = o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
        return d.setScale(2, RoundingMode.HALF_UP);
    }

    static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(o.toString().substring(0, 10));
    }

    static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
        }
        if (o instanceof java.time.LocalDateTime t) {
            return t.toInstant(java.time.ZoneOffset.UTC);
        }
        if (o instanceof Instant i) {
            return i;
        }
        return java.sql.Timestamp.valueOf(o.toString()).toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
    }

    /** An instant as its UTC date-time, the way {@code InstantConverter} stores instants. */
    static java.sql.Timestamp utc(Instant i) {
        return java.sql.Timestamp.valueOf(java.time.LocalDateTime.ofInstant(i.truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                java.time.ZoneOffset.UTC));
    }

    static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    static Integer integer(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }
}
