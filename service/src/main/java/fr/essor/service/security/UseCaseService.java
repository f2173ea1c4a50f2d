package fr.essor.service.security;

import fr.essor.service.audit.AuditService;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * What every use-case service starts from: the persistence context, who is calling and the audit
 * trail. A {@code @Stateless} service of an area extends it instead of declaring the three again;
 * the container injects a superclass's fields as its own.
 */
public abstract class UseCaseService {

    @PersistenceContext(unitName = "essor")
    protected EntityManager em;

    @Inject
    protected Caller caller;

    @EJB
    protected AuditService audit;
}
