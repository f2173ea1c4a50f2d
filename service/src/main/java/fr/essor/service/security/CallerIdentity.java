package fr.essor.service.security;

import java.util.Set;

/**
 * The outcome of a successful credential check: who it is, the roles they hold, and a stamp of the
 * credential checked, kept with a session so that a later password change or deactivation ends it.
 */
public record CallerIdentity(String email, Set<String> roles, String credentialStamp) {

    public CallerIdentity {
        roles = Set.copyOf(roles);
    }
}
