package fr.essor.service.inbox;

import fr.essor.model.account.UserAccount;
import fr.essor.model.inbox.InboxKey;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.mail.MailKind;
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
 * the {@link InboxSources}, whatever their roles; the items they have seen; the daily digest they receive
 * unless they switch it off.
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

    /** Whether the caller receives the daily digest of their inbox (everyone does until they switch it off). */
    public boolean digestWanted() {
        return caller.account().receivesMail(MailKind.INBOX_DIGEST.name());
    }

    /**
     * The caller switches the daily digest off, or on again; returns whether they now receive it. Stored
     * as their other mail preferences are (a row of {@code mail_opt_out} while it is off).
     */
    public boolean wantDigest(Boolean daily) {
        if (daily == null) {
            throw new InvalidInputException("daily", "field.required");
        }
        UserAccount me = caller.account();
        if (me.receiveMail(MailKind.INBOX_DIGEST.name(), daily)) {
            try {
                em.flush();
            } catch (PersistenceException e) {
                // switched from two windows at the same moment
                throw new ConcurrentChangeException();
            }
            audit.record(me.getEmail(), "UserAccount", me.getId(), AuditAction.INBOX_DIGEST_CHANGED,
                    daily ? "Daily inbox digest switched on" : "Daily inbox digest switched off");
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

    private InboxScope scope(UserAccount me) {
        return InboxScope.of(me, LocalDate.now(clock.withZone(InboxScope.NETWORK_ZONE)));
    }

    private InboxQueries queries() {
        return new InboxQueries(em, InboxSources.ALL);
    }
}
