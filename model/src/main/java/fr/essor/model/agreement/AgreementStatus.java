package fr.essor.model.agreement;

/**
 * An agreement's life: GENERATED from the template; UPLOADED once the entrepreneur sends the signed
 * copy; the advisor marks it SIGNED (final) or REFUSES the copy with a comment, after which the
 * entrepreneur uploads again. A file is contracted only when all its agreements are SIGNED.
 */
public enum AgreementStatus {
    GENERATED, UPLOADED, SIGNED, REFUSED;

    public boolean canUpload() {
        return this == GENERATED || this == REFUSED || this == UPLOADED;
    }

    public boolean canDecide() {
        return this == UPLOADED;
    }
}
