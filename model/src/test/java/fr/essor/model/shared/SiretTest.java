package fr.essor.model.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import fr.essor.model.shared.InvalidSiretException.Reason;

class SiretTest {

    @ParameterizedTest
    @ValueSource(strings = {"73282932000074", "35600000000048", "44306184100047", "55208131766522"})
    void luhnValidSiretsAreAccepted(String digits) {
        assertEquals(digits, Siret.of(digits).value());
        assertTrue(Siret.isValid(digits));
    }

    @Test
    void laPosteEstablishmentWithDigitSumMultipleOfFiveIsAccepted() {
        // 3+5+6+4+7 = 25; not Luhn-valid, valid by La Poste's rule
        assertTrue(Siret.isValid("35600000000047"));
        assertEquals("356000000", Siret.of("35600000000047").siren());
    }

    @Test
    void digitSumRuleAppliesToLaPosteOnly() {
        // digit sum 45, a multiple of 5, but not La Poste and not Luhn-valid
        assertFalse(Siret.isValid("73282932000072"));
        InvalidSiretException e = assertThrows(InvalidSiretException.class, () -> Siret.of("73282932000072"));
        assertSame(Reason.CHECKSUM, e.reason());
    }

    @Test
    void laPosteSiretFailingBothRulesIsRejected() {
        // digit sum 3+5+6+4+9 = 27, Luhn also wrong
        assertSame(Reason.CHECKSUM,
                assertThrows(InvalidSiretException.class, () -> Siret.of("35600000000049")).reason());
    }

    @Test
    void wrongCheckDigitIsRejected() {
        InvalidSiretException e = assertThrows(InvalidSiretException.class, () -> Siret.of("73282932000075"));
        assertSame(Reason.CHECKSUM, e.reason());
        assertTrue(e.getMessage().contains("73282932000075"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "7328293200007", "732829320000740", "123"})
    void wrongLengthIsRejected(String text) {
        assertSame(Reason.LENGTH, assertThrows(InvalidSiretException.class, () -> Siret.of(text)).reason());
        assertFalse(Siret.isValid(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7328293200007A", "ABCDEFGHIJKLMN", "732-829-320-00074", "73282932O00074"})
    void lettersAndPunctuationAreRejected(String text) {
        assertSame(Reason.NOT_DIGITS, assertThrows(InvalidSiretException.class, () -> Siret.of(text)).reason());
    }

    @Test
    void invalidSiretIsAnIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> Siret.of("00000000000001"));
    }

    @Test
    void spacesBetweenDigitsAreStripped() {
        assertEquals("73282932000074", Siret.of("732 829 320 00074").value());
        assertEquals("73282932000074", Siret.of(" 732\u00A0829\u202F320 00074 ").value());
        assertEquals(Siret.of("73282932000074"), Siret.of("732 829 320 00074"));
    }

    @Test
    void sirenAndFormattedForm() {
        Siret s = Siret.of("73282932000074");
        assertEquals("732829320", s.siren());
        assertEquals("732 829 320 00074", s.formatted());
        assertEquals("73282932000074", s.toString());
    }

    @Test
    void isValidOfNullIsFalse() {
        assertFalse(Siret.isValid(null));
    }

    @Test
    void converterStoresTheDigits() {
        SiretConverter converter = new SiretConverter();
        assertEquals("73282932000074", converter.convertToDatabaseColumn(Siret.of("732 829 320 00074")));
        assertEquals(Siret.of("73282932000074"), converter.convertToEntityAttribute("73282932000074"));
        assertNull(converter.convertToDatabaseColumn(null));
        assertNull(converter.convertToEntityAttribute(null));
    }
}
