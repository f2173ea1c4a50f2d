package fr.essor.service.security;

import java.util.Set;

/** The outcome of a successful credential check: who it is and the roles they hold. */
public record CallerIdentity(String email, Set<String> roles) {

    public CallerIdentity {
        roles = Set.copyOf(roles);
    }
}
