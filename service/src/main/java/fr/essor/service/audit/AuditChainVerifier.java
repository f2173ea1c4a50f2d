package fr.essor.service.audit;

import fr.essor.model.audit.AuditEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Walks the sealed audit chain in sequence order, in batches, and checks that each event's hash
 * matches its content and links to the previous one, that the chain head is the last event, and that
 * no sealed event lies beyond the head; counts the events not yet sealed. It holds the chain head's
 * row lock for the walk, so that no sealer moves the head meanwhile (writers are not held: they never
 * take that lock). Read-only; the administrators reach it through {@link AuditService#verifyChain()}.
 */
@Stateless
public class AuditChainVerifier {

    static final int BATCH = 1_000;

    @PersistenceContext(unitName = "essor")
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public ChainCheck verify() {
        Object[] head = (Object[]) em.createNativeQuery(
                "SELECT last_hash, last_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE").getSingleResult();
        String headHash = ((String) head[0]).trim();
        long headSeq = ((Number) head[1]).longValue();
        long unsealed = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM audit_event WHERE seq IS NULL")
                .getSingleResult()).longValue();
        String previous = AuditEvent.GENESIS;
        long lastSeq = 0;
        long lastId = 0;
        long checked = 0;
        while (true) {
            List<AuditEvent> batch = em.createQuery(
                            "SELECT e FROM AuditEvent e WHERE e.seq > :last ORDER BY e.seq", AuditEvent.class)
                    .setParameter("last", lastSeq)
                    .setMaxResults(BATCH)
                    .setHint("eclipselink.refresh", "true")
                    .getResultList();
            if (batch.isEmpty()) {
                break;
            }
            for (AuditEvent event : batch) {
                // beyond the head: nothing the sealer wrote (it moves the head with its events)
                if (event.getSeq() > headSeq || !event.follows(previous) || !event.hashIsValid()) {
                    return new ChainCheck(false, checked, event.getId(), unsealed, headSeq);
                }
                previous = event.getHash();
                lastSeq = event.getSeq();
                lastId = event.getId();
                checked++;
            }
            em.clear();
        }
        boolean headMatches = headHash.equals(previous) && lastSeq == headSeq;
        return new ChainCheck(headMatches, checked, headMatches ? null : lastId, unsealed, headSeq);
    }
}
