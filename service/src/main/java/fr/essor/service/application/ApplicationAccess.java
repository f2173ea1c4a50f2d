package fr.essor.service.application;

import fr.essor.model.application.Application;
import fr.essor.model.application.ApplicationDocument;
import fr.essor.service.security.Access;
import fr.essor.service.security.Caller;
import fr.essor.service.shared.ConcurrentChangeException;
import fr.essor.service.shared.NotFoundException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Loading an application for the caller, with the ownership rules: used inside the application
 * services' transactions, never a use case of its own.
 */
@Dependent
public class ApplicationAccess {

    @PersistenceContext(unitName = "essor")
    private EntityManager em;

    @Inject
    private Caller caller;

    /** The caller's application, locked for this transaction, at the version the caller last saw. */
    public Application owned(long id, long expectedVersion) {
        Application a = em.find(Application.class, id);
        if (a == null || !a.getEnterprise().isOwnedBy(caller.account())) {
            throw new NotFoundException("application");
        }
        em.lock(a, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(a);
        if (expectedVersion >= 0 && a.getVersion() != expectedVersion) {
            throw new ConcurrentChangeException();
        }
        return a;
    }

    /** An application the caller may read: theirs, or their association's for staff. */
    public Application visible(long id) {
        Application a = em.find(Application.class, id);
        if (a == null || !Access.canSee(caller.account(), a.getEnterprise())) {
            throw new NotFoundException("application");
        }
        return a;
    }

    public int documentCount(Application a) {
        return em.createQuery("SELECT COUNT(d) FROM ApplicationDocument d WHERE d.application = :a", Long.class)
                .setParameter("a", a).getSingleResult().intValue();
    }

    public ApplicationViews.Detail detail(Application a) {
        List<ApplicationDocument> documents = em.createQuery(
                        "SELECT d FROM ApplicationDocument d WHERE d.application = :a ORDER BY d.id", ApplicationDocument.class)
                .setParameter("a", a).getResultList();
        return ApplicationViews.Detail.of(a, documents);
    }
}
