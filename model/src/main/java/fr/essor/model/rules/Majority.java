package fr.essor.model.rules;

/** How many votes an approval needs, among the participants of an item (present, non-conflicted voters). */
public enum Majority {
    /** More votes for than against (abstentions count for neither). */
    SIMPLE,
    /** At least two thirds of the participants vote for (an abstention counts as not for). */
    TWO_THIRDS;

    /** Whether an approval with these votes reaches this majority. */
    public boolean reached(long votesFor, long votesAgainst, long abstentions) {
        return switch (this) {
            case SIMPLE -> votesFor > votesAgainst;
            case TWO_THIRDS -> votesFor > 0 && 3 * votesFor >= 2 * (votesFor + votesAgainst + abstentions);
        };
    }
}
