package fr.essor.model.committee;

/**
 * A condition's life: OPEN until the entrepreneur provides what is asked (PROVIDED); the advisor
 * LIFTS it (final) or REFUSES it with a comment, after which the entrepreneur may provide again.
 * Only LIFTED stops blocking the money of its line (invariant 7).
 */
public enum ConditionStatus {
    OPEN, PROVIDED, LIFTED, REFUSED;

    public boolean canProvide() {
        return this == OPEN || this == REFUSED || this == PROVIDED;
    }

    public boolean canDecide() {
        return this == OPEN || this == PROVIDED;
    }

    public boolean blocks() {
        return this != LIFTED;
    }
}
