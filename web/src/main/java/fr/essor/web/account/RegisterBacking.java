package fr.essor.web.account;

import fr.essor.service.account.AccountService;
import fr.essor.web.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An entrepreneur opens an account and is signed in with it at once, then led to describe his
 * enterprise (issue 19, item 15); a co-owner by invitation goes to his home.
 */
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

    private static final Logger LOG = Logger.getLogger(RegisterBacking.class.getName());

    @Inject
    private FacesContext facesContext;

    @Inject
    private SecurityContext securityContext;

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
        ExternalContext ec = facesContext.getExternalContext();
        // signed in at once with what he just typed (issue 19, item 15): the account needs no confirmation
        String next;
        if (signIn(ec, registration.account().email())) {
            Messages.info("register.signedIn");
            // a co-owner by invitation already has an enterprise: his home; anyone else describes his own first
            next = "/entrepreneur/index.xhtml";
            if (registration.joinedEnterprise() == null) {
                Messages.info("register.describeEnterprise");
                next = "/entrepreneur/enterprise.xhtml";
            }
        } else {
            Messages.info("register.done");
            next = "/login.xhtml";
        }
        if (registration.joinedEnterprise() != null) {
            Messages.info("register.joined", registration.joinedEnterprise());
        }
        ec.getFlash().setKeepMessages(true);
        ec.redirect(ec.getRequestContextPath() + next);
        facesContext.responseComplete();
    }

    /** Signs the new account in as the login form does; false when refused (too many logins at once): he then signs in himself. */
    private boolean signIn(ExternalContext ec, String accountEmail) {
        try {
            return securityContext.authenticate((HttpServletRequest) ec.getRequest(), (HttpServletResponse) ec.getResponse(),
                    AuthenticationParameters.withParams()
                            .credential(new UsernamePasswordCredential(accountEmail, new Password(password)))
                            .newAuthentication(true)) == AuthenticationStatus.SUCCESS;
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "A new account could not be signed in at once; it signs in on the login page", e);
            return false;
        }
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
