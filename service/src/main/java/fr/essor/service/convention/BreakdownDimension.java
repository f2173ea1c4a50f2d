package fr.essor.service.convention;

import fr.essor.service.shared.InvalidInputException;
import java.util.Locale;

/** What a convention's allocations can be broken down by; its name is the one the API and the pages use. */
public enum BreakdownDimension {
    INSTRUMENT("g.instrument", "Instrument."),
    DEPARTMENT("e.department", null),
    LEGAL_FORM("e.legal_form", "LegalForm."),
    STAGE("ap.stage", "Stage.");

    /** Column of the breakdown query (allocation al, granted_line g, application ap, enterprise e). */
    final String column;
    /** Prefix of a value's label in the bundles, or null when a value is its own label (a department). */
    final String labelPrefix;

    BreakdownDimension(String column, String labelPrefix) {
        this.column = column;
        this.labelPrefix = labelPrefix;
    }

    /** The dimension a caller names, in any case; an unknown name is an invalid choice of {@code dimension}. */
    public static BreakdownDimension parse(String name) {
        try {
            return valueOf(name == null ? "" : name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("dimension", "field.invalidChoice");
        }
    }
}
