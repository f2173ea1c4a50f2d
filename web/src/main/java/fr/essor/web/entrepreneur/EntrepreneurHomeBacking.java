package fr.essor.web.entrepreneur;

import fr.essor.model.application.Stage;
import fr.essor.service.application.ApplicationService;
import fr.essor.service.application.ApplicationViews;
import fr.essor.service.application.ProjectInput;
import fr.essor.service.enterprise.EnterpriseService;
import fr.essor.service.enterprise.EnterpriseView;
import fr.essor.service.inbox.InboxItem;
import fr.essor.service.inbox.InboxService;
import fr.essor.service.shared.Page;
import fr.essor.web.i18n.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    @EJB
    private InboxService inbox;

    @Inject
    private FacesContext facesContext;

    private List<EnterpriseView> mine;
    private List<ApplicationViews.Summary> files;
    private List<EnterpriseService.PendingInvitation> invitations;
    /** What waits for the person's action on each file, by the file's reference: the inbox's kinds (issue 19, item 14). */
    private final Map<String, Set<String>> actions = new LinkedHashMap<>();
    private Long enterpriseId;
    private String title;
    private Stage stage;

    @PostConstruct
    void init() {
        mine = enterprises.mine();
        files = applications.mine();
        invitations = enterprises.myInvitations();
        for (InboxItem item : inbox.mine(false, 0, Page.MAX_SIZE).items()) {
            if (item.reference() != null) {
                actions.computeIfAbsent(item.reference(), r -> new LinkedHashSet<>()).add(item.kind());
            }
        }
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

    /** The owner deletes a draft (issue 19, item 15): the service refuses anything but his own draft. */
    public void deleteDraft(long applicationId) {
        String reference = files.stream().filter(f -> f.id() == applicationId).map(ApplicationViews.Summary::reference)
                .findFirst().orElse("");
        applications.deleteDraft(applicationId, -1);
        Messages.info("application.deleted", reference);
        init();
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

    /** The kinds of what waits for the person on the file of that reference (none: an empty list). */
    public List<String> actionsOn(String reference) {
        return List.copyOf(actions.getOrDefault(reference, Set.of()));
    }

    /** How many of the person's files wait for his action. */
    public int getFilesAwaitingAction() {
        return (int) files.stream().filter(f -> actions.containsKey(f.reference())).count();
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
