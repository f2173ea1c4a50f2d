package fr.essor.service.inbox;

import fr.essor.service.config.EssorConfig;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.logging.Logger;

/**
 * Every morning, the inbox digest of the day. Each server of a cluster runs it: the claim rows make
 * sure that each person gets it once ({@link InboxDigest}).
 */
@Singleton
public class InboxDigestTimer {

    private static final Logger LOG = Logger.getLogger(InboxDigestTimer.class.getName());

    @Inject
    private EssorConfig config;

    @EJB
    private InboxDigest digest;

    @Schedule(hour = "7", minute = "0", timezone = "Europe/Paris", persistent = false, info = "essor-inbox-digest")
    void daily() {
        if (!config.nightlyRuns()) {
            LOG.fine("Essor inbox digest: off (ESSOR_NIGHTLY_RUNS=false)");
            return;
        }
        digest.run(LocalDate.now(InboxScope.NETWORK_ZONE));
    }
}
