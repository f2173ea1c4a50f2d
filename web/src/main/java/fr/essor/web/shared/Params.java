package fr.essor.web.shared;

import fr.essor.service.shared.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The one place where the edge (API bodies and query parameters, the few page fields that arrive as text) turns what a
 * caller typed into the typed values the services take. Spaces around a value are ignored and a blank value is absent
 * (null); anything that does not parse is an {@link InvalidInputException} naming its field, which the API answers
 * with a 400 and the pages show on the field, in the caller's language. The services still check what the values
 * mean (a range, a choice allowed in this state).
 */
public final class Params {

    private Params() {
    }

    /**
     * The constant of {@code type} a caller names, in any case; absent is null, an unknown name is refused on
     * {@code field} with the message {@code key} and its arguments.
     */
    public static <E extends Enum<E>> E choice(Class<E> type, String field, String value, String key, Object... args) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, key, args);
        }
    }

    /** As {@link #choice}, but absent is refused too, with the same message as an unknown name. */
    public static <E extends Enum<E>> E requiredChoice(Class<E> type, String field, String value, String key,
                                                       Object... args) {
        E choice = choice(type, field, value, key, args);
        if (choice == null) {
            throw new InvalidInputException(field, key, args);
        }
        return choice;
    }

    /** A decimal number written with a point ({@code "1500.00"}, at most 30 characters); absent is null. */
    public static BigDecimal decimal(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() > 30 || !v.matches("-?\\d+(\\.\\d+)?")) {
            throw new InvalidInputException(field, "amount.notANumber", field);
        }
        return new BigDecimal(v);
    }

    /** A whole number of at most four digits (months, a line number); absent is null. */
    public static Integer integer(String field, String value) {
        String v = wholeDigits(field, value, 4, "-?\\d+");
        return v == null ? null : Integer.valueOf(v);
    }

    /** An optional id or other positive whole number; absent is null. */
    public static Long wholeNumber(String field, String value) {
        String v = wholeDigits(field, value, 18, "\\d+");
        return v == null ? null : Long.valueOf(v);
    }

    private static String wholeDigits(String field, String value, int maxLength, String pattern) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() > maxLength || !v.matches(pattern)) {
            throw new InvalidInputException(field, "loan.notAWholeNumber");
        }
        return v;
    }

    /** The id a query names, which it must: absent or not a number is refused as a required field. */
    public static long id(String field, String value) {
        try {
            return Long.parseLong(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "field.required");
        }
    }

    /** An ISO-8601 day ({@code 2026-03-01}); absent is null, anything else not a day. */
    public static LocalDate date(String field, String value) {
        return date(field, value, "date.invalidDay");
    }

    /** As {@link #date(String, String)}, refused with the message {@code key}. */
    public static LocalDate date(String field, String value, String key) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, key);
        }
    }

    /** An ISO-8601 local date and time ({@code 2026-03-01T14:30}); absent is null. */
    public static LocalDateTime dateTime(String field, String value, String key) {
        try {
            return value == null || value.isBlank() ? null : LocalDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, key);
        }
    }

    /** The {@code version} the caller last read; -1 when it gives none, for which the services check no version. */
    public static long version(Long version) {
        return version == null ? -1 : version;
    }
}
