package fr.essor.web.afterdecision;

import fr.essor.model.agreement.AgreementKind;
import fr.essor.model.agreement.AgreementTemplate;
import fr.essor.model.agreement.TemplateText;
import fr.essor.service.account.AccountService;
import fr.essor.service.agreement.AgreementService;
import fr.essor.service.agreement.AgreementViews;
import fr.essor.service.association.AssociationService;
import fr.essor.service.association.AssociationView;
import fr.essor.web.i18n.Messages;
import fr.essor.web.shared.Downloads;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An administrator writes the agreement templates of an association (issue 13, item 2): chooses the
 * kind and language, edits the text with its {{fields}}, previews it as a PDF on a made-up file, and
 * saves it as a new version. An association's admin edits his own association's; a national admin
 * chooses the association.
 */
@Named
@ViewScoped
public class AgreementTemplatesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AgreementService agreements;

    @EJB
    private AccountService accounts;

    @EJB
    private AssociationService associations;

    private String ownAssociation;
    private String association;
    private String kind = AgreementKind.LOAN.name();
    private String language = "fr";
    private String body;
    private int number;
    private List<AgreementViews.Template> history = List.of();

    @PostConstruct
    void init() {
        ownAssociation = accounts.me().associationCode();
        association = ownAssociation != null ? ownAssociation
                : associations.all().stream().filter(AssociationView::active).map(AssociationView::code).findFirst().orElse("");
        load();
    }

    /** Reads the current text of the chosen template (the network's model text when none is saved). */
    public void load() {
        AgreementViews.Template current = agreements.templates(association).stream()
                .filter(t -> t.kind().equals(kind) && t.language().equals(language)).findFirst().orElseThrow();
        body = current.body();
        number = current.number();
        history = agreements.history(association, AgreementKind.valueOf(kind), language);
    }

    public void save() {
        AgreementViews.Template saved = agreements.save(association, AgreementKind.valueOf(kind), language, body);
        body = saved.body();
        number = saved.number();
        history = agreements.history(association, AgreementKind.valueOf(kind), language);
        Messages.info("agreementTemplate.saved", saved.number());
    }

    /** Sends the PDF of the text as typed, on a made-up file; nothing is saved. */
    public void preview() throws IOException {
        byte[] pdf = agreements.preview(association, AgreementKind.valueOf(kind), language, body);
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("application/pdf");
        external.setResponseContentLength(pdf.length);
        external.setResponseHeader("X-Content-Type-Options", "nosniff");
        external.setResponseHeader("Content-Disposition", Downloads.disposition(Downloads.name(faces.getViewRoot().getLocale(),
                "templatePreview", "pdf", kind.toLowerCase(Locale.ROOT), language)));
        try (OutputStream out = external.getResponseOutputStream()) {
            out.write(pdf);
        }
        faces.responseComplete();
    }

    /** The associations a national admin may choose; none for an association's admin. */
    public List<AssociationView> getAssociations() {
        return ownAssociation == null ? associations.all() : List.of();
    }

    public List<String> getKinds() {
        return Arrays.stream(AgreementKind.values()).map(Enum::name).toList();
    }

    public List<String> getLanguages() {
        return AgreementTemplate.LANGUAGES;
    }

    public List<String> getFields() {
        return TemplateText.FIELDS;
    }

    public boolean isNational() {
        return ownAssociation == null;
    }

    public String getOwnAssociation() { return ownAssociation; }
    public String getAssociation() { return association; }
    public void setAssociation(String v) { association = isNational() ? (v == null ? "" : v) : ownAssociation; }
    public String getKind() { return kind; }
    public void setKind(String v) { kind = v != null && getKinds().contains(v) ? v : AgreementKind.LOAN.name(); }
    public String getLanguage() { return language; }
    public void setLanguage(String v) { language = v != null && getLanguages().contains(v) ? v : "fr"; }
    public String getBody() { return body; }
    public void setBody(String v) { body = v; }
    public int getNumber() { return number; }
    public List<AgreementViews.Template> getHistory() { return history; }
}
