package fr.essor.service.inbox;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.time.LocalDate;

/**
 * Every morning, the inbox digest of the day. Each server of a cluster runs it: the claim rows make
 * sure that each person gets it once ({@link InboxDigest}).
 */
@Singleton
public class InboxDigestTimer {

    @EJB
    private InboxDigest digest;

    @Schedule(hour = "7", minute = "0", timezone = "Europe/Paris", persistent = false, info = "essor-inbox-digest")
    void daily() {
        digest.run(LocalDate.now(InboxScope.NETWORK_ZONE));
    }
}
