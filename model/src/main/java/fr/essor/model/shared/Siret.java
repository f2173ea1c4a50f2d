package fr.essor.model.shared;

import java.io.Serializable;
import java.util.Objects;

import fr.essor.model.shared.InvalidSiretException.Reason;

/**
 * A SIRET, the 14-digit identifier of an establishment: SIREN (9 digits) + NIC (5 digits),
 * checked by the Luhn algorithm. La Poste's establishments (SIREN 356000000) are numbered with
 * another rule, the sum of the digits being a multiple of 5; its head office follows Luhn.
 */
public final class Siret implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int LENGTH = 14;
    public static final int SIREN_LENGTH = 9;
    static final String LA_POSTE_SIREN = "356000000";

    private final String value;

    private Siret(String value) {
        this.value = value;
    }

    /** Accepts the digits with or without spaces ("732 829 320 00074"). */
    public static Siret of(String text) {
        Objects.requireNonNull(text, "siret");
        String digits = stripSpaces(text);
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidSiretException(Reason.NOT_DIGITS, "A SIRET contains digits only: \"" + text + "\"");
        }
        if (digits.length() != LENGTH) {
            throw new InvalidSiretException(Reason.LENGTH,
                    "A SIRET has " + LENGTH + " digits, \"" + text + "\" has " + digits.length());
        }
        if (!checksumIsValid(digits)) {
            throw new InvalidSiretException(Reason.CHECKSUM, "The check digit of SIRET " + digits + " is wrong");
        }
        return new Siret(digits);
    }

    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        try {
            of(text);
            return true;
        } catch (InvalidSiretException e) {
            return false;
        }
    }

    private static String stripSpaces(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(digits::appendCodePoint);
        return digits.toString();
    }

    private static boolean checksumIsValid(String digits) {
        if (luhn(digits)) {
            return true;
        }
        return digits.startsWith(LA_POSTE_SIREN) && digits.chars().map(c -> c - '0').sum() % 5 == 0;
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    public String value() {
        return value;
    }

    public String siren() {
        return value.substring(0, SIREN_LENGTH);
    }

    /** "732 829 320 00074". */
    public String formatted() {
        return value.substring(0, 3) + ' ' + value.substring(3, 6) + ' ' + value.substring(6, 9) + ' '
                + value.substring(9);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Siret other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
