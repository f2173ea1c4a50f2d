package fr.essor.model.rules;

import fr.essor.model.application.FinancingLine;
import fr.essor.model.application.Instrument;
import fr.essor.model.shared.Money;
import fr.essor.model.shared.RuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The limits of one instrument: the smallest and largest amount of a line, its longest duration (for
 * instruments with a duration) and the largest guaranteed share (for a guarantee). The network sets
 * them; an association narrows them. Every value lies within the instrument's own bounds
 * ({@link Instrument}), which no rule can widen.
 */
@Embeddable
public class InstrumentLimit {

    @Enumerated(EnumType.STRING)
    @Column(name = "instrument", length = 20, nullable = false)
    private Instrument instrument;

    @Column(name = "min_amount", precision = 15, scale = 2, nullable = false)
    private Money minAmount;

    @Column(name = "max_amount", precision = 15, scale = 2, nullable = false)
    private Money maxAmount;

    @Column(name = "max_duration_months")
    private Integer maxDurationMonths;

    @Column(name = "max_guarantee_share", precision = 5, scale = 2)
    private BigDecimal maxGuaranteeShare;

    protected InstrumentLimit() {
    }

    private InstrumentLimit(Instrument instrument, Money minAmount, Money maxAmount, Integer maxDurationMonths,
                            BigDecimal maxGuaranteeShare) {
        this.instrument = instrument;
        this.minAmount = minAmount;
        this.maxAmount = maxAmount;
        this.maxDurationMonths = maxDurationMonths;
        this.maxGuaranteeShare = maxGuaranteeShare;
    }

    /** The widest limits of an instrument: its own bounds (the network's limits before rules existed). */
    public static InstrumentLimit widest(Instrument instrument) {
        return new InstrumentLimit(instrument, Money.of("0.01"), instrument.maxAmount(),
                instrument.hasDuration() ? instrument.maxDurationMonths() : null,
                instrument.isGuarantee() ? Instrument.MAX_GUARANTEED_SHARE.setScale(2) : null);
    }

    /**
     * Limits as typed, checked against the instrument's own bounds; a duration is ignored for an
     * instrument without one, a share for anything but a guarantee. Refusals name the field
     * {@code instruments.<INSTRUMENT>.<value>}.
     */
    public static InstrumentLimit of(Instrument instrument, Money minAmount, Money maxAmount, Integer maxDurationMonths,
                                     BigDecimal maxGuaranteeShare) {
        Objects.requireNonNull(instrument, "instrument");
        InstrumentLimit bounds = widest(instrument);
        if (minAmount == null || !minAmount.isPositive()) {
            throw refusal(instrument, "minAmount", "rules.amountRequired");
        }
        if (maxAmount == null || !maxAmount.isPositive()) {
            throw refusal(instrument, "maxAmount", "rules.amountRequired");
        }
        if (maxAmount.isGreaterThan(bounds.maxAmount)) {
            throw refusal(instrument, "maxAmount", "rules.overInstrumentMaxAmount", bounds.maxAmount.amount());
        }
        if (minAmount.isGreaterThan(maxAmount)) {
            throw refusal(instrument, "minAmount", "rules.minOverMax");
        }
        Integer duration = null;
        if (instrument.hasDuration()) {
            if (maxDurationMonths == null) {
                throw refusal(instrument, "maxDurationMonths", "rules.durationRequired");
            }
            if (maxDurationMonths < instrument.minDurationMonths() || maxDurationMonths > instrument.maxDurationMonths()) {
                throw refusal(instrument, "maxDurationMonths", "rules.durationOutOfBounds",
                        instrument.minDurationMonths(), instrument.maxDurationMonths());
            }
            duration = maxDurationMonths;
        }
        BigDecimal share = null;
        if (instrument.isGuarantee()) {
            if (maxGuaranteeShare == null) {
                throw refusal(instrument, "maxGuaranteeShare", "rules.shareRequired");
            }
            if (maxGuaranteeShare.stripTrailingZeros().scale() > 2
                    || maxGuaranteeShare.compareTo(Instrument.MIN_GUARANTEED_SHARE) < 0
                    || maxGuaranteeShare.compareTo(Instrument.MAX_GUARANTEED_SHARE) > 0) {
                throw refusal(instrument, "maxGuaranteeShare", "rules.shareOutOfBounds",
                        Instrument.MIN_GUARANTEED_SHARE, Instrument.MAX_GUARANTEED_SHARE);
            }
            share = maxGuaranteeShare.setScale(2, RoundingMode.UNNECESSARY);
        }
        return new InstrumentLimit(instrument, minAmount, maxAmount, duration, share);
    }

    /**
     * An association's limits as typed, within the network's: a value wider than the network's is
     * refused naming the network's limit (before the instrument's own bounds, which the network's lie
     * within), then the limits are checked as {@link #of}.
     */
    public static InstrumentLimit narrowing(InstrumentLimit network, Money minAmount, Money maxAmount,
                                            Integer maxDurationMonths, BigDecimal maxGuaranteeShare) {
        Instrument instrument = network.instrument;
        requireWithin(network, minAmount, maxAmount, maxDurationMonths, maxGuaranteeShare);
        InstrumentLimit limit = of(instrument, minAmount, maxAmount, maxDurationMonths, maxGuaranteeShare);
        limit.requireWithin(network);
        return limit;
    }

    /**
     * Refuses, naming the limit, when these limits are wider than the network's in any respect: an
     * association narrows the network's limits, never widens them.
     */
    public void requireWithin(InstrumentLimit network) {
        requireSameInstrument(network);
        requireWithin(network, minAmount, maxAmount, maxDurationMonths, maxGuaranteeShare);
    }

    /** Refuses, naming the limit, the first of these limits (null: not given) wider than the network's. */
    private static void requireWithin(InstrumentLimit network, Money minAmount, Money maxAmount, Integer maxDurationMonths,
                                      BigDecimal maxGuaranteeShare) {
        Instrument instrument = network.instrument;
        if (minAmount != null && minAmount.isLessThan(network.minAmount)) {
            throw refusal(instrument, "minAmount", "rules.widensMinAmount", instrument.name(), network.minAmount.amount());
        }
        if (maxAmount != null && maxAmount.isGreaterThan(network.maxAmount)) {
            throw refusal(instrument, "maxAmount", "rules.widensMaxAmount", instrument.name(), network.maxAmount.amount());
        }
        if (maxDurationMonths != null && network.maxDurationMonths != null && maxDurationMonths > network.maxDurationMonths) {
            throw refusal(instrument, "maxDurationMonths", "rules.widensDuration", instrument.name(), network.maxDurationMonths);
        }
        if (maxGuaranteeShare != null && network.maxGuaranteeShare != null
                && maxGuaranteeShare.compareTo(network.maxGuaranteeShare) > 0) {
            throw refusal(instrument, "maxGuaranteeShare", "rules.widensShare", instrument.name(), network.maxGuaranteeShare);
        }
    }

    /** These limits narrowed, where needed, to fit within the network's (when the network narrows its own). */
    public InstrumentLimit clampedTo(InstrumentLimit network) {
        requireSameInstrument(network);
        Money max = maxAmount.isGreaterThan(network.maxAmount) ? network.maxAmount : maxAmount;
        Money min = minAmount.isLessThan(network.minAmount) ? network.minAmount : minAmount;
        if (min.isGreaterThan(max)) {
            min = network.minAmount;
            max = network.maxAmount;
        }
        Integer duration = network.maxDurationMonths;
        if (maxDurationMonths != null && network.maxDurationMonths != null) {
            duration = Integer.valueOf(Math.min(maxDurationMonths, network.maxDurationMonths));
        }
        BigDecimal share = maxGuaranteeShare == null || network.maxGuaranteeShare == null ? network.maxGuaranteeShare
                : maxGuaranteeShare.min(network.maxGuaranteeShare);
        return new InstrumentLimit(instrument, min, max, duration, share);
    }

    /**
     * Refuses a line of this instrument that these limits do not allow, naming the limit; the line's own
     * rules (amount positive, share of the bank loan, …) are {@link FinancingLine}'s.
     */
    public void check(FinancingLine line, String field, int lineNumber) {
        requireSameInstrument(line.getInstrument());
        if (line.getAmount().isLessThan(minAmount)) {
            throw RuleException.field(field, "rules.lineBelowMin", lineNumber, instrument.name(), minAmount.amount());
        }
        if (line.getAmount().isGreaterThan(maxAmount)) {
            throw RuleException.field(field, "rules.lineOverMax", lineNumber, instrument.name(), maxAmount.amount());
        }
        if (maxDurationMonths != null && line.getDurationMonths() != null && line.getDurationMonths() > maxDurationMonths) {
            throw RuleException.field(field, "rules.lineDurationOverMax", lineNumber, instrument.name(), maxDurationMonths);
        }
        if (maxGuaranteeShare != null && line.getGuaranteedShare() != null
                && line.getGuaranteedShare().compareTo(maxGuaranteeShare) > 0) {
            throw RuleException.field(field, "rules.lineShareOverMax", lineNumber, instrument.name(), maxGuaranteeShare);
        }
    }

    private void requireSameInstrument(InstrumentLimit other) {
        requireSameInstrument(other.instrument);
    }

    private void requireSameInstrument(Instrument other) {
        if (other != instrument) {
            throw new IllegalArgumentException(other + " is not " + instrument);
        }
    }

    private static RuleException refusal(Instrument instrument, String value, String key, Object... arguments) {
        return RuleException.field("instruments." + instrument.name() + "." + value, key, arguments);
    }

    public Instrument getInstrument() {
        return instrument;
    }

    public Money getMinAmount() {
        return minAmount;
    }

    public Money getMaxAmount() {
        return maxAmount;
    }

    public Integer getMaxDurationMonths() {
        return maxDurationMonths;
    }

    public BigDecimal getMaxGuaranteeShare() {
        return maxGuaranteeShare;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InstrumentLimit l && instrument == l.instrument && minAmount.equals(l.minAmount)
                && maxAmount.equals(l.maxAmount) && Objects.equals(maxDurationMonths, l.maxDurationMonths)
                && (maxGuaranteeShare == null ? l.maxGuaranteeShare == null
                    : l.maxGuaranteeShare != null && maxGuaranteeShare.compareTo(l.maxGuaranteeShare) == 0);
    }

    @Override
    public int hashCode() {
        return Objects.hash(instrument, minAmount, maxAmount, maxDurationMonths);
    }

    @Override
    public String toString() {
        return instrument + " " + minAmount + "–" + maxAmount
                + (maxDurationMonths == null ? "" : ", ≤ " + maxDurationMonths + " months")
                + (maxGuaranteeShare == null ? "" : ", ≤ " + maxGuaranteeShare + " %");
    }
}
