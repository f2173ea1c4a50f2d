package fr.essor.model.support;

/** What kind of advice an advisor gave an enterprise. */
public enum SupportKind {
    /** First look at the enterprise and its project. */
    DIAGNOSTIC,
    /** Follow-up meeting or call. */
    FOLLOW_UP,
    /** A workshop given to several enterprises at once. */
    COLLECTIVE_WORKSHOP,
    /** Dispositif local d'accompagnement: the state-funded local support scheme. */
    DLA
}
