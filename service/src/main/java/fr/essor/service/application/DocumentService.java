package fr.essor.service.application;

import fr.essor.model.application.Application;
import fr.essor.model.application.ApplicationDocument;
import fr.essor.model.application.ApplicationStatus;
import fr.essor.model.application.DocumentContent;
import fr.essor.model.application.DocumentKind;
import fr.essor.model.document.DocumentCheck;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.security.Access;
import fr.essor.service.security.UseCaseService;
import fr.essor.service.shared.ConflictException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Locale;

/**
 * Documents of an application: uploaded while the applicant holds the file, typed from their
 * content (never from their name), stored with a SHA-256 in the database, removable while a draft.
 */
@Stateless
public class DocumentService extends UseCaseService {

    /** An application holds a bounded number of documents. */
    public static final int MAX_DOCUMENTS = 30;

    @Inject
    private ApplicationAccess applications;

    @RolesAllowed(Roles.ENTREPRENEUR)
    public ApplicationViews.Document upload(long applicationId, String kind, String originalFileName, byte[] content) {
        Application a = applications.owned(applicationId, -1);
        if (!a.isEditableByApplicant()) {
            throw new ConflictException("NOT_EDITABLE", "application.notEditable");
        }
        DocumentKind documentKind;
        try {
            documentKind = DocumentKind.valueOf(kind == null ? "" : kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "document.kindRequired");
        }
        DocumentCheck.Accepted ok = applications.acceptedDocument(a, originalFileName, content);
        ApplicationDocument document = applications.store(a, documentKind, ok, content, Instant.now());
        audit.record(caller.email(), "Application", a.getId(), AuditAction.UPLOAD,
                "Document " + document.getId() + " (" + documentKind + ", " + ok.size() + " bytes, sha256 " + ok.sha256() + ")");
        return ApplicationViews.Document.of(document);
    }

    /** Removes a document while the application is still a draft. */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public void remove(long applicationId, long documentId) {
        Application a = applications.owned(applicationId, -1);
        ApplicationDocument d = em.find(ApplicationDocument.class, documentId);
        if (d == null || !d.getApplication().getId().equals(a.getId()) || d.isThreadAttachment()) {
            throw new NotFoundException("document");
        }
        if (a.getStatus() != ApplicationStatus.DRAFT) {
            throw new ConflictException("NOT_EDITABLE", "document.notRemovable");
        }
        em.remove(em.getReference(DocumentContent.class, documentId));
        em.remove(d);
        audit.record(caller.email(), "Application", a.getId(), AuditAction.REMOVE_DOCUMENT, "Document " + documentId + " removed");
    }

    /**
     * A document and its bytes, for the applicant and the staff of the association; also a file
     * attached to a message of the thread.
     */
    @RolesAllowed({Roles.ENTREPRENEUR, Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.ADMIN})
    public Download download(long applicationId, long documentId) {
        Application a = applications.visible(applicationId);
        ApplicationDocument d = em.find(ApplicationDocument.class, documentId);
        if (d == null || !d.getApplication().getId().equals(a.getId())) {
            throw new NotFoundException("document");
        }
        if (d.isThreadAttachment() && !Access.canSee(caller.account(), a.getEnterprise())) {
            // the thread is the applicants' and the staff's: a committee member reads the file, not its thread
            throw new NotFoundException("document");
        }
        DocumentContent content = em.find(DocumentContent.class, documentId);
        return new Download(d.getFileName(), d.getMediaType(), content.getContent());
    }

    /** A file to send back: its safe name, checked media type and bytes. */
    public record Download(String fileName, String mediaType, byte[] content) {
    }
}
