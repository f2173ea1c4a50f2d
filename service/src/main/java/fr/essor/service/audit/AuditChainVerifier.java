package fr.essor.service.audit;

import fr.essor.model.audit.AuditEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Walks the audit chain in id order, in batches, and checks that each event's hash matches its
 * content and links to the previous one, and that the chain head is the last event. Read-only; the
 * administrators reach it through {@link AuditService#verifyChain()}.
 */
@Stateless
public class AuditChainVerifier {

    static final int BATCH = 1_000;

    @PersistenceContext(unitName = "essor")
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ChainCheck verify() {
        String previous = AuditEvent.GENESIS;
        long lastId = 0;
        long checked = 0;
        while (true) {
            List<AuditEvent> batch = em.createQuery(
                            "SELECT e FROM AuditEvent e WHERE e.id > :last ORDER BY e.id", AuditEvent.class)
                    .setParameter("last", lastId)
                    .setMaxResults(BATCH)
                    .setHint("eclipselink.refresh", "true")
                    .getResultList();
            if (batch.isEmpty()) {
                break;
            }
            for (AuditEvent event : batch) {
                if (!event.follows(previous) || !event.hashIsValid()) {
                    return new ChainCheck(false, checked, event.getId());
                }
                previous = event.getHash();
                lastId = event.getId();
                checked++;
            }
            em.clear();
        }
        String head = (String) em.createNativeQuery("SELECT last_hash FROM audit_chain_head WHERE id = 1").getSingleResult();
        boolean headMatches = head.trim().equals(previous);
        return new ChainCheck(headMatches, checked, headMatches ? null : lastId);
    }
}
