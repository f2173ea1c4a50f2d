package fr.essor.service.arrears;

import fr.essor.service.config.EssorConfig;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.logging.Logger;

/**
 * Every night, after the instalments past due are marked late (02:15), the arrears run as of the
 * day: snapshots, buckets and the dunning notices reached (one transaction).
 */
@Singleton
public class ArrearsTimer {

    private static final Logger LOG = Logger.getLogger(ArrearsTimer.class.getName());

    @Inject
    private EssorConfig config;

    @EJB
    private ArrearsRunner runner;

    @Schedule(hour = "2", minute = "40", persistent = false, info = "essor-arrears")
    void nightly() {
        if (!config.nightlyRuns()) {
            LOG.fine("Essor arrears nightly run: off (ESSOR_NIGHTLY_RUNS=false)");
            return;
        }
        runner.run(LocalDate.now(ArrearsRunner.NETWORK_ZONE), "system", true);
    }
}
