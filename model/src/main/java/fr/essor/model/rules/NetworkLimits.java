package fr.essor.model.rules;

import fr.essor.model.application.Instrument;
import fr.essor.model.shared.Identified;
import fr.essor.model.shared.RuleException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One version of the network's limits per instrument, set by the national head. A version never
 * changes: a change is the next version.
 */
@Entity
@Table(name = "network_limits")
public class NetworkLimits extends Identified {

    @Column(name = "number", nullable = false, updatable = false)
    private int number;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", length = 254, nullable = false, updatable = false)
    private String createdBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "network_limit", joinColumns = @JoinColumn(name = "limits_id"))
    private List<InstrumentLimit> limits = new ArrayList<>();

    protected NetworkLimits() {
    }

    private NetworkLimits(int number, Collection<InstrumentLimit> limits, String createdBy, Instant createdAt) {
        Map<Instrument, InstrumentLimit> byInstrument = new EnumMap<>(Instrument.class);
        for (InstrumentLimit l : limits) {
            if (byInstrument.put(l.getInstrument(), l) != null) {
                throw RuleException.field("instruments." + l.getInstrument().name(), "rules.instrumentTwice", l.getInstrument().name());
            }
        }
        for (Instrument i : Instrument.values()) {
            if (!byInstrument.containsKey(i)) {
                throw RuleException.field("instruments." + i.name(), "rules.networkInstrumentMissing", i.name());
            }
        }
        this.number = number;
        this.limits.addAll(byInstrument.values());
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The first version: every instrument at its own bounds, which is what Essor checked before rules existed. */
    public static NetworkLimits first(String createdBy, Instant now) {
        List<InstrumentLimit> widest = new ArrayList<>();
        for (Instrument i : Instrument.values()) {
            widest.add(InstrumentLimit.widest(i));
        }
        return new NetworkLimits(1, widest, createdBy, now);
    }

    /** The next version, with a limit for every instrument. */
    public NetworkLimits next(Collection<InstrumentLimit> newLimits, String actor, Instant now) {
        return new NetworkLimits(number + 1, newLimits, actor, now);
    }

    public InstrumentLimit limit(Instrument instrument) {
        return limits.stream().filter(l -> l.getInstrument() == instrument).findFirst()
                .orElseThrow(() -> new IllegalStateException("No network limit for " + instrument));
    }

    /** The limits in the order of {@link Instrument}. */
    public List<InstrumentLimit> getLimits() {
        return limits.stream().sorted(Comparator.comparing(InstrumentLimit::getInstrument)).toList();
    }

    public int getNumber() {
        return number;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
