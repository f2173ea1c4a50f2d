package fr.essor.service.inbox;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Whose inbox is computed, and as of which day: the account, its roles, its association (null for a
 * national administrator, who sees every association) and the day in the network's time zone.
 */
public record InboxScope(long accountId, String email, Long associationId, Set<Role> roles, LocalDate today) {

    /** Days are those of the network; instants are stored in UTC. */
    public static final ZoneId NETWORK_ZONE = ZoneId.of("Europe/Paris");

    public InboxScope {
        email = email.toLowerCase(Locale.ROOT);
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static InboxScope of(UserAccount account, LocalDate today) {
        return new InboxScope(account.getId(), account.getEmail(),
                account.getAssociation() == null ? null : account.getAssociation().getId(), account.getRoles(), today);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The UTC date-time, as stored, at which {@link #today} begins in the network's zone. */
    public LocalDateTime startOfToday() {
        return LocalDateTime.ofInstant(today.atStartOfDay(NETWORK_ZONE).toInstant(), ZoneOffset.UTC);
    }
}
