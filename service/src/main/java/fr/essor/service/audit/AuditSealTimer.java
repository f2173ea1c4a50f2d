package fr.essor.service.audit;

import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Seals the audit events every second ({@link AuditSealer}). Each server of a cluster runs its own
 * timer (not persistent); the chain head's row lock lets one seal at a time, so two never seal the
 * same event. A tick that finds the previous one still running skips its turn.
 */
@Singleton
@Startup
@DependsOn("DatabaseBootstrap")
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditSealTimer {

    private static final Logger LOG = Logger.getLogger(AuditSealTimer.class.getName());

    @EJB
    private AuditSealer sealer;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false, info = "Essor audit sealer")
    void onTimer() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            sealer.sealPending();
        } catch (RuntimeException e) {
            // the next tick tries again; the timer itself must survive
            LOG.log(Level.WARNING, "Essor audit: a sealing run failed", e);
        } finally {
            running.set(false);
        }
    }
}
