package fr.essor.service.shared;

import fr.essor.model.convention.Allocation;
import fr.essor.model.shared.VersionedEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/** Writes that must not cross: the row locked for the transaction, at the version the caller last saw. */
public final class Locking {

    private Locking() {
    }

    /**
     * Locks the entity's row until the transaction ends, reads it again, and refuses it with a
     * {@link ConcurrentChangeException} when it is no longer at {@code expectedVersion} (a negative version skips the
     * check).
     */
    public static <T extends VersionedEntity> T atVersion(EntityManager em, T entity, long expectedVersion) {
        em.lock(entity, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(entity);
        if (expectedVersion >= 0 && entity.getVersion() != expectedVersion) {
            throw new ConcurrentChangeException();
        }
        return entity;
    }

    /**
     * Locks an allocation for a change of its money until the transaction ends, as allocating does: its convention's row
     * first (so that two changes on one convention queue in the same order), then the allocation, read again.
     */
    public static Allocation allocation(EntityManager em, Allocation a) {
        em.lock(a.getConvention(), LockModeType.PESSIMISTIC_WRITE);
        em.lock(a, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(a);
        return a;
    }
}
