package fr.essor.model.shared;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * An entity that can be changed by two people at once: its {@code version} column is JPA's optimistic lock, so that the
 * second of two concurrent writes is refused rather than lost.
 */
@MappedSuperclass
public abstract class VersionedEntity extends Identified {

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    public long getVersion() {
        return version;
    }
}
