package fr.essor.model.rules;

import fr.essor.model.application.DocumentKind;
import fr.essor.model.application.Instrument;
import fr.essor.model.application.ScoreCriterion;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an association's admin asks its rules to become: the instruments offered with their limits,
 * the documents required per instrument, the scoring grid (criterion → weight) and the committee rule.
 */
public record RulesDraft(List<InstrumentLimit> offered, Map<Instrument, Set<DocumentKind>> checklist,
                         Map<ScoreCriterion, Integer> grid, CommitteeRule committee) {
}
