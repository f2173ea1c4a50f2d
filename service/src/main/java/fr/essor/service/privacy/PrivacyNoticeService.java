package fr.essor.service.privacy;

import fr.essor.model.account.UserAccount;
import fr.essor.model.association.Association;
import fr.essor.model.privacy.PrivacyNotice;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.security.UseCaseService;
import fr.essor.service.shared.ConcurrentChangeException;
import fr.essor.service.shared.ForbiddenException;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Roles;
import fr.essor.service.shared.RuleRefusals;
import fr.essor.service.shared.UniqueKeys;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.interceptor.Interceptors;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The privacy notice of each association and the network's default (issue 16): written by an
 * administrator (an association's admin for his association, a national admin for any and for the
 * default), read by anyone, signed in or not, on the public page the registration page links to.
 */
@Stateless
@Interceptors(RuleRefusals.class)
public class PrivacyNoticeService extends UseCaseService {

    private final Clock clock = Clock.systemUTC();

    /**
     * The notice shown for an association (by its code; null or blank for none chosen): its own, or
     * else the network's default. An unknown code is treated as none chosen.
     */
    @PermitAll
    public PrivacyNoticeView notice(String associationCode) {
        Association association = association(associationCode).orElse(null);
        if (association != null) {
            Optional<PrivacyNotice> own = stored(association.getCode());
            if (own.isPresent()) {
                return view(association, own.get(), false);
            }
        }
        return stored(PrivacyNotice.NETWORK).map(n -> view(association, n, association != null))
                .orElse(new PrivacyNoticeView(association == null ? null : association.getCode(),
                        association == null ? null : association.getName(), null, true, null, null));
    }

    /**
     * The text an administrator edits for that association (null: the network's default), as stored,
     * without falling back; {@code body} is null when none is written yet.
     */
    @RolesAllowed(Roles.ADMIN)
    public PrivacyNoticeView forEditing(String associationCode) {
        Association association = allowed(associationCode);
        String scope = association == null ? PrivacyNotice.NETWORK : association.getCode();
        return stored(scope).map(n -> view(association, n, false)).orElse(new PrivacyNoticeView(
                association == null ? null : association.getCode(), association == null ? null : association.getName(),
                null, association == null, null, null));
    }

    /**
     * Writes the notice of that association (null: the network's default). {@code version} is the
     * version read (null when none was written yet): a notice changed since is refused.
     */
    @RolesAllowed(Roles.ADMIN)
    public PrivacyNoticeView save(String associationCode, String body, Long version) {
        Association association = allowed(associationCode);
        String scope = association == null ? PrivacyNotice.NETWORK : association.getCode();
        Instant now = Instant.now(clock);
        PrivacyNotice notice = stored(scope).orElse(null);
        if (notice == null) {
            if (version != null) {
                throw new ConcurrentChangeException();
            }
            notice = new PrivacyNotice(scope, body, caller.actor(), now);
            em.persist(notice);
            UniqueKeys.flush(em, "uk_privacy_notice_scope", ConcurrentChangeException::new);
            audit.record(caller.actor(), "PrivacyNotice", notice.getId(), AuditAction.CREATE, "Privacy notice of " + scope + " written");
        } else {
            if (version == null || version != notice.getVersion()) {
                throw new ConcurrentChangeException();
            }
            notice.rewrite(body, caller.actor(), now);
            em.flush();
            audit.record(caller.actor(), "PrivacyNotice", notice.getId(), AuditAction.UPDATE, "Privacy notice of " + scope + " changed");
        }
        return view(association, notice, false);
    }

    /** The association an admin may edit the notice of: his own; a national admin any, or the default (null). */
    private Association allowed(String associationCode) {
        UserAccount me = caller.account();
        boolean none = associationCode == null || associationCode.isBlank();
        Association association = none ? null : association(associationCode).orElseThrow(() -> new NotFoundException("association"));
        Association own = me.getAssociation();
        if (own != null && (association == null || !own.getId().equals(association.getId()))) {
            throw new ForbiddenException();
        }
        return association;
    }

    private Optional<Association> association(String code) {
        if (code == null || code.isBlank() || code.length() > Association.CODE_MAX) {
            return Optional.empty();
        }
        List<Association> found = em.createQuery("SELECT a FROM Association a WHERE a.code = :code", Association.class)
                .setParameter("code", code.strip().toUpperCase(Locale.ROOT)).getResultList();
        return found.stream().findFirst();
    }

    private Optional<PrivacyNotice> stored(String scope) {
        return em.createQuery("SELECT n FROM PrivacyNotice n WHERE n.scope = :scope", PrivacyNotice.class)
                .setParameter("scope", scope).getResultList().stream().findFirst();
    }

    /** A view of a stored notice; shown for an association that has none, it carries no version (nothing of its own to change). */
    private static PrivacyNoticeView view(Association association, PrivacyNotice n, boolean networkDefault) {
        boolean fallback = association != null && n.isNetworkDefault();
        return new PrivacyNoticeView(association == null ? null : association.getCode(),
                association == null ? null : association.getName(), n.getBody(), networkDefault || n.isNetworkDefault(),
                n.getUpdatedAt(), fallback ? null : n.getVersion());
    }
}
