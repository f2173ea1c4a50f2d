package fr.essor.service.convention;

import fr.essor.model.convention.InstalmentStatus;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.audit.AuditService;
import fr.essor.service.config.EssorConfig;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.logging.Logger;

/** Every night, instalments past their due date and still unpaid become LATE (one UPDATE statement). */
@Singleton
public class LateInstalmentTimer {
    @Inject
    private EssorConfig config;

    private static final Logger LOG = Logger.getLogger(LateInstalmentTimer.class.getName());

    @PersistenceContext(unitName = "essor")
    private EntityManager em;

    @EJB
    private AuditService audit;

    @Schedule(hour = "2", minute = "15", persistent = false, info = "essor-late-instalments")
    void daily() {
        if (!config.nightlyRuns()) {
            LOG.fine("Essor late instalments: off (ESSOR_NIGHTLY_RUNS=false)");
            return;
        }
        int n = markLate(LocalDate.now(ZoneId.of("Europe/Paris")));
        LOG.info(() -> "Essor: " + n + " instalment(s) marked LATE");
    }

    /** Marks every DUE instalment whose due date is before {@code today} as LATE; returns how many. */
    public int markLate(LocalDate today) {
        int n = em.createQuery("UPDATE Instalment i SET i.status = :late WHERE i.status = :due AND i.dueDate < :today")
                .setParameter("late", InstalmentStatus.LATE).setParameter("due", InstalmentStatus.DUE)
                .setParameter("today", today).executeUpdate();
        if (n > 0) {
            audit.record("system", "Instalment", "-", AuditAction.MARK_LATE, n + " instalment(s) past due on " + today);
        }
        return n;
    }
}
