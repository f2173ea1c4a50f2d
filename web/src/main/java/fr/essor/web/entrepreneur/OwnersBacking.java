package fr.essor.web.entrepreneur;

import fr.essor.service.enterprise.EnterpriseService;
import fr.essor.web.i18n.Messages;
import fr.essor.web.shared.RecordPage;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;

/** An enterprise's owners and pending invitations; an owner invites a co-owner by e-mail. */
@Named
@ViewScoped
public class OwnersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private EnterpriseService enterprises;

    @Inject
    private transient FacesContext facesContext;

    private Long id;
    private EnterpriseService.Owners owners;
    private String email;

    public void load() throws IOException {
        RecordPage.load(facesContext, id, () -> owners = enterprises.owners(id));
    }

    public void invite() {
        EnterpriseService.CoOwnerOutcome outcome = enterprises.inviteCoOwner(id, email);
        Messages.info("owners.invited", outcome.email());
        email = null;
        owners = enterprises.owners(id);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public EnterpriseService.Owners getOwners() { return owners; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
}
