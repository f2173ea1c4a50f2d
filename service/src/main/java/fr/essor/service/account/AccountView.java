package fr.essor.service.account;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import java.time.Instant;
import java.util.List;

/** What pages and the API show of an account; never the password hash. */
public record AccountView(long id, String email, String displayName, List<String> roles, String associationCode,
                          String associationName, String partnerName, boolean active, Instant createdAt,
                          String preferredLocale) {

    public static AccountView of(UserAccount a) {
        return new AccountView(a.getId(), a.getEmail(), a.getDisplayName(),
                a.getRoles().stream().map(Role::name).sorted().toList(),
                a.getAssociation() == null ? null : a.getAssociation().getCode(),
                a.getAssociation() == null ? null : a.getAssociation().getName(),
                a.getPartner() == null ? null : a.getPartner().getName(),
                a.isActive(), a.getCreatedAt(), a.getPreferredLocale());
    }
}
