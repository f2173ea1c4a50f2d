package fr.essor.model.rules;

import fr.essor.model.application.ScoreCriterion;
import fr.essor.model.shared.RuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/** One criterion of an association's scoring grid and its weight. */
@Embeddable
public class GridCriterion {

    public static final int WEIGHT_MIN = 1;
    public static final int WEIGHT_MAX = 10;

    @Enumerated(EnumType.STRING)
    @Column(name = "criterion", length = 30, nullable = false)
    private ScoreCriterion criterion;

    @Column(name = "weight", nullable = false)
    private int weight;

    protected GridCriterion() {
    }

    public GridCriterion(ScoreCriterion criterion, int weight) {
        this.criterion = Objects.requireNonNull(criterion, "criterion");
        if (weight < WEIGHT_MIN || weight > WEIGHT_MAX) {
            throw RuleException.field("grid." + criterion.name(), "rules.weightInvalid",
                    WEIGHT_MIN, WEIGHT_MAX);
        }
        this.weight = weight;
    }

    public ScoreCriterion getCriterion() {
        return criterion;
    }

    public int getWeight() {
        return weight;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GridCriterion g && g.criterion == criterion && g.weight == weight;
    }

    @Override
    public int hashCode() {
        return Objects.hash(criterion, weight);
    }
}
