package fr.essor.service.application;

import fr.essor.model.application.Application;
import fr.essor.model.application.ApplicationDocument;
import fr.essor.model.application.ApplicationMessage;
import fr.essor.model.application.ApplicationStatus;
import fr.essor.model.application.FinancingLine;
import fr.essor.model.application.MissingPiece;
import fr.essor.model.application.PlanItem;
import fr.essor.model.application.StatusChange;
import fr.essor.model.committee.Decision;
import fr.essor.model.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What pages and the API show of an application; plain values, no entities. */
public final class ApplicationViews {

    private ApplicationViews() {
    }

    public record Summary(long id, String reference, String title, String status, String enterpriseName, Instant createdAt,
                          Instant submittedAt) {
    }

    public record Line(String instrument, BigDecimal amount, Integer durationMonths, String bankName,
                       BigDecimal bankLoanAmount, BigDecimal guaranteedShare) {

        public static Line of(FinancingLine l) {
            return new Line(l.getInstrument().name(), ApplicationViews.amount(l.getAmount()), l.getDurationMonths(), l.getBankName(),
                    ApplicationViews.amount(l.getBankLoanAmount()), l.getGuaranteedShare());
        }
    }

    public record Item(String kind, String label, BigDecimal amount) {

        public static Item of(PlanItem p) {
            return new Item(p.getKind().name(), p.getLabel(), ApplicationViews.amount(p.getAmount()));
        }

        /** The items of one kind ({@code USE}: the needs, {@code SOURCE}: the sources), in their order. */
        public static List<Item> ofKind(List<Item> items, PlanItem.Kind kind) {
            return items.stream().filter(i -> kind.name().equals(i.kind())).toList();
        }

        /** The sum of the items' amounts (zero for none). */
        public static BigDecimal total(List<Item> items) {
            return items.stream().map(Item::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    public record Document(long id, String kind, String fileName, String mediaType, long sizeBytes, String sha256,
                           Instant uploadedAt) {

        public static Document of(ApplicationDocument d) {
            return new Document(d.getId(), d.getKind().name(), d.getFileName(), d.getMediaType(), d.getSizeBytes(),
                    d.getSha256(), d.getUploadedAt());
        }
    }

    /** One entry of the timeline the applicant sees: a status change and its public comment. */
    public record Step(String from, String to, Instant at, String comment) {

        static Step of(StatusChange c) {
            return new Step(c.getFromStatus() == null ? null : c.getFromStatus().name(), c.getToStatus().name(),
                    c.getOccurredAt(), c.isVisibleToApplicant() ? c.getComment() : null);
        }
    }

    public record Message(long id, String author, String side, String body, Long documentId, Instant sentAt) {

        static Message of(ApplicationMessage m) {
            return new Message(m.getId(), m.getAuthor(), m.getSide().name(), m.getBody(), m.getDocumentId(), m.getSentAt());
        }
    }

    public record Missing(String step, String messageKey, String detail) {

        static Missing of(MissingPiece p) {
            return new Missing(p.step().name(), p.messageKey(), p.detail() == null ? null : p.detail().toString());
        }
    }

    public record Detail(long id, String reference, long enterpriseId, String enterpriseName, String title, String stage,
                         String description, String territory, String status, List<Line> lines, List<Item> plan,
                         BigDecimal totalUses, BigDecimal totalSources, BigDecimal planDifference,
                         BigDecimal jobsCreated, BigDecimal jobsMaintained, Integer beneficiaries, String socialUtility,
                         List<Document> documents, List<Step> timeline, List<Missing> missing, boolean editable,
                         boolean withdrawable, String pendingQuestion, Instant submittedAt, long version) {

        /** The needs of the financing plan. */
        public List<Item> uses() {
            return Item.ofKind(plan, PlanItem.Kind.USE);
        }

        /** The sources of the financing plan. */
        public List<Item> sources() {
            return Item.ofKind(plan, PlanItem.Kind.SOURCE);
        }

        static Detail of(Application a, List<ApplicationDocument> documents) {
            return of(a, documents, false);
        }

        /**
         * With {@code decisionPending}, the file is shown as it was before the committee's decision,
         * which its applicant may not read until the session is closed: ON_AGENDA, without the later steps.
         */
        static Detail of(Application a, List<ApplicationDocument> documents, boolean decisionPending) {
            return of(a, documents, decisionPending, List.of());
        }

        /** {@code checklist}: the documents the association's rules require that a draft lacks. */
        static Detail of(Application a, List<ApplicationDocument> documents, boolean decisionPending,
                         List<MissingPiece> checklist) {
            if (decisionPending) {
                List<StatusChange> shown = new ArrayList<>();
                for (StatusChange c : a.history()) {
                    shown.add(c);
                    if (c.getToStatus() == ApplicationStatus.ON_AGENDA) {
                        break;
                    }
                }
                Detail d = of(a, documents, false);
                return new Detail(d.id(), d.reference(), d.enterpriseId(), d.enterpriseName(), d.title(), d.stage(),
                        d.description(), d.territory(), ApplicationStatus.ON_AGENDA.name(), d.lines(),
                        d.plan(), d.totalUses(), d.totalSources(), d.planDifference(), d.jobsCreated(), d.jobsMaintained(),
                        d.beneficiaries(), d.socialUtility(), d.documents(), shown.stream().map(Step::of).toList(), List.of(),
                        false, false, null, d.submittedAt(), d.version());
            }
            List<Step> timeline = a.history().stream().map(Step::of).toList();
            String question = null;
            if (a.getStatus() == ApplicationStatus.INFO_REQUESTED && !a.history().isEmpty()) {
                question = a.history().get(a.history().size() - 1).getComment();
            }
            return new Detail(a.getId(), a.getReference().toString(), a.getEnterprise().getId(),
                    a.getEnterprise().getLegalName(), a.getTitle(), a.getStage().name(), a.getDescription(), a.getTerritory(),
                    a.getStatus().name(), a.getRequestedLines().stream().map(Line::of).toList(),
                    a.getPlan().stream().map(Item::of).toList(), amount(a.totalUses()), amount(a.totalSources()),
                    amount(a.planDifference()), a.getJobsCreated(), a.getJobsMaintained(), a.getBeneficiaries(),
                    a.getSocialUtility(), documents.stream().map(Document::of).toList(), timeline,
                    a.getStatus() == ApplicationStatus.DRAFT
                            ? Stream.concat(a.missingPieces(documents.size()).stream(), checklist.stream())
                                    .map(Missing::of).toList() : List.of(),
                    a.isEditableByApplicant(), a.getStatus().canMoveTo(ApplicationStatus.WITHDRAWN),
                    question, a.getSubmittedAt(), a.getVersion());
        }
    }

    /** The committee's decision as the applicant reads it. */
    public record DecisionView(String outcome, List<Line> grantedLines, BigDecimal totalGranted, String conditions,
                               String reasons, LocalDate decisionDate) {

        public static DecisionView of(Decision d) {
            Money total = Money.zero();
            for (FinancingLine l : d.getGrantedLines()) {
                total = total.plus(l.getAmount());
            }
            return new DecisionView(d.getOutcome().name(), d.getGrantedLines().stream().map(Line::of).toList(),
                    total.amount(), d.getConditions(), d.getReasons(), d.getDecisionDate());
        }
    }

    static BigDecimal amount(Money m) {
        return m == null ? null : m.amount();
    }
}
