package fr.essor.model.convention;

import fr.essor.model.application.Application;
import fr.essor.model.application.GrantedLine;
import fr.essor.model.application.Instrument;
import fr.essor.model.application.Stage;
import fr.essor.model.association.Association;
import fr.essor.model.enterprise.LegalForm;
import fr.essor.model.partner.Partner;
import fr.essor.model.shared.FreeText;
import fr.essor.model.shared.Money;
import fr.essor.model.shared.RuleException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A yearly agreement between a financial partner and an association: an envelope (FINANCING_FUND)
 * allocated to granted lines that its rules accept, or operating support judged on targets.
 */
@Entity
@Table(name = "convention")
public class Convention {

    public static final int REFERENCE_MAX = 40;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "reference", length = REFERENCE_MAX, nullable = false, updatable = false)
    private String reference;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "partner_id", nullable = false, updatable = false)
    private Partner partner;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "association_id", nullable = false, updatable = false)
    private Association association;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 20, nullable = false, updatable = false)
    private ConventionKind kind;

    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;

    @Column(name = "amount", precision = 15, scale = 2, nullable = false)
    private Money amount;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 10, nullable = false)
    private ConventionStatus status = ConventionStatus.DRAFT;

    /** Repaid money returns to the envelope (a revolving fund). */
    @Column(name = "revolving", nullable = false)
    private boolean revolving;

    @Column(name = "target_advised")
    private Integer targetAdvised;

    @Column(name = "target_financed")
    private Integer targetFinanced;

    @Column(name = "target_jobs", precision = 9, scale = 2)
    private BigDecimal targetJobs;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "convention_instrument", joinColumns = @JoinColumn(name = "convention_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "instrument", length = 20, nullable = false)
    private Set<Instrument> instruments = EnumSet.noneOf(Instrument.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "convention_department", joinColumns = @JoinColumn(name = "convention_id"))
    @Column(name = "department", length = 3, nullable = false)
    private Set<String> departments = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "convention_legal_form", joinColumns = @JoinColumn(name = "convention_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "legal_form", length = 20, nullable = false)
    private Set<LegalForm> legalForms = EnumSet.noneOf(LegalForm.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "convention_stage", joinColumns = @JoinColumn(name = "convention_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "stage", length = 20, nullable = false)
    private Set<Stage> stages = EnumSet.noneOf(Stage.class);

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Convention() {
    }

    /** The years a convention's period may cover. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    public Convention(String reference, Partner partner, Association association, ConventionKind kind, LocalDate start,
                      LocalDate end, Money amount, boolean revolving) {
        String r = reference == null ? "" : reference.strip();
        if (r.isEmpty() || r.length() > REFERENCE_MAX) {
            throw RuleException.convention("convention.referenceInvalid", REFERENCE_MAX);
        }
        if (!FreeText.isClean(r, false)) {
            throw RuleException.convention("text.invalidCharacters");
        }
        this.reference = r;
        this.partner = Objects.requireNonNull(partner, "partner");
        this.association = Objects.requireNonNull(association, "association");
        this.kind = Objects.requireNonNull(kind, "kind");
        if (start == null || end == null || end.isBefore(start)) {
            throw RuleException.convention("convention.periodInvalid");
        }
        if (start.getYear() < FIRST_YEAR || end.getYear() > LAST_YEAR) {
            // year 0, 1500 or 99999 is a typing error, and beyond what MariaDB's DATE holds
            throw RuleException.convention("convention.periodOutOfRange", String.valueOf(FIRST_YEAR),
                    String.valueOf(LAST_YEAR));
        }
        this.periodStart = start;
        this.periodEnd = end;
        if (amount == null || !amount.isPositive()) {
            throw RuleException.convention("convention.amountInvalid");
        }
        this.amount = amount;
        this.revolving = revolving;
    }

    /** Eligibility rules; an empty set accepts everything on that dimension. */
    public void restrictTo(Collection<Instrument> newInstruments, Collection<String> newDepartments,
                           Collection<LegalForm> newForms, Collection<Stage> newStages) {
        requireDraftOrActive();
        instruments.clear();
        if (newInstruments != null) {
            instruments.addAll(newInstruments);
        }
        departments.clear();
        if (newDepartments != null) {
            departments.addAll(newDepartments);
        }
        legalForms.clear();
        if (newForms != null) {
            legalForms.addAll(newForms);
        }
        stages.clear();
        if (newStages != null) {
            stages.addAll(newStages);
        }
    }

    public void setTargets(Integer advised, Integer financed, BigDecimal jobs) {
        if (advised != null && advised < 0 || financed != null && financed < 0 || jobs != null && jobs.signum() < 0) {
            throw RuleException.convention("convention.targetInvalid");
        }
        this.targetAdvised = advised;
        this.targetFinanced = financed;
        this.targetJobs = jobs;
    }

    public void activate() {
        if (status != ConventionStatus.DRAFT) {
            throw RuleException.convention("convention.notDraft");
        }
        status = ConventionStatus.ACTIVE;
    }

    public void close() {
        if (status != ConventionStatus.ACTIVE) {
            throw RuleException.convention("convention.notActive", reference);
        }
        status = ConventionStatus.CLOSED;
    }

    private void requireDraftOrActive() {
        if (status == ConventionStatus.CLOSED) {
            throw RuleException.convention("convention.closed", reference);
        }
    }

    /**
     * Why this convention cannot fund the line (a message key), or empty when it can: it must be an
     * ACTIVE financing fund of the application's association whose period contains the decision date
     * and whose rules accept the instrument, department, legal form and stage.
     */
    public Optional<String> refusal(GrantedLine line) {
        Application a = line.getDecision().getApplication();
        if (kind != ConventionKind.FINANCING_FUND) {
            return Optional.of("allocation.notAFund");
        }
        if (status != ConventionStatus.ACTIVE) {
            return Optional.of("allocation.conventionNotActive");
        }
        if (!Objects.equals(association, a.association())) {
            return Optional.of("allocation.otherAssociation");
        }
        LocalDate d = line.getDecision().getDecisionDate();
        if (d.isBefore(periodStart) || d.isAfter(periodEnd)) {
            return Optional.of("allocation.outOfPeriod");
        }
        if (!instruments.isEmpty() && !instruments.contains(line.getLine().getInstrument())) {
            return Optional.of("allocation.instrumentNotEligible");
        }
        if (!departments.isEmpty() && !departments.contains(a.getEnterprise().getDepartment())) {
            return Optional.of("allocation.departmentNotEligible");
        }
        if (!legalForms.isEmpty() && !legalForms.contains(a.getEnterprise().getLegalForm())) {
            return Optional.of("allocation.legalFormNotEligible");
        }
        if (!stages.isEmpty() && !stages.contains(a.getStage())) {
            return Optional.of("allocation.stageNotEligible");
        }
        return Optional.empty();
    }

    /** The envelope as the ledger stands, given what is allocated (less releases) and repaid. */
    public Envelope envelope(Money allocated, Money repaid) {
        return new Envelope(amount, revolving, allocated, repaid);
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public Partner getPartner() {
        return partner;
    }

    public Association getAssociation() {
        return association;
    }

    public ConventionKind getKind() {
        return kind;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public Money getAmount() {
        return amount;
    }

    public ConventionStatus getStatus() {
        return status;
    }

    public boolean isRevolving() {
        return revolving;
    }

    public Integer getTargetAdvised() {
        return targetAdvised;
    }

    public Integer getTargetFinanced() {
        return targetFinanced;
    }

    public BigDecimal getTargetJobs() {
        return targetJobs;
    }

    public Set<Instrument> getInstruments() {
        return Collections.unmodifiableSet(instruments);
    }

    public Set<String> getDepartments() {
        return Collections.unmodifiableSet(departments);
    }

    public Set<LegalForm> getLegalForms() {
        return Collections.unmodifiableSet(legalForms);
    }

    public Set<Stage> getStages() {
        return Collections.unmodifiableSet(stages);
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Convention c && id != null && id.equals(c.id));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
