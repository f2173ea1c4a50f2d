package fr.essor.web.inbox;

import fr.essor.service.inbox.InboxItem;
import fr.essor.service.inbox.InboxService;
import fr.essor.web.i18n.Messages;
import fr.essor.web.shared.PageModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;

/** The page "Inbox": what waits for the signed-in person's action, paged in SQL; an item marked as seen. */
@Named
@ViewScoped
public class InboxBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private InboxService inbox;

    private boolean unseenOnly;
    private PageModel<InboxItem> model;

    @PostConstruct
    void init() {
        model = new PageModel<>((first, size) -> inbox.mine(unseenOnly, first, size), InboxItem::key);
    }

    public void markSeen(String key) {
        inbox.markSeen(key);
        Messages.info("inbox.markedSeen");
    }

    /** Whether an item is past its due day, in the network's time zone. */
    public boolean overdue(InboxItem item) {
        return item.overdue(LocalDate.now(ZoneId.of("Europe/Paris")));
    }

    public PageModel<InboxItem> getModel() {
        return model;
    }

    public boolean isUnseenOnly() {
        return unseenOnly;
    }

    public void setUnseenOnly(boolean unseenOnly) {
        this.unseenOnly = unseenOnly;
    }
}
