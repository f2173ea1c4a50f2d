package fr.essor.model.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SavedFilterTest {

    private final UserAccount owner = new UserAccount("conseil@demo.essor", "Conseil", "hash", Set.of(Role.ADVISOR),
            Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void theNameIsStrippedAndBounded() {
        assertEquals("Mes dossiers", new SavedFilter(owner, "  Mes dossiers ", "status=SUBMITTED").getName());
        assertThrows(IllegalArgumentException.class, () -> new SavedFilter(owner, " ", ""));
        assertThrows(IllegalArgumentException.class, () -> new SavedFilter(owner, "x".repeat(SavedFilter.NAME_MAX + 1), ""));
    }

    @Test
    void criteriaLongerThanTheColumnAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new SavedFilter(owner, "trop", "q=" + "x".repeat(SavedFilter.CRITERIA_MAX)));
    }
}
