package fr.essor.service.mail;

import fr.essor.model.mail.OutboxMessage;
import fr.essor.model.mail.OutboxStatus;
import java.time.Instant;

/** What the outbox page and the API show of a message of the outbox; plain values, no entity. */
public record OutboxView(long id, String recipient, String subject, String body, String kind, String locale,
        OutboxStatus status, int attempts, Instant createdAt, Instant nextAttemptAt, Instant sentAt, String lastError,
        String relatedEntity, String relatedId) {

    static OutboxView of(OutboxMessage m) {
        return new OutboxView(m.getId(), m.getRecipient(), m.getSubject(), m.getBody(), m.getKind(), m.getLocale(),
                m.getStatus(), m.getAttempts(), m.getCreatedAt(), m.getNextAttemptAt(), m.getSentAt(), m.getLastError(),
                m.getRelatedEntity(), m.getRelatedId());
    }
}
