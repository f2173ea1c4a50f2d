package fr.essor.service.application;

import fr.essor.model.application.DocumentContent;
import fr.essor.model.application.DocumentKind;
import fr.essor.model.application.FinancingLine;
import fr.essor.model.application.Instrument;
import fr.essor.model.application.MissingPiece;
import fr.essor.model.document.DocumentCheck;
import fr.essor.model.document.DocumentRules;
import fr.essor.model.rules.AssociationRules;
import fr.essor.service.rules.RuleBook;

import fr.essor.model.account.UserAccount;
import fr.essor.model.application.Application;
import fr.essor.model.application.ApplicationDocument;
import fr.essor.model.application.ApplicationStatus;
import fr.essor.service.security.Access;
import fr.essor.service.security.Caller;
import fr.essor.service.shared.ConflictException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.Locking;
import fr.essor.service.shared.NotFoundException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loading an application for the caller, with the ownership rules: used inside the application
 * services' transactions, never a use case of its own.
 */
@Dependent
public class ApplicationAccess {

    @PersistenceContext(unitName = "essor")
    private EntityManager em;

    @Inject
    private Caller caller;

    @Inject
    private RuleBook rules;

    /**
     * The document an upload would add to the file, checked as every upload is: room left among the file's documents
     * (409 otherwise) and a type and size accepted from its content (400 on "file" otherwise).
     */
    public DocumentCheck.Accepted acceptedDocument(Application a, String originalFileName, byte[] content) {
        if (documentCount(a) >= DocumentService.MAX_DOCUMENTS) {
            throw new ConflictException("TOO_MANY_DOCUMENTS", "document.tooMany", DocumentService.MAX_DOCUMENTS);
        }
        DocumentCheck check = DocumentRules.check(originalFileName, content == null ? new byte[0] : content);
        if (check instanceof DocumentCheck.Rejected rejected) {
            throw new InvalidInputException("file", "document." + rejected.reason().name(), DocumentRules.MAX_BYTES / (1024 * 1024));
        }
        return (DocumentCheck.Accepted) check;
    }

    /** Stores an accepted document of the file, uploaded by the caller at {@code at}, its content apart; returns it with its id. */
    public ApplicationDocument store(Application a, DocumentKind kind, DocumentCheck.Accepted ok, byte[] content, Instant at) {
        ApplicationDocument document = new ApplicationDocument(a, kind, ok.fileName(), ok.format().mediaType(), ok.size(),
                ok.sha256(), caller.email(), at);
        em.persist(document);
        em.flush();
        em.persist(new DocumentContent(document.getId(), content));
        return document;
    }

    /** The caller's application, locked for this transaction, at the version the caller last saw. */
    public Application owned(long id, long expectedVersion) {
        Application a = em.find(Application.class, id);
        if (a == null || !a.getEnterprise().isOwnedBy(caller.account())) {
            throw new NotFoundException("application");
        }
        return Locking.atVersion(em, a, expectedVersion);
    }

    /**
     * An application the caller may read: theirs, their association's for advisors and admins, or
     * one on the agenda of a session of a committee the caller sits on. A draft is its applicants'
     * own until submitted: nobody else is told it exists.
     */
    public Application visible(long id) {
        Application a = em.find(Application.class, id);
        if (a == null) {
            throw new NotFoundException("application");
        }
        UserAccount me = caller.account();
        if (isDraftOfAnother(a, me) || !Access.canSee(me, a.getEnterprise()) && !onAgendaOfCommitteeOf(me, a)) {
            throw new NotFoundException("application");
        }
        return a;
    }

    /** The application is on an agenda of one of the member's committees. */
    public boolean onAgendaOfCommitteeOf(UserAccount member, Application a) {
        return em.createQuery("SELECT COUNT(i) FROM AgendaItem i JOIN i.session s JOIN s.committee c JOIN c.members m"
                        + " WHERE i.application = :a AND m.account = :me", Long.class)
                .setParameter("a", a).setParameter("me", member).getSingleResult() > 0;
    }

    /** A draft is shown to its enterprise's owners only, whatever else the caller may see. */
    private static boolean isDraftOfAnother(Application a, UserAccount me) {
        return a.getStatus() == ApplicationStatus.DRAFT && !a.getEnterprise().isOwnedBy(me);
    }

    /**
     * A submitted application of the caller's association (advisors, admins), locked, at the
     * expected version; drafts are not staff's.
     */
    public Application staffLocked(long id, long expectedVersion) {
        Application a = em.find(Application.class, id);
        if (a == null || isDraftOfAnother(a, caller.account()) || !Access.isStaffOf(caller.account(), a.getEnterprise())) {
            throw new NotFoundException("application");
        }
        return Locking.atVersion(em, a, expectedVersion);
    }

    public int documentCount(Application a) {
        return em.createQuery("SELECT COUNT(d) FROM ApplicationDocument d WHERE d.application = :a"
                        + " AND d.threadAttachment = FALSE", Long.class)
                .setParameter("a", a).getSingleResult().intValue();
    }

    /** Files attached to the messages of the application's thread (not documents of the file). */
    public int attachmentCount(Application a) {
        return em.createQuery("SELECT COUNT(d) FROM ApplicationDocument d WHERE d.application = :a"
                        + " AND d.threadAttachment = TRUE", Long.class)
                .setParameter("a", a).getSingleResult().intValue();
    }

    public ApplicationViews.Detail detail(Application a) {
        List<ApplicationDocument> documents = em.createQuery(
                        "SELECT d FROM ApplicationDocument d WHERE d.application = :a AND d.threadAttachment = FALSE"
                                + " ORDER BY d.id", ApplicationDocument.class)
                .setParameter("a", a).getResultList();
        UserAccount me = caller.account();
        boolean applicantOnly = a.getEnterprise().isOwnedBy(me) && !Access.isStaffOf(me, a.getEnterprise());
        List<MissingPiece> checklist = a.getStatus() == ApplicationStatus.DRAFT
                ? missing(rules.currentOrFirst(a.association()), a, documents.stream().map(ApplicationDocument::getKind).toList())
                : List.of();
        return ApplicationViews.Detail.of(a, documents, applicantOnly && a.getStatus().isDecided() && decisionPending(a),
                checklist);
    }

    /** The document kinds the rules' checklist requires for the file's requested instruments that it does not hold yet. */
    public List<MissingPiece> missingDocuments(Application a, AssociationRules r) {
        List<DocumentKind> present = em.createQuery("SELECT DISTINCT d.kind FROM ApplicationDocument d WHERE d.application = :a"
                        + " AND d.threadAttachment = FALSE", DocumentKind.class)
                .setParameter("a", a).getResultList();
        return missing(r, a, present);
    }

    private static List<MissingPiece> missing(AssociationRules r, Application a, List<DocumentKind> present) {
        List<Instrument> requested = a.getRequestedLines().stream().map(FinancingLine::getInstrument).toList();
        return r.missingDocuments(requested, present).stream()
                .map(k -> new MissingPiece(MissingPiece.WizardStep.DOCUMENTS, "missing.documentKind." + k.name(), k.name()))
                .toList();
    }

    /** A committee recorded a decision on the application in a session that is not closed yet. */
    public boolean decisionPending(Application a) {
        return em.createQuery("SELECT COUNT(d) FROM Decision d JOIN d.agendaItem i JOIN i.session s"
                        + " WHERE d.application = :a AND s.status <> fr.essor.model.committee.SessionStatus.CLOSED", Long.class)
                .setParameter("a", a).getSingleResult() > 0;
    }

    /** Of the given applications, those whose decision is recorded but not final (session still open). */
    public Set<Long> pendingDecisions(Collection<Long> applicationIds) {
        if (applicationIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("SELECT d.application.id FROM Decision d JOIN d.agendaItem i"
                        + " JOIN i.session s WHERE d.application.id IN :ids"
                        + " AND s.status <> fr.essor.model.committee.SessionStatus.CLOSED", Long.class)
                .setParameter("ids", applicationIds).getResultList());
    }
}
