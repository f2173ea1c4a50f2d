package fr.essor.service.association;

import fr.essor.model.association.Association;
import fr.essor.service.shared.NotFoundException;
import jakarta.persistence.EntityManager;
import java.util.Locale;
import java.util.Optional;

/** Finding an association by its code, for the services that take one from a request (who may see it is theirs to say). */
public final class Associations {

    private Associations() {
    }

    /** The association of exactly this code (the caller trims and upper-cases what it was given), if there is one. */
    public static Optional<Association> byCode(EntityManager em, String code) {
        return em.createQuery("SELECT a FROM Association a WHERE a.code = :c", Association.class)
                .setParameter("c", code).getResultList().stream().findFirst();
    }

    /** The association of the code a request gave (trimmed, upper-cased; null as blank); 404 "association" when none has it. */
    public static Association named(EntityManager em, String code) {
        return byCode(em, code == null ? "" : code.trim().toUpperCase(Locale.ROOT)).orElseThrow(() -> new NotFoundException("association"));
    }
}
