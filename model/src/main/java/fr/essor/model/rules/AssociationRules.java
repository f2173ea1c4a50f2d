package fr.essor.model.rules;

import fr.essor.model.application.DocumentKind;
import fr.essor.model.application.FinancingLine;
import fr.essor.model.application.Instrument;
import fr.essor.model.application.ScoreCriterion;
import fr.essor.model.association.Association;
import fr.essor.model.shared.Identified;
import fr.essor.model.shared.RuleException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One version of an association's rules, within the network's limits: the instruments it offers and
 * their limits, its document checklist, its scoring grid and its committee rule. A version never
 * changes; a change is the next version. A file is submitted, instructed and decided under the version
 * in force when it was submitted.
 */
@Entity
@Table(name = "association_rules")
public class AssociationRules extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "association_id", nullable = false, updatable = false)
    private Association association;

    @Column(name = "number", nullable = false, updatable = false)
    private int number;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "network_limits_id", nullable = false, updatable = false)
    private NetworkLimits network;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", length = 254, nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "quorum", updatable = false)
    private Integer quorum;

    @Enumerated(EnumType.STRING)
    @Column(name = "majority", length = 20, nullable = false, updatable = false)
    private Majority majority;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "association_rule_instrument", joinColumns = @JoinColumn(name = "rules_id"))
    private List<InstrumentLimit> instruments = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "association_rule_document", joinColumns = @JoinColumn(name = "rules_id"))
    private List<RequiredDocument> checklist = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "association_rule_criterion", joinColumns = @JoinColumn(name = "rules_id"))
    private List<GridCriterion> grid = new ArrayList<>();

    protected AssociationRules() {
    }

    private AssociationRules(Association association, int number, NetworkLimits network, RulesDraft draft,
                             String createdBy, Instant createdAt) {
        this.association = Objects.requireNonNull(association, "association");
        this.number = number;
        this.network = Objects.requireNonNull(network, "network");
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        CommitteeRule committee = Objects.requireNonNull(draft.committee(), "committee");
        this.quorum = committee.quorum();
        this.majority = committee.majority();
        Map<Instrument, InstrumentLimit> offered = new EnumMap<>(Instrument.class);
        for (InstrumentLimit l : draft.offered()) {
            if (offered.put(l.getInstrument(), l) != null) {
                throw RuleException.field("instruments." + l.getInstrument().name(), "rules.instrumentTwice",
                        l.getInstrument().name());
            }
            l.requireWithin(network.limit(l.getInstrument()));
        }
        if (offered.isEmpty()) {
            throw RuleException.field("instruments", "rules.noInstrument");
        }
        instruments.addAll(offered.values());
        Map<Instrument, Set<DocumentKind>> documents = draft.checklist() == null ? Map.of() : draft.checklist();
        for (Map.Entry<Instrument, Set<DocumentKind>> e : new TreeMap<>(documents).entrySet()) {
            Set<DocumentKind> kinds = e.getValue() == null ? Set.of() : e.getValue();
            if (!offered.containsKey(e.getKey()) && !kinds.isEmpty()) {
                throw RuleException.field("checklist." + e.getKey().name(), "rules.checklistNotOffered", e.getKey().name());
            }
            new TreeSet<>(kinds).forEach(kind -> checklist.add(new RequiredDocument(e.getKey(), kind)));
        }
        Map<ScoreCriterion, Integer> weights = draft.grid() == null ? Map.of() : draft.grid();
        if (weights.isEmpty()) {
            throw RuleException.field("grid", "rules.gridEmpty");
        }
        for (Map.Entry<ScoreCriterion, Integer> e : new TreeMap<>(weights).entrySet()) {
            if (e.getValue() == null) {
                throw RuleException.field("grid." + e.getKey().name(), "rules.weightInvalid",
                        GridCriterion.WEIGHT_MIN, GridCriterion.WEIGHT_MAX);
            }
            grid.add(new GridCriterion(e.getKey(), e.getValue()));
        }
    }

    /**
     * The first version of an association: every instrument offered at the network's limits, no
     * document required beyond one, every criterion weighing 1, the committee's own quorum and a simple
     * majority. This is what Essor applied before associations had rules.
     */
    public static AssociationRules first(Association association, NetworkLimits network, String createdBy, Instant now) {
        Map<ScoreCriterion, Integer> grid = new EnumMap<>(ScoreCriterion.class);
        for (ScoreCriterion c : ScoreCriterion.values()) {
            grid.put(c, 1);
        }
        return new AssociationRules(association, 1, network,
                new RulesDraft(network.getLimits(), Map.of(), grid, CommitteeRule.COMMITTEE_QUORUM_SIMPLE_MAJORITY),
                createdBy, now);
    }

    /**
     * The next version, as the association's admin asks: refused, naming the limit, when it would widen
     * any of the network's limits, offer nothing, require documents for an instrument not offered or
     * score no criterion.
     */
    public AssociationRules next(RulesDraft draft, NetworkLimits currentNetwork, String actor, Instant now) {
        return new AssociationRules(association, number + 1, currentNetwork, draft, actor, now);
    }

    /**
     * The next version after the network changed its limits: these rules with every limit narrowed to
     * fit the network's new ones; empty when they already fit (nothing to change for files to come
     * except the network version they refer to, which this version's limits already respect).
     */
    public Optional<AssociationRules> fittedTo(NetworkLimits newNetwork, String actor, Instant now) {
        List<InstrumentLimit> fitted = new ArrayList<>();
        boolean changed = false;
        for (InstrumentLimit l : instruments) {
            InstrumentLimit c = l.clampedTo(newNetwork.limit(l.getInstrument()));
            changed |= !c.equals(l);
            fitted.add(c);
        }
        if (!changed) {
            return Optional.empty();
        }
        return Optional.of(next(new RulesDraft(fitted, checklistByInstrument(), weights(), committeeRule()),
                newNetwork, actor, now));
    }

    /**
     * Refuses a requested line whose instrument the association does not offer, or which these limits
     * do not allow; {@code field} and {@code lineNumber} name it in the refusal.
     */
    public void check(FinancingLine line, String field, int lineNumber) {
        InstrumentLimit limit = offered(line.getInstrument())
                .orElseThrow(() -> RuleException.field(field + ".instrument", "rules.instrumentNotOffered", lineNumber,
                        line.getInstrument().name()));
        limit.check(line, field, lineNumber);
    }

    /** Every line checked in order, see {@link #check(FinancingLine, String, int)}. */
    public void checkAll(List<FinancingLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            check(lines.get(i), "lines[" + i + "]", i + 1);
        }
    }

    /**
     * The document kinds the checklist requires for these instruments that the kinds present do not
     * cover, in the order of {@link DocumentKind}.
     */
    public List<DocumentKind> missingDocuments(Collection<Instrument> requested, Collection<DocumentKind> present) {
        Set<DocumentKind> missing = EnumSet.noneOf(DocumentKind.class);
        for (RequiredDocument r : checklist) {
            if (requested.contains(r.getInstrument()) && !present.contains(r.getKind())) {
                missing.add(r.getKind());
            }
        }
        return List.copyOf(missing);
    }

    /**
     * The weighted score of an analysis: Σ(score × weight) / Σ weight over the grid's criteria that
     * were scored, two decimals; null when none was.
     */
    public BigDecimal weightedScore(Map<ScoreCriterion, Integer> scores) {
        long sum = 0;
        long weights = 0;
        for (GridCriterion g : grid) {
            Integer s = scores.get(g.getCriterion());
            if (s != null) {
                sum += (long) s * g.getWeight();
                weights += g.getWeight();
            }
        }
        return weights == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(weights), 2, RoundingMode.HALF_UP);
    }

    public Optional<InstrumentLimit> offered(Instrument instrument) {
        return instruments.stream().filter(l -> l.getInstrument() == instrument).findFirst();
    }

    public CommitteeRule committeeRule() {
        return new CommitteeRule(quorum, majority);
    }

    /** The criteria of the grid, in the order of {@link ScoreCriterion}. */
    public List<ScoreCriterion> criteria() {
        return grid.stream().map(GridCriterion::getCriterion).sorted().toList();
    }

    public Map<ScoreCriterion, Integer> weights() {
        Map<ScoreCriterion, Integer> m = new EnumMap<>(ScoreCriterion.class);
        grid.forEach(g -> m.put(g.getCriterion(), g.getWeight()));
        return m;
    }

    public Map<Instrument, Set<DocumentKind>> checklistByInstrument() {
        Map<Instrument, Set<DocumentKind>> m = new EnumMap<>(Instrument.class);
        checklist.forEach(r -> m.computeIfAbsent(r.getInstrument(), i -> EnumSet.noneOf(DocumentKind.class)).add(r.getKind()));
        return m;
    }

    /** The instruments offered with their limits, in the order of {@link Instrument}. */
    public List<InstrumentLimit> getInstruments() {
        return instruments.stream().sorted(Comparator.comparing(InstrumentLimit::getInstrument)).toList();
    }

    public Association getAssociation() {
        return association;
    }

    public int getNumber() {
        return number;
    }

    public NetworkLimits getNetwork() {
        return network;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
