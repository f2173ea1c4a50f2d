package fr.essor.web.followup;

import fr.essor.model.followup.FollowUpChannel;
import fr.essor.service.followup.FollowUpService;
import fr.essor.service.followup.FollowUpViews;
import fr.essor.web.i18n.Messages;
import fr.essor.web.shared.PageModel;
import fr.essor.web.shared.Params;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * The advisor's follow-up page (issue 13, item 4): the association's milestones due and overdue,
 * paged in SQL; for the chosen one, the answer heard at a visit or a call, or the enterprise's closure.
 */
@Named
@ViewScoped
public class AdvisorFollowUpsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private FollowUpService followUps;

    private PageModel<FollowUpViews.Due> model;
    private FollowUpViews.Due selected;
    private AnswerForm form = new AnswerForm();
    private LocalDate closedOn;
    private String closureNote;

    @PostConstruct
    void init() {
        model = new PageModel<>((first, size) -> followUps.due(first, size), d -> String.valueOf(d.milestoneId()));
    }

    public void select(FollowUpViews.Due due) {
        selected = due;
        form = new AnswerForm();
        form.setChannel(FollowUpChannel.VISIT.name());
        closedOn = null;
        closureNote = null;
    }

    public void save() {
        followUps.answer(selected.milestoneId(), form.input(), channel());
        Messages.info("followup.saved");
        selected = null;
    }

    public void close() {
        followUps.close(selected.followUpId(), closedOn, closureNote, -1);
        Messages.info("followup.closed");
        selected = null;
    }

    private FollowUpChannel channel() {
        return Params.choice(FollowUpChannel.class, "channel", form.getChannel(), "followup.channelRequired");
    }

    public PageModel<FollowUpViews.Due> getModel() { return model; }
    public FollowUpViews.Due getSelected() { return selected; }
    public AnswerForm getForm() { return form; }
    public LocalDate getClosedOn() { return closedOn; }
    public void setClosedOn(LocalDate closedOn) { this.closedOn = closedOn; }
    public String getClosureNote() { return closureNote; }
    public void setClosureNote(String closureNote) { this.closureNote = closureNote; }
}
