package fr.essor.web.entrepreneur;

import fr.essor.model.application.Stage;
import fr.essor.service.application.ApplicationService;
import fr.essor.service.application.ApplicationViews;
import fr.essor.service.application.ProjectInput;
import fr.essor.service.enterprise.EnterpriseService;
import fr.essor.service.enterprise.EnterpriseView;
import fr.essor.web.i18n.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;

/**
 * The entrepreneur's landing page: invitations to co-own an enterprise waiting for an answer, their
 * enterprises, their applications, a new application.
 */
@Named
@RequestScoped
public class EntrepreneurHomeBacking {

    @EJB
    private EnterpriseService enterprises;

    @EJB
    private ApplicationService applications;

    @Inject
    private FacesContext facesContext;

    private List<EnterpriseView> mine;
    private List<ApplicationViews.Summary> files;
    private List<EnterpriseService.PendingInvitation> invitations;
    private Long enterpriseId;
    private String title;
    private Stage stage;

    @PostConstruct
    void init() {
        mine = enterprises.mine();
        files = applications.mine();
        invitations = enterprises.myInvitations();
        if (mine.size() == 1) {
            enterpriseId = mine.get(0).id();
        }
    }

    public void startApplication() throws IOException {
        ApplicationViews.Detail created = applications.create(enterpriseId == null ? -1 : enterpriseId,
                new ProjectInput(title, stage, null, null));
        facesContext.getExternalContext().redirect(facesContext.getExternalContext().getRequestContextPath()
                + "/entrepreneur/application.xhtml?id=" + created.id() + "&step=PROJECT");
        facesContext.responseComplete();
    }

    /** Accepts an invitation: the enterprise joins the caller's. */
    public void accept(long invitationId) {
        EnterpriseView joined = enterprises.acceptInvitation(invitationId);
        Messages.info("invitations.accepted", joined.legalName());
        init();
    }

    public void decline(long invitationId) {
        enterprises.declineInvitation(invitationId);
        Messages.info("invitations.declined");
        init();
    }

    public List<EnterpriseService.PendingInvitation> getInvitations() {
        return invitations;
    }

    public List<EnterpriseView> getEnterprises() {
        return mine;
    }

    public List<ApplicationViews.Summary> getApplications() {
        return files;
    }

    public Stage[] getStages() {
        return Stage.values();
    }

    public Long getEnterpriseId() {
        return enterpriseId;
    }

    public void setEnterpriseId(Long enterpriseId) {
        this.enterpriseId = enterpriseId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Stage getStage() {
        return stage;
    }

    public void setStage(Stage stage) {
        this.stage = stage;
    }
}
