package fr.essor.web.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.essor.model.application.Stage;
import fr.essor.service.shared.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The edge's parsing: a blank value is absent, anything that does not parse is refused on its field with its key. */
class ParamsTest {

    private static InvalidInputException refused(String field, String key, Executable parse) {
        InvalidInputException e = assertThrows(InvalidInputException.class, parse);
        assertEquals(field, e.field());
        assertEquals(key, e.messageKey());
        return e;
    }

    @Test
    void aChoiceIsReadInAnyCaseAndAnUnknownOneIsRefusedWithTheCallersKeyAndArguments() {
        assertEquals(Stage.CREATION, Params.choice(Stage.class, "stage", " creation ", "project.stageRequired"));
        assertNull(Params.choice(Stage.class, "stage", "  ", "project.stageRequired"));
        assertNull(Params.choice(Stage.class, "stage", null, "project.stageRequired"));
        InvalidInputException e = refused("lines[2].instrument", "line.instrumentRequired",
                () -> Params.choice(Stage.class, "lines[2].instrument", "'; DROP TABLE x", "line.instrumentRequired", 3));
        assertEquals(List.of(3), e.arguments());
    }

    @Test
    void aRequiredChoiceRefusesAbsenceWithTheSameMessageAsAnUnknownName() {
        assertEquals(Stage.CREATION, Params.requiredChoice(Stage.class, "kind", "CREATION", "support.kindRequired"));
        refused("kind", "support.kindRequired", () -> Params.requiredChoice(Stage.class, "kind", "", "support.kindRequired"));
        refused("kind", "support.kindRequired", () -> Params.requiredChoice(Stage.class, "kind", "LOST", "support.kindRequired"));
    }

    @Test
    void numbersAreWrittenWithDigitsOnlyAndWithinTheirLength() {
        assertEquals(new BigDecimal("1500.00"), Params.decimal("amount", " 1500.00 "));
        assertNull(Params.decimal("amount", ""));
        refused("amount", "amount.notANumber", () -> Params.decimal("amount", "1 500,00"));
        refused("amount", "amount.notANumber", () -> Params.decimal("amount", "1e3"));
        refused("amount", "amount.notANumber", () -> Params.decimal("amount", "1".repeat(31)));

        assertEquals(60, Params.integer("durationMonths", "60"));
        assertEquals(-1, Params.integer("durationMonths", "-1"), "the sign is the service's to refuse, with its bounds");
        refused("durationMonths", "loan.notAWholeNumber", () -> Params.integer("durationMonths", "12345"));
        refused("durationMonths", "loan.notAWholeNumber", () -> Params.integer("durationMonths", "6.5"));

        assertEquals(42L, Params.wholeNumber("productId", "42"));
        assertNull(Params.wholeNumber("productId", null));
        refused("productId", "loan.notAWholeNumber", () -> Params.wholeNumber("productId", "-42"));
        refused("productId", "loan.notAWholeNumber", () -> Params.wholeNumber("productId", "9".repeat(19)));
    }

    @Test
    void anIdAQueryNamesIsRequired() {
        assertEquals(7L, Params.id("application", " 7 "));
        refused("application", "field.required", () -> Params.id("application", null));
        refused("application", "field.required", () -> Params.id("application", "sept"));
    }

    @Test
    void aDayIsIsoAndAnImpossibleOneIsRefusedWithTheDefaultOrTheCallersKey() {
        assertEquals(LocalDate.of(2026, 3, 1), Params.date("date", "2026-03-01"));
        assertNull(Params.date("date", " "));
        refused("date", "date.invalidDay", () -> Params.date("date", "2026-02-30"));
        refused("date", "support.dateMalformed", () -> Params.date("date", "01/03/2026", "support.dateMalformed"));
        assertEquals(LocalDateTime.of(2030, 1, 1, 10, 0), Params.dateTime("startsAt", "2030-01-01T10:00", "date.invalid"));
        refused("startsAt", "date.invalid", () -> Params.dateTime("startsAt", "demain", "date.invalid"));
    }

    @Test
    void aVersionNotGivenIsNone() {
        assertEquals(-1L, Params.version(null));
        assertEquals(3L, Params.version(3L));
    }
}
