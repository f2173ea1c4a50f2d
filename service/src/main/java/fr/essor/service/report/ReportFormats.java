package fr.essor.service.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** How report cells are shown to a reader (PDF): amounts, numbers, percentages and dates in the locale's way. */
final class ReportFormats {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ReportFormats() {
    }

    /** "1 500,00 €" in French, "€1,500.00" in English. */
    static String money(BigDecimal amount, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(EUR);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }

    static String integer(Number n, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    /** At most two decimals, as many as the value carries: 2.50 → "2,50", 40 → "40". */
    static String decimal(BigDecimal n, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(Math.max(0, Math.min(2, n.scale())));
        format.setMaximumFractionDigits(2);
        return format.format(n);
    }

    /** A number written as 50.00 for 50 %: "50,00 %" in French, "50.00%" in English. */
    static String percent(BigDecimal hundredths, Locale locale) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(hundredths.divide(HUNDRED, hundredths.scale() + 2, RoundingMode.HALF_UP));
    }

    static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    static char decimalSeparator(Locale locale) {
        return DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
    }

    static BigDecimal decimalOf(Number n) {
        return n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
    }

    /** The text a reader sees for a cell of a column of the given kind; "" for an empty cell. */
    static String display(Table.Kind kind, Object value, Locale locale) {
        if (value == null) {
            return "";
        }
        if (value instanceof LocalDate d) {
            return date(d, locale);
        }
        if (value instanceof Number n) {
            return switch (kind) {
                case MONEY -> money(decimalOf(n), locale);
                case INTEGER -> integer(n, locale);
                case DECIMAL -> decimal(decimalOf(n), locale);
                case PERCENT -> percent(decimalOf(n), locale);
                case TEXT, DATE -> n.toString();
            };
        }
        return value.toString();
    }
}
