package fr.essor.model.partner;

import java.util.Objects;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A financial partner (public bank, region, fund...) that funds conventions. */
@Entity
@Table(name = "partner")
@Cacheable
public class Partner {

    public static final int NAME_MAX = 200;
    public static final int KIND_MAX = 20;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @NotBlank
    @Size(max = NAME_MAX)
    @Column(name = "name", length = NAME_MAX, nullable = false, unique = true)
    private String name;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = KIND_MAX, nullable = false)
    private PartnerKind kind;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Partner() {
    }

    public Partner(String name, PartnerKind kind) {
        rename(name);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public void rename(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("The name of a partner is required");
        }
        this.name = newName.strip();
    }

    public void changeKind(PartnerKind newKind) {
        this.kind = Objects.requireNonNull(newKind, "kind");
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public PartnerKind getKind() {
        return kind;
    }

    public long getVersion() {
        return version;
    }

    /** Equal on the id once persisted, like every entity of the model. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Partner other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Partner.class.hashCode();
    }

    @Override
    public String toString() {
        return "Partner[" + id + ", " + name + "]";
    }
}
