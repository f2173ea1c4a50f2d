package fr.essor.web.advisor;

import fr.essor.service.committee.CommitteeService;
import fr.essor.service.committee.CommitteeViews;
import fr.essor.web.i18n.Messages;
import fr.essor.web.shared.PageModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;

/** Committee sessions of the advisor's association: coming and past, and scheduling a new one. */
@Named
@ViewScoped
public class AdvisorSessionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CommitteeService committees;

    private List<CommitteeViews.CommitteeSummary> committeeList;
    private PageModel<CommitteeViews.SessionSummary> upcoming;
    private PageModel<CommitteeViews.SessionSummary> past;
    private Long committeeId;
    private LocalDateTime startsAt;
    private String place;
    private String videoLink;
    private Long scheduledId;

    @PostConstruct
    void init() {
        committeeList = committees.committees();
        if (committeeList.size() == 1) {
            committeeId = committeeList.get(0).id();
        }
        upcoming = new PageModel<>((first, size) -> committees.sessions(true, first, size), s -> String.valueOf(s.id()));
        past = new PageModel<>((first, size) -> committees.sessions(false, first, size), s -> String.valueOf(s.id()));
    }

    public String schedule() {
        if (committeeId == null) {
            Messages.errorFor("schedule:committee", "field.required");
            return null;
        }
        CommitteeViews.Session s = committees.schedule(committeeId, startsAt, place, videoLink);
        scheduledId = s.id();
        return "/advisor/session?faces-redirect=true&id=" + s.id();
    }

    public List<CommitteeViews.CommitteeSummary> getCommitteeList() { return committeeList; }
    public PageModel<CommitteeViews.SessionSummary> getUpcoming() { return upcoming; }
    public PageModel<CommitteeViews.SessionSummary> getPast() { return past; }
    public Long getCommitteeId() { return committeeId; }
    public void setCommitteeId(Long v) { committeeId = v; }
    public LocalDateTime getStartsAt() { return startsAt; }
    public void setStartsAt(LocalDateTime v) { startsAt = v; }
    public String getPlace() { return place; }
    public void setPlace(String v) { place = v; }
    public String getVideoLink() { return videoLink; }
    public void setVideoLink(String v) { videoLink = v; }
    public Long getScheduledId() { return scheduledId; }
}
