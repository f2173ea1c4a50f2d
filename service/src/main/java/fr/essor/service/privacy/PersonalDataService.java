package fr.essor.service.privacy;

import fr.essor.model.account.UserAccount;
import fr.essor.model.agreement.AgreementContent;
import fr.essor.model.application.DocumentContent;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.mail.MailKind;
import fr.essor.service.security.UseCaseService;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.persistence.Query;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A person's rights of access and over their mail (issue 16): the export of everything Essor holds
 * about an entrepreneur and his enterprises, and the optional mails each user switches on or off.
 * What the export holds and leaves out is written in docs/PRIVACY.md, "Access and export"; the
 * SELECTs below are that list, each bound to the caller's own account or enterprises.
 */
@Stateless
public class PersonalDataService extends UseCaseService {

    /** The version of the export's layout, written in it. */
    public static final int EXPORT_FORMAT = 1;
    static final String JSON_ENTRY = "essor-data.json";

    private final Clock clock = Clock.systemUTC();

    // ---- export ---------------------------------------------------------------------------------

    /**
     * Writes the caller's data to {@code sink}: first {@value #JSON_ENTRY}, then each document of his
     * enterprises' applications under {@code documents/} and each agreement generated for them under
     * {@code agreements/}; records the export in the audit trail.
     * Returns how many documents it wrote.
     */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public int export(ExportSink sink) {
        UserAccount me = caller.account();
        long id = me.getId();
        String email = me.getEmail();
        List<String> documentPaths = new ArrayList<>();
        List<Long> documentIds = new ArrayList<>();
        List<String> agreementPaths = new ArrayList<>();
        List<Long> agreementIds = new ArrayList<>();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        JsonGeneratorFactory factory = Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        try (JsonGenerator g = factory.createGenerator(json, StandardCharsets.UTF_8)) {
            g.writeStartObject();
            g.write("format", EXPORT_FORMAT);
            g.write("generatedAt", Instant.now(clock).toString());
            g.write("about", "Everything Essor holds about the account below and the enterprises it owns."
                    + " Fields named *By or author hold a person's address only when it is yours; staff are named by their side.");

            g.writeStartObject("account");
            Object[] a = one("SELECT a.email, a.display_name, a.created_at, a.preferred_locale, a.active, s.code, s.name"
                    + " FROM user_account a LEFT JOIN association s ON s.id = a.association_id WHERE a.id = ?1", id);
            fields(g, a, "email", "displayName", "createdAt", "preferredLocale", "active", "associationCode", "associationName");
            g.writeStartArray("roles");
            me.getRoles().stream().map(Enum::name).sorted().forEach(g::write);
            g.writeEnd();
            g.writeEnd();

            g.writeStartArray("mailPreferences");
            for (MailPreference p : preferencesOf(me)) {
                g.writeStartObject().write("kind", p.kind()).write("optional", p.optional()).write("receive", p.receive()).writeEnd();
            }
            g.writeEnd();

            g.writeStartArray("coOwnerInvitations");
            for (Object[] r : rows("SELECT e.legal_name, i.invited_at, i.expires_at, i.accepted_at, i.declined_at"
                    + " FROM co_owner_invitation i JOIN enterprise e ON e.id = i.enterprise_id WHERE i.email = ?1 ORDER BY i.id", email)) {
                object(g, r, "enterprise", "invitedAt", "expiresAt", "acceptedAt", "declinedAt");
            }
            g.writeEnd();

            g.writeStartArray("enterprises");
            for (Object[] e : rows("SELECT e.id, e.legal_name, e.siret, e.legal_form, e.esus_approved, e.address_line, e.postal_code,"
                    + " e.city, e.department, e.sector, e.creation_date, e.employees_fte, s.code, s.name FROM enterprise e"
                    + " JOIN enterprise_owner o ON o.enterprise_id = e.id AND o.account_id = ?1"
                    + " JOIN association s ON s.id = e.association_id ORDER BY e.id", id)) {
                long enterprise = ((Number) e[0]).longValue();
                g.writeStartObject();
                fields(g, Arrays.copyOfRange(e, 1, e.length), "legalName", "siret", "legalForm", "esusApproved", "addressLine",
                        "postalCode", "city", "department", "sector", "creationDate", "employeesFte", "associationCode",
                        "associationName");
                g.writeStartArray("supportRecords");
                for (Object[] r : rows("SELECT support_date, kind, duration_minutes, notes, created_at FROM support_record"
                        + " WHERE enterprise_id = ?1 ORDER BY support_date, id", enterprise)) {
                    object(g, r, "date", "kind", "durationMinutes", "notes", "createdAt");
                }
                g.writeEnd();
                g.writeStartArray("applications");
                for (Object[] app : rows("SELECT id, reference, title, stage, description, status, created_at, submitted_at, decided_at,"
                        + " territory, jobs_created, jobs_maintained, beneficiaries, social_utility FROM application"
                        + " WHERE enterprise_id = ?1 ORDER BY id", enterprise)) {
                    application(g, app, email, documentIds, documentPaths);
                    afterDecision(g, app, email, agreementIds, agreementPaths);
                    g.writeEnd();
                }
                g.writeEnd();
                g.writeEnd();
            }
            g.writeEnd();

            g.writeStartArray("mails");
            for (Object[] r : rows("SELECT kind, subject, body, status, created_at, sent_at FROM outbox_message"
                    + " WHERE recipient = ?1 ORDER BY id", email)) {
                object(g, r, "kind", "subject", "body", "status", "createdAt", "sentAt");
            }
            g.writeEnd();

            g.writeStartArray("auditTrail");
            // his own actions, recorded under his address or, once the trail holds pseudonyms, as account:<id>
            String pseudonym = "account:" + id;
            for (Object[] r : rows("SELECT occurred_at, action, entity_type, entity_id, summary, actor FROM audit_event"
                    + " WHERE actor IN (?1, ?3) OR (entity_type = 'UserAccount' AND entity_id = ?2) ORDER BY id", email,
                    String.valueOf(id), pseudonym)) {
                r[5] = email.equals(r[5]) || pseudonym.equals(r[5]) ? r[5] : null;
                object(g, r, "occurredAt", "action", "entityType", "entityId", "summary", "actor");
            }
            g.writeEnd();
            g.writeEnd();
        }
        sink.entry(JSON_ENTRY, json.toByteArray());
        for (int i = 0; i < documentIds.size(); i++) {
            DocumentContent content = em.find(DocumentContent.class, documentIds.get(i));
            if (content != null) {
                sink.entry(documentPaths.get(i), content.getContent());
                em.detach(content);
            }
        }
        for (int i = 0; i < agreementIds.size(); i++) {
            AgreementContent content = em.find(AgreementContent.class, agreementIds.get(i));
            if (content != null) {
                sink.entry(agreementPaths.get(i), content.getContent());
                em.detach(content);
            }
        }
        audit.record(caller.actor(), "UserAccount", id, AuditAction.EXPORT_PERSONAL_DATA,
                "Export of the person's data (" + documentIds.size() + " documents)");
        return documentIds.size();
    }

    private void application(JsonGenerator g, Object[] app, String email, List<Long> documentIds, List<String> documentPaths) {
        long application = ((Number) app[0]).longValue();
        String reference = String.valueOf(app[1]);
        g.writeStartObject();
        fields(g, Arrays.copyOfRange(app, 1, app.length), "reference", "title", "stage", "description", "status", "createdAt",
                "submittedAt", "decidedAt", "territory", "jobsCreated", "jobsMaintained", "beneficiaries", "socialUtility");
        g.writeStartArray("lines");
        for (Object[] r : rows("SELECT line_no, instrument, amount, duration_months, bank_name, bank_loan_amount, guaranteed_share"
                + " FROM application_line WHERE application_id = ?1 ORDER BY line_no", application)) {
            object(g, r, "line", "instrument", "amount", "durationMonths", "bankName", "bankLoanAmount", "guaranteedShare");
        }
        g.writeEnd();
        g.writeStartArray("plan");
        for (Object[] r : rows("SELECT position, kind, label, amount FROM application_plan_item WHERE application_id = ?1"
                + " ORDER BY position", application)) {
            object(g, r, "position", "kind", "label", "amount");
        }
        g.writeEnd();
        g.writeStartArray("statusChanges");
        // only what the applicant is shown: a change hidden from him is the staff's internal note
        for (Object[] r : rows("SELECT from_status, to_status, occurred_at, comment_text, actor FROM application_status_change"
                + " WHERE application_id = ?1 AND visible_to_applicant = TRUE ORDER BY occurred_at, id", application)) {
            r[4] = email.equals(r[4]) ? r[4] : null;
            object(g, r, "from", "to", "occurredAt", "comment", "actor");
        }
        g.writeEnd();
        g.writeStartArray("decisions");
        for (Object[] d : rows("SELECT id, outcome, conditions, reasons, decision_date, decided_at FROM decision"
                + " WHERE application_id = ?1 ORDER BY id", application)) {
            g.writeStartObject();
            fields(g, Arrays.copyOfRange(d, 1, d.length), "outcome", "conditions", "reasons", "date", "decidedAt");
            g.writeStartArray("lines");
            for (Object[] r : rows("SELECT line_no, instrument, amount, duration_months, bank_name, bank_loan_amount, guaranteed_share"
                    + " FROM granted_line WHERE decision_id = ?1 ORDER BY line_no", ((Number) d[0]).longValue())) {
                object(g, r, "line", "instrument", "amount", "durationMonths", "bankName", "bankLoanAmount", "guaranteedShare");
            }
            g.writeEnd();
            g.writeEnd();
        }
        g.writeEnd();
        g.writeStartArray("messages");
        for (Object[] r : rows("SELECT side, author, body, sent_at, document_id FROM application_message WHERE application_id = ?1"
                + " ORDER BY sent_at, id", application)) {
            r[1] = email.equals(r[1]) ? r[1] : null;
            object(g, r, "side", "author", "body", "sentAt", "documentId");
        }
        g.writeEnd();
        g.writeStartArray("documents");
        for (Object[] r : rows("SELECT id, kind, file_name, media_type, size_bytes, sha256, uploaded_at, uploaded_by, thread_attachment"
                + " FROM application_document WHERE application_id = ?1 ORDER BY id", application)) {
            long document = ((Number) r[0]).longValue();
            String path = "documents/" + safe(reference) + "/" + document + "-" + safe(String.valueOf(r[2]));
            documentIds.add(document);
            documentPaths.add(path);
            r[7] = email.equals(r[7]) ? r[7] : null;
            g.writeStartObject();
            fields(g, r, "id", "kind", "fileName", "mediaType", "sizeBytes", "sha256", "uploadedAt", "uploadedBy", "threadAttachment");
            g.write("file", path);
            g.writeEnd();
        }
        g.writeEnd();
    }

    /**
     * After the decision (issue 13), inside the application's object: the conditions of its approvals,
     * its agreements (each generated PDF under {@code agreements/}; the signed copies are among the
     * documents) and the follow-up of the funded enterprise with its milestones.
     */
    private void afterDecision(JsonGenerator g, Object[] app, String email, List<Long> agreementIds, List<String> agreementPaths) {
        long application = ((Number) app[0]).longValue();
        String reference = String.valueOf(app[1]);
        g.writeStartArray("conditions");
        for (Object[] r : rows("SELECT c.kind, c.text, g.line_no, c.due_date, c.status, c.comment_text, c.decided_at"
                + " FROM decision_condition c JOIN decision d ON d.id = c.decision_id LEFT JOIN granted_line g ON g.id = c.granted_line_id"
                + " WHERE d.application_id = ?1 ORDER BY c.id", application)) {
            object(g, r, "kind", "text", "line", "dueDate", "status", "comment", "decidedAt");
        }
        g.writeEnd();
        g.writeStartArray("agreements");
        for (Object[] r : rows("SELECT a.id, a.kind, g.line_no, a.template_number, a.language, a.status, a.sha256, a.generated_at,"
                + " a.uploaded_at, a.comment_text, a.decided_at, a.signed_document_id FROM agreement a"
                + " JOIN granted_line g ON g.id = a.granted_line_id WHERE a.application_id = ?1 ORDER BY a.id", application)) {
            long agreement = ((Number) r[0]).longValue();
            String path = "agreements/" + safe(reference) + "/" + agreement + "-" + safe(String.valueOf(r[1])) + ".pdf";
            agreementIds.add(agreement);
            agreementPaths.add(path);
            g.writeStartObject();
            fields(g, r, "id", "kind", "line", "templateVersion", "language", "status", "sha256", "generatedAt", "uploadedAt",
                    "comment", "decidedAt", "documentId");
            g.write("file", path);
            g.writeEnd();
        }
        g.writeEnd();
        List<Object[]> followUp = rows("SELECT id, funded_on, declared_jobs, latest_jobs, latest_turnover, closed_on, closure_note"
                + " FROM follow_up WHERE application_id = ?1", application);
        if (followUp.isEmpty()) {
            g.writeNull("followUp");
            return;
        }
        Object[] f = followUp.get(0);
        g.writeStartObject("followUp");
        fields(g, Arrays.copyOfRange(f, 1, f.length), "fundedOn", "declaredJobs", "latestJobs", "latestTurnover", "closedOn",
                "closureNote");
        g.writeStartArray("milestones");
        for (Object[] r : rows("SELECT seq, months_after, due_date, status, still_active, jobs, turnover, difficulties, channel,"
                + " answered_at, answered_by FROM follow_up_milestone WHERE follow_up_id = ?1 ORDER BY seq", ((Number) f[0]).longValue())) {
            r[10] = email.equals(r[10]) ? r[10] : null;
            object(g, r, "position", "monthsAfter", "dueDate", "status", "stillActive", "jobs", "turnover", "difficulties",
                    "channel", "answeredAt", "answeredBy");
        }
        g.writeEnd();
        g.writeEnd();
    }

    /** A name safe as one path segment of a ZIP entry: no separators, no dot-dot, no control characters. */
    static String safe(String name) {
        String s = name.replaceAll("[^\\p{L}\\p{N}._ -]", "_").replace("..", "_").strip();
        return s.isEmpty() ? "_" : s.length() > 120 ? s.substring(0, 120) : s;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... params) {
        Query q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        List<Object[]> result = new ArrayList<>();
        for (Object row : q.getResultList()) {
            result.add(row instanceof Object[] r ? r : new Object[] {row});
        }
        return result;
    }

    private Object[] one(String sql, Object... params) {
        return rows(sql, params).get(0);
    }

    private static void object(JsonGenerator g, Object[] values, String... names) {
        g.writeStartObject();
        fields(g, values, names);
        g.writeEnd();
    }

    private static void fields(JsonGenerator g, Object[] values, String... names) {
        for (int i = 0; i < names.length; i++) {
            Object v = values[i];
            String n = names[i];
            if (v == null) {
                g.writeNull(n);
            } else if (v instanceof Boolean b) {
                g.write(n, b);
            } else if (v instanceof BigDecimal d) {
                g.write(n, d);
            } else if (v instanceof Number x && n.matches("(id|line|position|durationMonths|durationMinutes|beneficiaries|sizeBytes|documentId|templateVersion|monthsAfter)")) {
                g.write(n, x.longValue());
            } else if (v instanceof Number x) {
                g.write(n, new BigDecimal(x.toString()));
            } else if (v instanceof Timestamp t) {
                g.write(n, t.toLocalDateTime().toInstant(ZoneOffset.UTC).toString());
            } else if (v instanceof LocalDateTime t) {
                g.write(n, t.toInstant(ZoneOffset.UTC).toString());
            } else {
                g.write(n, String.valueOf(v));
            }
        }
    }

    // ---- mail preferences -----------------------------------------------------------------------

    /** Every kind of mail, whether it is optional and whether the signed-in user receives it. */
    @PermitAll
    public List<MailPreference> mailPreferences() {
        return preferencesOf(caller.account());
    }

    /**
     * Switches an optional kind of mail on or off for the signed-in user; a mandatory kind is refused
     * on the field {@code kind}. Returns the preferences as they now stand.
     */
    @PermitAll
    public List<MailPreference> receiveMail(MailKind kind, boolean receive) {
        if (kind == null) {
            throw new InvalidInputException("kind", "mailPreference.unknownKind");
        }
        if (!kind.optional()) {
            throw new InvalidInputException("kind", "mailPreference.mandatory");
        }
        UserAccount me = caller.account();
        if (me.receiveMail(kind.name(), receive)) {
            em.flush();
            audit.record(caller.actor(), "UserAccount", me.getId(), AuditAction.MAIL_PREFERENCE,
                    kind + (receive ? " mails switched on" : " mails switched off"));
        }
        return preferencesOf(me);
    }

    private static List<MailPreference> preferencesOf(UserAccount me) {
        return Arrays.stream(MailKind.values())
                .map(k -> new MailPreference(k.name(), k.optional(), !k.optional() || me.receivesMail(k.name())))
                .toList();
    }
}
