package fr.essor.model.committee;

/** What a condition precedent of an approval asks for. */
public enum ConditionKind { DOCUMENT, CO_FINANCING, BANK_LOAN, OTHER }
