package fr.essor.service.audit;

import fr.essor.model.audit.AuditEvent;
import java.time.Instant;

/** What the audit trail page shows of an event; plain values, no entity (the hashes stay in the service). */
public record AuditView(long id, Instant occurredAt, String actor, String entityType, String entityId, String action,
        String summary) {

    static AuditView of(AuditEvent e) {
        return new AuditView(e.getId(), e.getOccurredAt(), e.getActor(), e.getEntityType(), e.getEntityId(),
                e.getAction(), e.getSummary());
    }
}
