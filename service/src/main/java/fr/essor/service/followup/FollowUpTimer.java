package fr.essor.service.followup;

import fr.essor.service.config.EssorConfig;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Every morning, the follow-up's sweep: files paid out get their milestones, those due today their reminder. */
@Singleton
public class FollowUpTimer {
    @Inject
    private EssorConfig config;

    private static final Logger LOG = Logger.getLogger(FollowUpTimer.class.getName());
    /** Sweeps in one morning at most (each plans up to {@link FollowUpPlanner#BATCH} files in its own transaction). */
    private static final int MAX_SWEEPS = 200;

    @EJB
    private FollowUpPlanner planner;

    @Schedule(hour = "6", minute = "40", persistent = false, info = "essor-follow-up")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void daily() {
        if (!config.nightlyRuns()) {
            LOG.fine("Essor follow-up sweep: off (ESSOR_NIGHTLY_RUNS=false)");
            return;
        }
        int planned = 0;
        int reminded = 0;
        for (int i = 0; i < MAX_SWEEPS; i++) {
            FollowUpPlanner.Sweep s = planner.run();
            planned += s.planned();
            reminded += s.reminded();
            if (s.planned() < FollowUpPlanner.BATCH && s.reminded() < FollowUpPlanner.BATCH) {
                break;
            }
        }
        int p = planned;
        int r = reminded;
        LOG.info(() -> "Essor: follow-up planned for " + p + " funded file(s), " + r + " milestone(s) reminded");
    }
}
