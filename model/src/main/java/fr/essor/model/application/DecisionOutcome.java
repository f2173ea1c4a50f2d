package fr.essor.model.application;

/** What a committee decides on an application. */
public enum DecisionOutcome { APPROVED, DEFERRED, REJECTED }
