package fr.essor.web.privacy;

import fr.essor.service.account.AccountService;
import fr.essor.service.association.AssociationService;
import fr.essor.service.association.AssociationView;
import fr.essor.service.privacy.PrivacyNoticeService;
import fr.essor.service.privacy.PrivacyNoticeView;
import fr.essor.web.i18n.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * An administrator writes a privacy notice: an association's admin his association's, a national
 * admin any association's or the network's default (scope "").
 */
@Named
@ViewScoped
public class PrivacyNoticeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PrivacyNoticeService notices;

    @EJB
    private AccountService accounts;

    @EJB
    private AssociationService associations;

    private String ownAssociation;
    private String scope;
    private String body;
    private Long version;

    @PostConstruct
    void init() {
        ownAssociation = accounts.me().associationCode();
        scope = ownAssociation == null ? "" : ownAssociation;
        load();
    }

    /** Reads the text of the chosen scope. */
    public void load() {
        PrivacyNoticeView v = notices.forEditing(scope);
        body = v.body();
        version = v.version();
    }

    public void save() {
        PrivacyNoticeView saved = notices.save(scope, body, version);
        body = saved.body();
        version = saved.version();
        Messages.info("privacyNotice.saved");
    }

    /** The associations this admin may choose (a national admin: all; an association's admin: none, his own is fixed). */
    public List<AssociationView> getAssociations() {
        return ownAssociation == null ? associations.all() : List.of();
    }

    public boolean isNational() {
        return ownAssociation == null;
    }

    public String getOwnAssociation() {
        return ownAssociation;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = isNational() ? (scope == null ? "" : scope) : ownAssociation;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public Long getVersion() {
        return version;
    }
}
