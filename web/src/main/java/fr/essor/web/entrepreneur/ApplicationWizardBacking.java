package fr.essor.web.entrepreneur;

import fr.essor.model.application.DocumentKind;
import fr.essor.model.application.Instrument;
import fr.essor.model.application.MissingPiece.WizardStep;
import fr.essor.model.application.PlanItem;
import fr.essor.model.application.Stage;
import fr.essor.model.document.DocumentRules;
import fr.essor.service.application.ApplicationService;
import fr.essor.service.application.ApplicationViews;
import fr.essor.service.application.DocumentService;
import fr.essor.service.application.ImpactInput;
import fr.essor.service.application.IncompleteException;
import fr.essor.service.application.LineInput;
import fr.essor.service.application.PlanItemInput;
import fr.essor.service.application.ProjectInput;
import fr.essor.service.shared.EssorException;
import fr.essor.web.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jakarta.servlet.http.Part;
import java.util.function.Supplier;

/**
 * The application wizard: one step per view, each saved as a draft on its own, so that the
 * applicant can leave and come back; the summary lists what is missing with a link to its step.
 */
@Named
@ViewScoped
public class ApplicationWizardBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ApplicationService applications;

    @EJB
    private DocumentService documents;

    @Inject
    private transient FacesContext facesContext;

    private Long id;
    private String step = WizardStep.PROJECT.name();
    private ApplicationViews.Detail detail;

    private String title;
    private Stage stage;
    private String description;
    private String territory;
    private List<LineRow> lines = new ArrayList<>();
    private List<PlanRow> plan = new ArrayList<>();
    private boolean planPrefilled;
    private BigDecimal jobsCreated;
    private BigDecimal jobsMaintained;
    private Integer beneficiaries;
    private String socialUtility;
    private DocumentKind documentKind = DocumentKind.BUSINESS_PLAN;
    private transient Part file;

    /** Loads the application (viewAction); a file that is not the caller's is a 404. */
    public void load() throws IOException {
        if (id == null) {
            facesContext.getExternalContext().responseSendError(404, null);
            facesContext.responseComplete();
            return;
        }
        try {
            refresh(applications.get(id));
        } catch (EssorException e) {
            facesContext.getExternalContext().responseSendError(404, null);
            facesContext.responseComplete();
            return;
        }
        if (!detail.editable()) {
            redirect("/entrepreneur/file.xhtml?id=" + id);
        }
    }

    private void refresh(ApplicationViews.Detail d) {
        detail = d;
        title = d.title();
        stage = Stage.valueOf(d.stage());
        description = d.description();
        territory = d.territory();
        lines = new ArrayList<>();
        for (ApplicationViews.Line l : d.lines()) {
            lines.add(new LineRow(Instrument.valueOf(l.instrument()), l.amount(), l.durationMonths(), l.bankName(),
                    l.bankLoanAmount(), l.guaranteedShare()));
        }
        if (lines.isEmpty()) {
            lines.add(new LineRow());
        }
        plan = new ArrayList<>();
        for (ApplicationViews.Item i : d.plan()) {
            plan.add(new PlanRow(PlanItem.Kind.valueOf(i.kind()), i.label(), i.amount()));
        }
        planPrefilled = plan.isEmpty() && !d.lines().isEmpty();
        if (plan.isEmpty()) {
            plan.add(new PlanRow(PlanItem.Kind.USE, null, null));
            prefillSources(d.lines());
        }
        jobsCreated = d.jobsCreated();
        jobsMaintained = d.jobsMaintained();
        beneficiaries = d.beneficiaries();
        socialUtility = d.socialUtility();
    }

    /**
     * An empty plan starts from the requested lines (issue 19, item 15): one source per line, its
     * amount requested (for a guarantee, the bank loan it covers), which the applicant changes at will.
     */
    private void prefillSources(List<ApplicationViews.Line> requested) {
        Locale locale = facesContext.getViewRoot().getLocale();
        for (ApplicationViews.Line l : requested) {
            Instrument instrument = Instrument.valueOf(l.instrument());
            String label = Messages.text(locale, "Instrument." + instrument.name());
            BigDecimal amount = l.amount();
            if (instrument.isGuarantee() && l.bankLoanAmount() != null) {
                label = Messages.text(locale, "plan.guaranteedLoan", l.bankName() == null ? "" : l.bankName()).strip();
                amount = l.bankLoanAmount();
            }
            plan.add(new PlanRow(PlanItem.Kind.SOURCE, label, amount));
        }
        if (requested.isEmpty()) {
            plan.add(new PlanRow(PlanItem.Kind.SOURCE, null, null));
        }
    }

    public void saveProject() throws IOException {
        save(() -> applications.saveProject(id, detail.version(), new ProjectInput(title, stage,
                description, territory)), WizardStep.FINANCING);
    }

    public void saveLines() throws IOException {
        List<LineInput> inputs = lines.stream().map(l -> new LineInput(l.getInstrument(),
                l.getAmount(), l.getDurationMonths(), l.getBankName(), l.getBankLoanAmount(), l.getGuaranteedShare())).toList();
        save(() -> applications.saveLines(id, detail.version(), inputs), WizardStep.PLAN);
    }

    public void addLine() {
        lines.add(new LineRow());
    }

    public void removeLine(LineRow row) {
        lines.remove(row);
    }

    public void savePlan() throws IOException {
        List<PlanItemInput> inputs = plan.stream().filter(p -> !p.isBlank())
                .map(p -> new PlanItemInput(p.getKind(), p.getLabel(), p.getAmount())).toList();
        ApplicationViews.Detail saved = applications.savePlan(id, detail.version(), inputs);
        refresh(saved);
        // an unbalanced plan is kept as typed; the person is told, and the summary says it again
        BigDecimal difference = unbalancedBy(saved);
        if (difference != null) {
            facesContext.addMessage(null, warning(Messages.missing(facesContext.getViewRoot().getLocale(),
                    "plan.savedUnbalanced", difference.toPlainString())));
        } else {
            Messages.info("application.saved");
        }
        facesContext.getExternalContext().getFlash().setKeepMessages(true);
        redirect("/entrepreneur/application.xhtml?id=" + id + "&step=" + WizardStep.IMPACT.name());
    }

    /** The plan shown was prefilled from the requested lines (nothing saved yet). */
    public boolean isPlanPrefilled() {
        return planPrefilled;
    }

    /** The warning that the saved plan does not balance (sources minus uses, in words); null when it balances or is empty. */
    public String getUnbalancedWarning() {
        BigDecimal difference = detail == null ? null : unbalancedBy(detail);
        return difference == null ? null
                : Messages.missing(facesContext.getViewRoot().getLocale(), "plan.unbalancedWarning", difference.toPlainString());
    }

    /** What the saved plan's sources exceed its needs by (the model's plan difference), null when it balances. */
    private static BigDecimal unbalancedBy(ApplicationViews.Detail d) {
        return d.planDifference().signum() == 0 ? null : d.planDifference();
    }

    private static FacesMessage warning(String text) {
        return new FacesMessage(FacesMessage.SEVERITY_WARN, text, text);
    }

    public void addPlanRow(String kind) {
        plan.add(new PlanRow(PlanItem.Kind.valueOf(kind), null, null));
    }

    public void removePlanRow(PlanRow row) {
        plan.remove(row);
    }

    /** Live totals of the plan as typed (before saving). */
    public BigDecimal getTypedUses() {
        return plan.stream().filter(p -> p.getKind() == PlanItem.Kind.USE && p.getAmount() != null)
                .map(PlanRow::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal getTypedSources() {
        return plan.stream().filter(p -> p.getKind() == PlanItem.Kind.SOURCE && p.getAmount() != null)
                .map(PlanRow::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal getTypedDifference() {
        return getTypedSources().subtract(getTypedUses());
    }

    public void saveImpact() throws IOException {
        save(() -> applications.saveImpact(id, detail.version(), new ImpactInput(jobsCreated, jobsMaintained, beneficiaries,
                socialUtility)), WizardStep.DOCUMENTS);
    }

    public void upload() {
        if (file == null || file.getSubmittedFileName() == null || file.getSubmittedFileName().isBlank()) {
            Messages.errorFor("documents:file", "document.EMPTY");
            return;
        }
        try (InputStream in = file.getInputStream()) {
            byte[] bytes = in.readNBytes(DocumentRules.MAX_BYTES + 1);
            documents.upload(id, documentKind.name(), file.getSubmittedFileName(), bytes);
            Messages.info("document.uploaded", file.getSubmittedFileName());
            refresh(applications.get(id));
        } catch (IOException e) {
            Messages.errorFor("documents:file", "document.EMPTY");
        }
    }

    public void removeDocument(long documentId) {
        documents.remove(id, documentId);
        Messages.info("document.removed");
        refresh(applications.get(id));
    }

    public void submit() throws IOException {
        try {
            applications.submit(id, detail.version());
            Messages.info("application.submitted", detail.reference());
            facesContext.getExternalContext().getFlash().setKeepMessages(true);
            redirect("/entrepreneur/file.xhtml?id=" + id);
        } catch (IncompleteException e) {
            Messages.error(e, null);
            refresh(applications.get(id));
        }
    }

    private void save(Supplier<ApplicationViews.Detail> action, WizardStep next) throws IOException {
        refresh(action.get());
        Messages.info("application.saved");
        facesContext.getExternalContext().getFlash().setKeepMessages(true);
        redirect("/entrepreneur/application.xhtml?id=" + id + "&step=" + next.name());
    }

    private void redirect(String path) throws IOException {
        facesContext.getExternalContext().redirect(facesContext.getExternalContext().getRequestContextPath() + path);
        facesContext.responseComplete();
    }

    public List<WizardStep> getSteps() {
        return List.of(WizardStep.values());
    }

    /** The shown step's number, from 1 (the stepper's "step 2 of 6"). */
    public int getStepNumber() {
        return WizardStep.valueOf(step).ordinal() + 1;
    }

    public int getStepCount() {
        return WizardStep.values().length;
    }

    /**
     * Whether a step is complete: nothing the summary lists as missing belongs to it (the summary,
     * where the application is filed, is never ticked).
     */
    public boolean isComplete(WizardStep s) {
        return s != WizardStep.SUMMARY && detail != null
                && detail.missing().stream().noneMatch(m -> s.name().equals(String.valueOf(m.step())));
    }

    public Instrument[] getInstruments() {
        return Instrument.values();
    }

    public Stage[] getStages() {
        return Stage.values();
    }

    public DocumentKind[] getDocumentKinds() {
        return DocumentKind.values();
    }

    public PlanItem.Kind[] getPlanKinds() {
        return PlanItem.Kind.values();
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getStep() { return step; }
    public void setStep(String step) {
        try {
            this.step = WizardStep.valueOf(step).name();
        } catch (IllegalArgumentException | NullPointerException e) {
            this.step = WizardStep.PROJECT.name();
        }
    }
    public ApplicationViews.Detail getDetail() { return detail; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public Stage getStage() { return stage; }
    public void setStage(Stage v) { stage = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
    public String getTerritory() { return territory; }
    public void setTerritory(String v) { territory = v; }
    public List<LineRow> getLines() { return lines; }
    public List<PlanRow> getPlan() { return plan; }
    public BigDecimal getJobsCreated() { return jobsCreated; }
    public void setJobsCreated(BigDecimal v) { jobsCreated = v; }
    public BigDecimal getJobsMaintained() { return jobsMaintained; }
    public void setJobsMaintained(BigDecimal v) { jobsMaintained = v; }
    public Integer getBeneficiaries() { return beneficiaries; }
    public void setBeneficiaries(Integer v) { beneficiaries = v; }
    public String getSocialUtility() { return socialUtility; }
    public void setSocialUtility(String v) { socialUtility = v; }
    public DocumentKind getDocumentKind() { return documentKind; }
    public void setDocumentKind(DocumentKind v) { documentKind = v; }
    public Part getFile() { return file; }
    public void setFile(Part f) { file = f; }

    /** One requested line as edited in the form. */
    public static class LineRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private Instrument instrument;
        private BigDecimal amount;
        private Integer durationMonths;
        private String bankName;
        private BigDecimal bankLoanAmount;
        private BigDecimal guaranteedShare;

        public LineRow() {
        }

        LineRow(Instrument instrument, BigDecimal amount, Integer durationMonths, String bankName, BigDecimal bankLoanAmount,
                BigDecimal guaranteedShare) {
            this.instrument = instrument;
            this.amount = amount;
            this.durationMonths = durationMonths;
            this.bankName = bankName;
            this.bankLoanAmount = bankLoanAmount;
            this.guaranteedShare = guaranteedShare;
        }

        public Instrument getInstrument() { return instrument; }
        public void setInstrument(Instrument v) { instrument = v; }
        public BigDecimal getAmount() { return amount; }
        public void setAmount(BigDecimal v) { amount = v; }
        public Integer getDurationMonths() { return durationMonths; }
        public void setDurationMonths(Integer v) { durationMonths = v; }
        public String getBankName() { return bankName; }
        public void setBankName(String v) { bankName = v; }
        public BigDecimal getBankLoanAmount() { return bankLoanAmount; }
        public void setBankLoanAmount(BigDecimal v) { bankLoanAmount = v; }
        public BigDecimal getGuaranteedShare() { return guaranteedShare; }
        public void setGuaranteedShare(BigDecimal v) { guaranteedShare = v; }
    }

    /** One row of the financing plan as edited in the form. */
    public static class PlanRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private PlanItem.Kind kind;
        private String label;
        private BigDecimal amount;

        public PlanRow() {
        }

        PlanRow(PlanItem.Kind kind, String label, BigDecimal amount) {
            this.kind = kind;
            this.label = label;
            this.amount = amount;
        }

        boolean isBlank() {
            return (label == null || label.isBlank()) && amount == null;
        }

        public PlanItem.Kind getKind() { return kind; }
        public void setKind(PlanItem.Kind v) { kind = v; }
        public String getLabel() { return label; }
        public void setLabel(String v) { label = v; }
        public BigDecimal getAmount() { return amount; }
        public void setAmount(BigDecimal v) { amount = v; }
    }
}
