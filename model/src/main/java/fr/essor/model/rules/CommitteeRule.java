package fr.essor.model.rules;

import fr.essor.model.shared.RuleException;
import java.util.Objects;

/**
 * The committee rule of an association's rules: the quorum of participants an item needs (null: the
 * committee's own quorum) and the majority an approval needs.
 */
public record CommitteeRule(Integer quorum, Majority majority) {

    public static final int QUORUM_MAX = 50;

    /** The rule Essor applied before associations had rules: the committee's quorum, a simple majority. */
    public static final CommitteeRule COMMITTEE_QUORUM_SIMPLE_MAJORITY = new CommitteeRule(null, Majority.SIMPLE);

    public CommitteeRule {
        Objects.requireNonNull(majority, "majority");
        if (quorum != null && (quorum < 1 || quorum > QUORUM_MAX)) {
            throw RuleException.field("quorum", "rules.quorumInvalid", QUORUM_MAX);
        }
    }

    /** The quorum to apply, given the committee's own. */
    public int quorumOr(int committeeQuorum) {
        return quorum == null ? committeeQuorum : quorum;
    }
}
