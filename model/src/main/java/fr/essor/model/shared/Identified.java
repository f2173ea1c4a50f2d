package fr.essor.model.shared;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * The id every entity of the model carries: a column {@code id} the database numbers (IDENTITY), and equality on it.
 * Two instances of the same entity class are equal once persisted with the same id; an unsaved instance is equal only
 * to itself. The hash is the class's, so that it does not change when the id is assigned (a new entity may sit in a
 * set before it is persisted). Entities whose id is another's ({@code DocumentContent}, {@code SessionMinutes}) map
 * their own.
 */
@MappedSuperclass
public abstract class Identified {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    public Long getId() {
        return id;
    }

    @Override
    public final boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o != null && o.getClass() == getClass() && id != null && id.equals(((Identified) o).id);
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode();
    }
}
