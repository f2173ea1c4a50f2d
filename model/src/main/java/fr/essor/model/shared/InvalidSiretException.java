package fr.essor.model.shared;

/** A SIRET that is not 14 digits or whose check digit is wrong. */
public class InvalidSiretException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        LENGTH, NOT_DIGITS, CHECKSUM
    }

    private final Reason reason;

    public InvalidSiretException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
