package fr.essor.service.account;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.association.Association;
import fr.essor.model.enterprise.CoOwnerInvitation;
import fr.essor.model.partner.Partner;
import fr.essor.model.shared.Crypto;
import fr.essor.model.shared.FreeText;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.mail.MailService;
import fr.essor.service.mail.MailTemplates;
import fr.essor.service.security.CallerIdentity;
import fr.essor.service.security.HashingGate;
import fr.essor.service.security.LoginThrottle;
import fr.essor.service.security.PasswordHasher;
import fr.essor.service.security.PasswordPolicy;
import fr.essor.service.security.UseCaseService;
import fr.essor.service.security.VerifiedCredentialCache;
import fr.essor.service.shared.ConflictException;
import fr.essor.service.shared.ForbiddenException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Page;
import fr.essor.service.shared.Roles;
import fr.essor.service.shared.TooManyAttemptsException;
import fr.essor.service.shared.UniqueKeys;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Accounts: registration, credential checks, the caller's profile and the administration of staff. */
@Stateless
public class AccountService extends UseCaseService {

    /** Pragmatic e-mail syntax: something@domain.tld, no spaces, no angle brackets. */
    static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$");
    private static final String TEMP_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final String REGISTRATION_SOURCE = "registration";
    /** The source of a check made inside the server (no client address). */
    public static final String LOCAL_SOURCE = "local";

    @EJB
    private LoginThrottle throttle;

    @EJB
    private MailService mail;

    @EJB
    private VerifiedCredentialCache credentialCache;

    @EJB
    private HashingGate hashing;

    /** An entrepreneur opens an account for themself. */
    @PermitAll
    public AccountView register(String email, String displayName, String password, Locale locale) {
        return register(email, displayName, password, locale, null).account();
    }

    /**
     * An entrepreneur opens an account for themself, possibly through the link of a co-owner
     * invitation ({@code invitationToken}): registering with the invited address then makes the new
     * account an owner of the enterprise. A link that is unknown, used or expired, or another
     * address, is refused and nothing is created.
     */
    @PermitAll
    public Registration register(String email, String displayName, String password, Locale locale, String invitationToken) {
        String normalized = normalizeEmail(email);
        String name = requireName(displayName);
        PasswordPolicy.check(password, normalized).ifPresent(key -> {
            throw new InvalidInputException("password", key, PasswordPolicy.MIN_LENGTH);
        });
        CoOwnerInvitation invitation = null;
        if (invitationToken != null && !invitationToken.isBlank()) {
            invitation = pendingInvitation(invitationToken)
                    .orElseThrow(() -> new InvalidInputException("invitation", "invitation.invalid"));
            if (!invitation.getEmail().equals(normalized)) {
                throw new InvalidInputException("email", "invitation.otherAddress", invitation.getEmail());
            }
        }
        requireFreeEmail(normalized);
        Instant now = Instant.now();
        // anonymous registrations share the gate as one source: they never take every core from logins
        String hash = hashing.run(REGISTRATION_SOURCE, () -> PasswordHasher.hash(password.toCharArray()));
        UserAccount account = new UserAccount(normalized, name, hash,
                EnumSet.of(Role.ENTREPRENEUR), now);
        if (locale != null) {
            account.setPreferredLocale(locale.getLanguage());
        }
        em.persist(account);
        UniqueKeys.flush(em, "uk_user_account_email", AccountService::emailTaken);
        audit.record(normalized, "UserAccount", account.getId(), AuditAction.REGISTER, "Entrepreneur account registered");
        mail.accountCreated(normalized, MailTemplates.recipientLocale(account.getPreferredLocale()), name, account.getId());
        String joined = null;
        if (invitation != null) {
            invitation.accept(account, now);
            joined = invitation.getEnterprise().getLegalName();
            audit.record(normalized, "CoOwnerInvitation", invitation.getId(), AuditAction.ACCEPT,
                    "Co-owner invitation accepted: owner of enterprise " + invitation.getEnterprise().getId());
        }
        return new Registration(AccountView.of(account), joined);
    }

    /** The invitation a registration link carries, while it can still be accepted. */
    @PermitAll
    public Optional<InvitationView> invitation(String token) {
        return pendingInvitation(token).map(i -> new InvitationView(i.getEmail(), i.getEnterprise().getLegalName(),
                i.getInvitedBy().getDisplayName(), i.getExpiresAt(), i.getEnterprise().getAssociation().getCode()));
    }

    private Optional<CoOwnerInvitation> pendingInvitation(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return em.createQuery("SELECT i FROM CoOwnerInvitation i WHERE i.tokenHash = :h", CoOwnerInvitation.class)
                .setParameter("h", Crypto.sha256Hex(token.trim()))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream().filter(i -> i.isPendingAt(Instant.now())).findFirst();
    }

    /** A new account, and the enterprise it joined as co-owner when registered through an invitation. */
    public record Registration(AccountView account, String joinedEnterprise) {
    }

    /** What the registration page shows of an invitation; the enterprise's association, whose privacy notice it links to. */
    public record InvitationView(String email, String enterprise, String invitedBy, Instant expiresAt, String associationCode) {
    }

    /** Whether an address has a plausible e-mail syntax (already trimmed and lower-cased). */
    public static boolean isPlausibleEmail(String email) {
        return email != null && email.length() <= UserAccount.EMAIL_MAX && EMAIL.matcher(email).matches();
    }

    /** {@link #authenticate(String, char[], String)} from inside the server. */
    @PermitAll
    public Optional<CallerIdentity> authenticate(String email, char[] password) {
        return authenticate(email, password, LOCAL_SOURCE);
    }

    /**
     * Checks an e-mail and password sent from {@code source} (the client's address). Empty when they
     * do not match an active account, whatever the reason; refused outright after too many failures
     * from that source, for that e-mail or in all.
     */
    @PermitAll
    public Optional<CallerIdentity> authenticate(String email, char[] password, String source) {
        String normalized = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        long wait = throttle.secondsToWait(normalized, source);
        if (wait > 0) {
            throw new TooManyAttemptsException(wait);
        }
        // the roles come in the same statement (a left join), not in a second one: this runs on every API request
        List<UserAccount> found = em.createQuery("SELECT a FROM UserAccount a WHERE a.email = :email", UserAccount.class)
                .setHint("eclipselink.left-join-fetch", "a.roles")
                .setParameter("email", normalized)
                .getResultList();
        UserAccount account = found.isEmpty() ? null : found.get(0);
        boolean ok;
        if (account == null) {
            hashing.run(source, () -> {
                PasswordHasher.verifyDummy(password);
                return null;
            });
            ok = false;
        } else if (credentialCache.matches(normalized, password, account.getPasswordHash())) {
            ok = account.isActive();
        } else {
            ok = hashing.run(source, () -> PasswordHasher.verify(password, account.getPasswordHash())) && account.isActive();
            if (ok) {
                credentialCache.remember(normalized, password, account.getPasswordHash());
            }
        }
        if (!ok) {
            throttle.recordFailure(normalized, source);
            return Optional.empty();
        }
        throttle.recordSuccess(normalized, source);
        return Optional.of(new CallerIdentity(account.getEmail(),
                account.getRoles().stream().map(Role::name).collect(Collectors.toSet()), credentialStamp(account)));
    }

    /**
     * Whether a session opened with {@code stamp} may go on: the account is still active and its
     * password unchanged since (issue 18, item 5). Read from the database on each request, so that
     * a deactivation or a password change on one node ends the sessions on every node.
     */
    @PermitAll
    public boolean sessionStillValid(String email, String stamp) {
        if (email == null || stamp == null) {
            return false;
        }
        List<String> hashes = em.createQuery(
                        "SELECT a.passwordHash FROM UserAccount a WHERE a.email = :email AND a.active = TRUE", String.class)
                .setParameter("email", email)
                .getResultList();
        return !hashes.isEmpty() && MessageDigest.isEqual(
                stampOf(hashes.get(0)).getBytes(StandardCharsets.US_ASCII),
                stamp.getBytes(StandardCharsets.US_ASCII));
    }

    /** A digest of the stored hash: it changes with every password change or reset (a new salt). */
    static String credentialStamp(UserAccount account) {
        return stampOf(account.getPasswordHash());
    }

    private static String stampOf(String passwordHash) {
        byte[] digest = Crypto.sha256(passwordHash.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    }

    /** The caller's own profile. */
    @PermitAll
    public AccountView me() {
        return AccountView.of(caller.account());
    }

    /**
     * The caller changes their own password, proving they know the current one; returns the new
     * credential stamp, with which the caller's own session goes on while every other one ends.
     */
    @PermitAll
    public String changeOwnPassword(String currentPassword, String newPassword) {
        UserAccount account = caller.account();
        if (currentPassword == null || !PasswordHasher.verify(currentPassword.toCharArray(), account.getPasswordHash())) {
            throw new InvalidInputException("currentPassword", "password.currentWrong");
        }
        PasswordPolicy.check(newPassword, account.getEmail()).ifPresent(key -> {
            throw new InvalidInputException("newPassword", key, PasswordPolicy.MIN_LENGTH);
        });
        account.changePasswordHash(PasswordHasher.hash(newPassword.toCharArray()));
        credentialCache.forget(account.getEmail());
        audit.record(caller.actor(), "UserAccount", account.getId(), AuditAction.CHANGE_PASSWORD, "Password changed by its owner");
        return credentialStamp(account);
    }

    /** The language saved on the signed-in caller's account ({@code fr}, {@code en}); null when none or anonymous. */
    @PermitAll
    public String preferredLocale() {
        return caller.email() == null ? null : caller.account().getPreferredLocale();
    }

    /**
     * Remembers on the signed-in caller's account the language chosen for the pages ({@code fr}, {@code en}): the
     * language of every mail the account receives from then on (issue 19, item 10). Nothing for an anonymous
     * caller, another language or the one already stored.
     */
    @PermitAll
    public void rememberLocale(String language) {
        if (caller.email() == null || !("fr".equals(language) || "en".equals(language))) {
            return;
        }
        UserAccount me = caller.account();
        if (language.equals(me.getPreferredLocale())) {
            return;
        }
        me.setPreferredLocale(language);
        audit.record(caller.actor(), "UserAccount", me.getId(), AuditAction.LANGUAGE_PREFERENCE, "Language " + language);
    }

    // ---- administration ------------------------------------------------------------------------

    /** Accounts visible to the administrator, filtered and paged in SQL. */
    @RolesAllowed(Roles.ADMIN)
    public Page<AccountView> search(String text, Role role, int first, int size) {
        int pageSize = Page.clampSize(size);
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Association scope = adminScope();
        if (scope != null) {
            where.append(" AND a.association = :scope");
            params.put("scope", scope);
        }
        if (text != null && !text.isBlank()) {
            where.append(" AND (LOWER(a.email) LIKE :text OR LOWER(a.displayName) LIKE :text)");
            params.put("text", "%" + text.trim().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (role != null) {
            where.append(" AND :role MEMBER OF a.roles");
            params.put("role", role);
        }
        TypedQuery<UserAccount> q = em.createQuery("SELECT a FROM UserAccount a LEFT JOIN FETCH a.association"
                + where + " ORDER BY a.email", UserAccount.class);
        TypedQuery<Long> c = em.createQuery("SELECT COUNT(a) FROM UserAccount a" + where, Long.class);
        params.forEach((k, v) -> {
            q.setParameter(k, v);
            c.setParameter(k, v);
        });
        List<AccountView> items = q.setFirstResult(Math.max(0, first)).setMaxResults(pageSize).getResultList()
                .stream().map(AccountView::of).toList();
        return new Page<>(items, c.getSingleResult(), first, pageSize);
    }

    /**
     * Creates a staff (or partner) account and returns it with a temporary password that the
     * administrator hands over; it is shown once and stored only as a hash.
     */
    @RolesAllowed(Roles.ADMIN)
    public CreatedAccount createAccount(String email, String displayName, Set<Role> roles, Long associationId,
                                        Long partnerId) {
        String normalized = normalizeEmail(email);
        String name = requireName(displayName);
        if (roles == null || roles.isEmpty()) {
            throw new InvalidInputException("roles", "account.rolesRequired");
        }
        Association association = associationId == null ? null : em.find(Association.class, associationId);
        if (associationId != null && association == null) {
            throw new InvalidInputException("association", "account.associationUnknown");
        }
        Partner partner = partnerId == null ? null : em.find(Partner.class, partnerId);
        if (roles.contains(Role.PARTNER)) {
            if (partner == null) {
                throw new InvalidInputException("partner", partnerId == null ? "account.partnerRequired" : "account.partnerUnknown");
            }
            // the account of a local partner belongs to the partner's association, whose administrators manage it
            if (association == null) {
                association = partner.getAssociation();
            } else if (partner.getAssociation() != null && !partner.getAssociation().getId().equals(association.getId())) {
                throw new InvalidInputException("partner", "account.partnerOtherAssociation");
            }
        }
        Association scope = adminScope();
        if (scope != null) {
            if (roles.contains(Role.ADMIN) && association == null) {
                throw new ForbiddenException();
            }
            if (association == null || !scope.getId().equals(association.getId())) {
                throw new InvalidInputException("association", "account.associationOutOfScope");
            }
        }
        boolean staff = roles.contains(Role.ADVISOR) || roles.contains(Role.COMMITTEE_MEMBER);
        if (staff && association == null) {
            throw new InvalidInputException("association", "account.associationRequired");
        }
        requireFreeEmail(normalized);
        String temporary = temporaryPassword();
        UserAccount account = new UserAccount(normalized, name, PasswordHasher.hash(temporary.toCharArray()),
                EnumSet.copyOf(roles), Instant.now());
        account.setAssociation(association);
        account.setPartner(roles.contains(Role.PARTNER) ? partner : null);
        em.persist(account);
        UniqueKeys.flush(em, "uk_user_account_email", AccountService::emailTaken);
        audit.record(caller.actor(), "UserAccount", account.getId(), AuditAction.CREATE,
                "Account created with roles " + roles.stream().map(Role::name).sorted().toList());
        return new CreatedAccount(AccountView.of(account), temporary);
    }

    @RolesAllowed(Roles.ADMIN)
    public AccountView deactivate(long accountId) {
        UserAccount account = managed(accountId);
        if (account.getEmail().equals(caller.email())) {
            throw new ConflictException("SELF_DEACTIVATION", "account.cannotDeactivateSelf");
        }
        account.deactivate();
        credentialCache.forget(account.getEmail());
        audit.record(caller.actor(), "UserAccount", account.getId(), AuditAction.DEACTIVATE, "Account deactivated");
        return AccountView.of(account);
    }

    @RolesAllowed(Roles.ADMIN)
    public AccountView activate(long accountId) {
        UserAccount account = managed(accountId);
        account.activate();
        audit.record(caller.actor(), "UserAccount", account.getId(), AuditAction.ACTIVATE, "Account reactivated");
        return AccountView.of(account);
    }

    /** Replaces the password by a new temporary one, returned once to the administrator. */
    @RolesAllowed(Roles.ADMIN)
    public CreatedAccount resetPassword(long accountId) {
        UserAccount account = managed(accountId);
        String temporary = temporaryPassword();
        account.changePasswordHash(PasswordHasher.hash(temporary.toCharArray()));
        credentialCache.forget(account.getEmail());
        audit.record(caller.actor(), "UserAccount", account.getId(), AuditAction.RESET_PASSWORD, "Password reset by an administrator");
        return new CreatedAccount(AccountView.of(account), temporary);
    }

    private UserAccount managed(long accountId) {
        UserAccount account = em.find(UserAccount.class, accountId);
        Association scope = adminScope();
        if (account == null || (scope != null && (account.getAssociation() == null
                || !scope.getId().equals(account.getAssociation().getId())))) {
            throw new NotFoundException("account");
        }
        return account;
    }

    /** The association an administrator is limited to, or null for a national administrator. */
    private Association adminScope() {
        return caller.account().getAssociation();
    }

    private void requireFreeEmail(String email) {
        Long count = em.createQuery("SELECT COUNT(a) FROM UserAccount a WHERE a.email = :email", Long.class)
                .setParameter("email", email)
                .getSingleResult();
        if (count > 0) {
            throw emailTaken();
        }
    }

    private static ConflictException emailTaken() {
        return new ConflictException("EMAIL_TAKEN", "account.emailTaken");
    }

    static String normalizeEmail(String email) {
        String e = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (e.isEmpty()) {
            throw new InvalidInputException("email", "account.emailRequired");
        }
        if (e.length() > UserAccount.EMAIL_MAX || !EMAIL.matcher(e).matches()) {
            throw new InvalidInputException("email", "account.emailInvalid");
        }
        return e;
    }

    private static String requireName(String displayName) {
        String n = displayName == null ? "" : displayName.strip();
        if (n.isEmpty()) {
            throw new InvalidInputException("displayName", "account.nameRequired");
        }
        if (n.length() > UserAccount.DISPLAY_NAME_MAX) {
            throw new InvalidInputException("displayName", "account.nameTooLong", UserAccount.DISPLAY_NAME_MAX);
        }
        if (!FreeText.isClean(n, false)) {
            // the free-text rule: control characters (NUL, BEL…) and direction overrides in a name shown in mails, lists and PDFs
            throw new InvalidInputException("displayName", "account.nameInvalid");
        }
        return n;
    }

    /** Two groups of 7 characters of {@link #TEMP_ALPHABET}, joined by a dash. */
    private static String temporaryPassword() {
        return Crypto.randomChars(TEMP_ALPHABET, 7) + '-' + Crypto.randomChars(TEMP_ALPHABET, 7);
    }

    /** An account created or reset by an administrator, with its one-time temporary password. */
    public record CreatedAccount(AccountView account, String temporaryPassword) {
    }
}
