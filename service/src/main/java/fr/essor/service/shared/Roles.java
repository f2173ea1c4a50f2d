package fr.essor.service.shared;

/** Role names as constants for {@code @RolesAllowed}; they match {@code fr.essor.model.account.Role}. */
public final class Roles {

    public static final String ENTREPRENEUR = "ENTREPRENEUR";
    public static final String ADVISOR = "ADVISOR";
    public static final String COMMITTEE_MEMBER = "COMMITTEE_MEMBER";
    public static final String PARTNER = "PARTNER";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
