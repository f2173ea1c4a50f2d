package fr.essor.model.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    /** French groups thousands with a narrow no-break space and puts a no-break space before the sign. */
    private static final char NARROW_NBSP = '\u202F';
    private static final char NBSP = '\u00A0';

    @ParameterizedTest
    @CsvSource({"1500, 1500.00", "1500.5, 1500.50", "1500.00, 1500.00", "0, 0.00", "-12.3, -12.30",
        "0.01, 0.01", "9999999999999.99, 9999999999999.99"})
    void parsesPlainDecimalsToScaleTwo(String text, String expected) {
        Money m = Money.of(text);
        assertEquals(expected, m.toString());
        assertEquals(2, m.amount().scale());
    }

    @Test
    void ofBigDecimalHasScaleTwo() {
        assertEquals(2, Money.of(new BigDecimal("7")).amount().scale());
        assertEquals(new BigDecimal("7.00"), Money.of(new BigDecimal("7")).amount());
    }

    @Test
    void threeDecimalsAreRejectedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Money.of("10.005"));
        assertTrue(e.getMessage().contains("more than two decimals"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Money.of(new BigDecimal("0.001")));
    }

    @Test
    void trailingZerosBeyondTheCentAreNotExtraDecimals() {
        assertEquals(Money.of("10.05"), Money.of("10.050"));
    }

    @Test
    void moreThanThirteenIntegerDigitsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("10000000000000"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("-10000000000000.00"));
    }

    @Test
    void nullIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Money.of((String) null));
        assertThrows(IllegalArgumentException.class, () -> Money.of((BigDecimal) null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1,5", "1 500", "1e3", "+5", "abc", "1.", ".5", "12.5 "})
    void textThatIsNotAPlainDecimalIsRejected(String text) {
        assertThrows(IllegalArgumentException.class, () -> Money.of(text));
    }

    @Test
    void equalityIgnoresHowTheAmountWasWritten() {
        assertEquals(Money.of("1.5"), Money.of("1.50"));
        assertEquals(Money.of("1.5").hashCode(), Money.of("1.50").hashCode());
        assertEquals(Money.of(new BigDecimal("1.5")), Money.of("1.50"));
        assertNotEquals(Money.of("1.5"), Money.of("1.51"));
    }

    @Test
    void plusAndMinus() {
        assertEquals(Money.of("1750.25"), Money.of("1500.00").plus(Money.of("250.25")));
        assertEquals(Money.of("-0.01"), Money.of("10").minus(Money.of("10.01")));
    }

    @Test
    void timesRoundsHalfEvenToTheCent() {
        assertEquals(Money.of("20000.00"), Money.of("40000").times(new BigDecimal("0.5")));
        assertEquals(Money.of("0.12"), Money.of("0.25").times(new BigDecimal("0.5")));
        assertEquals(Money.of("0.38"), Money.of("0.75").times(new BigDecimal("0.5")));
        assertEquals(Money.of("33.33"), Money.of("100").times(new BigDecimal("0.33333")));
    }

    @Test
    void sumBeyondTheColumnIsRejected() {
        Money max = Money.of("9999999999999.99");
        assertThrows(IllegalArgumentException.class, () -> max.plus(Money.of("0.01")));
    }

    @Test
    void signPredicates() {
        assertTrue(Money.of("-1").isNegative());
        assertFalse(Money.of("-1").isPositive());
        assertTrue(Money.zero().isZero());
        assertTrue(Money.of("0.00").isZero());
        assertTrue(Money.of("0.01").isPositive());
        assertFalse(Money.zero().isNegative());
    }

    @Test
    void compareToOrdersByAmount() {
        assertTrue(Money.of("2").compareTo(Money.of("10")) < 0);
        assertEquals(0, Money.of("2.0").compareTo(Money.of("2.00")));
        assertTrue(Money.of("10").isGreaterThan(Money.of("9.99")));
        assertTrue(Money.of("-1").isLessThan(Money.zero()));
    }

    @Test
    void formatsInFrench() {
        assertEquals("1" + NARROW_NBSP + "500,00" + NBSP + "€", Money.of("1500").format(Locale.FRENCH));
        assertEquals("1" + NARROW_NBSP + "500,00" + NBSP + "€", Money.of("1500").format(Locale.FRANCE));
        assertEquals("6" + NARROW_NBSP + "250" + NARROW_NBSP + "000,00" + NBSP + "€",
                Money.of("6250000").format(Locale.FRENCH));
    }

    @Test
    void formatsInEnglish() {
        assertEquals("€1,500.00", Money.of("1500").format(Locale.ENGLISH));
        assertEquals("€0.50", Money.of("0.5").format(Locale.ENGLISH));
    }

    @Test
    void toStringIsThePlainDecimal() {
        assertEquals("6250000.00", Money.of("6250000").toString());
    }

    @Test
    void converterMapsToBigDecimalAndBack() {
        MoneyConverter converter = new MoneyConverter();
        assertEquals(new BigDecimal("1500.00"), converter.convertToDatabaseColumn(Money.of("1500")));
        assertEquals(Money.of("1500"), converter.convertToEntityAttribute(new BigDecimal("1500.00")));
        assertNull(converter.convertToDatabaseColumn(null));
        assertNull(converter.convertToEntityAttribute(null));
    }
}
