package fr.essor.service.association;

import fr.essor.model.association.Association;

public record AssociationView(long id, String code, String name, String region, boolean active) {

    public static AssociationView of(Association a) {
        return new AssociationView(a.getId(), a.getCode(), a.getName(), a.getRegion(), a.isActive());
    }
}
