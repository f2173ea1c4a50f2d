package fr.essor.web.committee;

import fr.essor.service.committee.CommitteeService;
import fr.essor.service.committee.CommitteeViews;
import fr.essor.web.shared.PageModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/** A committee member's sessions: the coming ones with their agenda, the past ones with their minutes. */
@Named
@ViewScoped
public class CommitteeHomeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CommitteeService committees;

    private PageModel<CommitteeViews.SessionSummary> upcoming;
    private PageModel<CommitteeViews.SessionSummary> past;

    @PostConstruct
    void init() {
        upcoming = new PageModel<>((first, size) -> committees.sessions(true, first, size), s -> String.valueOf(s.id()));
        past = new PageModel<>((first, size) -> committees.sessions(false, first, size), s -> String.valueOf(s.id()));
    }

    public PageModel<CommitteeViews.SessionSummary> getUpcoming() { return upcoming; }
    public PageModel<CommitteeViews.SessionSummary> getPast() { return past; }
}
