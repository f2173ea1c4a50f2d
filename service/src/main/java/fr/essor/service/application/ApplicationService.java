package fr.essor.service.application;

import fr.essor.model.account.UserAccount;
import fr.essor.model.application.Application;
import fr.essor.model.application.ApplicationDocument;
import fr.essor.model.application.ApplicationMessage;
import fr.essor.model.application.ApplicationStatus;
import fr.essor.model.committee.Decision;
import fr.essor.model.application.DocumentContent;
import fr.essor.model.application.FinancingLine;
import fr.essor.model.application.IncompleteApplicationException;
import fr.essor.model.application.MissingPiece;
import fr.essor.model.rules.AssociationRules;
import fr.essor.service.rules.RuleBook;
import fr.essor.model.application.PlanItem;
import fr.essor.model.application.Stage;
import fr.essor.model.document.DocumentCheck;
import fr.essor.model.document.DocumentRules;
import fr.essor.model.enterprise.Enterprise;
import fr.essor.model.shared.EssorDomainException;
import fr.essor.model.shared.FreeText;
import fr.essor.model.shared.Money;
import fr.essor.model.shared.RuleException;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.mail.MailService;
import fr.essor.service.mail.MailTemplates;
import fr.essor.service.privacy.Anonymiser;
import fr.essor.service.report.DecisionLetter;
import fr.essor.service.security.Access;
import fr.essor.service.security.UseCaseService;
import fr.essor.service.shared.ConflictException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Roles;
import fr.essor.service.shared.RuleRefusals;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The entrepreneurs' journey: draft an application step by step, submit it, follow it, answer the
 * advisor, withdraw. Every method checks that the caller owns the application's enterprise; any
 * other caller is told the application does not exist.
 */
@Stateless
@Interceptors(RuleRefusals.class)
public class ApplicationService extends UseCaseService {

    static final ZoneId NETWORK_ZONE = ZoneId.of("Europe/Paris");

    @EJB
    private ReferenceService references;

    @EJB
    private MailService mail;

    @Inject
    private ApplicationAccess access;

    @EJB
    private Anonymiser anonymiser;

    @Inject
    private RuleBook rules;

    private final Clock clock = Clock.systemUTC();

    /** The caller's applications, newest first. */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public List<ApplicationViews.Summary> mine() {
        return summaries();
    }

    private List<ApplicationViews.Summary> summaries() {
        List<Object[]> rows = em.createQuery("SELECT a.id, a.reference, a.title, a.status, e.legalName, a.createdAt, a.submittedAt"
                        + " FROM Application a JOIN a.enterprise e JOIN e.owners o WHERE o.email = :email ORDER BY a.id DESC",
                        Object[].class)
                .setParameter("email", caller.email())
                .getResultList();
        // a decision recorded in a session that is still open is not the applicant's to read yet
        Set<Long> pending = access.pendingDecisions(rows.stream().map(r -> (Long) r[0]).toList());
        List<ApplicationViews.Summary> result = new ArrayList<>();
        for (Object[] r : rows) {
            String status = pending.contains((Long) r[0]) ? ApplicationStatus.ON_AGENDA.name() : ((ApplicationStatus) r[3]).name();
            result.add(new ApplicationViews.Summary((Long) r[0], r[1].toString(), (String) r[2],
                    status, (String) r[4], (Instant) r[5], (Instant) r[6]));
        }
        return result;
    }

    /** Starts a draft for one of the caller's enterprises. */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public ApplicationViews.Detail create(long enterpriseId, ProjectInput project) {
        Enterprise enterprise = em.find(Enterprise.class, enterpriseId);
        UserAccount me = caller.account();
        if (enterprise == null || !enterprise.isOwnedBy(me)) {
            throw new NotFoundException("enterprise");
        }
        if (!enterprise.getAssociation().isActive()) {
            // a deactivated association receives no new file
            throw new ConflictException("ASSOCIATION_INACTIVE", "association.inactive", enterprise.getAssociation().getCode());
        }
        ProjectInput p = project == null ? new ProjectInput(null, null, null, null) : project;
        String title = requiredLine("title", p.title(), Application.TITLE_MAX);
        Stage stage = stage(p.stage());
        String description = optionalText("description", p.description(), Application.DESCRIPTION_MAX);
        Instant now = Instant.now(clock);
        int year = now.atZone(NETWORK_ZONE).getYear();
        Application application = new Application(references.next(enterprise.getAssociation().getCode(), year), enterprise,
                title, stage, description, me.getEmail(), now);
        application.serveTerritory(optionalLine("territory", p.territory(), Application.TERRITORY_MAX));
        em.persist(application);
        em.flush();
        audit.record(me.getEmail(), "Application", application.getId(), AuditAction.CREATE,
                "Draft " + application.getReference() + " created");
        return detail(application);
    }

    /** One of the caller's applications, or an application of the caller's association for staff. */
    @RolesAllowed({Roles.ENTREPRENEUR, Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.ADMIN})
    public ApplicationViews.Detail get(long id) {
        return detail(visible(id));
    }

    @RolesAllowed(Roles.ENTREPRENEUR)
    public ApplicationViews.Detail saveProject(long id, long expectedVersion, ProjectInput p) {
        Application a = owned(id, expectedVersion);
        guard(() -> {
            a.revise(requiredLine("title", p.title(), Application.TITLE_MAX), stage(p.stage()),
                    optionalText("description", p.description(), Application.DESCRIPTION_MAX));
            a.serveTerritory(optionalLine("territory", p.territory(), Application.TERRITORY_MAX));
        });
        return saved(a, AuditAction.SAVE_PROJECT, "Project step saved");
    }

    /** Replaces the requested lines; each is checked against its instrument's limits. */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public ApplicationViews.Detail saveLines(long id, long expectedVersion, List<LineInput> inputs) {
        Application a = owned(id, expectedVersion);
        if (inputs == null || inputs.isEmpty()) {
            throw new InvalidInputException("lines", "line.atLeastOne");
        }
        if (inputs.size() > Application.MAX_LINES) {
            throw new InvalidInputException("lines", "line.tooMany", Application.MAX_LINES);
        }
        List<FinancingLine> lines = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            lines.add(Lines.parse(i, inputs.get(i)));
        }
        // the association's rules in force: the instruments it offers, its limits within the network's
        rules.currentOrFirst(a.association()).checkAll(lines);
        guard(() -> a.replaceRequestedLines(lines));
        return saved(a, AuditAction.SAVE_LINES, lines.size() + " requested line(s) saved");
    }

    @RolesAllowed(Roles.ENTREPRENEUR)
    public ApplicationViews.Detail savePlan(long id, long expectedVersion, List<PlanItemInput> inputs) {
        Application a = owned(id, expectedVersion);
        List<PlanItemInput> rows = inputs == null ? List.of() : inputs;
        if (rows.size() > Application.MAX_PLAN_ITEMS) {
            throw new InvalidInputException("plan", "plan.tooMany", Application.MAX_PLAN_ITEMS);
        }
        List<PlanItem> items = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            PlanItemInput in = rows.get(i);
            String field = "plan[" + i + "]";
            PlanItem.Kind kind = in.kind();
            if (kind == null) {
                throw new InvalidInputException(field + ".kind", "plan.kindInvalid", i + 1);
            }
            String label = requiredLine(field + ".label", in.label(), PlanItem.LABEL_MAX);
            Money amount = positiveMoney(field + ".amount", in.amount(), i + 1);
            items.add(new PlanItem(kind, label, amount));
        }
        guard(() -> a.replacePlan(items));
        return saved(a, AuditAction.SAVE_PLAN, items.size() + " plan item(s) saved, difference " + a.planDifference());
    }

    @RolesAllowed(Roles.ENTREPRENEUR)
    public ApplicationViews.Detail saveImpact(long id, long expectedVersion, @Valid ImpactInput in) {
        Application a = owned(id, expectedVersion);
        String utility = optionalText("socialUtility", in.socialUtility(), Application.SOCIAL_UTILITY_MAX);
        guard(() -> a.describeImpact(in.jobsCreated(), in.jobsMaintained(), in.beneficiaries(), utility));
        return saved(a, AuditAction.SAVE_IMPACT, "Impact step saved");
    }

    /**
     * Saves any of the steps in one transaction (the API's PUT): the version is checked once, then
     * each part given replaces what was there.
     */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public ApplicationViews.Detail update(long id, long expectedVersion, ProjectInput project, List<LineInput> lines,
                                          List<PlanItemInput> plan, @Valid ImpactInput impact) {
        ApplicationViews.Detail result = detail(owned(id, expectedVersion));
        if (project != null) {
            // Fields left out keep their value: a PUT may send only what changed.
            ProjectInput merged = new ProjectInput(project.title() == null ? result.title() : project.title(),
                    project.stage() == null ? (result.stage() == null ? null : Stage.valueOf(result.stage())) : project.stage(),
                    project.description() == null ? result.description() : project.description(),
                    project.territory() == null ? result.territory() : project.territory());
            result = saveProject(id, -1, merged);
        }
        if (lines != null) {
            result = saveLines(id, -1, lines);
        }
        if (plan != null) {
            result = savePlan(id, -1, plan);
        }
        if (impact != null) {
            result = saveImpact(id, -1, impact);
        }
        return result;
    }

    /** Submits a complete draft: the status moves to SUBMITTED and the applicant is sent an acknowledgement. */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public ApplicationViews.Detail submit(long id, long expectedVersion) {
        Application a = owned(id, expectedVersion);
        int documents = documentCount(a);
        // the file is submitted under the association's rules in force, which it keeps from now on
        AssociationRules inForce = rules.inForce(a.association());
        inForce.checkAll(a.getRequestedLines());
        List<MissingPiece> checklist = access.missingDocuments(a, inForce);
        try {
            a.submitComplete(caller.email(), Instant.now(clock), documents, checklist, inForce.getId());
        } catch (IncompleteApplicationException e) {
            throw new IncompleteException(e.missing().stream().map(ApplicationViews.Missing::of).toList());
        }
        em.flush();
        audit.record(caller.email(), "Application", a.getId(), AuditAction.SUBMIT, "Application " + a.getReference() + " submitted");
        mail.applicationSubmitted(caller.email(), MailTemplates.recipientLocale(caller.account().getPreferredLocale()), a.getReference(),
                a.getTitle());
        return detail(a);
    }

    /** The applicant answers an information request: the file goes back to review. */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public ApplicationViews.Detail answerInformation(long id, long expectedVersion, String answer) {
        return answerInformation(id, expectedVersion, answer, null, null);
    }

    /**
     * The applicant answers with a file attached (a quote, a statement asked for): the file is checked as any
     * document and kept with the answer in the thread, in the same transaction, so that a refused file leaves
     * the request unanswered and nothing stored. No file ({@code fileName} null) is the plain answer.
     */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public ApplicationViews.Detail answerInformation(long id, long expectedVersion, String answer, String fileName,
            byte[] content) {
        Application a = owned(id, expectedVersion);
        String text = requiredText("answer", answer, ApplicationMessage.BODY_MAX);
        ApplicationDocument document = fileName == null ? null : attachment(a, "attachment", fileName, content);
        Instant now = Instant.now(clock);
        a.answerInformation(caller.email(), now, text);
        em.persist(new ApplicationMessage(a, caller.email(), ApplicationMessage.Side.APPLICANT, text,
                document == null ? null : document.getId(), now));
        em.flush();
        audit.record(caller.email(), "Application", a.getId(), AuditAction.ANSWER_INFORMATION, "Information request answered"
                + (document == null ? "" : " with document " + document.getId() + " (sha256 " + document.getSha256() + ")"));
        return detail(a);
    }

    /**
     * An owner deletes a draft never submitted, with everything in it (lines, plan, documents, thread),
     * as the retention job deletes an abandoned one: a file once submitted is withdrawn, never deleted.
     * Another's file is not found; a file no longer a draft is a conflict and stays as it was.
     */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public void deleteDraft(long id, long expectedVersion) {
        Application a = owned(id, expectedVersion);
        if (a.getStatus() != ApplicationStatus.DRAFT) {
            throw new ConflictException("NOT_DRAFT", "application.deleteNotDraft", a.getReference().toString());
        }
        String reference = a.getReference().toString();
        // the row is locked by owned(); the entity leaves the context so that nothing writes it back
        em.detach(a);
        anonymiser.deleteDraft(id);
        audit.record(caller.email(), "Application", id, AuditAction.DELETE, "Draft " + reference + " deleted by its owner");
    }

    /** The applicant withdraws the application, before any decision, giving a reason. */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public ApplicationViews.Detail withdraw(long id, long expectedVersion, String reason) {
        Application a = owned(id, expectedVersion);
        String text = requiredText("reason", reason, 2000);
        a.withdraw(caller.email(), Instant.now(clock), text);
        em.flush();
        audit.record(caller.email(), "Application", a.getId(), AuditAction.WITHDRAW, "Application withdrawn (reason in the file)");
        return detail(a);
    }

    /** The latest decision on an application, for its owners and its association's staff. */
    @RolesAllowed({Roles.ENTREPRENEUR, Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.ADMIN})
    public Optional<ApplicationViews.DecisionView> decision(long id) {
        return latestDecision(visible(id)).map(ApplicationViews.DecisionView::of);
    }

    /** The decision letter as a PDF, in the caller's language. */
    @RolesAllowed({Roles.ENTREPRENEUR, Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.ADMIN})
    public byte[] decisionLetter(long id, Locale locale) {
        Decision d = latestDecision(visible(id))
                .orElseThrow(() -> new NotFoundException("decision"));
        return DecisionLetter.pdf(d, locale, LocalDate.now(NETWORK_ZONE));
    }

    /**
     * The latest decision on the application. Staff see it as soon as it is recorded; the applicant
     * once the session that made it is closed and the decision final.
     */
    private Optional<Decision> latestDecision(Application a) {
        boolean staff = Access.isStaffOf(caller.account(), a.getEnterprise())
                || !a.getEnterprise().isOwnedBy(caller.account());
        String finalOnly = staff ? "" : " AND (i IS NULL OR s.status = fr.essor.model.committee.SessionStatus.CLOSED)";
        return em.createQuery("SELECT d FROM Decision d LEFT JOIN d.agendaItem i LEFT JOIN i.session s"
                        + " WHERE d.application = :a" + finalOnly + " ORDER BY d.decidedAt DESC, d.id DESC",
                        Decision.class)
                .setParameter("a", a).setMaxResults(1).getResultList().stream().findFirst();
    }

    /** An advisor of the application's association takes a submitted file into review. */
    @RolesAllowed(Roles.ADVISOR)
    public ApplicationViews.Detail startReview(long id, long expectedVersion) {
        Application a = staffLocked(id, expectedVersion);
        a.startReview(caller.email(), Instant.now(clock));
        em.flush();
        audit.record(caller.email(), "Application", a.getId(), AuditAction.START_REVIEW, "Review started");
        return detail(a);
    }

    /**
     * An advisor asks the applicant for information: the question goes to the timeline and the
     * thread, the status to INFO_REQUESTED, and each owner gets a mail.
     */
    @RolesAllowed(Roles.ADVISOR)
    public ApplicationViews.Detail requestInformation(long id, long expectedVersion, String question) {
        Application a = staffLocked(id, expectedVersion);
        String text = requiredText("question", question, ApplicationMessage.BODY_MAX);
        Instant now = Instant.now(clock);
        a.requestInformation(caller.email(), now, text);
        em.persist(new ApplicationMessage(a, caller.email(), ApplicationMessage.Side.ADVISOR, text, null, now));
        em.flush();
        audit.record(caller.email(), "Application", a.getId(), AuditAction.REQUEST_INFORMATION, "Information requested");
        for (UserAccount owner : a.getEnterprise().getOwners()) {
            mail.informationRequested(owner.getEmail(), MailTemplates.recipientLocale(owner.getPreferredLocale()),
                    a.getReference(), text);
        }
        return detail(a);
    }

    private Application staffLocked(long id, long expectedVersion) {
        return access.staffLocked(id, expectedVersion);
    }

    /** The message thread of an application, oldest first, for its owners and its association's staff. */
    @RolesAllowed({Roles.ENTREPRENEUR, Roles.ADVISOR, Roles.ADMIN})
    public List<ApplicationViews.Message> messages(long id) {
        Application a = visible(id);
        return em.createQuery("SELECT m FROM ApplicationMessage m WHERE m.application = :a ORDER BY m.sentAt, m.id",
                        ApplicationMessage.class)
                .setParameter("a", a).getResultList().stream().map(ApplicationViews.Message::of).toList();
    }

    /** Adds a message to the thread, from the applicant or from staff of the association. */
    @RolesAllowed({Roles.ENTREPRENEUR, Roles.ADVISOR})
    public ApplicationViews.Message postMessage(long id, String body, Long documentId) {
        Application a = visible(id);
        UserAccount me = caller.account();
        String text = requiredText("body", body, ApplicationMessage.BODY_MAX);
        ApplicationMessage.Side side = a.getEnterprise().isOwnedBy(me) ? ApplicationMessage.Side.APPLICANT
                : ApplicationMessage.Side.ADVISOR;
        if (documentId != null) {
            ApplicationDocument d = em.find(ApplicationDocument.class, documentId);
            if (d == null || !d.getApplication().getId().equals(a.getId())) {
                throw new InvalidInputException("documentId", "message.documentUnknown");
            }
        }
        ApplicationMessage m = new ApplicationMessage(a, me.getEmail(), side, text, documentId, Instant.now(clock));
        em.persist(m);
        em.flush();
        audit.record(me.getEmail(), "Application", a.getId(), AuditAction.MESSAGE, "Message posted by " + side);
        return ApplicationViews.Message.of(m);
    }

    /**
     * Adds a message with a file attached, from the applicant or from staff, while the file is not
     * closed: the file is checked as any document (type from the content, size) and kept with the
     * thread, apart from the application's documents (which the submitted file freezes).
     */
    @RolesAllowed({Roles.ENTREPRENEUR, Roles.ADVISOR})
    public ApplicationViews.Message postMessageWithAttachment(long id, String body, String fileName, byte[] content) {
        Application a = visible(id);
        if (a.getStatus().isTerminal()) {
            throw new ConflictException("NOT_EDITABLE", "application.notEditable");
        }
        String text = requiredText("body", body, ApplicationMessage.BODY_MAX);
        ApplicationDocument document = attachment(a, "file", fileName, content);
        UserAccount me = caller.account();
        Instant now = Instant.now(clock);
        ApplicationMessage.Side side = a.getEnterprise().isOwnedBy(me) ? ApplicationMessage.Side.APPLICANT
                : ApplicationMessage.Side.ADVISOR;
        ApplicationMessage m = new ApplicationMessage(a, me.getEmail(), side, text, document.getId(), now);
        em.persist(m);
        em.flush();
        audit.record(me.getEmail(), "Application", a.getId(), AuditAction.MESSAGE, "Message posted by " + side + " with document "
                + document.getId() + " (sha256 " + document.getSha256() + ")");
        return ApplicationViews.Message.of(m);
    }

    /**
     * A file attached to the thread, checked as any document (type from the content, size; a refusal on
     * {@code field}) and stored apart from the application's documents, which the submitted file freezes.
     */
    private ApplicationDocument attachment(Application a, String field, String fileName, byte[] content) {
        if (access.attachmentCount(a) >= DocumentService.MAX_DOCUMENTS) {
            throw new ConflictException("TOO_MANY_DOCUMENTS", "message.tooManyAttachments", DocumentService.MAX_DOCUMENTS);
        }
        DocumentCheck check = DocumentRules.check(fileName, content == null ? new byte[0] : content);
        if (check instanceof DocumentCheck.Rejected rejected) {
            throw new InvalidInputException(field, "document." + rejected.reason().name(), DocumentRules.MAX_BYTES / (1024 * 1024));
        }
        DocumentCheck.Accepted ok = (DocumentCheck.Accepted) check;
        ApplicationDocument document = ApplicationDocument.threadAttachment(a, ok.fileName(), ok.format().mediaType(),
                ok.size(), ok.sha256(), caller.email(), Instant.now(clock));
        em.persist(document);
        em.flush();
        em.persist(new DocumentContent(document.getId(), content));
        return document;
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private ApplicationViews.Detail saved(Application a, AuditAction action, String summary) {
        em.flush();
        audit.record(caller.email(), "Application", a.getId(), action, summary);
        return detail(a);
    }

    private ApplicationViews.Detail detail(Application a) {
        return access.detail(a);
    }

    private int documentCount(Application a) {
        return access.documentCount(a);
    }

    private Application owned(long id, long expectedVersion) {
        return access.owned(id, expectedVersion);
    }

    private Application visible(long id) {
        return access.visible(id);
    }

    private static Money positiveMoney(String field, BigDecimal value, int n) {
        Money m = Lines.money(field, value, n);
        if (!m.isPositive()) {
            throw new InvalidInputException(field, "line.amountPositive", n);
        }
        return m;
    }

    private static Stage stage(Stage value) {
        if (value == null) {
            throw new InvalidInputException("stage", "project.stageRequired");
        }
        return value;
    }

    /** Multi-line free text (line breaks and tabs allowed), required. */
    static String requiredText(String field, String value, int max) {
        return required(field, value, max, true);
    }

    /** A single line of free text (a title, a name, a label), required. */
    static String requiredLine(String field, String value, int max) {
        return required(field, value, max, false);
    }

    private static String required(String field, String value, int max, boolean multiline) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new InvalidInputException(field, "field.required");
        }
        return checked(field, v, max, multiline);
    }

    /** Multi-line free text, optional (blank is null). */
    static String optionalText(String field, String value, int max) {
        String v = value == null ? "" : value.strip();
        return v.isEmpty() ? null : checked(field, v, max, true);
    }

    static String optionalLine(String field, String value, int max) {
        String v = value == null ? "" : value.strip();
        return v.isEmpty() ? null : checked(field, v, max, false);
    }

    /** Length and the one free-text rule of the model (no control or direction-override characters). */
    private static String checked(String field, String v, int max, boolean multiline) {
        if (v.length() > max) {
            throw new InvalidInputException(field, "field.tooLong", max);
        }
        if (!FreeText.isClean(v, multiline)) {
            throw new InvalidInputException(field, "text.invalidCharacters");
        }
        return v;
    }

    private static void guard(Runnable change) {
        try {
            change.run();
        } catch (EssorDomainException e) {
            if (e instanceof RuleException) {
                throw e; // a refused status change: RuleRefusals tells which
            }
            throw new ConflictException("NOT_EDITABLE", "application.notEditable");
        }
    }
}
