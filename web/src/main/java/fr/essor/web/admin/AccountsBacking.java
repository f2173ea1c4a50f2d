package fr.essor.web.admin;

import fr.essor.model.account.Role;
import fr.essor.service.account.AccountService;
import fr.essor.service.account.AccountView;
import fr.essor.service.association.AssociationService;
import fr.essor.service.association.AssociationView;
import fr.essor.service.partner.PartnerService;
import fr.essor.service.partner.PartnerViews.PartnerView;
import fr.essor.web.i18n.Messages;
import fr.essor.web.shared.PageModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The administrator's account list: search, create staff accounts, deactivate, reset passwords. */
@Named
@ViewScoped
public class AccountsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AccountService accounts;

    @EJB
    private AssociationService associations;

    @EJB
    private PartnerService partners;

    private String text;
    private Role role;
    private PageModel<AccountView> model;
    private List<AssociationView> associationChoices;
    private List<PartnerView> partnerChoices;

    private String newEmail;
    private String newName;
    private Role[] newRoles;
    private Long newAssociationId;
    private Long newPartnerId;
    private String temporaryPassword;
    private String temporaryFor;

    @PostConstruct
    void init() {
        model = new PageModel<>((first, size) -> accounts.search(text, role, first, size), a -> String.valueOf(a.id()));
        associationChoices = associations.all();
        partnerChoices = partners.manageable();
    }

    public void create() {
        Set<Role> roles = newRoles == null || newRoles.length == 0 ? Set.of() : EnumSet.copyOf(List.of(newRoles));
        AccountService.CreatedAccount created = accounts.createAccount(newEmail, newName, roles, newAssociationId, newPartnerId);
        temporaryPassword = created.temporaryPassword();
        temporaryFor = created.account().email();
        Messages.info("admin.accounts.created", temporaryFor);
        newEmail = null;
        newName = null;
        newRoles = null;
        newAssociationId = null;
        newPartnerId = null;
    }

    public void deactivate(AccountView account) {
        accounts.deactivate(account.id());
        Messages.info("admin.accounts.deactivated", account.email());
    }

    public void activate(AccountView account) {
        accounts.activate(account.id());
        Messages.info("admin.accounts.activated", account.email());
    }

    public void resetPassword(AccountView account) {
        temporaryPassword = accounts.resetPassword(account.id()).temporaryPassword();
        temporaryFor = account.email();
        Messages.info("admin.accounts.resetDone", account.email());
    }

    public Role[] getAllRoles() {
        return Role.values();
    }

    public PageModel<AccountView> getModel() {
        return model;
    }

    public List<AssociationView> getAssociationChoices() {
        return associationChoices;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getNewEmail() {
        return newEmail;
    }

    public void setNewEmail(String newEmail) {
        this.newEmail = newEmail;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public Role[] getNewRoles() {
        return newRoles;
    }

    public void setNewRoles(Role[] newRoles) {
        this.newRoles = newRoles;
    }

    public Long getNewAssociationId() {
        return newAssociationId;
    }

    public void setNewAssociationId(Long newAssociationId) {
        this.newAssociationId = newAssociationId;
    }

    public List<PartnerView> getPartnerChoices() {
        return partnerChoices;
    }

    public Long getNewPartnerId() {
        return newPartnerId;
    }

    public void setNewPartnerId(Long newPartnerId) {
        this.newPartnerId = newPartnerId;
    }

    public String getTemporaryPassword() {
        return temporaryPassword;
    }

    public String getTemporaryFor() {
        return temporaryFor;
    }
}
