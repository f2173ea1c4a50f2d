package fr.essor.model.application;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.essor.model.association.Association;

/** The reference of an application, "CVL-2026-00001": association code, year, sequence in that year. */
public final class ApplicationReference implements Serializable, Comparable<ApplicationReference> {

    private static final long serialVersionUID = 1L;

    public static final int MAX_LENGTH = 30;
    /** 14 digits, so that a 10-letter code still fits in {@link #MAX_LENGTH}. */
    public static final long MAX_SEQUENCE = 99_999_999_999_999L;
    private static final Pattern FORMAT = Pattern.compile("([A-Z]{2,10})-(\\d{4})-(\\d{5,14})");
    private static final Pattern CODE = Pattern.compile(Association.CODE_PATTERN);

    private final String associationCode;
    private final int year;
    private final long sequence;

    private ApplicationReference(String associationCode, int year, long sequence) {
        this.associationCode = associationCode;
        this.year = year;
        this.sequence = sequence;
    }

    public static ApplicationReference of(String associationCode, int year, long sequence) {
        if (associationCode == null || !CODE.matcher(associationCode).matches()) {
            throw new IllegalArgumentException("Not an association code: " + associationCode);
        }
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("The year of a reference has four digits: " + year);
        }
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("The sequence of a reference runs from 1 to " + MAX_SEQUENCE + ": " + sequence);
        }
        return new ApplicationReference(associationCode, year, sequence);
    }

    /** Parses the canonical form written by {@link #toString()}; anything else is rejected. */
    public static ApplicationReference parse(String text) {
        Objects.requireNonNull(text, "reference");
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not an application reference (CODE-YYYY-NNNNN): \"" + text + "\"");
        }
        ApplicationReference reference =
                of(m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)));
        if (!reference.toString().equals(text)) {
            throw new IllegalArgumentException("Not the canonical form of a reference: \"" + text
                    + "\" (expected \"" + reference + "\")");
        }
        return reference;
    }

    public String associationCode() {
        return associationCode;
    }

    public int year() {
        return year;
    }

    public long sequence() {
        return sequence;
    }

    @Override
    public int compareTo(ApplicationReference o) {
        int c = associationCode.compareTo(o.associationCode);
        if (c == 0) {
            c = Integer.compare(year, o.year);
        }
        return c != 0 ? c : Long.compare(sequence, o.sequence);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ApplicationReference other && year == other.year
                && sequence == other.sequence && associationCode.equals(other.associationCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(associationCode, year, sequence);
    }

    @Override
    public String toString() {
        return String.format("%s-%04d-%05d", associationCode, year, sequence);
    }
}
