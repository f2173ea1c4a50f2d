package fr.essor.service.application;

import fr.essor.model.application.ApplicationReference;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

/**
 * Hands out application references ({@code CVL-2026-00001}) without gaps between committed
 * numbers being required, but without ever handing the same one twice, also across servers: the
 * counter row of an association and year is incremented under its row lock.
 */
@Stateless
public class ReferenceService {

    @PersistenceContext(unitName = "essor")
    private EntityManager em;

    @Resource
    private SessionContext context;

    /** The next reference of an association for a year, in the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public ApplicationReference next(String associationCode, int year) {
        // Create the counter first, in its own transaction: an UPDATE that finds no row would take a
        // gap lock (InnoDB) that the creating transaction would then wait on forever.
        long exists = ((Number) em.createNativeQuery(
                        "SELECT COUNT(*) FROM reference_counter WHERE association_code = ?1 AND ref_year = ?2")
                .setParameter(1, associationCode).setParameter(2, year).getSingleResult()).longValue();
        if (exists == 0) {
            context.getBusinessObject(ReferenceService.class).createCounter(associationCode, year);
        }
        int updated = increment(associationCode, year);
        if (updated != 1) {
            throw new IllegalStateException("No reference counter for " + associationCode + " " + year);
        }
        Number value = (Number) em.createNativeQuery(
                        "SELECT next_value FROM reference_counter WHERE association_code = ?1 AND ref_year = ?2")
                .setParameter(1, associationCode).setParameter(2, year).getSingleResult();
        return ApplicationReference.of(associationCode, year, value.longValue() - 1);
    }

    /** Creates the counter in its own transaction; a concurrent creation by another server is fine. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void createCounter(String associationCode, int year) {
        try {
            em.createNativeQuery("INSERT INTO reference_counter (association_code, ref_year, next_value) VALUES (?1, ?2, 1)")
                    .setParameter(1, associationCode).setParameter(2, year).executeUpdate();
        } catch (PersistenceException alreadyThere) {
            context.setRollbackOnly();
        }
    }

    private int increment(String associationCode, int year) {
        return em.createNativeQuery(
                        "UPDATE reference_counter SET next_value = next_value + 1 WHERE association_code = ?1 AND ref_year = ?2")
                .setParameter(1, associationCode).setParameter(2, year).executeUpdate();
    }
}
