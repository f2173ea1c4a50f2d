package fr.essor.model.convention;

/**
 * What happens to the interest of a grace period (the capital is deferred either way): paid at
 * each instalment of the grace, or capitalised (added to the capital repaid after the grace).
 */
public enum GraceInterest {
    PAID,
    CAPITALISED
}
