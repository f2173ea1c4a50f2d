package fr.essor.web.inbox;

import fr.essor.service.inbox.InboxCounts;
import fr.essor.service.inbox.InboxService;
import fr.essor.service.shared.ForbiddenException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The count of the header: how many items of the signed-in person's inbox they have not seen, read once per request. */
@Named("inboxCount")
@RequestScoped
public class InboxCountBean {

    @EJB
    private InboxService inbox;

    private InboxCounts counts;

    public long getUnseen() {
        if (counts == null) {
            try {
                counts = inbox.counts();
            } catch (ForbiddenException gone) {
                // the page answering the request that closed the account: still signed in, no account behind it
                counts = new InboxCounts(0, 0);
            }
        }
        return counts.unseen();
    }

    /** The same as text, for the header's title (a bundle text with {0}). */
    public String getUnseenText() {
        return String.valueOf(getUnseen());
    }
}
