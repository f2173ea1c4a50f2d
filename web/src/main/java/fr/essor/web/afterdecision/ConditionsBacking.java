package fr.essor.web.afterdecision;

import fr.essor.service.committee.ConditionService;
import fr.essor.service.committee.ConditionViews;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.web.shared.Uploads;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.Serializable;
import java.util.List;
import fr.essor.web.i18n.Messages;

/**
 * The conditions precedent of a file, on the entrepreneur's file page (provide the document asked)
 * and on the advisor's (lift, refuse with a comment). One form per condition for the advisor: only the
 * submitted one's comment reaches the bean. One upload form for the entrepreneur, below the list, choosing
 * the condition: a file input in a form repeated per condition did not reach the bean in Chromium.
 */
@Named
@ViewScoped
public class ConditionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ConditionService conditions;

    private Long applicationId;
    private List<ConditionViews.Condition> items;
    private String comment;
    private Long target;
    private transient Part file;

    /** The file's conditions, read once per view (again after an action). */
    public List<ConditionViews.Condition> of(Long application) {
        if (application == null) {
            return List.of();
        }
        if (items == null || !application.equals(applicationId)) {
            applicationId = application;
            items = conditions.ofApplication(application);
        }
        return items;
    }

    /** The conditions for which the applicant may (still) provide a document. */
    public List<ConditionViews.Condition> providable(Long application) {
        return of(application).stream().filter(ConditionViews.Condition::providable).toList();
    }

    public boolean anyProvidable(Long application) {
        return !providable(application).isEmpty();
    }

    /** The applicant provides the document of the condition chosen in the form. */
    public void provide() {
        if (target == null) {
            throw new InvalidInputException("which", "field.required");
        }
        long conditionId = target;
        byte[] content = Uploads.required(file, "file");
        conditions.provide(conditionId, file.getSubmittedFileName(), content);
        Messages.info("condition.providedMessage");
        items = null;
        target = null;
    }

    public void lift(long conditionId) {
        conditions.lift(conditionId, comment);
        comment = null;
        Messages.info("condition.liftedMessage");
        items = null;
    }

    public void refuse(long conditionId) {
        conditions.refuse(conditionId, comment);
        comment = null;
        Messages.info("condition.refusedMessage");
        items = null;
    }

    public String getComment() { return comment; }
    public void setComment(String v) { comment = v; }
    public Long getTarget() { return target; }
    public void setTarget(Long v) { target = v; }
    public Part getFile() { return file; }
    public void setFile(Part v) { file = v; }
}
