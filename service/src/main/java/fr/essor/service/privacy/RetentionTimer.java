package fr.essor.service.privacy;

import fr.essor.service.config.EssorConfig;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.logging.Logger;

/** Every night, the retention rules applied as on the real date (issue 16); a week's notice is on the administrators' page. */
@Singleton
public class RetentionTimer {

    private static final Logger LOG = Logger.getLogger(RetentionTimer.class.getName());

    @EJB
    private RetentionService retention;

    @Inject
    private EssorConfig config;

    @Schedule(hour = "3", minute = "30", timezone = "Europe/Paris", persistent = false, info = "essor-retention")
    void nightly() {
        if (!config.retentionNightly()) {
            LOG.info("Essor retention: the nightly run is off (ESSOR_RETENTION_NIGHTLY=false)");
            return;
        }
        RetentionRun run = retention.apply(LocalDate.now(RetentionService.ZONE));
        LOG.info(() -> "Essor retention: " + run);
    }
}
