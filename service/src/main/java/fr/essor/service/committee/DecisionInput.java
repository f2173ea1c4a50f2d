package fr.essor.service.committee;

import fr.essor.service.application.LineInput;
import java.util.List;

/** A decision as the chair types it: APPROVED with granted lines and conditions, DEFERRED or REJECTED with reasons. */
public record DecisionInput(String outcome, List<LineInput> lines, String conditions, String reasons) {
}
