package fr.essor.web.api;

import fr.essor.model.application.Instrument;
import fr.essor.model.application.PlanItem;
import fr.essor.model.application.Stage;
import fr.essor.service.application.ApplicationViews;
import fr.essor.service.application.ImpactInput;
import fr.essor.service.application.LineInput;
import fr.essor.service.application.PlanItemInput;
import fr.essor.service.application.ProjectInput;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.web.shared.Params;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Transfer objects of {@code /api/v1/applications}. Amounts travel as strings with two decimals
 * ({@code "1500.00"}). No Bean Validation annotations on record components: Payara 6's OpenAPI
 * generator fails on them; the services validate.
 */
public final class ApplicationJson {

    private ApplicationJson() {
    }

    public record LineDto(String instrument, String amount, Integer durationMonths, String bankName, String bankLoanAmount,
                          String guaranteedShare) {
    }

    public record PlanItemDto(String kind, String label, String amount) {
    }

    public record ImpactDto(String jobsCreated, String jobsMaintained, Integer beneficiaries, String socialUtility) {
    }

    /** Body of POST (enterpriseId required) and PUT (version required) on applications. */
    public record ApplicationRequest(Long enterpriseId, Long version, String title, String stage, String description,
                                     String territory, List<LineDto> lines, List<PlanItemDto> plan, ImpactDto impact) {

        ProjectInput project() {
            return title == null && stage == null && description == null && territory == null ? null
                    : new ProjectInput(title, Params.choice(Stage.class, "stage", stage, "project.stageRequired"), description,
                    territory);
        }

        List<LineInput> lineInputs() {
            return ApplicationJson.lineInputs(lines);
        }

        List<PlanItemInput> planInputs() {
            if (plan == null) {
                return null;
            }
            List<PlanItemInput> result = new ArrayList<>();
            for (int i = 0; i < plan.size(); i++) {
                PlanItemDto p = plan.get(i);
                if (p == null) {
                    throw new InvalidInputException("plan[" + i + "]", "field.required");
                }
                result.add(new PlanItemInput(
                        Params.choice(PlanItem.Kind.class, "plan[" + i + "].kind", p.kind(), "plan.kindInvalid", i + 1),
                        p.label(), Params.decimal("plan[" + i + "].amount", p.amount())));
            }
            return result;
        }

        ImpactInput impactInput() {
            return impact == null ? null : new ImpactInput(Params.decimal("impact.jobsCreated", impact.jobsCreated()),
                    Params.decimal("impact.jobsMaintained", impact.jobsMaintained()), impact.beneficiaries(),
                    impact.socialUtility());
        }
    }

    /** Lines as sent, with their amounts parsed; null stays null. */
    static List<LineInput> lineInputs(List<LineDto> lines) {
        if (lines == null) {
            return null;
        }
        List<LineInput> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineDto l = lines.get(i);
            String f = "lines[" + i + "]";
            result.add(l == null ? null : new LineInput(Params.choice(Instrument.class, f + ".instrument", l.instrument(),
                    "line.instrumentRequired", i + 1), Params.decimal(f + ".amount", l.amount()), l.durationMonths(),
                    l.bankName(), Params.decimal(f + ".bankLoanAmount", l.bankLoanAmount()),
                    Params.decimal(f + ".guaranteedShare", l.guaranteedShare())));
        }
        return result;
    }

    static LineOut lineOut(ApplicationViews.Line l) {
        return new LineOut(l.instrument(), text(l.amount()), l.durationMonths(), l.bankName(), text(l.bankLoanAmount()),
                l.guaranteedShare() == null ? null : l.guaranteedShare().toPlainString());
    }

    static String text(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    public record LineOut(String instrument, String amount, Integer durationMonths, String bankName, String bankLoanAmount,
                          String guaranteedShare) {
    }

    public record PlanOut(String kind, String label, String amount) {
    }

    public record StepOut(String from, String to, String at, String comment) {
    }

    public record MissingOut(String step, String messageKey) {
    }

    public record DocumentOut(long id, String kind, String fileName, String mediaType, long sizeBytes, String sha256,
                              String uploadedAt) {
    }

    public record ApplicationOut(long id, String reference, long enterpriseId, String enterprise, String title, String stage,
                                 String description, String territory, String status, List<LineOut> lines, List<PlanOut> plan,
                                 String totalUses, String totalSources, String planDifference, String jobsCreated,
                                 String jobsMaintained, Integer beneficiaries, String socialUtility,
                                 List<DocumentOut> documents, List<StepOut> timeline, List<MissingOut> missing,
                                 String pendingQuestion, long version) {

        static ApplicationOut of(ApplicationViews.Detail d) {
            return new ApplicationOut(d.id(), d.reference(), d.enterpriseId(), d.enterpriseName(), d.title(), d.stage(),
                    d.description(), d.territory(), d.status(),
                    d.lines().stream().map(l -> new LineOut(l.instrument(), text(l.amount()), l.durationMonths(), l.bankName(),
                            text(l.bankLoanAmount()), l.guaranteedShare() == null ? null : l.guaranteedShare().toPlainString())).toList(),
                    d.plan().stream().map(p -> new PlanOut(p.kind(), p.label(), text(p.amount()))).toList(),
                    text(d.totalUses()), text(d.totalSources()), text(d.planDifference()),
                    d.jobsCreated() == null ? null : d.jobsCreated().toPlainString(),
                    d.jobsMaintained() == null ? null : d.jobsMaintained().toPlainString(), d.beneficiaries(), d.socialUtility(),
                    d.documents().stream().map(x -> new DocumentOut(x.id(), x.kind(), x.fileName(), x.mediaType(), x.sizeBytes(),
                            x.sha256(), x.uploadedAt().toString())).toList(),
                    d.timeline().stream().map(s -> new StepOut(s.from(), s.to(), s.at().toString(), s.comment())).toList(),
                    d.missing().stream().map(m -> new MissingOut(m.step(), m.messageKey())).toList(),
                    d.pendingQuestion(), d.version());
        }
    }

    public record SummaryOut(long id, String reference, String title, String status, String enterprise) {
    }
}
