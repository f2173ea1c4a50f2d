package fr.essor.web.inbox;

import fr.essor.service.inbox.InboxService;
import fr.essor.web.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** On the page "My data": whether the signed-in person receives the daily digest of their inbox. */
@Named
@RequestScoped
public class DigestBacking {

    @EJB
    private InboxService inbox;

    private Boolean daily;

    public boolean isDaily() {
        if (daily == null) {
            daily = inbox.digestWanted();
        }
        return daily;
    }

    public void setDaily(boolean daily) {
        this.daily = daily;
    }

    public void save() {
        daily = inbox.wantDigest(daily != null && daily);
        Messages.info(daily ? "inbox.digest.on" : "inbox.digest.off");
    }
}
