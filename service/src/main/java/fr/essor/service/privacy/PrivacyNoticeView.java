package fr.essor.service.privacy;

import java.time.Instant;

/**
 * A privacy notice as shown or edited. {@code associationCode} is null for the network's default;
 * {@code body} is null when none is written yet (a page then shows the text of its bundle);
 * {@code networkDefault} tells that the text shown is the network's, the association having none.
 */
public record PrivacyNoticeView(String associationCode, String associationName, String body, boolean networkDefault,
                                Instant updatedAt, Long version) {
}
