package fr.essor.model.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApplicationReferenceTest {

    @Test
    void formatsCodeYearAndFiveDigitSequence() {
        assertEquals("CVL-2026-00001", ApplicationReference.of("CVL", 2026, 1).toString());
        assertEquals("CVL-2021-00042", ApplicationReference.of("CVL", 2021, 42).toString());
    }

    @Test
    void sequenceBeyondFiveDigitsGrowsTheNumber() {
        assertEquals("IDF-2026-123456", ApplicationReference.of("IDF", 2026, 123_456).toString());
    }

    @Test
    void parseReadsBackEveryPart() {
        ApplicationReference r = ApplicationReference.parse("CVL-2021-00042");
        assertEquals("CVL", r.associationCode());
        assertEquals(2021, r.year());
        assertEquals(42, r.sequence());
        assertEquals(ApplicationReference.of("CVL", 2021, 42), r);
        assertEquals(ApplicationReference.of("CVL", 2021, 42).hashCode(), r.hashCode());
    }

    @Test
    void parseOfLongSequenceRoundTrips() {
        assertEquals("IDF-2026-123456", ApplicationReference.parse("IDF-2026-123456").toString());
    }

    @Test
    void longestReferenceFitsTheColumn() {
        ApplicationReference longest =
                ApplicationReference.of("ABCDEFGHIJ", 2026, ApplicationReference.MAX_SEQUENCE);
        assertTrue(longest.toString().length() <= ApplicationReference.MAX_LENGTH);
        assertEquals(longest, ApplicationReference.parse(longest.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "CVL-2026-1", "CVL-2026-0001", "cvl-2026-00001", "CVL-26-00001", "CVL202600001",
        "C-2026-00001", "CVL-2026-00000", "CVL-2026-000001", " CVL-2026-00001", "CVL-2026-0000A",
        "ABCDEFGHIJK-2026-00001"})
    void parseRejectsMalformedReferences(String text) {
        assertThrows(IllegalArgumentException.class, () -> ApplicationReference.parse(text));
    }

    @Test
    void ofRejectsBadParts() {
        assertThrows(IllegalArgumentException.class, () -> ApplicationReference.of("cvl", 2026, 1));
        assertThrows(IllegalArgumentException.class, () -> ApplicationReference.of("CVL", 26, 1));
        assertThrows(IllegalArgumentException.class, () -> ApplicationReference.of("CVL", 2026, 0));
        assertThrows(IllegalArgumentException.class,
                () -> ApplicationReference.of("CVL", 2026, ApplicationReference.MAX_SEQUENCE + 1));
    }

    @Test
    void referencesOfDifferentYearsDiffer() {
        assertNotEquals(ApplicationReference.of("CVL", 2025, 1), ApplicationReference.of("CVL", 2026, 1));
    }

    @Test
    void orderIsCodeThenYearThenSequence() {
        assertTrue(ApplicationReference.parse("CVL-2026-00002")
                .compareTo(ApplicationReference.parse("CVL-2026-00010")) < 0);
        assertTrue(ApplicationReference.parse("CVL-2025-99999")
                .compareTo(ApplicationReference.parse("CVL-2026-00001")) < 0);
    }

    @Test
    void converterStoresTheTextAndReadsItBack() {
        ApplicationReferenceConverter converter = new ApplicationReferenceConverter();
        ApplicationReference r = ApplicationReference.of("CVL", 2026, 7);
        assertEquals("CVL-2026-00007", converter.convertToDatabaseColumn(r));
        assertEquals(r, converter.convertToEntityAttribute("CVL-2026-00007"));
        assertNull(converter.convertToDatabaseColumn(null));
        assertNull(converter.convertToEntityAttribute(null));
    }
}
