package fr.essor.web.followup;

import fr.essor.service.followup.FollowUpService;
import fr.essor.service.followup.FollowUpViews;
import fr.essor.web.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The entrepreneur's follow-up page (issue 13, item 4): his milestones due, and the short form of the
 * one he chose (or the one the reminder's link names, {@code ?milestone=ID}).
 */
@Named
@ViewScoped
public class MyFollowUpsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private FollowUpService followUps;

    private Long milestone;
    private List<FollowUpViews.Due> due;
    private AnswerForm form = new AnswerForm();

    public List<FollowUpViews.Due> getDue() {
        if (due == null) {
            due = followUps.mine();
        }
        return due;
    }

    /** The milestone the form is for, if it is one of the caller's due ones. */
    public FollowUpViews.Due getSelected() {
        return milestone == null ? null : getDue().stream().filter(d -> d.milestoneId() == milestone).findFirst().orElse(null);
    }

    public void select(long id) {
        milestone = id;
        form = new AnswerForm();
    }

    public void save() {
        followUps.answer(milestone, form.input(), null);
        Messages.info("followup.saved");
        milestone = null;
        form = new AnswerForm();
        due = null;
    }

    public Long getMilestone() { return milestone; }
    public void setMilestone(Long milestone) { this.milestone = milestone; }
    public AnswerForm getForm() { return form; }
}
