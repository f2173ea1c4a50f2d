package fr.essor.web.afterdecision;

import fr.essor.service.agreement.AgreementService;
import fr.essor.service.agreement.AgreementViews;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.web.i18n.LocaleBean;
import fr.essor.web.i18n.Messages;
import fr.essor.web.shared.Uploads;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.Serializable;
import java.util.List;

/**
 * The agreements of a file (issue 13, item 2), on the advisor's file page (generate, mark signed,
 * refuse the copy with a comment) and on the entrepreneur's (download, upload the signed copy). One
 * form per agreement: only the submitted one's comment or file reaches the bean.
 */
@Named
@ViewScoped
public class AgreementsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AgreementService agreements;

    @Inject
    private LocaleBean locale;

    private Long applicationId;
    private List<AgreementViews.Item> items;
    private String comment;
    private Long target;
    private transient Part file;

    /** The file's agreements, read once per view (again after an action). */
    public List<AgreementViews.Item> of(Long application) {
        if (application == null) {
            return List.of();
        }
        if (items == null || !application.equals(applicationId)) {
            applicationId = application;
            items = agreements.ofApplication(application);
        }
        return items;
    }

    /** The advisor generates the agreements of the file, in the page's language. */
    public void generate(long application) {
        items = agreements.generate(application, locale.getLanguage());
        applicationId = application;
        Messages.info("agreement.generatedMessage", items.size());
    }

    /** The agreements whose signed copy the applicant may (still) upload. */
    public List<AgreementViews.Item> uploadable(Long application) {
        return of(application).stream().filter(AgreementViews.Item::uploadable).toList();
    }

    public boolean anyUploadable(Long application) {
        return !uploadable(application).isEmpty();
    }

    /** The applicant uploads the signed copy of the agreement chosen in the form. */
    public void upload() {
        if (target == null) {
            throw new InvalidInputException("which", "field.required");
        }
        long agreementId = target;
        byte[] content = Uploads.required(file, "file");
        agreements.upload(agreementId, file.getSubmittedFileName(), content);
        Messages.info("agreement.uploadedMessage");
        items = null;
    }

    public void sign(long agreementId) {
        agreements.sign(agreementId, comment);
        comment = null;
        Messages.info("agreement.signedMessage");
        items = null;
    }

    public void refuse(long agreementId) {
        agreements.refuse(agreementId, comment);
        comment = null;
        Messages.info("agreement.refusedMessage");
        items = null;
    }

    public Long getTarget() { return target; }
    public void setTarget(Long v) { target = v; }
    public String getComment() { return comment; }
    public void setComment(String v) { comment = v; }
    public Part getFile() { return file; }
    public void setFile(Part v) { file = v; }
}
