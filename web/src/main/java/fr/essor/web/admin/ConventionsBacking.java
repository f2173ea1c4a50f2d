package fr.essor.web.admin;

import fr.essor.model.application.Instrument;
import fr.essor.model.application.Stage;
import fr.essor.model.convention.ConventionKind;
import fr.essor.model.enterprise.LegalForm;
import fr.essor.service.account.AccountService;
import fr.essor.service.association.AssociationService;
import fr.essor.service.association.AssociationView;
import fr.essor.service.convention.ConventionInput;
import fr.essor.service.convention.ConventionService;
import fr.essor.service.convention.ConventionViews;
import fr.essor.web.i18n.Format;
import fr.essor.web.i18n.Messages;
import fr.essor.web.shared.PageModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Conventions of the network: the list with their figures, a new convention (DRAFT), activation and closing. */
@Named
@ViewScoped
public class ConventionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ConventionService conventions;

    @EJB
    private AssociationService associations;

    @EJB
    private AccountService accounts;

    private PageModel<ConventionViews.Summary> model;
    private List<ConventionViews.PartnerOption> partners;
    private List<AssociationView> associationList;
    private boolean national;

    private String reference;
    private Long partnerId;
    private Long associationId;
    private String kind = ConventionKind.FINANCING_FUND.name();
    private LocalDate periodStart;
    private LocalDate periodEnd;
    private BigDecimal amount;
    private boolean revolving;
    private List<String> instruments = new ArrayList<>();
    private List<String> legalForms = new ArrayList<>();
    private List<String> stages = new ArrayList<>();
    private String departments;
    private Integer targetAdvised;
    private Integer targetFinanced;
    private BigDecimal targetJobs;

    @PostConstruct
    void init() {
        model = new PageModel<>(conventions::conventions, c -> String.valueOf(c.id()));
        partners = conventions.partners();
        national = accounts.me().associationCode() == null;
        associationList = national ? associations.all() : List.of();
        LocalDate today = LocalDate.now(Format.ZONE);
        periodStart = today.withDayOfYear(1);
        periodEnd = today.withMonth(12).withDayOfMonth(31);
    }

    public void create() {
        ConventionViews.Detail created = conventions.create(new ConventionInput(reference, partnerId,
                national ? associationId : null, kind, periodStart, periodEnd, amount, revolving, List.copyOf(instruments),
                departmentList(), List.copyOf(legalForms), List.copyOf(stages), targetAdvised, targetFinanced, targetJobs));
        Messages.info("conventions.created", created.summary().reference());
        reference = null;
        amount = null;
        departments = null;
        instruments = new ArrayList<>();
        legalForms = new ArrayList<>();
        stages = new ArrayList<>();
        targetAdvised = null;
        targetFinanced = null;
        targetJobs = null;
        revolving = false;
    }

    private List<String> departmentList() {
        if (departments == null || departments.isBlank()) {
            return List.of();
        }
        return Arrays.stream(departments.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public void activate(long id, String ref) {
        conventions.activate(id);
        Messages.info("conventions.activated", ref);
    }

    public void close(long id, String ref) {
        conventions.close(id);
        Messages.info("conventions.closedMessage", ref);
    }

    public List<String> getKinds() { return Arrays.stream(ConventionKind.values()).map(Enum::name).toList(); }
    public List<String> getAllInstruments() { return Arrays.stream(Instrument.values()).map(Enum::name).toList(); }
    public List<String> getAllLegalForms() { return Arrays.stream(LegalForm.values()).map(Enum::name).toList(); }
    public List<String> getAllStages() { return Arrays.stream(Stage.values()).map(Enum::name).toList(); }

    public PageModel<ConventionViews.Summary> getModel() { return model; }
    public List<ConventionViews.PartnerOption> getPartners() { return partners; }
    public List<AssociationView> getAssociationList() { return associationList; }
    public boolean isNational() { return national; }
    public String getReference() { return reference; }
    public void setReference(String v) { reference = v; }
    public Long getPartnerId() { return partnerId; }
    public void setPartnerId(Long v) { partnerId = v; }
    public Long getAssociationId() { return associationId; }
    public void setAssociationId(Long v) { associationId = v; }
    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public LocalDate getPeriodStart() { return periodStart; }
    public void setPeriodStart(LocalDate v) { periodStart = v; }
    public LocalDate getPeriodEnd() { return periodEnd; }
    public void setPeriodEnd(LocalDate v) { periodEnd = v; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal v) { amount = v; }
    public boolean isRevolving() { return revolving; }
    public void setRevolving(boolean v) { revolving = v; }
    public List<String> getInstruments() { return instruments; }
    public void setInstruments(List<String> v) { instruments = v == null ? new ArrayList<>() : v; }
    public List<String> getLegalForms() { return legalForms; }
    public void setLegalForms(List<String> v) { legalForms = v == null ? new ArrayList<>() : v; }
    public List<String> getStages() { return stages; }
    public void setStages(List<String> v) { stages = v == null ? new ArrayList<>() : v; }
    public String getDepartments() { return departments; }
    public void setDepartments(String v) { departments = v; }
    public Integer getTargetAdvised() { return targetAdvised; }
    public void setTargetAdvised(Integer v) { targetAdvised = v; }
    public Integer getTargetFinanced() { return targetFinanced; }
    public void setTargetFinanced(Integer v) { targetFinanced = v; }
    public BigDecimal getTargetJobs() { return targetJobs; }
    public void setTargetJobs(BigDecimal v) { targetJobs = v; }
}
