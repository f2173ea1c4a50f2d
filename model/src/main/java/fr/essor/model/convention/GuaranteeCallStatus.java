package fr.essor.model.convention;

/** A bank's call on a guarantee: claimed (possibly waiting for a second person to approve its payment), then paid. */
public enum GuaranteeCallStatus {
    CLAIMED,
    PAID
}
