package fr.essor.service.application;

import fr.essor.model.rules.AssociationRules;
import java.math.BigDecimal;

import fr.essor.model.application.Review;
import fr.essor.model.application.ScoreCriterion;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The analysis note as staff and non-conflicted committee members read it; never sent to applicants. */
public record ReviewView(long applicationId, Map<String, Integer> scores, int total, String strengths, String risks,
                         String recommendation, List<ApplicationViews.Line> proposedLines, String author, Instant updatedAt,
                         List<String> missing, long version, Map<String, Integer> grid, BigDecimal weightedScore) {

    /**
     * The note under the scoring grid of the file's rules: {@code grid} is criterion → weight, in the
     * order of the criteria; {@code weightedScore} Σ(score × weight) / Σ weight, out of 5.
     */
    public static ReviewView of(Review r, AssociationRules rules) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (ScoreCriterion c : ScoreCriterion.values()) {
            scores.put(c.name(), r.score(c));
        }
        Map<String, Integer> grid = new LinkedHashMap<>();
        rules.weights().forEach((c, w) -> grid.put(c.name(), w));
        return new ReviewView(r.getApplication().getId(), scores, r.total(), r.getStrengths(), r.getRisks(),
                r.getRecommendation(), r.getProposedLines().stream().map(ApplicationViews.Line::of).toList(), r.getAuthor(),
                r.getUpdatedAt(), r.missing(rules.criteria()), r.getVersion(), grid, rules.weightedScore(r.scores()));
    }

    /** Whether the note is complete enough for the committee. */
    public boolean complete() {
        return missing.isEmpty();
    }
}
