package fr.essor.demo;

import fr.essor.service.config.DatabaseBootstrap;
import fr.essor.service.security.LoginThrottle;
import fr.essor.service.security.VerifiedCredentialCache;
import fr.essor.service.shared.BusinessClock;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.logging.Logger;

/**
 * TEST ONLY: brings a running server back to the state of a fresh start on the test database, so
 * that the container test classes can share one server (web/src/test/.../it/SharedServer.java):
 * the schema emptied and migrated again (Flyway clean, migrate), EclipseLink's shared cache evicted,
 * the in-memory login throttle and credential cache emptied, the business clock put back (issue 13's
 * follow-up), the demo data loaded again.
 *
 * <p>It refuses unless the test-only setting {@code essor.test.clean.database}
 * ({@code ESSOR_TEST_CLEAN_DATABASE}) is {@code true}, and it lives in the demo module, which a
 * production war does not contain ({@code -Dessor.demo=false}, docs/BUILDS.md).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TestReset {

    private static final Logger LOG = Logger.getLogger(TestReset.class.getName());

    @EJB
    private DatabaseBootstrap database;

    @EJB
    private DemoDataLoader demo;

    @EJB
    private LoginThrottle throttle;

    @EJB
    private VerifiedCredentialCache credentials;

    @Inject
    private BusinessClock clock;

    @PersistenceUnit(unitName = "essor")
    private EntityManagerFactory emf;

    /** True when the test-only setting allows a reset on this server. */
    public boolean allowed() {
        return DatabaseBootstrap.testCleanAllowed();
    }

    /** Resets the server as described above; returns the time it took, in milliseconds. */
    public long reset() {
        if (!allowed()) {
            throw new IllegalStateException("The test reset is off (essor.test.clean.database is not true)");
        }
        long start = System.nanoTime();
        LOG.warning("Essor TEST RESET: dropping the schema and loading the demo data again (container tests only)");
        emf.getCache().evictAll();
        database.cleanAndMigrateForTests();
        emf.getCache().evictAll();
        throttle.forgetAll();
        credentials.forgetAll();
        clock.reset();
        demo.loadAfterTestReset();
        emf.getCache().evictAll();
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.warning(() -> "Essor TEST RESET: done in " + millis + " ms");
        return millis;
    }
}
