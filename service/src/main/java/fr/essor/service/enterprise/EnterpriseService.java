package fr.essor.service.enterprise;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.association.Association;
import fr.essor.model.enterprise.CoOwnerInvitation;
import fr.essor.model.enterprise.Enterprise;
import fr.essor.model.shared.Crypto;
import fr.essor.model.shared.EssorDomainException;
import fr.essor.model.shared.FreeText;
import fr.essor.model.shared.InvalidSiretException;
import fr.essor.model.shared.Siret;
import fr.essor.service.account.AccountService;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.config.EssorConfig;
import fr.essor.service.mail.MailKind;
import fr.essor.service.mail.MailService;
import fr.essor.service.mail.MailTemplates;
import fr.essor.service.security.Access;
import fr.essor.service.security.UseCaseService;
import fr.essor.service.shared.ConflictException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Enterprises as their owners and the staff of their association see them. */
@Stateless
public class EnterpriseService extends UseCaseService {

    @EJB
    private MailService mail;

    @Inject
    private EssorConfig config;

    private final Clock clock = Clock.systemUTC();

    /**
     * The caller creates an enterprise they own. It belongs to the territorial association that
     * covers its department.
     */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public EnterpriseView create(@Valid EnterpriseInput in) {
        UserAccount me = caller.account();
        String name = text("legalName", in.legalName(), Enterprise.LEGAL_NAME_MAX, true);
        Siret siret;
        try {
            siret = Siret.of(in.siret() == null ? "" : in.siret());
        } catch (InvalidSiretException e) {
            throw new InvalidInputException("siret", "siret." + e.reason().name());
        }
        String department = in.department() == null ? "" : in.department().trim().toUpperCase(Locale.ROOT);
        if (!department.matches(Enterprise.DEPARTMENT_PATTERN)) {
            throw new InvalidInputException("department", "enterprise.departmentInvalid");
        }
        long taken = em.createQuery("SELECT COUNT(e) FROM Enterprise e WHERE e.siret = :s", Long.class)
                .setParameter("s", siret).getSingleResult();
        if (taken > 0) {
            throw new ConflictException("SIRET_TAKEN", "enterprise.siretTaken");
        }
        // an inactive association receives no new enterprise: the département is then covered by none
        List<?> ids = em.createNativeQuery("SELECT d.association_id FROM association_department d"
                        + " JOIN association a ON a.id = d.association_id WHERE d.department = ?1 AND a.active = TRUE")
                .setParameter(1, department).getResultList();
        if (ids.isEmpty()) {
            throw new InvalidInputException("department", "enterprise.noAssociation", department);
        }
        Association association =
                em.find(Association.class, ((Number) ids.get(0)).longValue());
        if (in.creationDate() != null && in.creationDate().isBefore(LocalDate.of(1800, 1, 1))) {
            throw new InvalidInputException("creationDate", "enterprise.creationDateInvalid");
        }
        Enterprise e = new Enterprise(name, siret, in.legalForm(), association);
        e.recordEsusApproval(in.esusApproved());
        try {
            e.changeAddress(text("addressLine", in.addressLine(), Enterprise.ADDRESS_LINE_MAX, false),
                    text("postalCode", in.postalCode(), Enterprise.POSTAL_CODE_MAX, false),
                    text("city", in.city(), Enterprise.CITY_MAX, false), department);
            e.describeActivity(text("sector", in.sector(), Enterprise.SECTOR_MAX, false), in.creationDate(), in.employeesFte());
        } catch (IllegalArgumentException | EssorDomainException ex) {
            throw new InvalidInputException(null, "enterprise.invalid");
        }
        e.addOwner(me);
        em.persist(e);
        em.flush();
        audit.record(me.getEmail(), "Enterprise", e.getId(), AuditAction.CREATE, "Enterprise created");
        return EnterpriseView.of(e);
    }

    /**
     * An owner invites a co-owner by e-mail. Nobody is added without consent: every address gets an
     * invitation, which its recipient answers. Someone without an account receives a link to the
     * registration page and becomes an owner on registering there with that address (see
     * {@link fr.essor.service.account.AccountService#register}); an entrepreneur who has an account
     * is told by mail and accepts or declines on their home page ({@link #acceptInvitation},
     * {@link #declineInvitation}); staff and deactivated accounts, who cannot own an enterprise, are
     * sent nothing. The inviter gets the same answer whatever the address, so that inviting tells
     * nobody who has an account. Inviting the same address again renews the invitation.
     */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public CoOwnerOutcome inviteCoOwner(long enterpriseId, String email) {
        Enterprise e = em.find(Enterprise.class, enterpriseId, LockModeType.PESSIMISTIC_WRITE);
        UserAccount me = caller.account();
        if (e == null || !e.isOwnedBy(me)) {
            throw new NotFoundException("enterprise");
        }
        String normalized = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (normalized.isEmpty()) {
            throw new InvalidInputException("email", "field.required");
        }
        if (normalized.length() > 254 || !AccountService.isPlausibleEmail(normalized)) {
            throw new InvalidInputException("email", "enterprise.coOwnerEmailInvalid");
        }
        Instant now = Instant.now(clock);
        UserAccount invitee = em.createQuery(
                        "SELECT a FROM UserAccount a WHERE a.email = :e", UserAccount.class)
                .setParameter("e", normalized).getResultList().stream().findFirst().orElse(null);
        if (invitee != null && e.isOwnedBy(invitee)) {
            // the inviter sees the owners listed: this tells nothing they do not know
            throw new ConflictException("ALREADY_OWNER", "enterprise.coOwnerAlready", normalized);
        }
        String token = newToken();
        List<CoOwnerInvitation> pending = em.createQuery("SELECT i FROM CoOwnerInvitation i WHERE i.enterprise = :e"
                        + " AND i.email = :m AND i.acceptedAt IS NULL AND i.declinedAt IS NULL", CoOwnerInvitation.class)
                .setParameter("e", e).setParameter("m", normalized).getResultList();
        CoOwnerInvitation invitation;
        if (pending.isEmpty()) {
            invitation = new CoOwnerInvitation(e, normalized, Crypto.sha256Hex(token), me, now);
            em.persist(invitation);
            em.flush();
        } else {
            invitation = pending.get(0);
            invitation.renew(Crypto.sha256Hex(token), me, now);
        }
        audit.record(me.getEmail(), "CoOwnerInvitation", invitation.getId(), pending.isEmpty() ? AuditAction.INVITE : AuditAction.INVITE_AGAIN,
                "Co-owner invited to enterprise " + e.getId());
        if (invitee == null) {
            // no account yet: the invitee's language is not known, the inviter's is not theirs
            Locale locale = MailTemplates.WITHOUT_ACCOUNT;
            mail.enqueue(normalized, MailKind.CO_OWNER_INVITED, locale, "Enterprise", e.getId(), me.getDisplayName(), e.getLegalName(),
                    config.publicUrl() + "/register.xhtml?invitation=" + token, expiry(invitation, locale));
        } else if (invitee.isActive() && invitee.hasRole(Role.ENTREPRENEUR)) {
            Locale locale = MailTemplates.recipientLocale(invitee.getPreferredLocale());
            mail.enqueue(normalized, MailKind.CO_OWNER_INVITED_MEMBER, locale, "Enterprise", e.getId(), me.getDisplayName(),
                    e.getLegalName(), config.publicUrl() + "/entrepreneur/index.xhtml", expiry(invitation, locale));
        }
        return new CoOwnerOutcome(CoOwnerOutcome.INVITED, normalized);
    }

    private static String expiry(CoOwnerInvitation invitation, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .format(invitation.getExpiresAt().atZone(ZoneOffset.UTC).toLocalDate());
    }

    /** The invitations to co-own an enterprise that wait for the calling entrepreneur's answer. */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public List<PendingInvitation> myInvitations() {
        return em.createQuery("SELECT i FROM CoOwnerInvitation i JOIN FETCH i.enterprise JOIN FETCH i.invitedBy"
                        + " WHERE i.email = :m AND i.acceptedAt IS NULL AND i.declinedAt IS NULL AND i.expiresAt > :now"
                        + " ORDER BY i.invitedAt, i.id", CoOwnerInvitation.class)
                .setParameter("m", caller.account().getEmail().toLowerCase(Locale.ROOT))
                .setParameter("now", Instant.now(clock)).getResultList().stream()
                .map(i -> new PendingInvitation(i.getId(), i.getEnterprise().getLegalName(), i.getInvitedBy().getDisplayName(),
                        i.getInvitedAt(), i.getExpiresAt()))
                .toList();
    }

    /** The caller accepts an invitation addressed to them: they become an owner of the enterprise. */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public EnterpriseView acceptInvitation(long invitationId) {
        CoOwnerInvitation i = answerable(invitationId);
        UserAccount me = caller.account();
        i.accept(me, Instant.now(clock));
        audit.record(me.getEmail(), "CoOwnerInvitation", i.getId(), AuditAction.ACCEPT,
                "Co-owner invitation accepted: owner of enterprise " + i.getEnterprise().getId());
        return EnterpriseView.of(i.getEnterprise());
    }

    /** The caller declines an invitation addressed to them: nobody is added. */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public void declineInvitation(long invitationId) {
        CoOwnerInvitation i = answerable(invitationId);
        i.decline(caller.account(), Instant.now(clock));
        audit.record(caller.email(), "CoOwnerInvitation", i.getId(), AuditAction.DECLINE,
                "Co-owner invitation to enterprise " + i.getEnterprise().getId() + " declined");
    }

    /**
     * A pending invitation addressed to the caller, locked; any other (someone else's, answered,
     * expired) does not exist for them.
     */
    private CoOwnerInvitation answerable(long invitationId) {
        CoOwnerInvitation i = em.find(CoOwnerInvitation.class, invitationId, LockModeType.PESSIMISTIC_WRITE);
        if (i == null || !i.getEmail().equalsIgnoreCase(caller.account().getEmail()) || !i.isPendingAt(Instant.now(clock))) {
            throw new NotFoundException("invitation");
        }
        return i;
    }

    /** An invitation waiting for the caller's answer. */
    public record PendingInvitation(long id, String enterprise, String invitedBy, Instant invitedAt, Instant expiresAt) {
    }

    /** The owners of an enterprise and its invitations still pending, for its owners. */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public Owners owners(long enterpriseId) {
        Enterprise e = em.find(Enterprise.class, enterpriseId);
        if (e == null || !e.isOwnedBy(caller.account())) {
            throw new NotFoundException("enterprise");
        }
        Instant now = Instant.now(clock);
        List<Owners.Owner> owners = e.getOwners().stream()
                .sorted(Comparator.comparing(UserAccount::getEmail))
                .map(o -> new Owners.Owner(o.getDisplayName(), o.getEmail())).toList();
        List<Owners.Invitation> invitations = em.createQuery("SELECT i FROM CoOwnerInvitation i"
                        + " WHERE i.enterprise = :e AND i.acceptedAt IS NULL AND i.declinedAt IS NULL AND i.expiresAt > :now"
                        + " ORDER BY i.email",
                        CoOwnerInvitation.class)
                .setParameter("e", e).setParameter("now", now).getResultList().stream()
                .map(i -> new Owners.Invitation(i.getEmail(), i.getInvitedAt(), i.getExpiresAt())).toList();
        return new Owners(EnterpriseView.of(e), owners, invitations);
    }

    /** What inviting a co-owner did: always {@link #INVITED}, whoever the address is. */
    public record CoOwnerOutcome(String outcome, String email) {
        public static final String INVITED = "INVITED";
    }

    public record Owners(EnterpriseView enterprise, List<Owner> owners, List<Invitation> invitations) {
        public record Owner(String displayName, String email) {
        }

        public record Invitation(String email, Instant invitedAt, Instant expiresAt) {
        }
    }

    /** A co-owner invitation's token: 32 secure random bytes, fit for a link; only its SHA-256 is stored. */
    private static String newToken() {
        return Crypto.randomUrlToken(32);
    }

    private static String text(String field, String value, int max, boolean required) {
        String v = value == null ? "" : value.strip();
        if (required && v.isEmpty()) {
            throw new InvalidInputException(field, "field.required");
        }
        if (v.length() > max) {
            throw new InvalidInputException(field, "field.tooLong", max);
        }
        if (!FreeText.isClean(v, false)) {
            throw new InvalidInputException(field, "text.invalidCharacters");
        }
        return v.isEmpty() ? null : v;
    }

    /** The enterprises the calling entrepreneur owns. */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public List<EnterpriseView> mine() {
        return em.createQuery("SELECT e FROM Enterprise e JOIN e.owners o JOIN FETCH e.association"
                        + " WHERE o.email = :email ORDER BY e.legalName", Enterprise.class)
                .setParameter("email", caller.email())
                .getResultList().stream().map(EnterpriseView::of).toList();
    }

    /**
     * One enterprise, for its owners, the staff of its association and national administrators;
     * anyone else is told it does not exist.
     */
    @RolesAllowed({Roles.ENTREPRENEUR, Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.ADMIN})
    public EnterpriseView get(long id) {
        Enterprise enterprise = em.find(Enterprise.class, id);
        if (enterprise == null || !Access.canSee(caller.account(), enterprise)) {
            throw new NotFoundException("enterprise");
        }
        return EnterpriseView.of(enterprise);
    }

}
