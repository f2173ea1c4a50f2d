package fr.essor.web.afterdecision;

import fr.essor.service.committee.ConditionService;
import fr.essor.service.committee.ConditionViews;
import fr.essor.service.convention.FourEyesService;
import fr.essor.service.convention.FourEyesViews;
import fr.essor.web.i18n.Messages;
import fr.essor.web.shared.PageModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * What waits for a second person or for the advisor after the decision: the money movements
 * proposed by someone else (approve, or reject with a reason), and the overdue conditions of the
 * association; both paged in SQL.
 */
@Named
@ViewScoped
public class ApprovalsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private FourEyesService fourEyes;

    @EJB
    private ConditionService conditions;

    private PageModel<FourEyesViews.Proposal> model;
    private PageModel<ConditionViews.Overdue> overdue;
    private final Map<Long, String> reasons = new HashMap<>();

    @PostConstruct
    void init() {
        model = new PageModel<>((first, size) -> fourEyes.waiting(first, size), p -> String.valueOf(p.id()));
        overdue = new PageModel<>((first, size) -> conditions.overdue(first, size), c -> String.valueOf(c.id()));
    }

    public void approve(long proposalId) {
        fourEyes.approve(proposalId);
        Messages.info("approval.approvedMessage");
    }

    public void reject(long proposalId) {
        fourEyes.reject(proposalId, reasons.get(proposalId));
        reasons.remove(proposalId);
        Messages.info("approval.rejectedMessage");
    }

    public PageModel<FourEyesViews.Proposal> getModel() { return model; }
    public PageModel<ConditionViews.Overdue> getOverdue() { return overdue; }
    public Map<Long, String> getReasons() { return reasons; }
}
