package fr.essor.model.application;

/** What a document of an application is. */
public enum DocumentKind { BUSINESS_PLAN, STATUTES, FORECAST, BANK_STATEMENTS, QUOTE, OTHER }
