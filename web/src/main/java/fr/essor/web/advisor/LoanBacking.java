package fr.essor.web.advisor;

import fr.essor.service.convention.LoanInputs;
import fr.essor.service.convention.LoanService;
import fr.essor.service.convention.LoanViews;
import fr.essor.web.i18n.Format;
import fr.essor.web.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The loan part of the advisor's allocation page (issue 14): the terms under a product with the
 * schedule previewed before it is stored, repayments of any amount and their history with the
 * reversal by a second person, reschedulings and the schedules they replaced.
 */
@Named
@ViewScoped
public class LoanBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private LoanService loans;

    @Inject
    private AllocationBacking page;

    private List<LoanViews.Product> products;
    private LoanViews.Loan loan;
    private List<LoanViews.Schedule> schedules;
    private List<LoanViews.Repayment> repayments;
    private LoanViews.Schedule preview;

    private Long productId;
    private BigDecimal annualRate;
    private Integer durationMonths;
    private Integer graceMonths = 0;
    private LocalDate firstDue = LocalDate.now(Format.ZONE).plusMonths(1).withDayOfMonth(5);
    private BigDecimal amount;
    private LocalDate paidOn = LocalDate.now(Format.ZONE);
    private Long reverseId;
    private String reason;
    private Integer rescheduleMonths;
    private Integer moratoriumMonths = 0;
    private LocalDate rescheduleFirstDue = LocalDate.now(Format.ZONE).plusMonths(1).withDayOfMonth(5);

    /**
     * The request and phase the loan's figures were read in: the page's other forms (disbursement,
     * payment of an instalment) change them, so they are read again in each phase of each request
     * (once for the form's checks, once for the page shown after its action).
     */
    private transient Object readIn;
    private transient Object readInPhase;

    private void freshPerRequest() {
        FacesContext request = FacesContext.getCurrentInstance();
        Object phase = request == null ? null : request.getCurrentPhaseId();
        if (request != readIn || phase != readInPhase) {
            readIn = request;
            readInPhase = phase;
            loan = null;
            schedules = null;
            repayments = null;
        }
    }

    public boolean isShown() {
        return page.isLoan();
    }

    private long id() {
        return page.getId();
    }

    public List<LoanViews.Product> getProducts() {
        if (products == null) {
            String instrument = page.getAllocation().instrument();
            products = loans.products(0, 200).items().stream().filter(p -> p.instrument().equals(instrument)).toList();
            if (productId == null && !products.isEmpty()) {
                LoanViews.Product p = products.get(0);
                productId = p.id();
                annualRate = p.minRate().signum() == 0 ? p.maxRate() : p.minRate().max(new BigDecimal("2")).min(p.maxRate());
                durationMonths = page.getAllocation() == null ? p.minDurationMonths() : Math.max(p.minDurationMonths(), 12);
            }
        }
        return products;
    }

    public LoanViews.Loan getLoan() {
        freshPerRequest();
        if (loan == null) {
            loan = loans.loan(id());
        }
        return loan;
    }

    /** The current schedule first, then those reschedulings replaced. */
    public List<LoanViews.Schedule> getSchedules() {
        freshPerRequest();
        if (schedules == null) {
            schedules = loans.schedules(id());
        }
        return schedules;
    }

    public List<LoanViews.Schedule> getPreviousSchedules() {
        return getSchedules().size() <= 1 ? List.of() : getSchedules().subList(1, getSchedules().size());
    }

    public List<LoanViews.Repayment> getRepayments() {
        freshPerRequest();
        if (repayments == null) {
            repayments = loans.repayments(id(), 0, 200).items();
        }
        return repayments;
    }

    public List<LoanViews.Repayment> getReversible() {
        return getRepayments().stream().filter(r -> !r.reversed() && r.scheduleVersion() == getLoan().scheduleVersion()).toList();
    }

    public boolean isScheduled() {
        return !getSchedules().get(0).lines().isEmpty();
    }

    public boolean isOwed() {
        return getLoan().owed().signum() > 0;
    }

    private LoanInputs.Terms terms() {
        return new LoanInputs.Terms(productId, annualRate, durationMonths, graceMonths, firstDue);
    }

    public void preview() {
        preview = loans.previewFor(id(), terms());
    }

    public void saveSchedule() {
        LoanViews.Schedule s = loans.schedule(id(), terms());
        Messages.info("loan.scheduled", s.lines().size());
        preview = null;
        refresh();
    }

    public void repay() {
        LoanViews.Repayment r = loans.repay(id(), new LoanInputs.Payment(amount, paidOn));
        Messages.info("loan.repaidMessage", new Format().money(r.amount()), new Format().money(r.interest()),
                new Format().money(r.capital()));
        amount = null;
        refresh();
    }

    public void reverse() {
        loans.reverse(id(), reverseId == null ? 0 : reverseId, reason);
        Messages.info("loan.reversedMessage");
        reason = null;
        reverseId = null;
        refresh();
    }

    public void reschedule() {
        LoanViews.Rescheduling r = loans.reschedule(id(), new LoanInputs.Reschedule(rescheduleMonths, moratoriumMonths,
                rescheduleFirstDue));
        Messages.info("loan.rescheduledMessage", r.toVersion());
        refresh();
    }

    private void refresh() {
        loan = null;
        schedules = null;
        repayments = null;
        page.refresh();
    }

    public LoanViews.Schedule getPreview() { return preview; }
    public Long getProductId() { return productId; }
    public void setProductId(Long v) { productId = v; }
    public BigDecimal getAnnualRate() { return annualRate; }
    public void setAnnualRate(BigDecimal v) { annualRate = v; }
    public Integer getDurationMonths() { return durationMonths; }
    public void setDurationMonths(Integer v) { durationMonths = v; }
    public Integer getGraceMonths() { return graceMonths; }
    public void setGraceMonths(Integer v) { graceMonths = v; }
    public LocalDate getFirstDue() { return firstDue; }
    public void setFirstDue(LocalDate v) { firstDue = v; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal v) { amount = v; }
    public LocalDate getPaidOn() { return paidOn; }
    public void setPaidOn(LocalDate v) { paidOn = v; }
    public Long getReverseId() { return reverseId; }
    public void setReverseId(Long v) { reverseId = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
    public Integer getRescheduleMonths() { return rescheduleMonths; }
    public void setRescheduleMonths(Integer v) { rescheduleMonths = v; }
    public Integer getMoratoriumMonths() { return moratoriumMonths; }
    public void setMoratoriumMonths(Integer v) { moratoriumMonths = v; }
    public LocalDate getRescheduleFirstDue() { return rescheduleFirstDue; }
    public void setRescheduleFirstDue(LocalDate v) { rescheduleFirstDue = v; }
}
