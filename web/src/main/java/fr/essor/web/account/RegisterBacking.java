package fr.essor.web.account;

import fr.essor.service.account.AccountService;
import fr.essor.web.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Locale;

/** An entrepreneur opens an account; they then sign in with it. */
@Named
@RequestScoped
public class RegisterBacking {

    private String email;
    private String displayName;
    private String password;
    private String passwordAgain;
    private String invitation;
    private String association;
    private AccountService.InvitationView invited;

    @EJB
    private AccountService accounts;

    @Inject
    private FacesContext facesContext;

    /** Opened from an invitation mail's link: shows who invites to what, and fills in the address. */
    public void loadInvitation() {
        if (invitation == null || invitation.isBlank()) {
            return;
        }
        invited = accounts.invitation(invitation).orElse(null);
        if (invited == null) {
            Messages.errorFor(null, "invitation.invalid");
        } else {
            if (email == null) {
                email = invited.email();
            }
            // the notice of the association that will hold his data
            if (association == null) {
                association = invited.associationCode();
            }
        }
    }

    public void register() throws IOException {
        if (password == null || !password.equals(passwordAgain)) {
            Messages.errorFor("register:passwordAgain", "register.passwordsDiffer");
            facesContext.validationFailed();
            return;
        }
        AccountService.Registration registration = accounts.register(email, displayName, password,
                facesContext.getViewRoot().getLocale(), invitation);
        Messages.info("register.done");
        if (registration.joinedEnterprise() != null) {
            Messages.info("register.joined", registration.joinedEnterprise());
        }
        facesContext.getExternalContext().getFlash().setKeepMessages(true);
        facesContext.getExternalContext().redirect(facesContext.getExternalContext().getRequestContextPath() + "/login.xhtml");
        facesContext.responseComplete();
    }

    /** The association whose privacy notice the page links to (its code, from a link of the association); none: the network's. */
    public String getAssociation() {
        return association;
    }

    public void setAssociation(String association) {
        this.association = association == null || !association.strip().matches("[A-Za-z]{2,10}") ? null
                : association.strip().toUpperCase(Locale.ROOT);
    }

    public String getInvitation() {
        return invitation;
    }

    public void setInvitation(String invitation) {
        this.invitation = invitation;
    }

    /** Who invites to which enterprise, in the page's language. */
    public String getInvitedText() {
        return invited == null ? null : Messages.text(facesContext.getViewRoot().getLocale(), "register.invited",
                invited.invitedBy(), invited.enterprise());
    }

    public AccountService.InvitationView getInvited() {
        return invited;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordAgain() {
        return passwordAgain;
    }

    public void setPasswordAgain(String passwordAgain) {
        this.passwordAgain = passwordAgain;
    }
}
