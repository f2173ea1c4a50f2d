package fr.essor.service.agreement;

import fr.essor.model.account.UserAccount;
import fr.essor.model.agreement.Agreement;
import fr.essor.model.agreement.AgreementContent;
import fr.essor.model.agreement.AgreementKind;
import fr.essor.model.agreement.AgreementStatus;
import fr.essor.model.agreement.AgreementTemplate;
import fr.essor.model.agreement.TemplateText;
import fr.essor.model.application.Application;
import fr.essor.model.application.ApplicationDocument;
import fr.essor.model.application.ApplicationStatus;
import fr.essor.model.application.DocumentKind;
import fr.essor.model.association.Association;
import fr.essor.model.committee.DecisionCondition;
import fr.essor.model.committee.GrantedLine;
import fr.essor.model.document.DocumentCheck;
import fr.essor.model.document.DocumentFormat;
import fr.essor.model.shared.Crypto;
import fr.essor.service.application.ApplicationAccess;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.security.Access;
import fr.essor.service.security.UseCaseService;
import fr.essor.service.shared.ConflictException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.Locking;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Roles;
import fr.essor.service.shared.RuleRefusals;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Agreements (issue 13, item 2): the templates an administrator writes per association (each save a
 * new version, previewed as a PDF before), the agreements of an approved file generated from them
 * (one per granted line, keeping the template version used), the signed copy the entrepreneur
 * uploads (a PDF, checked as every upload is) and the advisor's decision on it. A file becomes
 * CONTRACTED only when every agreement generated for it is signed ({@link #requireSigned}).
 */
@Stateless
@Interceptors(RuleRefusals.class)
public class AgreementService extends UseCaseService {

    static final ZoneId NETWORK_ZONE = ZoneId.of("Europe/Paris");
    /** The versions of one template listed at most. */
    public static final int MAX_HISTORY = 50;

    @Inject
    private ApplicationAccess applications;

    private final Clock clock = Clock.systemUTC();

    // ---- templates -----------------------------------------------------------------------------------

    /**
     * The current version of each template of the association (by its code), kind by kind and language by
     * language; the network's model text (number 0) where the association has saved none.
     */
    @RolesAllowed(Roles.ADMIN)
    public List<AgreementViews.Template> templates(String associationCode) {
        Association association = administered(associationCode);
        List<AgreementViews.Template> out = new ArrayList<>();
        for (AgreementKind kind : AgreementKind.values()) {
            for (String language : AgreementTemplate.LANGUAGES) {
                AgreementTemplate t = latest(association, kind, language);
                out.add(t != null ? AgreementViews.Template.of(t) : new AgreementViews.Template(0, association.getCode(), kind.name(),
                        language, 0, DefaultTemplates.body(kind, language), null, null));
            }
        }
        return out;
    }

    /** Every saved version of one template, the newest first. */
    @RolesAllowed(Roles.ADMIN)
    public List<AgreementViews.Template> history(String associationCode, AgreementKind kind, String language) {
        Association association = administered(associationCode);
        return em.createQuery("SELECT t FROM AgreementTemplate t WHERE t.association = :a AND t.kind = :k AND t.language = :l"
                        + " ORDER BY t.number DESC", AgreementTemplate.class)
                .setParameter("a", association).setParameter("k", kind).setParameter("l", language)
                .setMaxResults(MAX_HISTORY).getResultList().stream().map(AgreementViews.Template::of).toList();
    }

    /**
     * Saves the next version of a template; an unknown placeholder is refused on the body, naming it.
     * Two administrators saving at once are put one after the other (the association's row is locked).
     */
    @RolesAllowed(Roles.ADMIN)
    public AgreementViews.Template save(String associationCode, AgreementKind kind, String language, String body) {
        Association association = administered(associationCode);
        em.lock(association, LockModeType.PESSIMISTIC_WRITE);
        AgreementTemplate previous = kind == null ? null : latest(association, kind, language);
        AgreementTemplate t = AgreementTemplate.next(previous, association, kind, language, body, caller.actor(), Instant.now(clock));
        em.persist(t);
        em.flush();
        audit.record(caller.actor(), "AgreementTemplate", t.getId(), AuditAction.AGREEMENT_TEMPLATE_SAVED,
                "Template " + kind + "/" + language + " of " + association.getCode() + ", version " + t.getNumber()
                        + " (sha256 " + Crypto.sha256Hex(t.getBody()) + ")");
        return AgreementViews.Template.of(t);
    }

    /** The PDF a template text would give, on a made-up file: nothing is saved; the text is checked as on save. */
    @RolesAllowed(Roles.ADMIN)
    public byte[] preview(String associationCode, AgreementKind kind, String language, String body) {
        Association association = administered(associationCode);
        if (kind == null) {
            throw new InvalidInputException("kind", "field.required");
        }
        if (language == null || !AgreementTemplate.LANGUAGES.contains(language)) {
            throw new InvalidInputException("language", "field.invalidChoice");
        }
        String checked = TemplateText.check(body);
        AgreementTemplate current = latest(association, kind, language);
        Locale locale = Locale.forLanguageTag(language);
        return AgreementPdf.pdf(checked, AgreementFields.sample(association.getName(), kind,
                current == null ? 1 : current.getNumber() + 1, locale, today()), title(kind, locale));
    }

    // ---- the agreements of a file ------------------------------------------------------------------------

    /**
     * Generates the agreement of each granted line of an approved file that has none yet (an equity
     * line has none), from the current version of the association's template in that language.
     */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public List<AgreementViews.Item> generate(long applicationId, String language) {
        Application a = em.find(Application.class, applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || !Access.isStaffOf(caller.account(), a.getEnterprise())) {
            throw new NotFoundException("application");
        }
        String lang = language == null || language.isBlank() ? "fr" : language.strip().toLowerCase(Locale.ROOT);
        if (!AgreementTemplate.LANGUAGES.contains(lang)) {
            throw new InvalidInputException("language", "field.invalidChoice");
        }
        if (a.getStatus() != ApplicationStatus.APPROVED || applications.decisionPending(a)) {
            throw new ConflictException("AGREEMENT_RULE", "agreement.notApproved");
        }
        List<GrantedLine> lines = em.createQuery("SELECT g FROM GrantedLine g WHERE g.decision.application = :a"
                        + " AND g.decision.outcome = fr.essor.model.application.DecisionOutcome.APPROVED"
                        + " AND NOT EXISTS (SELECT x FROM Agreement x WHERE x.line = g) ORDER BY g.decision.id, g.lineNo",
                        GrantedLine.class)
                .setParameter("a", a).getResultList();
        Locale locale = Locale.forLanguageTag(lang);
        LocalDate today = today();
        Instant now = Instant.now(clock);
        int made = 0;
        for (GrantedLine line : lines) {
            AgreementKind kind = AgreementKind.of(line.getLine().getInstrument());
            if (kind == null) {
                continue;
            }
            AgreementTemplate template = latest(a.association(), kind, lang);
            if (template == null) {
                throw new ConflictException("AGREEMENT_RULE", "agreement.noTemplate", title(kind, locale), lang);
            }
            List<DecisionCondition> conditions = em.createQuery("SELECT c FROM DecisionCondition c WHERE c.decision = :d"
                    + " ORDER BY c.dueDate, c.id", DecisionCondition.class).setParameter("d", line.getDecision()).getResultList();
            Map<String, String> values = AgreementFields.of(line, conditions, template.getNumber(), locale, today);
            byte[] pdf = AgreementPdf.pdf(template.getBody(), values, title(kind, locale) + " " + a.getReference());
            Agreement agreement = new Agreement(line, template, Crypto.sha256Hex(pdf), caller.email(), now);
            em.persist(agreement);
            em.flush();
            em.persist(new AgreementContent(agreement.getId(), pdf));
            audit.record(caller.email(), "Application", a.getId(), AuditAction.AGREEMENT_GENERATED, "Agreement "
                    + agreement.getId() + " (" + kind + ", line " + line.getId() + ", template " + template.getId() + " version "
                    + template.getNumber() + ", " + pdf.length + " bytes, sha256 " + agreement.getSha256() + ")");
            made++;
        }
        if (made == 0 && ofFile(a).isEmpty()) {
            throw new ConflictException("AGREEMENT_RULE", "agreement.nothingToGenerate");
        }
        em.flush();
        return ofFile(a);
    }

    /** The agreements of a file, line by line: for its applicants once the decision is final, for its association's staff. */
    @RolesAllowed({Roles.ENTREPRENEUR, Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.ADMIN})
    public List<AgreementViews.Item> ofApplication(long applicationId) {
        Application a = applications.visible(applicationId);
        UserAccount me = caller.account();
        if (a.getEnterprise().isOwnedBy(me) && !Access.isStaffOf(me, a.getEnterprise()) && applications.decisionPending(a)) {
            return List.of();
        }
        return ofFile(a);
    }

    /** The PDF of an agreement as generated. */
    @RolesAllowed({Roles.ENTREPRENEUR, Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.ADMIN})
    public byte[] pdf(long agreementId) {
        Agreement agreement = find(agreementId);
        applications.visible(agreement.getApplication().getId());
        AgreementContent content = em.find(AgreementContent.class, agreement.getId());
        if (content == null) {
            throw new NotFoundException("agreement");
        }
        return content.getContent();
    }

    /** The entrepreneur sends the signed agreement: a PDF, checked from its content as every upload is. */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public AgreementViews.Item upload(long agreementId, String originalFileName, byte[] content) {
        Agreement agreement = find(agreementId);
        Application a = agreement.getApplication();
        if (!a.getEnterprise().isOwnedBy(caller.account()) || applications.decisionPending(a)) {
            throw new NotFoundException("agreement");
        }
        Locking.atVersion(em, agreement, -1);
        if (!agreement.getStatus().canUpload()) {
            throw new ConflictException("AGREEMENT_RULE", "agreement.notUploadable");
        }
        DocumentCheck.Accepted ok = applications.acceptedDocument(a, originalFileName, content);
        if (ok.format() != DocumentFormat.PDF) {
            throw new InvalidInputException("file", "agreement.signedNotPdf");
        }
        ApplicationDocument document = applications.store(a, DocumentKind.OTHER, ok, content, Instant.now(clock));
        agreement.upload(document.getId(), Instant.now(clock));
        em.flush();
        audit.record(caller.email(), "Application", a.getId(), AuditAction.AGREEMENT_UPLOADED, "Agreement " + agreement.getId()
                + ": signed copy, document " + document.getId() + " (" + ok.size() + " bytes, sha256 " + ok.sha256() + ")");
        return AgreementViews.Item.of(agreement);
    }

    /** The advisor checked the signed copy: the agreement is signed (comment optional). */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public AgreementViews.Item sign(long agreementId, String comment) {
        Agreement agreement = decidable(agreementId);
        agreement.sign(comment, caller.email(), Instant.now(clock));
        em.flush();
        audit.record(caller.email(), "Application", agreement.getApplication().getId(), AuditAction.AGREEMENT_SIGNED,
                "Agreement " + agreement.getId() + " signed (document " + agreement.getSignedDocumentId() + ")");
        return AgreementViews.Item.of(agreement);
    }

    /** The advisor refuses the signed copy sent, saying why; the entrepreneur uploads again. */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public AgreementViews.Item refuse(long agreementId, String comment) {
        Agreement agreement = decidable(agreementId);
        agreement.refuse(comment, caller.email(), Instant.now(clock));
        em.flush();
        audit.record(caller.email(), "Application", agreement.getApplication().getId(), AuditAction.AGREEMENT_REFUSED,
                "Agreement " + agreement.getId() + " refused: " + agreement.getComment());
        return AgreementViews.Item.of(agreement);
    }

    /**
     * A file becomes CONTRACTED only when every agreement generated for it is signed: refused with 409
     * {@code AGREEMENT_UNSIGNED}, naming how many are not and the first of them.
     */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public void requireSigned(long applicationId) {
        List<Agreement> unsigned = em.createQuery("SELECT x FROM Agreement x WHERE x.application.id = :a AND x.status <> :s"
                        + " ORDER BY x.line.lineNo", Agreement.class)
                .setParameter("a", applicationId).setParameter("s", AgreementStatus.SIGNED).getResultList();
        if (!unsigned.isEmpty()) {
            Agreement first = unsigned.get(0);
            throw new ConflictException("AGREEMENT_UNSIGNED", "agreement.unsigned", unsigned.size(), first.getId(),
                    first.getKind().name());
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private List<AgreementViews.Item> ofFile(Application a) {
        return em.createQuery("SELECT x FROM Agreement x JOIN FETCH x.line WHERE x.application = :a ORDER BY x.line.lineNo, x.id",
                        Agreement.class)
                .setParameter("a", a).getResultList().stream().map(AgreementViews.Item::of).toList();
    }

    private AgreementTemplate latest(Association association, AgreementKind kind, String language) {
        List<AgreementTemplate> found = em.createQuery("SELECT t FROM AgreementTemplate t WHERE t.association = :a"
                        + " AND t.kind = :k AND t.language = :l ORDER BY t.number DESC", AgreementTemplate.class)
                .setParameter("a", association).setParameter("k", kind).setParameter("l", language)
                .setMaxResults(1).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** The association whose templates the caller administers: his own; a national admin any (by code). */
    private Association administered(String associationCode) {
        UserAccount me = caller.account();
        String code = associationCode == null ? "" : associationCode.strip();
        if (code.isEmpty() && me.getAssociation() != null) {
            return me.getAssociation();
        }
        List<Association> found = em.createQuery("SELECT a FROM Association a WHERE a.code = :c", Association.class)
                .setParameter("c", code).getResultList();
        if (found.isEmpty() || me.getAssociation() != null && !me.getAssociation().getId().equals(found.get(0).getId())) {
            throw new NotFoundException("association");
        }
        return found.get(0);
    }

    private Agreement find(long id) {
        Agreement agreement = em.find(Agreement.class, id);
        if (agreement == null) {
            throw new NotFoundException("agreement");
        }
        return agreement;
    }

    /** An agreement of the caller's association, locked. */
    private Agreement decidable(long id) {
        Agreement agreement = find(id);
        if (!Access.isStaffOf(caller.account(), agreement.getApplication().getEnterprise())) {
            throw new NotFoundException("agreement");
        }
        return Locking.atVersion(em, agreement, -1);
    }

    static String title(AgreementKind kind, Locale locale) {
        return AgreementFields.text(locale).getString("title." + kind.name());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(NETWORK_ZONE));
    }
}
