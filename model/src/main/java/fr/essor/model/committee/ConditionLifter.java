package fr.essor.model.committee;

/** Who lifts a condition: an advisor of the association (the default) or its administrator. */
public enum ConditionLifter { ADVISOR, ADMIN }
