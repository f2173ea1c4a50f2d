package fr.essor.service.partner;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.association.Association;
import fr.essor.model.partner.Partner;
import fr.essor.model.partner.PartnerContact;
import fr.essor.model.partner.PartnerKind;
import fr.essor.model.shared.FreeText;
import fr.essor.service.account.AccountService;
import fr.essor.service.account.AccountView;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.audit.AuditService;
import fr.essor.service.partner.PartnerViews.ContactInput;
import fr.essor.service.partner.PartnerViews.ContactView;
import fr.essor.service.partner.PartnerViews.PartnerInput;
import fr.essor.service.partner.PartnerViews.PartnerView;
import fr.essor.service.security.Caller;
import fr.essor.service.shared.ConcurrentChangeException;
import fr.essor.service.shared.ConflictException;
import fr.essor.service.shared.ForbiddenException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Page;
import fr.essor.service.shared.Roles;
import fr.essor.service.shared.UniqueKeys;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Financial partners, their contacts and their PARTNER accounts. A national administrator manages
 * every partner; an association's administrator sees the national partners and manages the local
 * partners of his own association only.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class PartnerService {

    private static final Pattern PHONE = Pattern.compile("^" + PartnerContact.PHONE_PATTERN + "$");

    @PersistenceContext(unitName = "essor")
    private EntityManager em;

    @Inject
    private Caller caller;

    @EJB
    private AuditService audit;

    @EJB
    private AccountService accounts;

    /** The partners the caller sees, by name, paged in SQL. */
    public Page<PartnerView> list(int first, int size) {
        int pageSize = Page.clampSize(size);
        Association scope = scope();
        String where = scope == null ? "" : " WHERE p.association IS NULL OR p.association = :scope";
        TypedQuery<Partner> q = em.createQuery("SELECT p FROM Partner p LEFT JOIN FETCH p.association" + where
                + " ORDER BY p.name, p.id", Partner.class);
        TypedQuery<Long> c = em.createQuery("SELECT COUNT(p) FROM Partner p" + where, Long.class);
        if (scope != null) {
            q.setParameter("scope", scope);
            c.setParameter("scope", scope);
        }
        List<PartnerView> items = q.setFirstResult(Math.max(0, first)).setMaxResults(pageSize).getResultList()
                .stream().map(PartnerView::of).toList();
        return new Page<>(items, c.getSingleResult(), first, pageSize);
    }

    /** The partners the caller may attach an account to, for a choice list. */
    public List<PartnerView> manageable() {
        Association scope = scope();
        String where = scope == null ? "" : " WHERE p.association = :scope";
        TypedQuery<Partner> q = em.createQuery("SELECT p FROM Partner p" + where + " ORDER BY p.name, p.id", Partner.class);
        if (scope != null) {
            q.setParameter("scope", scope);
        }
        return q.setMaxResults(Page.MAX_SIZE).getResultList().stream().map(PartnerView::of).toList();
    }

    public PartnerView get(long id) {
        return PartnerView.of(visible(id));
    }

    public PartnerView create(PartnerInput in) {
        PartnerInput input = required(in);
        String name = text("name", input.name(), Partner.NAME_MAX, true);
        PartnerKind kind = kind(input.kind());
        Association association = association(input.associationId());
        requireManages(association);
        Partner partner = new Partner(name, kind);
        partner.localTo(association);
        requireFreeName(name, null);
        em.persist(partner);
        UniqueKeys.flush(em, "uk_partner_name", () -> nameTaken(name));
        audit.record(caller.actor(), "Partner", partner.getId(), AuditAction.CREATE, "Partner created ("
                + (association == null ? "national" : "local to " + association.getCode()) + ")");
        return PartnerView.of(partner);
    }

    /** Changes a partner at the version last read ({@code version}, or null to skip the check). */
    public PartnerView update(long id, Long version, PartnerInput in) {
        PartnerInput input = required(in);
        Partner partner = managed(id);
        if (version != null && version != partner.getVersion()) {
            throw new ConcurrentChangeException();
        }
        String name = text("name", input.name(), Partner.NAME_MAX, true);
        PartnerKind kind = kind(input.kind());
        Association association = association(input.associationId());
        requireManages(association);
        requireFreeName(name, partner.getId());
        partner.rename(name);
        partner.changeKind(kind);
        partner.localTo(association);
        UniqueKeys.flush(em, "uk_partner_name", () -> nameTaken(name));
        audit.record(caller.actor(), "Partner", partner.getId(), AuditAction.UPDATE, "Partner changed ("
                + (association == null ? "national" : "local to " + association.getCode()) + ")");
        return PartnerView.of(partner);
    }

    // ---- contacts ------------------------------------------------------------------------------------

    public Page<ContactView> contacts(long partnerId, int first, int size) {
        Partner partner = visible(partnerId);
        int pageSize = Page.clampSize(size);
        List<ContactView> items = em.createQuery("SELECT c FROM PartnerContact c WHERE c.partner = :p ORDER BY c.name, c.id",
                        PartnerContact.class).setParameter("p", partner)
                .setFirstResult(Math.max(0, first)).setMaxResults(pageSize).getResultList()
                .stream().map(ContactView::of).toList();
        long total = em.createQuery("SELECT COUNT(c) FROM PartnerContact c WHERE c.partner = :p", Long.class)
                .setParameter("p", partner).getSingleResult();
        return new Page<>(items, total, first, pageSize);
    }

    public ContactView addContact(long partnerId, ContactInput in) {
        Partner partner = managed(partnerId);
        ContactInput c = contact(in);
        PartnerContact contact = new PartnerContact(partner, c.name(), c.email(), c.phone(), c.role());
        em.persist(contact);
        em.flush();
        audit.record(caller.actor(), "PartnerContact", contact.getId(), AuditAction.CREATE,
                "Contact added to partner " + partner.getId());
        return ContactView.of(contact);
    }

    public ContactView updateContact(long partnerId, long contactId, Long version, ContactInput in) {
        PartnerContact contact = managedContact(partnerId, contactId);
        if (version != null && version != contact.getVersion()) {
            throw new ConcurrentChangeException();
        }
        ContactInput c = contact(in);
        contact.change(c.name(), c.email(), c.phone(), c.role());
        audit.record(caller.actor(), "PartnerContact", contact.getId(), AuditAction.UPDATE,
                "Contact of partner " + partnerId + " changed");
        return ContactView.of(contact);
    }

    /** Removes a contact: the person's details are deleted, not kept (docs/PRIVACY.md). */
    public void removeContact(long partnerId, long contactId) {
        PartnerContact contact = managedContact(partnerId, contactId);
        em.remove(contact);
        audit.record(caller.actor(), "PartnerContact", contactId, AuditAction.DELETE,
                "Contact of partner " + partnerId + " removed");
    }

    // ---- accounts ------------------------------------------------------------------------------------

    /** The PARTNER accounts of a partner, paged. */
    public Page<AccountView> accounts(long partnerId, int first, int size) {
        Partner partner = visible(partnerId);
        int pageSize = Page.clampSize(size);
        List<AccountView> items = em.createQuery("SELECT a FROM UserAccount a WHERE a.partner = :p ORDER BY a.email",
                        UserAccount.class).setParameter("p", partner)
                .setFirstResult(Math.max(0, first)).setMaxResults(pageSize).getResultList()
                .stream().map(AccountView::of).toList();
        long total = em.createQuery("SELECT COUNT(a) FROM UserAccount a WHERE a.partner = :p", Long.class)
                .setParameter("p", partner).getSingleResult();
        return new Page<>(items, total, first, pageSize);
    }

    /** Creates a PARTNER account of the partner, with a temporary password shown once. */
    public AccountService.CreatedAccount createAccount(long partnerId, String email, String displayName) {
        Partner partner = managed(partnerId);
        return accounts.createAccount(email, displayName, EnumSet.of(Role.PARTNER),
                partner.getAssociation() == null ? null : partner.getAssociation().getId(), partner.getId());
    }

    // ---- checks --------------------------------------------------------------------------------------

    /** A partner the caller may see: national ones and his association's; another association's is refused. */
    private Partner visible(long id) {
        Partner partner = em.find(Partner.class, id);
        if (partner == null) {
            throw new NotFoundException("partner");
        }
        Association scope = scope();
        if (scope != null && partner.getAssociation() != null && !scope.getId().equals(partner.getAssociation().getId())) {
            throw new ForbiddenException();
        }
        return partner;
    }

    /** A partner the caller may change: any for a national administrator, his association's local ones otherwise. */
    private Partner managed(long id) {
        Partner partner = visible(id);
        requireManages(partner.getAssociation());
        return partner;
    }

    private PartnerContact managedContact(long partnerId, long contactId) {
        managed(partnerId);
        PartnerContact contact = em.find(PartnerContact.class, contactId);
        if (contact == null || contact.getPartner().getId() != partnerId) {
            throw new NotFoundException("partnerContact");
        }
        return contact;
    }

    /** An association's administrator acts on his association's local partners only. */
    private void requireManages(Association association) {
        Association scope = scope();
        if (scope != null && (association == null || !scope.getId().equals(association.getId()))) {
            throw new ForbiddenException();
        }
    }

    private Association scope() {
        return caller.account().getAssociation();
    }

    private Association association(Long id) {
        if (id == null) {
            return null;
        }
        Association association = em.find(Association.class, id);
        if (association == null) {
            throw new InvalidInputException("associationId", "partner.associationUnknown");
        }
        return association;
    }

    private void requireFreeName(String name, Long except) {
        long taken = em.createQuery("SELECT COUNT(p) FROM Partner p WHERE LOWER(p.name) = :n AND p.id <> :id", Long.class)
                .setParameter("n", name.toLowerCase(Locale.ROOT))
                .setParameter("id", except == null ? -1L : except)
                .getSingleResult();
        if (taken > 0) {
            throw nameTaken(name);
        }
    }

    private static ConflictException nameTaken(String name) {
        return new ConflictException("NAME_TAKEN", "partner.nameTaken", name);
    }

    private static PartnerInput required(PartnerInput in) {
        if (in == null) {
            throw new InvalidInputException(null, "error.api.bodyRequired");
        }
        return in;
    }

    private static PartnerKind kind(String value) {
        try {
            return PartnerKind.valueOf(value == null ? "" : value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "partner.kindRequired");
        }
    }

    private static ContactInput contact(ContactInput in) {
        if (in == null) {
            throw new InvalidInputException(null, "error.api.bodyRequired");
        }
        String name = text("name", in.name(), PartnerContact.NAME_MAX, true);
        String email = text("email", in.email(), PartnerContact.EMAIL_MAX, false);
        if (email != null) {
            email = email.toLowerCase(Locale.ROOT);
            if (!AccountService.isPlausibleEmail(email)) {
                throw new InvalidInputException("email", "account.emailInvalid");
            }
        }
        String phone = text("phone", in.phone(), PartnerContact.PHONE_MAX, false);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new InvalidInputException("phone", "partner.phoneInvalid");
        }
        String role = text("role", in.role(), PartnerContact.ROLE_MAX, false);
        return new ContactInput(name, email, phone, role);
    }

    /** A single line of typed text, stripped; null when empty and not required. */
    private static String text(String field, String value, int max, boolean requiredField) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (requiredField) {
                throw new InvalidInputException(field, "field.required");
            }
            return null;
        }
        if (v.length() > max) {
            throw new InvalidInputException(field, "field.tooLong", max);
        }
        if (!FreeText.isClean(v, false)) {
            throw new InvalidInputException(field, "text.invalidCharacters");
        }
        return v;
    }
}
