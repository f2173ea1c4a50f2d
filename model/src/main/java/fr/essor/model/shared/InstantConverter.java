package fr.essor.model.shared;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores an {@link Instant} as its UTC date-time in {@code DATETIME(6)}. EclipseLink 4.0 (Payara 6)
 * has no basic mapping for {@code Instant} and would serialise it into a blob; going through
 * {@link LocalDateTime} at UTC also keeps the stored value independent of the JVM's and the
 * database's time zones. Truncated to microseconds, the precision of the columns, rather than left
 * to the database (MySQL rounds, MariaDB and H2 differ).
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, LocalDateTime> {

    @Override
    public LocalDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
