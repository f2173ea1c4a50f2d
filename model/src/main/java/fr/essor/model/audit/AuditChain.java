package fr.essor.model.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Checks an audit trail read back in chain order: every event intact and chained to the one before.
 * Id order is chain order only if each event is flushed before the next is persisted: EclipseLink
 * may insert the new objects of one transaction in any order.
 */
public final class AuditChain {

    private AuditChain() {
    }

    /**
     * The id of the first event that was altered or does not follow the event before it (the first
     * event must follow {@link AuditEvent#GENESIS}); empty when the whole chain holds.
     */
    public static Optional<Long> verify(List<AuditEvent> inOrder) {
        return verify(AuditEvent.GENESIS, inOrder);
    }

    /** The same for a segment of the chain whose predecessor has the hash given. */
    public static Optional<Long> verify(String previousHash, List<AuditEvent> inOrder) {
        OptionalInt broken = firstBroken(previousHash, inOrder);
        if (broken.isEmpty()) {
            return Optional.empty();
        }
        AuditEvent event = inOrder.get(broken.getAsInt());
        if (event.getId() == null) {
            throw new IllegalStateException("Audit event at position " + broken.getAsInt()
                    + " is broken and was never saved: " + event);
        }
        return Optional.of(event.getId());
    }

    /** The position of the first broken event, for events that have no id yet. */
    public static OptionalInt firstBroken(String previousHash, List<AuditEvent> inOrder) {
        Objects.requireNonNull(inOrder, "inOrder");
        String expected = Objects.requireNonNull(previousHash, "previousHash");
        for (int i = 0; i < inOrder.size(); i++) {
            AuditEvent event = inOrder.get(i);
            if (!event.follows(expected) || !event.hashIsValid()) {
                return OptionalInt.of(i);
            }
            expected = event.getHash();
        }
        return OptionalInt.empty();
    }
}
