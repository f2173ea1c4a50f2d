package fr.essor.model.enterprise;

import fr.essor.model.account.UserAccount;
import fr.essor.model.shared.EssorDomainException;
import fr.essor.model.shared.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * An owner's invitation to co-own an enterprise, sent to an e-mail address. Nobody becomes an owner
 * without answering it: someone without an account registers through the link of the invitation
 * mail, with the invited address; someone with an account accepts or declines it once signed in.
 * Only the SHA-256 of the link's token is stored. An invitation is good for {@link #VALIDITY};
 * inviting the same address again renews it with a new token.
 */
@Entity
@Table(name = "co_owner_invitation")
public class CoOwnerInvitation extends VersionedEntity {

    public static final Duration VALIDITY = Duration.ofDays(14);

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "enterprise_id", nullable = false, updatable = false)
    private Enterprise enterprise;

    @Column(name = "email", nullable = false, updatable = false, length = 254)
    private String email;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invited_by_id", nullable = false)
    private UserAccount invitedBy;

    @Column(name = "invited_at", nullable = false)
    private Instant invitedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "accepted_by_id")
    private UserAccount acceptedBy;

    @Column(name = "declined_at")
    private Instant declinedAt;

    protected CoOwnerInvitation() {
    }

    public CoOwnerInvitation(Enterprise enterprise, String email, String tokenHash, UserAccount invitedBy, Instant now) {
        this.enterprise = Objects.requireNonNull(enterprise, "enterprise");
        this.email = Objects.requireNonNull(email, "email").trim().toLowerCase(Locale.ROOT);
        this.tokenHash = requireHash(tokenHash);
        this.invitedBy = Objects.requireNonNull(invitedBy, "invitedBy");
        this.invitedAt = Objects.requireNonNull(now, "now");
        this.expiresAt = now.plus(VALIDITY);
    }

    /** A new token and a new validity period for an invitation not yet accepted. */
    public void renew(String newTokenHash, UserAccount by, Instant now) {
        if (acceptedAt != null) {
            throw new EssorDomainException("invitation.alreadyAccepted");
        }
        if (declinedAt != null) {
            throw new EssorDomainException("invitation.declined");
        }
        this.tokenHash = requireHash(newTokenHash);
        this.invitedBy = Objects.requireNonNull(by, "by");
        this.invitedAt = Objects.requireNonNull(now, "now");
        this.expiresAt = now.plus(VALIDITY);
    }

    public boolean isPendingAt(Instant now) {
        return acceptedAt == null && declinedAt == null && now.isBefore(expiresAt);
    }

    /**
     * The invitee, signed in with the invited address, accepts: they become an owner of the
     * enterprise. Refused once answered, after expiry, or for another address.
     */
    public void accept(UserAccount account, Instant now) {
        requireAnswerableBy(account, now);
        enterprise.addOwner(account);
        acceptedAt = now;
        acceptedBy = account;
    }

    /** The invitee declines: the invitation is no longer pending and nobody is added. */
    public void decline(UserAccount account, Instant now) {
        requireAnswerableBy(account, now);
        declinedAt = now;
    }

    private void requireAnswerableBy(UserAccount account, Instant now) {
        Objects.requireNonNull(account, "account");
        if (acceptedAt != null) {
            throw new EssorDomainException("invitation.alreadyAccepted");
        }
        if (declinedAt != null) {
            throw new EssorDomainException("invitation.declined");
        }
        if (!now.isBefore(expiresAt)) {
            throw new EssorDomainException("invitation.expired");
        }
        if (!email.equalsIgnoreCase(account.getEmail())) {
            throw new EssorDomainException("invitation.otherAddress");
        }
    }

    private static String requireHash(String hash) {
        if (hash == null || !hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a token hash is 64 lowercase hexadecimal digits");
        }
        return hash;
    }

    public Enterprise getEnterprise() { return enterprise; }
    public String getEmail() { return email; }
    public String getTokenHash() { return tokenHash; }
    public UserAccount getInvitedBy() { return invitedBy; }
    public Instant getInvitedAt() { return invitedAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getAcceptedAt() { return acceptedAt; }
    public UserAccount getAcceptedBy() { return acceptedBy; }
    public Instant getDeclinedAt() { return declinedAt; }
}
