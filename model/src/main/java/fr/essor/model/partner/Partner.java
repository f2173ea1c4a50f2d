package fr.essor.model.partner;

import fr.essor.model.association.Association;
import fr.essor.model.shared.VersionedEntity;
import java.util.Objects;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A financial partner (public bank, region, fund...) that funds conventions: national (no
 * association) or local to one association, whose administrators then manage it too.
 */
@Entity
@Table(name = "partner")
@Cacheable
public class Partner extends VersionedEntity {

    public static final int NAME_MAX = 200;
    public static final int KIND_MAX = 20;

    @NotBlank
    @Size(max = NAME_MAX)
    @Column(name = "name", length = NAME_MAX, nullable = false, unique = true)
    private String name;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = KIND_MAX, nullable = false)
    private PartnerKind kind;

    /** The association a local partner belongs to; null for a national partner. */
    @ManyToOne(fetch = FetchType.EAGER, optional = true)
    @JoinColumn(name = "association_id")
    private Association association;

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

    /** Makes the partner local to {@code owner}, or national with null. */
    public void localTo(Association owner) {
        this.association = owner;
    }

    public Association getAssociation() {
        return association;
    }

    public boolean isNational() {
        return association == null;
    }

    public String getName() {
        return name;
    }

    public PartnerKind getKind() {
        return kind;
    }

    @Override
    public String toString() {
        return "Partner[" + getId() + ", " + name + "]";
    }
}
