package fr.essor.service.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A sensible password policy (after NIST SP 800-63B): long enough, not a well-known password, not
 * the e-mail address; no arbitrary composition rules beyond one letter and one non-letter.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = Set.of(
            "password123", "motdepasse", "motdepasse1", "azertyuiop", "azerty1234", "qwertyuiop",
            "1234567890", "0123456789", "iloveyou12", "password1234", "administrateur", "essoressor",
            "bonjour1234", "soleil1234", "123456789a", "a123456789", "changeme123");

    private PasswordPolicy() {
    }

    /** The message key of the first broken rule, if any. */
    public static Optional<String> check(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("password.tooShort");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("password.tooLong");
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean other = password.chars().anyMatch(c -> !Character.isLetter(c));
        if (!letter || !other) {
            return Optional.of("password.needsMix");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || password.chars().distinct().count() < 4) {
            return Optional.of("password.tooCommon");
        }
        if (email != null && !email.isBlank()) {
            String local = email.toLowerCase(Locale.ROOT).split("@")[0];
            if (lower.contains(email.toLowerCase(Locale.ROOT)) || (local.length() >= 4 && lower.contains(local))) {
                return Optional.of("password.containsEmail");
            }
        }
        return Optional.empty();
    }
}
