package fr.essor.model.account;

import fr.essor.model.shared.VersionedEntity;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import fr.essor.model.association.Association;
import fr.essor.model.partner.Partner;
import fr.essor.model.shared.FreeText;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A person who signs in. Staff belong to one association (a national admin to none); a
 * PARTNER account belongs to its partner.
 */
@Entity
@Table(name = "user_account")
public class UserAccount extends VersionedEntity {

    public static final int EMAIL_MAX = 254;
    public static final int DISPLAY_NAME_MAX = 120;
    public static final int PASSWORD_HASH_MAX = 255;
    public static final int LOCALE_MAX = 8;
    public static final int ROLE_MAX = 30;
    public static final int MAIL_KIND_MAX = 60;

    @NotNull
    @Email
    @Size(max = EMAIL_MAX)
    @Column(name = "email", length = EMAIL_MAX, nullable = false, unique = true)
    private String email;

    @NotBlank
    @Size(max = DISPLAY_NAME_MAX)
    @Column(name = "display_name", length = DISPLAY_NAME_MAX, nullable = false)
    private String displayName;

    @NotBlank
    @Size(max = PASSWORD_HASH_MAX)
    @Column(name = "password_hash", length = PASSWORD_HASH_MAX, nullable = false)
    private String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = ROLE_MAX, nullable = false)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @ManyToOne(fetch = FetchType.LAZY, optional = true)
    @JoinColumn(name = "association_id")
    private Association association;

    @ManyToOne(fetch = FetchType.LAZY, optional = true)
    @JoinColumn(name = "partner_id")
    private Partner partner;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @NotNull
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Size(max = LOCALE_MAX)
    @Column(name = "preferred_locale", length = LOCALE_MAX)
    private String preferredLocale;

    /** The optional mails this person has switched off, by kind name (the service knows which kinds are optional). */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "mail_opt_out", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "kind", length = MAIL_KIND_MAX, nullable = false)
    private Set<String> mailOptOuts = new HashSet<>();

    protected UserAccount() {
    }

    public UserAccount(String email, String displayName, String passwordHash, Set<Role> roles, Instant createdAt) {
        setEmail(email);
        rename(displayName);
        changePasswordHash(passwordHash);
        Objects.requireNonNull(roles, "roles").forEach(this::grant);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Stores the address lower-cased, so that sign-in and uniqueness ignore case. */
    public void setEmail(String email) {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("An e-mail address is required");
        }
        String normalised = email.strip().toLowerCase(Locale.ROOT);
        if (normalised.length() > EMAIL_MAX || normalised.indexOf('@') < 1) {
            throw new IllegalArgumentException("Not a valid e-mail address: " + email);
        }
        this.email = normalised;
    }

    public void rename(String newDisplayName) {
        if (newDisplayName == null || newDisplayName.isBlank()) {
            throw new IllegalArgumentException("A display name is required");
        }
        FreeText.require("displayName", newDisplayName.strip(), false);
        this.displayName = newDisplayName.strip();
    }

    public void changePasswordHash(String newHash) {
        if (newHash == null || newHash.isBlank()) {
            throw new IllegalArgumentException("A password hash is required");
        }
        this.passwordHash = newHash;
    }

    /** A BCP 47 language tag ("fr", "en"), or null to follow the browser. */
    public void setPreferredLocale(String languageTag) {
        String tag = languageTag == null || languageTag.isBlank() ? null : languageTag.strip();
        if (tag != null && tag.length() > LOCALE_MAX) {
            throw new IllegalArgumentException("A language tag has at most " + LOCALE_MAX + " characters: " + tag);
        }
        this.preferredLocale = tag;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public void grant(Role role) {
        roles.add(Objects.requireNonNull(role, "role"));
    }

    public void revoke(Role role) {
        roles.remove(role);
    }

    /** Switches a kind of mail on or off for this person; true when that changed something. */
    public boolean receiveMail(String kind, boolean wanted) {
        Objects.requireNonNull(kind, "kind");
        if (kind.isBlank() || kind.length() > MAIL_KIND_MAX) {
            throw new IllegalArgumentException("Not a mail kind: " + kind);
        }
        return wanted ? mailOptOuts.remove(kind) : mailOptOuts.add(kind);
    }

    public boolean receivesMail(String kind) {
        return !mailOptOuts.contains(kind);
    }

    /** Read-only view of the kinds switched off. */
    public Set<String> getMailOptOuts() {
        return Collections.unmodifiableSet(mailOptOuts);
    }

    public void deactivate() {
        active = false;
    }

    public void activate() {
        active = true;
    }

    /** Staff member of that association; null for a national account. */
    public void setAssociation(Association newAssociation) {
        this.association = newAssociation;
    }

    /** Account of a partner's staff; null for anyone else. */
    public void setPartner(Partner newPartner) {
        this.partner = newPartner;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    /** Read-only view. */
    public Set<Role> getRoles() {
        return Collections.unmodifiableSet(roles);
    }

    public Association getAssociation() {
        return association;
    }

    public Partner getPartner() {
        return partner;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getPreferredLocale() {
        return preferredLocale;
    }

    @Override
    public String toString() {
        return "UserAccount[" + getId() + ", " + email + "]";
    }
}
