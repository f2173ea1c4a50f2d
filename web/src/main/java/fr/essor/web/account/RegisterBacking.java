package fr.essor.web.account;

import fr.essor.service.account.AccountService;
import fr.essor.service.shared.EssorException;
import fr.essor.web.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/** An entrepreneur opens an account; they then sign in with it. */
@Named
@RequestScoped
public class RegisterBacking {

    private String email;
    private String displayName;
    private String password;
    private String passwordAgain;

    @EJB
    private AccountService accounts;

    @Inject
    private FacesContext facesContext;

    public void register() throws IOException {
        if (password == null || !password.equals(passwordAgain)) {
            Messages.errorFor("register:passwordAgain", "register.passwordsDiffer");
            facesContext.validationFailed();
            return;
        }
        try {
            accounts.register(email, displayName, password, facesContext.getViewRoot().getLocale());
        } catch (EssorException e) {
            Messages.error(e, "register");
            return;
        }
        Messages.info("register.done");
        facesContext.getExternalContext().getFlash().setKeepMessages(true);
        facesContext.getExternalContext().redirect(facesContext.getExternalContext().getRequestContextPath() + "/login.xhtml");
        facesContext.responseComplete();
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
