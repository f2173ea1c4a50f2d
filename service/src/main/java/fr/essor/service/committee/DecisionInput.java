package fr.essor.service.committee;

import fr.essor.service.application.LineInput;
import java.util.List;

/**
 * A decision as the chair types it: APPROVED with granted lines and conditions (free text, and the
 * conditions precedent as items to lift, issue 13), DEFERRED or REJECTED with reasons.
 */
public record DecisionInput(String outcome, List<LineInput> lines, String conditions, String reasons,
                            List<ConditionInput> conditionItems) {

    public DecisionInput(String outcome, List<LineInput> lines, String conditions, String reasons) {
        this(outcome, lines, conditions, reasons, List.of());
    }
}
