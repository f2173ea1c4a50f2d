package fr.essor.service.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class PersonalDataServiceTest {

    @Test
    void aFileNameBecomesOneSafePathSegmentOfTheArchive() {
        assertEquals("plan d'affaires.pdf".replace("'", "_"), PersonalDataService.safe("plan d'affaires.pdf"));
        assertEquals("___", PersonalDataService.safe("///"));
        assertEquals("_", PersonalDataService.safe("  "));
        String traversal = PersonalDataService.safe("../../etc/passwd");
        assertFalse(traversal.contains("/") || traversal.contains(".."), traversal);
        assertFalse(PersonalDataService.safe("a\u202Eb\u0000c").matches(".*[\\u202E\\u0000].*"));
        assertEquals(120, PersonalDataService.safe("x".repeat(300)).length());
        assertEquals("CVL-2026-0001", PersonalDataService.safe("CVL-2026-0001"));
    }
}
