package fr.essor.model.agreement;

import fr.essor.model.application.Instrument;

/**
 * The three agreements an approved file signs, one per granted line, chosen by the line's instrument:
 * a repaid loan (honour loan, quasi-equity) a LOAN agreement, a guarantee a GUARANTEE agreement, a
 * grant a GRANT agreement. An equity stake is signed outside Essor (a shareholders' agreement): no
 * agreement is generated for it.
 */
public enum AgreementKind {
    LOAN, GUARANTEE, GRANT;

    /** The agreement of a line of that instrument, or null when Essor generates none. */
    public static AgreementKind of(Instrument instrument) {
        return switch (instrument) {
            case HONOUR_LOAN, QUASI_EQUITY -> LOAN;
            case GUARANTEE -> GUARANTEE;
            case GRANT -> GRANT;
            case EQUITY -> null;
        };
    }
}
