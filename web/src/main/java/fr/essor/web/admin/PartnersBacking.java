package fr.essor.web.admin;

import fr.essor.model.partner.PartnerKind;
import fr.essor.service.account.AccountService;
import fr.essor.service.account.AccountView;
import fr.essor.service.association.AssociationService;
import fr.essor.service.association.AssociationView;
import fr.essor.service.partner.PartnerService;
import fr.essor.service.partner.PartnerViews.ContactInput;
import fr.essor.service.partner.PartnerViews.ContactView;
import fr.essor.service.partner.PartnerViews.PartnerInput;
import fr.essor.service.partner.PartnerViews.PartnerView;
import fr.essor.service.shared.Page;
import fr.essor.web.i18n.Messages;
import fr.essor.web.shared.PageModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Financial partners (national or local to one association), with, for the partner chosen, its
 * contacts and its PARTNER accounts. An association's administrator manages his local partners.
 */
@Named
@ViewScoped
public class PartnersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PartnerService partners;

    @EJB
    private AssociationService associations;

    @EJB
    private AccountService accounts;

    private PageModel<PartnerView> model;
    private List<AssociationView> associationChoices;
    private boolean national;

    /** The partner form: a new one when {@code editId} is null. */
    private Long editId;
    private Long editVersion;
    private String name;
    private PartnerKind kind;
    private Long associationId;

    /** The partner whose contacts and accounts are shown. */
    private PartnerView selected;
    private List<ContactView> contacts = List.of();
    private List<AccountView> partnerAccounts = List.of();

    private String contactName;
    private String contactEmail;
    private String contactPhone;
    private String contactRole;

    private String accountEmail;
    private String accountName;
    private String temporaryPassword;
    private String temporaryFor;

    @PostConstruct
    void init() {
        model = new PageModel<>(partners::list, p -> String.valueOf(p.id()));
        national = accounts.me().associationCode() == null;
        associationChoices = associations.all();
        if (!national && !associationChoices.isEmpty()) {
            associationId = associationChoices.get(0).id();
        }
    }

    public void save() {
        PartnerInput input = new PartnerInput(name, kind == null ? null : kind.name(), associationId);
        PartnerView saved = editId == null ? partners.create(input) : partners.update(editId, editVersion, input);
        Messages.info(editId == null ? "net.partners.created" : "net.partners.saved", saved.name());
        select(saved);
        newPartner();
    }

    /** Empties the form for a new partner. */
    public void newPartner() {
        editId = null;
        editVersion = null;
        name = null;
        kind = null;
        associationId = national || associationChoices.isEmpty() ? null : associationChoices.get(0).id();
    }

    public void edit(PartnerView p) {
        editId = p.id();
        editVersion = p.version();
        name = p.name();
        kind = PartnerKind.valueOf(p.kind());
        associationId = p.associationId();
        select(p);
    }

    public void select(PartnerView p) {
        selected = partners.get(p.id());
        reloadSelected();
    }

    private void reloadSelected() {
        contacts = partners.contacts(selected.id(), 0, Page.MAX_SIZE).items();
        partnerAccounts = partners.accounts(selected.id(), 0, Page.MAX_SIZE).items();
    }

    public void addContact() {
        ContactView c = partners.addContact(selected == null ? -1 : selected.id(),
                new ContactInput(contactName, contactEmail, contactPhone, contactRole));
        Messages.info("net.contacts.added", c.name());
        contactName = null;
        contactEmail = null;
        contactPhone = null;
        contactRole = null;
        reloadSelected();
    }

    public void removeContact(ContactView c) {
        partners.removeContact(c.partnerId(), c.id());
        Messages.info("net.contacts.removed", c.name());
        reloadSelected();
    }

    public void createAccount() {
        AccountService.CreatedAccount created = partners.createAccount(selected == null ? -1 : selected.id(),
                accountEmail, accountName);
        temporaryPassword = created.temporaryPassword();
        temporaryFor = created.account().email();
        Messages.info("admin.accounts.created", temporaryFor);
        accountEmail = null;
        accountName = null;
        reloadSelected();
    }

    public PartnerKind[] getKinds() {
        return PartnerKind.values();
    }

    public PageModel<PartnerView> getModel() {
        return model;
    }

    public List<AssociationView> getAssociationChoices() {
        return associationChoices;
    }

    public boolean isNational() {
        return national;
    }

    public boolean isEditing() {
        return editId != null;
    }

    public PartnerView getSelected() {
        return selected;
    }

    public List<ContactView> getContacts() {
        return contacts;
    }

    public List<AccountView> getPartnerAccounts() {
        return partnerAccounts;
    }

    public Long getEditId() {
        return editId;
    }

    public void setEditId(Long editId) {
        this.editId = editId;
    }

    public Long getEditVersion() {
        return editVersion;
    }

    public void setEditVersion(Long editVersion) {
        this.editVersion = editVersion;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public PartnerKind getKind() {
        return kind;
    }

    public void setKind(PartnerKind kind) {
        this.kind = kind;
    }

    public Long getAssociationId() {
        return associationId;
    }

    public void setAssociationId(Long associationId) {
        this.associationId = associationId;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public String getContactRole() {
        return contactRole;
    }

    public void setContactRole(String contactRole) {
        this.contactRole = contactRole;
    }

    public String getAccountEmail() {
        return accountEmail;
    }

    public void setAccountEmail(String accountEmail) {
        this.accountEmail = accountEmail;
    }

    public String getAccountName() {
        return accountName;
    }

    public void setAccountName(String accountName) {
        this.accountName = accountName;
    }

    public String getTemporaryPassword() {
        return temporaryPassword;
    }

    public String getTemporaryFor() {
        return temporaryFor;
    }
}
