package fr.essor.web.advisor;

import fr.essor.model.application.Instrument;
import fr.essor.service.application.ApplicationViews;
import fr.essor.service.application.LineInput;
import java.io.Serializable;
import java.math.BigDecimal;

/** A financing line being edited on a page (a proposal or a grant): the instrument is fixed, amounts may change. */
public class LineRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String instrument;
    private BigDecimal amount;
    private Integer durationMonths;
    private final String bankName;
    private final BigDecimal bankLoanAmount;
    private final BigDecimal guaranteedShare;

    public LineRow(ApplicationViews.Line l) {
        this.instrument = l.instrument();
        this.amount = l.amount();
        this.durationMonths = l.durationMonths();
        this.bankName = l.bankName();
        this.bankLoanAmount = l.bankLoanAmount();
        this.guaranteedShare = l.guaranteedShare();
    }

    public LineInput input() {
        return new LineInput(Instrument.valueOf(instrument), amount, durationMonths, bankName, bankLoanAmount, guaranteedShare);
    }

    public boolean isWithDuration() {
        return Instrument.valueOf(instrument).hasDuration();
    }

    public String getInstrument() { return instrument; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal v) { amount = v; }
    public Integer getDurationMonths() { return durationMonths; }
    public void setDurationMonths(Integer v) { durationMonths = v; }
    public String getBankName() { return bankName; }
    public BigDecimal getBankLoanAmount() { return bankLoanAmount; }
    public BigDecimal getGuaranteedShare() { return guaranteedShare; }
}
