package fr.essor.model.account;

public enum Role {
    ENTREPRENEUR, ADVISOR, COMMITTEE_MEMBER, PARTNER, ADMIN
}
