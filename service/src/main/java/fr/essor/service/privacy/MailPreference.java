package fr.essor.service.privacy;

/** One kind of mail and whether the signed-in person receives it; a mandatory kind is always received. */
public record MailPreference(String kind, boolean optional, boolean receive) {
}
