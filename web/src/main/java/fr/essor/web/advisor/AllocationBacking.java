package fr.essor.web.advisor;

import fr.essor.service.convention.AllocationService;
import fr.essor.service.convention.ConventionViews;
import fr.essor.service.convention.FourEyesService;
import fr.essor.service.convention.FourEyesViews;
import fr.essor.service.convention.MoneyOutcome;
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
 * One allocation followed by the advisor: tranches paid out, release of the rest, the repayment
 * schedule of an honour loan with its payments and write-off, the calls on a guarantee.
 */
@Named
@ViewScoped
public class AllocationBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AllocationService allocations;

    @EJB
    private FourEyesService fourEyes;

    @Inject
    private transient FacesContext facesContext;

    private Long id;
    private ConventionViews.AllocationRow allocation;
    private List<ConventionViews.InstalmentRow> instalments = List.of();
    private BigDecimal tranche;
    private LocalDate trancheDate;
    private LocalDate firstDue;
    private BigDecimal callAmount;
    private LocalDate callDate;
    private FourEyesViews.Proposal proposal;
    private String rejection;

    public void load() throws IOException {
        RecordPage.load(facesContext, id, () -> {
            reload();
            tranche = getLeftToDisburse().signum() > 0 ? getLeftToDisburse() : null;
            trancheDate = LocalDate.now(Format.ZONE);
            callDate = LocalDate.now(Format.ZONE);
            firstDue = LocalDate.now(Format.ZONE).plusMonths(1).withDayOfMonth(1);
        });
    }

    /** Reads the allocation and its instalments again (after a loan's repayment on the same page). */
    void refresh() {
        reload();
    }

    private void reload() {
        allocation = allocations.allocation(id);
        instalments = isLoan() ? allocations.instalments(id) : List.of();
        proposal = fourEyes.pendingOf(id);
    }

    /** Above the four-eyes threshold the movement waits for a second person: say so instead of "done". */
    private boolean proposed(MoneyOutcome outcome) {
        if (outcome.isProposed()) {
            Messages.info("approval.proposedMessage", new Format().money(outcome.proposal().amount()));
            reload();
            return true;
        }
        return false;
    }

    public void approve() {
        fourEyes.approve(proposal.id());
        Messages.info("approval.approvedMessage");
        reload();
    }

    public void reject() {
        fourEyes.reject(proposal.id(), rejection);
        rejection = null;
        Messages.info("approval.rejectedMessage");
        reload();
    }

    public void disburse() {
        if (proposed(allocations.disburse(id, tranche, trancheDate))) {
            return;
        }
        Messages.info("allocation.disbursedMessage", new Format().money(tranche));
        reload();
        tranche = getLeftToDisburse().signum() > 0 ? getLeftToDisburse() : null;
    }

    public void release() {
        allocations.release(id);
        Messages.info("allocation.releasedMessage");
        reload();
    }

    public void schedule() {
        instalments = allocations.schedule(id, firstDue);
        Messages.info("allocation.scheduled", instalments.size());
        reload();
    }

    public void pay(long instalmentId) {
        allocations.pay(id, instalmentId, null);
        reload();
        instalments.stream().filter(i -> i.id() == instalmentId).findFirst()
                .ifPresent(i -> Messages.info("allocation.paid", i.number()));
    }

    public void writeOff() {
        if (proposed(allocations.writeOff(id))) {
            return;
        }
        Messages.info("allocation.writtenOff");
        reload();
    }

    public void callGuarantee() {
        if (proposed(allocations.callGuarantee(id, callAmount, callDate))) {
            callAmount = null;
            return;
        }
        Messages.info("allocation.called", new Format().money(callAmount));
        callAmount = null;
        reload();
    }

    public boolean isLoan() {
        return allocation != null && ("HONOUR_LOAN".equals(allocation.instrument())
                || "QUASI_EQUITY".equals(allocation.instrument()));
    }

    public boolean isGuarantee() {
        return allocation != null && "GUARANTEE".equals(allocation.instrument());
    }

    /** Open: money may still be paid out or released. */
    public boolean isOpen() {
        return allocation != null && ("COMMITTED".equals(allocation.status()) || "PARTLY_DISBURSED".equals(allocation.status()));
    }

    public BigDecimal getLeftToDisburse() {
        return allocation == null ? BigDecimal.ZERO
                : allocation.amount().subtract(allocation.released()).subtract(allocation.disbursed());
    }

    /** The schedule can be (re)generated while nothing in it is paid, late or written off. */
    public boolean isSchedulable() {
        return isLoan() && allocation.disbursed().signum() > 0 && instalments.stream().allMatch(i -> "DUE".equals(i.status()));
    }

    public boolean isAnyOpenInstalment() {
        return instalments.stream().anyMatch(i -> "DUE".equals(i.status()) || "LATE".equals(i.status()));
    }

    public BigDecimal getRepaid() {
        return instalments.stream().map(ConventionViews.InstalmentRow::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public Long getId() { return id; }
    public void setId(Long v) { id = v; }
    public ConventionViews.AllocationRow getAllocation() { return allocation; }
    public List<ConventionViews.InstalmentRow> getInstalments() { return instalments; }
    public BigDecimal getTranche() { return tranche; }
    public void setTranche(BigDecimal v) { tranche = v; }
    public LocalDate getTrancheDate() { return trancheDate; }
    public void setTrancheDate(LocalDate v) { trancheDate = v; }
    public LocalDate getFirstDue() { return firstDue; }
    public void setFirstDue(LocalDate v) { firstDue = v; }
    public BigDecimal getCallAmount() { return callAmount; }
    public void setCallAmount(BigDecimal v) { callAmount = v; }
    public LocalDate getCallDate() { return callDate; }
    public void setCallDate(LocalDate v) { callDate = v; }
    public FourEyesViews.Proposal getProposal() { return proposal; }
    public String getRejection() { return rejection; }
    public void setRejection(String v) { rejection = v; }
}
