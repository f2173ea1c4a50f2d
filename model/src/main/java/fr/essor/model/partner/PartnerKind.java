package fr.essor.model.partner;

public enum PartnerKind {
    PUBLIC_BANK, REGION, DEPARTMENT, EU_FUND, BANK, FOUNDATION
}
