package fr.essor.service.inbox;

import fr.essor.model.account.UserAccount;
import fr.essor.model.inbox.InboxKey;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.security.UseCaseService;
import fr.essor.service.shared.ConcurrentChangeException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Page;
import fr.essor.service.shared.Roles;
import fr.essor.service.shared.RuleRefusals;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The inbox (issue 13, item 5): what waits for the signed-in person's action, computed from the data by
 * the {@link InboxSources}, whatever their roles; the items they have seen; the daily digest they may ask
 * for.
 */
@Stateless
@Interceptors(RuleRefusals.class)
@RolesAllowed({Roles.ENTREPRENEUR, Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.PARTNER, Roles.ADMIN})
public class InboxService extends UseCaseService {

    @EJB
    private InboxDigest digest;

    private final Clock clock = Clock.systemUTC();

    /** One page of the caller's items, unseen first, then by due day, then the newest; paged in SQL. */
    public Page<InboxItem> mine(boolean unseenOnly, int first, int size) {
        return queries().page(scope(caller.account()), unseenOnly, first, size);
    }

    /** How many items the caller has, and how many not seen yet (the header's count). */
    public InboxCounts counts() {
        InboxQueries.Counts c = queries().counts(scope(caller.account()));
        return new InboxCounts(c.total(), c.unseen());
    }

    /**
     * Marks one of the caller's items as seen; an item that is not in their inbox now (another's, or done
     * meanwhile) is not found. Marking an item seen twice changes nothing. Returns the counts.
     */
    public InboxCounts markSeen(String key) {
        InboxKey k = new InboxKey(key);
        UserAccount me = caller.account();
        InboxItem item = queries().find(scope(me), k).orElseThrow(() -> new NotFoundException("inbox item"));
        if (!item.seen()) {
            try {
                em.createNativeQuery("INSERT INTO inbox_seen (account_id, item_key, seen_at) VALUES (?1, ?2, ?3)")
                        .setParameter(1, me.getId()).setParameter(2, k.value())
                        .setParameter(3, LocalDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC)).executeUpdate();
            } catch (PersistenceException e) {
                // the same person marked it from another window at that very moment
                throw new ConcurrentChangeException();
            }
            audit.record(me.getEmail(), "UserAccount", me.getId(), AuditAction.INBOX_SEEN, "Inbox item " + k + " seen");
        }
        return counts();
    }

    /** Whether the caller asked for the daily digest of their inbox. */
    public boolean digestWanted() {
        return subscribed(caller.account().getId());
    }

    /** The caller asks for the daily digest, or stops it; returns whether they now receive it. */
    public boolean wantDigest(Boolean daily) {
        if (daily == null) {
            throw new InvalidInputException("daily", "field.required");
        }
        UserAccount me = caller.account();
        boolean now = subscribed(me.getId());
        if (now != daily) {
            if (daily) {
                try {
                    em.createNativeQuery("INSERT INTO inbox_digest_subscription (account_id, since) VALUES (?1, ?2)")
                            .setParameter(1, me.getId()).setParameter(2, LocalDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC))
                            .executeUpdate();
                } catch (PersistenceException e) {
                    // asked for from two windows at the same moment
                    throw new ConcurrentChangeException();
                }
            } else {
                em.createNativeQuery("DELETE FROM inbox_digest_subscription WHERE account_id = ?1").setParameter(1, me.getId())
                        .executeUpdate();
            }
            audit.record(me.getEmail(), "UserAccount", me.getId(), AuditAction.INBOX_DIGEST_CHANGED,
                    daily ? "Daily inbox digest asked for" : "Daily inbox digest stopped");
        }
        return daily;
    }

    /**
     * Runs the daily digest for {@code date} now (what the timer does every morning): each subscriber whose
     * digest of that day was not sent yet gets one mail with their unseen items. A day after today is refused.
     */
    @RolesAllowed(Roles.ADMIN)
    public DigestRun runDigest(LocalDate date) {
        if (date == null) {
            throw new InvalidInputException("date", "field.required");
        }
        if (date.isAfter(LocalDate.now(clock.withZone(InboxScope.NETWORK_ZONE)))) {
            throw new InvalidInputException("date", "inbox.digestDateFuture");
        }
        return digest.run(date);
    }

    private boolean subscribed(long accountId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM inbox_digest_subscription WHERE account_id = ?1")
                .setParameter(1, accountId).getSingleResult()).longValue() > 0;
    }

    private InboxScope scope(UserAccount me) {
        return InboxScope.of(me, LocalDate.now(clock.withZone(InboxScope.NETWORK_ZONE)));
    }

    private InboxQueries queries() {
        return new InboxQueries(em, InboxSources.ALL);
    }
}
