package fr.essor.service.rules;

import fr.essor.model.application.Application;
import fr.essor.model.association.Association;
import fr.essor.model.rules.AssociationRules;
import fr.essor.model.rules.NetworkLimits;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.audit.AuditService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finding the rules in force, inside the services' transactions (never a use case of its own): the
 * network's current limits, an association's current version, the version a file was submitted under.
 */
@Dependent
public class RuleBook {

    /** Who creates an association's first version when nobody asked for one (it copies the network's limits). */
    static final String SYSTEM = "system";

    @PersistenceContext(unitName = "essor")
    private EntityManager em;

    @EJB
    private AuditService audit;

    /** The network's current limits (the migration stores version 1). */
    public NetworkLimits network() {
        return em.createQuery("SELECT n FROM NetworkLimits n ORDER BY n.number DESC", NetworkLimits.class)
                .setMaxResults(1).getResultList().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No network limits: migration V21 missing"));
    }

    /** The association's current version, if it has one stored. */
    public Optional<AssociationRules> current(Association association) {
        return em.createQuery("SELECT r FROM AssociationRules r WHERE r.association = :a ORDER BY r.number DESC",
                        AssociationRules.class)
                .setParameter("a", association).setMaxResults(1).getResultList().stream().findFirst();
    }

    /**
     * The association's current version; an association that never had rules gets its version 1 (the
     * network's limits, see {@link AssociationRules#first}), stored under a lock of the association.
     */
    public AssociationRules inForce(Association association) {
        Optional<AssociationRules> current = current(association);
        if (current.isPresent()) {
            return current.get();
        }
        em.lock(association, LockModeType.PESSIMISTIC_WRITE);
        return current(association).orElseGet(() -> {
            AssociationRules first = AssociationRules.first(association, network(), SYSTEM, Instant.now());
            em.persist(first);
            em.flush();
            audit.record(SYSTEM, "AssociationRules", first.getId(), AuditAction.RULES_CREATED,
                    "Rules version 1 of " + association.getCode() + " (the network's limits)");
            return first;
        });
    }

    /** The association's current version without storing anything: version 1 unsaved when it has none. */
    public AssociationRules currentOrFirst(Association association) {
        return current(association).orElseGet(() -> AssociationRules.first(association, network(), SYSTEM, Instant.now()));
    }

    /**
     * The rules of each file (by application id), in a fixed number of statements whatever the number of
     * files: one for the versions they were submitted under, one per association for files older than rules.
     */
    public Map<Long, AssociationRules> ofEach(Collection<Application> applications) {
        List<Long> ids = applications.stream().map(Application::getRulesId).filter(Objects::nonNull).distinct().toList();
        Map<Long, AssociationRules> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT r FROM AssociationRules r WHERE r.id IN :ids", AssociationRules.class)
                    .setParameter("ids", ids)
                    .setHint("eclipselink.batch.type", "IN")
                    .setHint("eclipselink.batch", "r.instruments")
                    .setHint("eclipselink.batch", "r.checklist")
                    .setHint("eclipselink.batch", "r.grid")
                    .getResultList().forEach(r -> byId.put(r.getId(), r));
        }
        Map<Long, AssociationRules> older = new HashMap<>();
        Map<Long, AssociationRules> result = new HashMap<>();
        for (Application a : applications) {
            result.put(a.getId(), a.getRulesId() != null && byId.containsKey(a.getRulesId()) ? byId.get(a.getRulesId())
                    : older.computeIfAbsent(a.association().getId(), k -> of(a)));
        }
        return result;
    }

    /**
     * The rules a file is instructed and decided under: the version it was submitted under; a draft,
     * its association's current version; a file submitted before rules existed, its association's
     * version 1 (which reproduces the rules of that time).
     */
    public AssociationRules of(Application application) {
        if (application.getRulesId() != null) {
            return em.find(AssociationRules.class, application.getRulesId());
        }
        Association association = application.association();
        if (application.getSubmittedAt() == null) {
            return currentOrFirst(association);
        }
        return em.createQuery("SELECT r FROM AssociationRules r WHERE r.association = :a ORDER BY r.number",
                        AssociationRules.class)
                .setParameter("a", association).setMaxResults(1).getResultList().stream().findFirst()
                .orElseGet(() -> AssociationRules.first(association, network(), SYSTEM, Instant.now()));
    }
}
