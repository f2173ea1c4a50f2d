package fr.essor.model.convention;

import fr.essor.model.application.Instrument;
import fr.essor.model.shared.FreeText;
import fr.essor.model.shared.Identified;
import fr.essor.model.shared.RuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A loan product of the network: the instrument it lends (honour loan, or quasi-equity for a
 * participative loan), its rate and duration ranges, the longest grace, the frequency of the
 * instalments and what the grace does with interest. A loan's terms are offered within these
 * limits ({@link #offer}); a product never changes once a loan uses it (a new one is created).
 */
@Entity
@Table(name = "loan_product")
public class LoanProduct extends Identified {

    public static final int CODE_MAX = 30;
    public static final int NAME_MAX = 120;

    @Column(name = "code", length = CODE_MAX, nullable = false, unique = true, updatable = false)
    private String code;

    @Column(name = "name", length = NAME_MAX, nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "instrument", length = 20, nullable = false)
    private Instrument instrument;

    @Column(name = "min_rate", precision = 6, scale = 3, nullable = false)
    private BigDecimal minRate;

    @Column(name = "max_rate", precision = 6, scale = 3, nullable = false)
    private BigDecimal maxRate;

    @Column(name = "min_duration_months", nullable = false)
    private int minDurationMonths;

    @Column(name = "max_duration_months", nullable = false)
    private int maxDurationMonths;

    @Column(name = "max_grace_months", nullable = false)
    private int maxGraceMonths;

    @Enumerated(EnumType.STRING)
    @Column(name = "frequency", length = 12, nullable = false)
    private RepaymentFrequency frequency;

    @Enumerated(EnumType.STRING)
    @Column(name = "grace_interest", length = 12, nullable = false)
    private GraceInterest graceInterest;

    protected LoanProduct() {
    }

    public LoanProduct(String code, String name, Instrument instrument, BigDecimal minRate, BigDecimal maxRate,
                       int minDurationMonths, int maxDurationMonths, int maxGraceMonths, RepaymentFrequency frequency,
                       GraceInterest graceInterest) {
        if (code == null || code.isBlank()) {
            throw RuleException.field("code", "field.required");
        }
        if (name == null || name.isBlank()) {
            throw RuleException.field("name", "field.required");
        }
        this.code = FreeText.require("code", code, false);
        if (code.length() > CODE_MAX) {
            throw RuleException.field("code", "field.tooLong", CODE_MAX);
        }
        this.name = FreeText.require("name", name, false);
        if (name.length() > NAME_MAX) {
            throw RuleException.field("name", "field.tooLong", NAME_MAX);
        }
        if (instrument == null || !instrument.isRepaid()) {
            throw RuleException.field("instrument", "loanProduct.notALoan");
        }
        this.instrument = instrument;
        this.frequency = Objects.requireNonNull(frequency);
        this.graceInterest = Objects.requireNonNull(graceInterest);
        // the bounds are themselves terms the arithmetic accepts
        new LoanTerms(minRate, Math.max(minDurationMonths, frequency.months()), 0, frequency, graceInterest);
        new LoanTerms(maxRate, maxDurationMonths, 0, frequency, graceInterest);
        if (minRate.compareTo(maxRate) > 0) {
            throw RuleException.field("maxRate", "loanProduct.rangeInverted");
        }
        if (minDurationMonths > maxDurationMonths || minDurationMonths < frequency.months()) {
            throw RuleException.field("maxDurationMonths", "loanProduct.rangeInverted");
        }
        if (instrument == Instrument.HONOUR_LOAN && maxRate.signum() != 0) {
            throw RuleException.field("maxRate", "loanProduct.honourLoanInterestFree");
        }
        if (maxGraceMonths < 0 || maxGraceMonths >= maxDurationMonths || maxGraceMonths % frequency.months() != 0) {
            throw RuleException.field("maxGraceMonths", "loan.graceInvalid", frequency.months(), maxDurationMonths);
        }
        this.minRate = minRate;
        this.maxRate = maxRate;
        this.minDurationMonths = minDurationMonths;
        this.maxDurationMonths = maxDurationMonths;
        this.maxGraceMonths = maxGraceMonths;
    }

    /**
     * The terms of a loan of this product, refused (keyed, on the field at fault) when the rate, the
     * duration or the grace is outside the product's limits.
     */
    public LoanTerms offer(BigDecimal annualRate, int durationMonths, int graceMonths) {
        if (annualRate == null) {
            throw RuleException.field("annualRate", "field.required");
        }
        if (annualRate.compareTo(minRate) < 0 || annualRate.compareTo(maxRate) > 0) {
            throw RuleException.field("annualRate", "loan.rateOutOfProduct", minRate.stripTrailingZeros().toPlainString(),
                    maxRate.stripTrailingZeros().toPlainString());
        }
        if (durationMonths < minDurationMonths || durationMonths > maxDurationMonths) {
            throw RuleException.field("durationMonths", "loan.durationOutOfProduct", minDurationMonths, maxDurationMonths);
        }
        if (graceMonths < 0 || graceMonths > maxGraceMonths) {
            throw RuleException.field("graceMonths", "loan.graceOutOfProduct", maxGraceMonths);
        }
        return new LoanTerms(annualRate, durationMonths, graceMonths, frequency, graceInterest);
    }

    /** Whether a line of this instrument may be lent with this product. */
    public boolean lends(Instrument lineInstrument) {
        return instrument == lineInstrument;
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public Instrument getInstrument() { return instrument; }
    public BigDecimal getMinRate() { return minRate; }
    public BigDecimal getMaxRate() { return maxRate; }
    public int getMinDurationMonths() { return minDurationMonths; }
    public int getMaxDurationMonths() { return maxDurationMonths; }
    public int getMaxGraceMonths() { return maxGraceMonths; }
    public RepaymentFrequency getFrequency() { return frequency; }
    public GraceInterest getGraceInterest() { return graceInterest; }
}
