package fr.essor.model.application;

/**
 * Something an application still lacks before it can be submitted: the wizard step where it is
 * completed and the message key that says what is missing.
 */
public record MissingPiece(WizardStep step, String messageKey, Object detail) {

    /** The steps of the application wizard, in order. */
    public enum WizardStep { PROJECT, FINANCING, PLAN, IMPACT, DOCUMENTS, SUMMARY }
}
