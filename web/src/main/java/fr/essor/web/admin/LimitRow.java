package fr.essor.web.admin;

import fr.essor.service.rules.RulesInput;
import fr.essor.service.rules.RulesViews;
import java.io.Serializable;
import java.math.BigDecimal;

/** One instrument's limits as a form edits them (the network's page, an association's rules page). */
public class LimitRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String instrument;
    private boolean offered = true;
    private BigDecimal minAmount;
    private BigDecimal maxAmount;
    private Integer maxDurationMonths;
    private BigDecimal maxGuaranteeShare;
    private final boolean hasDuration;
    private final boolean guarantee;
    /** The network's limits, shown beside the association's. */
    private RulesViews.Limit network;

    LimitRow(String instrument, boolean hasDuration, boolean guarantee) {
        this.instrument = instrument;
        this.hasDuration = hasDuration;
        this.guarantee = guarantee;
    }

    static LimitRow of(RulesViews.Limit l) {
        LimitRow r = new LimitRow(l.instrument(), l.maxDurationMonths() != null, l.maxGuaranteeShare() != null);
        r.minAmount = l.minAmount();
        r.maxAmount = l.maxAmount();
        r.maxDurationMonths = l.maxDurationMonths();
        r.maxGuaranteeShare = l.maxGuaranteeShare();
        r.network = l;
        return r;
    }

    RulesInput.LimitInput input() {
        return new RulesInput.LimitInput(minAmount, maxAmount, hasDuration ? maxDurationMonths : null,
                guarantee ? maxGuaranteeShare : null);
    }

    public String getInstrument() {
        return instrument;
    }

    public boolean isOffered() {
        return offered;
    }

    public void setOffered(boolean offered) {
        this.offered = offered;
    }

    public BigDecimal getMinAmount() {
        return minAmount;
    }

    public void setMinAmount(BigDecimal minAmount) {
        this.minAmount = minAmount;
    }

    public BigDecimal getMaxAmount() {
        return maxAmount;
    }

    public void setMaxAmount(BigDecimal maxAmount) {
        this.maxAmount = maxAmount;
    }

    public Integer getMaxDurationMonths() {
        return maxDurationMonths;
    }

    public void setMaxDurationMonths(Integer maxDurationMonths) {
        this.maxDurationMonths = maxDurationMonths;
    }

    public BigDecimal getMaxGuaranteeShare() {
        return maxGuaranteeShare;
    }

    public void setMaxGuaranteeShare(BigDecimal maxGuaranteeShare) {
        this.maxGuaranteeShare = maxGuaranteeShare;
    }

    public boolean isHasDuration() {
        return hasDuration;
    }

    public boolean isGuarantee() {
        return guarantee;
    }

    public RulesViews.Limit getNetwork() {
        return network;
    }

    void setNetwork(RulesViews.Limit network) {
        this.network = network;
    }

    void setOfferedFrom(RulesViews.Limit own) {
        this.offered = own != null;
        if (own != null) {
            minAmount = own.minAmount();
            maxAmount = own.maxAmount();
            maxDurationMonths = own.maxDurationMonths();
            maxGuaranteeShare = own.maxGuaranteeShare();
        }
    }
}
