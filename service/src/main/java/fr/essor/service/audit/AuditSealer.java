package fr.essor.service.audit;

import fr.essor.model.audit.AuditEvent;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Seals the audit trail: gives the committed, unsealed events, in append (id) order, their sequence
 * number and their place in the hash chain, in batches of {@link #BATCH}, each batch in its own
 * transaction. Only the sealer locks the chain head row ({@code SELECT … FOR UPDATE}): writers never
 * touch it, and two sealers (two servers of a cluster, or two timer ticks) take turns — the second
 * waits, then reads the head the first left and finds only what is still unsealed. Every event is
 * sealed by an {@code UPDATE … WHERE seq IS NULL} whose count is checked, and {@code seq} is unique:
 * an event sealed twice would abort the batch rather than fork the chain. Run by {@link AuditSealTimer}
 * every second; tests call {@link #sealPending()}.
 */
@Stateless
@PermitAll
public class AuditSealer {

    static final int BATCH = 500;

    @PersistenceContext(unitName = "essor")
    private EntityManager em;

    @Resource
    private SessionContext context;

    /**
     * Seals everything committed and unsealed now, batch after batch; returns the ids sealed by this
     * call, in chain order.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Long> sealPending() {
        AuditSealer self = context.getBusinessObject(AuditSealer.class);
        List<Long> sealed = new ArrayList<>();
        while (true) {
            List<Long> batch = self.sealBatch();
            sealed.addAll(batch);
            if (batch.size() < BATCH) {
                return sealed;
            }
        }
    }

    /** One batch in its own transaction; the ids sealed, in chain order (empty when nothing waits). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> sealBatch() {
        Object[] head = (Object[]) em.createNativeQuery(
                "SELECT last_hash, last_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE").getSingleResult();
        String previous = ((String) head[0]).trim();
        long seq = ((Number) head[1]).longValue();
        // read after the lock is held: READ COMMITTED, so this sees what the sealer before us committed
        List<AuditEvent> waiting = em.createQuery("SELECT e FROM AuditEvent e WHERE e.seq IS NULL ORDER BY e.id",
                        AuditEvent.class)
                .setHint("eclipselink.refresh", "true")
                .setMaxResults(BATCH)
                .getResultList();
        if (waiting.isEmpty()) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>(waiting.size());
        for (AuditEvent event : waiting) {
            String hash = event.sealedHash(previous);
            seq++;
            int updated = em.createNativeQuery("UPDATE audit_event SET seq = ?1, previous_hash = ?2, hash = ?3"
                            + " WHERE id = ?4 AND seq IS NULL")
                    .setParameter(1, seq).setParameter(2, previous).setParameter(3, hash).setParameter(4, event.getId())
                    .executeUpdate();
            if (updated != 1) {
                throw new IllegalStateException("Audit event " + event.getId() + " was sealed by someone else");
            }
            previous = hash;
            ids.add(event.getId());
        }
        em.createNativeQuery("UPDATE audit_chain_head SET last_hash = ?1, last_seq = ?2 WHERE id = 1")
                .setParameter(1, previous).setParameter(2, seq).executeUpdate();
        em.clear();
        return ids;
    }
}
