package fr.essor.model.application;

import fr.essor.model.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One line of financing: an instrument, an amount and, depending on the instrument, a duration and
 * the bank loan a guarantee covers. Used for what an applicant requests and what a committee grants.
 */
@Embeddable
public class FinancingLine {

    public static final int BANK_NAME_MAX = 120;

    @Enumerated(EnumType.STRING)
    @Column(name = "instrument", length = 20, nullable = false)
    private Instrument instrument;

    @Column(name = "amount", precision = 15, scale = 2, nullable = false)
    private Money amount;

    @Column(name = "duration_months")
    private Integer durationMonths;

    @Column(name = "bank_name", length = BANK_NAME_MAX)
    private String bankName;

    @Column(name = "bank_loan_amount", precision = 15, scale = 2)
    private Money bankLoanAmount;

    /** Percentage of the bank loan guaranteed, e.g. 50.00. */
    @Column(name = "guaranteed_share", precision = 5, scale = 2)
    private BigDecimal guaranteedShare;

    protected FinancingLine() {
    }

    private FinancingLine(Instrument instrument, Money amount, Integer durationMonths, String bankName,
                          Money bankLoanAmount, BigDecimal guaranteedShare) {
        this.instrument = instrument;
        this.amount = amount;
        this.durationMonths = durationMonths;
        this.bankName = bankName == null || bankName.isBlank() ? null : bankName.strip();
        this.bankLoanAmount = bankLoanAmount;
        this.guaranteedShare = guaranteedShare;
    }

    /**
     * A line checked against its instrument's limits; throws {@link InvalidFinancingLineException}
     * listing every broken rule.
     */
    public static FinancingLine of(Instrument instrument, Money amount, Integer durationMonths, String bankName,
                                   Money bankLoanAmount, BigDecimal guaranteedShare) {
        List<String> problems = problems(instrument, amount, durationMonths, bankName, bankLoanAmount, guaranteedShare);
        if (!problems.isEmpty()) {
            throw new InvalidFinancingLineException(problems, instrument);
        }
        boolean g = instrument.isGuarantee();
        return new FinancingLine(instrument, amount, instrument.hasDuration() ? durationMonths : null, g ? bankName : null,
                g ? bankLoanAmount : null, g ? guaranteedShare.setScale(2, RoundingMode.UNNECESSARY) : null);
    }

    /** Message keys of the rules a line would break; empty when it is valid. */
    public static List<String> problems(Instrument instrument, Money amount, Integer durationMonths, String bankName,
                                        Money bankLoanAmount, BigDecimal guaranteedShare) {
        List<String> problems = new ArrayList<>();
        if (instrument == null) {
            problems.add("line.instrumentRequired");
            return problems;
        }
        if (amount == null) {
            problems.add("line.amountRequired");
        } else if (!amount.isPositive()) {
            problems.add("line.amountPositive");
        } else if (amount.compareTo(instrument.maxAmount()) > 0) {
            problems.add("line.amountOverLimit");
        }
        if (instrument.hasDuration()) {
            if (durationMonths == null) {
                problems.add("line.durationRequired");
            } else if (durationMonths < instrument.minDurationMonths() || durationMonths > instrument.maxDurationMonths()) {
                problems.add("line.durationOutOfRange");
            }
        }
        if (instrument.isGuarantee()) {
            if (bankName == null || bankName.isBlank()) {
                problems.add("line.bankRequired");
            } else if (bankName.strip().length() > BANK_NAME_MAX) {
                problems.add("line.bankTooLong");
            }
            if (bankLoanAmount == null || !bankLoanAmount.isPositive()) {
                problems.add("line.bankLoanRequired");
            } else if (bankLoanAmount.compareTo(Instrument.MAX_BANK_LOAN) > 0) {
                problems.add("line.bankLoanOverLimit");
            }
            if (guaranteedShare == null) {
                problems.add("line.shareRequired");
            } else if (guaranteedShare.scale() > 2 && guaranteedShare.stripTrailingZeros().scale() > 2) {
                problems.add("line.shareOutOfRange");
            } else if (guaranteedShare.compareTo(Instrument.MIN_GUARANTEED_SHARE) < 0
                    || guaranteedShare.compareTo(Instrument.MAX_GUARANTEED_SHARE) > 0) {
                problems.add("line.shareOutOfRange");
            }
            if (amount != null && bankLoanAmount != null && guaranteedShare != null && problems.isEmpty()) {
                Money covered = bankLoanAmount.times(guaranteedShare.movePointLeft(2));
                if (amount.compareTo(covered) > 0) {
                    problems.add("line.guaranteeOverShare");
                }
            }
        }
        return problems;
    }

    public Instrument getInstrument() {
        return instrument;
    }

    public Money getAmount() {
        return amount;
    }

    public Integer getDurationMonths() {
        return durationMonths;
    }

    public String getBankName() {
        return bankName;
    }

    public Money getBankLoanAmount() {
        return bankLoanAmount;
    }

    public BigDecimal getGuaranteedShare() {
        return guaranteedShare;
    }

    /**
     * What the line mobilises: its amount, plus for a guarantee the part of the bank loan it does
     * not already count (so a 50 % guarantee of a 40,000 EUR loan counts 40,000 EUR).
     */
    public Money mobilised() {
        if (instrument.isGuarantee() && bankLoanAmount != null) {
            return bankLoanAmount.compareTo(amount) > 0 ? bankLoanAmount : amount;
        }
        return amount;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FinancingLine l && instrument == l.instrument && Objects.equals(amount, l.amount)
                && Objects.equals(durationMonths, l.durationMonths) && Objects.equals(bankName, l.bankName)
                && Objects.equals(bankLoanAmount, l.bankLoanAmount)
                && (guaranteedShare == null ? l.guaranteedShare == null
                    : l.guaranteedShare != null && guaranteedShare.compareTo(l.guaranteedShare) == 0);
    }

    @Override
    public int hashCode() {
        return Objects.hash(instrument, amount, durationMonths, bankName, bankLoanAmount);
    }

    @Override
    public String toString() {
        return instrument + " " + amount + (durationMonths == null ? "" : " / " + durationMonths + " months");
    }
}
