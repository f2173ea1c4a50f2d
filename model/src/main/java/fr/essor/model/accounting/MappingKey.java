package fr.essor.model.accounting;

import fr.essor.model.application.Instrument;
import fr.essor.model.convention.MovementKind;
import java.util.Comparator;
import java.util.Objects;

/**
 * What a line of the chart of accounts maps: a movement kind, for one instrument or (instrument null) for every
 * instrument without a line of its own.
 */
public record MappingKey(MovementKind kind, Instrument instrument) implements Comparable<MappingKey> {

    /** Stored in place of an instrument when the line is for every instrument. */
    public static final String ALL_INSTRUMENTS = "ALL";

    private static final Comparator<MappingKey> ORDER = Comparator.comparing(MappingKey::kind)
            .thenComparing(k -> k.instrument() == null ? -1 : k.instrument().ordinal());

    public MappingKey {
        Objects.requireNonNull(kind);
    }

    public static MappingKey of(MovementKind kind) {
        return new MappingKey(kind, null);
    }

    public static MappingKey of(MovementKind kind, Instrument instrument) {
        return new MappingKey(kind, instrument);
    }

    /** The instrument as stored: its name, or {@value #ALL_INSTRUMENTS}. */
    public String storedInstrument() {
        return instrument == null ? ALL_INSTRUMENTS : instrument.name();
    }

    @Override
    public int compareTo(MappingKey o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return kind + (instrument == null ? "" : "/" + instrument);
    }
}
