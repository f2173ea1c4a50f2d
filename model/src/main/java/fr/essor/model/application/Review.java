package fr.essor.model.application;

import fr.essor.model.shared.EssorDomainException;
import fr.essor.model.shared.VersionedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The advisor's analysis note on an application: a score per criterion of the grid, strengths,
 * risks, a recommendation and the lines proposed to the committee. Internal to the network: it is
 * never shown to the applicant, nor to a committee member who declared a conflict on the file.
 */
@Entity
@Table(name = "review")
public class Review extends VersionedEntity {

    public static final int TEXT_MAX = 4000;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", nullable = false, updatable = false, unique = true)
    private Application application;

    @Column(name = "score_social_utility")
    private Integer socialUtility;

    @Column(name = "score_economic_viability")
    private Integer economicViability;

    @Column(name = "score_team")
    private Integer team;

    @Column(name = "score_financial_structure")
    private Integer financialStructure;

    @Column(name = "score_territorial_anchoring")
    private Integer territorialAnchoring;

    @Column(name = "strengths", length = TEXT_MAX)
    private String strengths;

    @Column(name = "risks", length = TEXT_MAX)
    private String risks;

    @Column(name = "recommendation", length = TEXT_MAX)
    private String recommendation;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "review_line", joinColumns = @JoinColumn(name = "review_id"))
    @OrderColumn(name = "line_no")
    private List<FinancingLine> proposedLines = new ArrayList<>();

    @Column(name = "author", length = 254, nullable = false)
    private String author;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Review() {
    }

    public Review(Application application, String author, Instant now) {
        this.application = Objects.requireNonNull(application, "application");
        this.author = Objects.requireNonNull(author, "author");
        this.updatedAt = Objects.requireNonNull(now, "now");
    }

    /**
     * Replaces the note. Scores may be missing while the advisor works; each given score is 1 to 5.
     *
     * @throws EssorDomainException when a score is out of range or a text too long
     */
    public void revise(Map<ScoreCriterion, Integer> scores, String newStrengths, String newRisks, String newRecommendation,
                       List<FinancingLine> lines, String actor, Instant now) {
        Map<ScoreCriterion, Integer> s = scores == null ? Map.of() : scores;
        for (Map.Entry<ScoreCriterion, Integer> e : s.entrySet()) {
            Integer v = e.getValue();
            if (v != null && (v < ScoreCriterion.MIN || v > ScoreCriterion.MAX)) {
                throw new EssorDomainException("Score of " + e.getKey() + " out of 1..5: " + v);
            }
        }
        if (lines != null && lines.size() > Application.MAX_LINES) {
            throw new EssorDomainException("At most " + Application.MAX_LINES + " proposed lines");
        }
        this.socialUtility = s.get(ScoreCriterion.SOCIAL_UTILITY);
        this.economicViability = s.get(ScoreCriterion.ECONOMIC_VIABILITY);
        this.team = s.get(ScoreCriterion.TEAM);
        this.financialStructure = s.get(ScoreCriterion.FINANCIAL_STRUCTURE);
        this.territorialAnchoring = s.get(ScoreCriterion.TERRITORIAL_ANCHORING);
        this.strengths = text(newStrengths);
        this.risks = text(newRisks);
        this.recommendation = text(newRecommendation);
        this.proposedLines.clear();
        if (lines != null) {
            this.proposedLines.addAll(lines);
        }
        this.author = Objects.requireNonNull(actor, "actor");
        this.updatedAt = Objects.requireNonNull(now, "now");
    }

    private static String text(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > TEXT_MAX) {
            throw new EssorDomainException("Text longer than " + TEXT_MAX);
        }
        return v;
    }

    /** What the note still lacks before the file can go to committee: message keys; empty when complete. */
    public List<String> missing() {
        return missing(List.of(ScoreCriterion.values()));
    }

    /**
     * The same under a scoring grid that keeps only some criteria (the association's rules the file
     * was submitted under): only those must be scored.
     */
    public List<String> missing(Collection<ScoreCriterion> criteria) {
        List<String> missing = new ArrayList<>();
        for (ScoreCriterion c : ScoreCriterion.values()) {
            if (criteria.contains(c) && score(c) == null) {
                missing.add("review.missing.score." + c.name());
            }
        }
        if (recommendation == null) {
            missing.add("review.missing.recommendation");
        }
        if (proposedLines.isEmpty()) {
            missing.add("review.missing.lines");
        }
        return missing;
    }

    public boolean isComplete() {
        return missing().isEmpty();
    }

    public Integer score(ScoreCriterion criterion) {
        return switch (criterion) {
            case SOCIAL_UTILITY -> socialUtility;
            case ECONOMIC_VIABILITY -> economicViability;
            case TEAM -> team;
            case FINANCIAL_STRUCTURE -> financialStructure;
            case TERRITORIAL_ANCHORING -> territorialAnchoring;
        };
    }

    public Map<ScoreCriterion, Integer> scores() {
        Map<ScoreCriterion, Integer> m = new EnumMap<>(ScoreCriterion.class);
        for (ScoreCriterion c : ScoreCriterion.values()) {
            if (score(c) != null) {
                m.put(c, score(c));
            }
        }
        return m;
    }

    /** Sum of the scores given, out of 25. */
    public int total() {
        return scores().values().stream().mapToInt(Integer::intValue).sum();
    }

    public Application getApplication() {
        return application;
    }

    public String getStrengths() {
        return strengths;
    }

    public String getRisks() {
        return risks;
    }

    public String getRecommendation() {
        return recommendation;
    }

    public List<FinancingLine> getProposedLines() {
        return Collections.unmodifiableList(proposedLines);
    }

    public String getAuthor() {
        return author;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
