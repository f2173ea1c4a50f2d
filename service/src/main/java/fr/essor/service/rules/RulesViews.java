package fr.essor.service.rules;

import fr.essor.model.application.DocumentKind;
import fr.essor.model.application.Instrument;
import fr.essor.model.rules.AssociationRules;
import fr.essor.model.rules.InstrumentLimit;
import fr.essor.model.rules.NetworkLimits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules as pages and the API show them. */
public final class RulesViews {

    private RulesViews() {
    }

    /** One instrument's limits. */
    public record Limit(String instrument, BigDecimal minAmount, BigDecimal maxAmount, Integer maxDurationMonths,
                        BigDecimal maxGuaranteeShare) {

        static Limit of(InstrumentLimit l) {
            return new Limit(l.getInstrument().name(), l.getMinAmount().amount(), l.getMaxAmount().amount(),
                    l.getMaxDurationMonths(), l.getMaxGuaranteeShare());
        }
    }

    /** One version of the network's limits. */
    public record Network(long id, int number, Instant createdAt, String createdBy, List<Limit> limits) {

        static Network of(NetworkLimits n) {
            return new Network(n.getId(), n.getNumber(), n.getCreatedAt(), n.getCreatedBy(),
                    n.getLimits().stream().map(Limit::of).toList());
        }
    }

    /** One line of a history: a version, who made it and when. */
    public record VersionRow(int number, Instant createdAt, String createdBy) {
    }

    /**
     * One version of an association's rules; {@code id} is null for a version 1 not stored yet (an
     * association that never had rules: the network's limits).
     */
    public record Rules(Long id, String association, int number, Instant createdAt, String createdBy, int networkVersion,
                        List<Limit> instruments, Map<String, List<String>> checklist, Map<String, Integer> grid,
                        Integer quorum, String majority) {

        static Rules of(AssociationRules r) {
            Map<String, List<String>> checklist = new LinkedHashMap<>();
            for (Map.Entry<Instrument, Set<DocumentKind>> e : r.checklistByInstrument().entrySet()) {
                checklist.put(e.getKey().name(), e.getValue().stream().map(Enum::name).toList());
            }
            Map<String, Integer> grid = new LinkedHashMap<>();
            r.weights().forEach((c, w) -> grid.put(c.name(), w));
            return new Rules(r.getId(), r.getAssociation().getCode(), r.getNumber(), r.getCreatedAt(), r.getCreatedBy(),
                    r.getNetwork().getNumber(), r.getInstruments().stream().map(Limit::of).toList(), checklist, grid,
                    r.committeeRule().quorum(), r.committeeRule().majority().name());
        }
    }
}
