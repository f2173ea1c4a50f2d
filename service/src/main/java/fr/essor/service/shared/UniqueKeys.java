package fr.essor.service.shared;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A check-then-insert ("no account with this address yet") is only advice: two requests, on one
 * node or on several, can both pass it. The database's unique key decides; this turns its
 * violation into the same refusal the check gives, instead of a server error.
 */
public final class UniqueKeys {

    private UniqueKeys() {
    }

    /**
     * Flushes the pending inserts; a violation of the named unique key (as declared in the
     * migrations) becomes {@code refusal}, anything else is left as it is.
     */
    public static void flush(EntityManager em, String uniqueKey, Supplier<? extends EssorException> refusal) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (violates(e, uniqueKey)) {
                throw refusal.get();
            }
            throw e;
        }
    }

    /**
     * The failure is the violation of that unique key: MariaDB/MySQL name the key in their message
     * ("Duplicate entry … for key 'uk_…'"), H2 names the index it made for it ("UK_…_INDEX_…").
     */
    static boolean violates(Throwable thrown, String uniqueKey) {
        String key = uniqueKey.toLowerCase(Locale.ROOT);
        for (Throwable c = thrown; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLIntegrityConstraintViolationException
                    && c.getMessage() != null && c.getMessage().toLowerCase(Locale.ROOT).contains(key)) {
                return true;
            }
        }
        return false;
    }
}
