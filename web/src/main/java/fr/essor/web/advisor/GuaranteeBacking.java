package fr.essor.web.advisor;

import fr.essor.service.convention.GuaranteeInputs;
import fr.essor.service.convention.GuaranteeService;
import fr.essor.service.convention.GuaranteeViews;
import fr.essor.web.i18n.Format;
import fr.essor.web.i18n.Messages;
import fr.essor.web.shared.RecordPage;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The advisor's page of a guarantee (issue 14, item 4), on the guarantee allocation of a file's
 * line: the bank loan recorded with its amortisation, where the guarantee stands today, the bank's
 * call, its payment (four eyes above the threshold), recoveries and the release.
 */
@Named
@ViewScoped
public class GuaranteeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private GuaranteeService guarantees;

    @Inject
    private transient FacesContext facesContext;

    private Long id;
    private boolean recorded;
    private GuaranteeViews.Guarantee guarantee;
    private GuaranteeViews.Schedule schedule;

    private String bankName;
    private BigDecimal amount;
    private BigDecimal annualRate;
    private Integer durationMonths;
    private LocalDate startDate;
    private BigDecimal commissionRate = BigDecimal.ONE;
    private LocalDate defaultDate = LocalDate.now(Format.ZONE);
    private BigDecimal claimed;
    private LocalDate payDate = LocalDate.now(Format.ZONE);
    private BigDecimal recovered;
    private LocalDate recoveryDate = LocalDate.now(Format.ZONE);

    public void load() throws IOException {
        RecordPage.load(facesContext, id, this::reload);
    }

    private void reload() {
        recorded = guarantees.recorded(id);
        guarantee = recorded ? guarantees.guarantee(id, null) : null;
        schedule = recorded ? guarantees.schedule(id) : null;
    }

    public void record() {
        GuaranteeViews.Guarantee g = guarantees.record(id, new GuaranteeInputs.BankLoan(bankName, amount, annualRate,
                durationMonths, startDate, commissionRate));
        Messages.info("guaranteePage.recorded", new Format().money(g.guaranteed()), new Format().date(g.endDate()));
        reload();
    }

    public void call() {
        GuaranteeViews.Call c = guarantees.call(id, new GuaranteeInputs.Call(defaultDate, claimed));
        Messages.info("guaranteePage.called", new Format().money(c.claimed()));
        claimed = null;
        reload();
    }

    public void pay(long callId) {
        GuaranteeViews.Payment p = guarantees.pay(id, callId, payDate);
        if (p.isProposed()) {
            Messages.info("guaranteePage.waiting");
        } else {
            Messages.info("guaranteePage.paid", new Format().money(p.call().claimed()));
        }
        reload();
    }

    public void recover(long callId) {
        GuaranteeViews.Recovery r = guarantees.recover(id, callId, new GuaranteeInputs.Recovery(recovered, recoveryDate));
        Messages.info("guaranteePage.recoveredMessage", new Format().money(r.amount()));
        recovered = null;
        reload();
    }

    public void release() {
        guarantees.release(id, null);
        Messages.info("guaranteePage.releasedMessage");
        reload();
    }

    public boolean isRunning() {
        return guarantee != null && "RUNNING".equals(guarantee.status());
    }

    public boolean isReleasable() {
        return guarantee != null && !"RELEASED".equals(guarantee.status());
    }

    public List<GuaranteeViews.Call> getCalls() {
        return guarantee == null ? List.of() : guarantee.calls();
    }

    public Long getId() { return id; }
    public void setId(Long v) { id = v; }
    public boolean isRecorded() { return recorded; }
    public GuaranteeViews.Guarantee getGuarantee() { return guarantee; }
    public GuaranteeViews.Schedule getSchedule() { return schedule; }
    public String getBankName() { return bankName; }
    public void setBankName(String v) { bankName = v; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal v) { amount = v; }
    public BigDecimal getAnnualRate() { return annualRate; }
    public void setAnnualRate(BigDecimal v) { annualRate = v; }
    public Integer getDurationMonths() { return durationMonths; }
    public void setDurationMonths(Integer v) { durationMonths = v; }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate v) { startDate = v; }
    public BigDecimal getCommissionRate() { return commissionRate; }
    public void setCommissionRate(BigDecimal v) { commissionRate = v; }
    public LocalDate getDefaultDate() { return defaultDate; }
    public void setDefaultDate(LocalDate v) { defaultDate = v; }
    public BigDecimal getClaimed() { return claimed; }
    public void setClaimed(BigDecimal v) { claimed = v; }
    public LocalDate getPayDate() { return payDate; }
    public void setPayDate(LocalDate v) { payDate = v; }
    public BigDecimal getRecovered() { return recovered; }
    public void setRecovered(BigDecimal v) { recovered = v; }
    public LocalDate getRecoveryDate() { return recoveryDate; }
    public void setRecoveryDate(LocalDate v) { recoveryDate = v; }
}
