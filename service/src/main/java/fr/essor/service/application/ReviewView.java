package fr.essor.service.application;

import fr.essor.model.application.Review;
import fr.essor.model.application.ScoreCriterion;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The analysis note as staff and non-conflicted committee members read it; never sent to applicants. */
public record ReviewView(long applicationId, Map<String, Integer> scores, int total, String strengths, String risks,
                         String recommendation, List<ApplicationViews.Line> proposedLines, String author, Instant updatedAt,
                         List<String> missing, long version) {

    public static ReviewView of(Review r) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (ScoreCriterion c : ScoreCriterion.values()) {
            scores.put(c.name(), r.score(c));
        }
        return new ReviewView(r.getApplication().getId(), scores, r.total(), r.getStrengths(), r.getRisks(),
                r.getRecommendation(), r.getProposedLines().stream().map(ApplicationViews.Line::of).toList(), r.getAuthor(),
                r.getUpdatedAt(), r.missing(), r.getVersion());
    }

    /** Whether the note is complete enough for the committee. */
    public boolean complete() {
        return missing.isEmpty();
    }
}
