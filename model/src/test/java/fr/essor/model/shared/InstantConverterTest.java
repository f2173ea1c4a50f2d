package fr.essor.model.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class InstantConverterTest {

    private final InstantConverter converter = new InstantConverter();

    @Test
    void storesTheUtcDateTimeWhateverTheDefaultTimeZone() {
        assertEquals(LocalDateTime.of(2026, 3, 2, 9, 0, 0, 123_456_000),
                converter.convertToDatabaseColumn(Instant.parse("2026-03-02T09:00:00.123456Z")));
    }

    @Test
    void truncatesToMicroseconds() {
        assertEquals(LocalDateTime.of(2026, 3, 2, 9, 0, 0, 123_456_000),
                converter.convertToDatabaseColumn(Instant.parse("2026-03-02T09:00:00.123456999Z")));
    }

    @Test
    void readsTheUtcDateTimeBack() {
        assertEquals(Instant.parse("2026-03-02T09:00:00.5Z"),
                converter.convertToEntityAttribute(LocalDateTime.of(2026, 3, 2, 9, 0, 0, 500_000_000)));
    }

    @Test
    void nullStaysNull() {
        assertNull(converter.convertToDatabaseColumn(null));
        assertNull(converter.convertToEntityAttribute(null));
    }
}
