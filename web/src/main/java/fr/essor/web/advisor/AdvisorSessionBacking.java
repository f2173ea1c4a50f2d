package fr.essor.web.advisor;

import fr.essor.service.committee.CommitteeService;
import fr.essor.service.committee.CommitteeViews;
import fr.essor.web.i18n.Messages;
import fr.essor.web.shared.RecordPage;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.function.Supplier;

/** The advisor builds a session's agenda from the files ready for committee and convenes the members. */
@Named
@ViewScoped
public class AdvisorSessionBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CommitteeService committees;

    @Inject
    private transient FacesContext facesContext;

    private Long id;
    private CommitteeViews.Session session;
    private List<CommitteeViews.ReadyFile> ready;
    private Long applicationId;

    public void load() throws IOException {
        RecordPage.load(facesContext, id, this::reload);
    }

    private void reload() {
        session = committees.session(id);
        ready = committees.readyFiles();
    }

    public void add() {
        if (applicationId == null) {
            Messages.errorFor("agenda:file", "field.required");
            return;
        }
        act(() -> committees.addToAgenda(id, applicationId, null), "advisor.session.added");
        applicationId = null;
    }

    public void remove(long itemId) {
        act(() -> committees.removeFromAgenda(id, itemId), "advisor.session.removed");
    }

    public void up(long itemId) {
        act(() -> committees.move(id, itemId, -1), null);
    }

    public void down(long itemId) {
        act(() -> committees.move(id, itemId, 1), null);
    }

    public void convene() {
        int sent = committees.convene(id);
        if (sent == 0) {
            Messages.info("advisor.session.allConvened");
        } else {
            Messages.info("advisor.session.convened", sent);
        }
    }

    private void act(Supplier<CommitteeViews.Session> action, String doneKey) {
        session = action.get();
        ready = committees.readyFiles();
        if (doneKey != null) {
            Messages.info(doneKey);
        }
    }

    public Long getId() { return id; }
    public void setId(Long v) { id = v; }
    public CommitteeViews.Session getSession() { return session; }
    public List<CommitteeViews.ReadyFile> getReady() { return ready; }
    public Long getApplicationId() { return applicationId; }
    public void setApplicationId(Long v) { applicationId = v; }
}
