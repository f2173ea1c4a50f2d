package fr.essor.service.audit;

import fr.essor.model.account.Role;
import fr.essor.model.audit.AuditEvent;
import fr.essor.service.shared.Page;
import fr.essor.service.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The append-only audit trail. Every write of Essor calls {@link #record} inside its own
 * transaction, so that the event and the change commit or roll back together. The event is
 * appended unsealed, touching no shared row; {@link AuditSealer} chains the committed events by hash
 * a moment later (docs/RELIABILITY.md, "Audit trail").
 */
@Stateless
public class AuditService {

    @PersistenceContext(unitName = "essor")
    private EntityManager em;

    @EJB
    private AuditChainVerifier verifier;

    /** The prefix of an entrepreneur's pseudonym in the trail, followed by the account's number. */
    public static final String PSEUDONYM_PREFIX = "account:";

    private final Clock clock = Clock.systemUTC();

    /**
     * Appends one event, unsealed, in the caller's transaction: one INSERT, no lock on any shared
     * row; the sealer gives it its sequence and hash once committed. An entrepreneur acting is
     * recorded under the pseudonym {@code account:<id>}, never by e-mail: the trail holds no personal
     * content, so erasing a person leaves it untouched and verifiable (issue 16). Summaries must name
     * records by number and carry no name, e-mail or free text of a person.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public AuditEvent record(String actor, String entityType, Object entityId, AuditAction action, String summary) {
        actor = pseudonym(actor);
        AuditEvent event = AuditEvent.append(Instant.now(clock), actor == null ? "system" : actor, entityType,
                entityId == null ? "-" : String.valueOf(entityId), action.stored(), truncate(summary));
        em.persist(event);
        // EclipseLink may reorder the inserts of one transaction; flushing keeps ids in append order.
        em.flush();
        return event;
    }

    /** {@code account:<id>} for an entrepreneur's e-mail; any other actor as given. */
    private String pseudonym(String actor) {
        if (actor == null || actor.indexOf('@') < 0) {
            return actor;
        }
        List<Long> ids = em.createQuery("SELECT a.id FROM UserAccount a JOIN a.roles r WHERE a.email = :email AND r = :role",
                        Long.class)
                .setParameter("email", actor.trim().toLowerCase(Locale.ROOT))
                .setParameter("role", Role.ENTREPRENEUR)
                .getResultList();
        return ids.isEmpty() ? actor : PSEUDONYM_PREFIX + ids.get(0);
    }

    /** One page of the trail, newest first, filtered in SQL. */
    @RolesAllowed(Roles.ADMIN)
    public Page<AuditView> search(AuditFilter filter, int first, int size) {
        int pageSize = Page.clampSize(size);
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        if (filter != null && filter.actor() != null && filter.actor().indexOf('@') >= 0) {
            // an entrepreneur's e-mail also finds the events recorded under his pseudonym
            String pseudonym = pseudonym(filter.actor());
            if (!pseudonym.equals(filter.actor())) {
                where = where.replace("LOWER(e.actor) LIKE :actor", "(LOWER(e.actor) LIKE :actor OR e.actor = :pseudonym)");
                params.put("pseudonym", pseudonym);
            }
        }
        TypedQuery<AuditEvent> query = em.createQuery(
                "SELECT e FROM AuditEvent e" + where + " ORDER BY e.id DESC", AuditEvent.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM AuditEvent e" + where, Long.class);
        params.forEach((k, v) -> {
            query.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<AuditView> items = query.setFirstResult(Math.max(0, first)).setMaxResults(pageSize).getResultList().stream()
                .map(AuditView::of).toList();
        return new Page<>(items, count.getSingleResult(), first, pageSize);
    }

    /** Re-reads the whole sealed chain in sequence order and checks every hash and link; counts the unsealed. */
    @RolesAllowed(Roles.ADMIN)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ChainCheck verifyChain() {
        return verifier.verify();
    }

    /** The chain's head now: its last sequence and hash, for an export. */
    @RolesAllowed(Roles.ADMIN)
    public ChainHead head() {
        Object[] r = (Object[]) em.createNativeQuery("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")
                .getSingleResult();
        return new ChainHead(((Number) r[0]).longValue(), ((String) r[1]).trim());
    }

    /**
     * Sealed events with a sequence above {@code afterSeq} and at most {@code upToSeq}, in chain
     * order, at most {@code limit} (up to {@link AuditChainVerifier#BATCH}): every field the hash
     * recipe covers, for an outside party to recompute the chain.
     */
    @RolesAllowed(Roles.ADMIN)
    public List<SealedEvent> sealed(long afterSeq, long upToSeq, int limit) {
        return em.createQuery("SELECT e FROM AuditEvent e WHERE e.seq > :after AND e.seq <= :upTo ORDER BY e.seq",
                        AuditEvent.class)
                .setParameter("after", afterSeq).setParameter("upTo", upToSeq)
                .setMaxResults(Math.max(1, Math.min(limit, AuditChainVerifier.BATCH)))
                .getResultList().stream().map(SealedEvent::of).toList();
    }

    private static String where(AuditFilter filter, Map<String, Object> params) {
        if (filter == null) {
            return "";
        }
        List<String> clauses = new ArrayList<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            clauses.add("LOWER(e.actor) LIKE :actor");
            params.put("actor", "%" + escapeLike(filter.actor().trim().toLowerCase()) + "%");
        }
        if (filter.entityType() != null && !filter.entityType().isBlank()) {
            clauses.add("e.entityType = :entityType");
            params.put("entityType", filter.entityType().trim());
        }
        if (filter.entityId() != null && !filter.entityId().isBlank()) {
            clauses.add("e.entityId = :entityId");
            params.put("entityId", filter.entityId().trim());
        }
        if (filter.from() != null) {
            clauses.add("e.occurredAt >= :from");
            params.put("from", filter.from().atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            clauses.add("e.occurredAt < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String truncate(String summary) {
        if (summary == null) {
            return "";
        }
        return summary.length() <= AuditEvent.SUMMARY_MAX ? summary : summary.substring(0, AuditEvent.SUMMARY_MAX);
    }

    /** The last sealed event's sequence and hash (0 and the genesis hash while nothing is sealed). */
    public record ChainHead(long seq, String hash) {
    }

    /** A sealed event as exported: its place, its content as hashed, its hashes. */
    public record SealedEvent(long seq, long id, String occurredAt, String actor, String entityType, String entityId,
            String action, String summary, String previousHash, String hash) {

        static SealedEvent of(AuditEvent e) {
            return new SealedEvent(e.getSeq(), e.getId(), e.getOccurredAt().toString(), e.getActor(), e.getEntityType(),
                    e.getEntityId(), e.getAction(), e.getSummary(), e.getPreviousHash(), e.getHash());
        }
    }

    /** Criteria of the audit trail page; any may be null. */
    public record AuditFilter(String actor, String entityType, String entityId, LocalDate from, LocalDate to) {
    }

}
