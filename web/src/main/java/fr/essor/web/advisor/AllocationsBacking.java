package fr.essor.web.advisor;

import fr.essor.service.convention.AllocationService;
import fr.essor.service.convention.ConventionViews;
import fr.essor.service.shared.EssorException;
import fr.essor.web.i18n.Format;
import fr.essor.web.i18n.Messages;
import fr.essor.web.shared.PageModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Approved lines still to allocate: the advisor picks a line, sees the conventions that could fund
 * it with what they have left, allocates all or part of it; files whose lines are covered are marked
 * contracted; the guarantee exposure per bank and per fund.
 */
@Named
@ViewScoped
public class AllocationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AllocationService allocations;

    private PageModel<ConventionViews.LineRow> model;
    private final Map<Long, ConventionViews.LineRow> seen = new HashMap<>();
    private ConventionViews.LineRow selected;
    private List<ConventionViews.Summary> eligible = List.of();
    private List<ConventionViews.AllocationRow> lineAllocations = List.of();
    private List<ConventionViews.ContractCandidate> toContract = List.of();
    private List<ConventionViews.Exposure> perBank = List.of();
    private List<ConventionViews.Exposure> perFund = List.of();
    private Long conventionId;
    private BigDecimal amount;

    @PostConstruct
    void init() {
        model = new PageModel<>((first, size) -> {
            var page = allocations.lines(true, first, size);
            page.items().forEach(l -> seen.put(l.id(), l));
            return page;
        }, l -> String.valueOf(l.id()));
        refreshSide();
    }

    private void refreshSide() {
        toContract = allocations.toContract(50);
        perBank = allocations.exposure(true);
        perFund = allocations.exposure(false);
    }

    /** Shows a line of the table with its eligible conventions and its allocations. */
    public void select(long lineId) {
        ConventionViews.LineRow row = seen.get(lineId);
        if (row == null) {
            return;
        }
        selected = row;
        try {
            reloadSelected();
        } catch (EssorException e) {
            selected = null;
            Messages.error(e, null);
        }
    }

    private void reloadSelected() {
        lineAllocations = allocations.allocationsOfLine(selected.id());
        BigDecimal allocated = lineAllocations.stream().filter(a -> !"RELEASED".equals(a.status()))
                .map(a -> a.amount().subtract(a.released())).reduce(BigDecimal.ZERO, BigDecimal::add);
        selected = new ConventionViews.LineRow(selected.id(), selected.applicationReference(), selected.applicationId(),
                selected.enterprise(), selected.department(), selected.instrument(), selected.granted(), allocated,
                selected.granted().subtract(allocated), selected.decisionDate(), selected.durationMonths());
        eligible = selected.unallocated().signum() > 0 ? allocations.eligible(selected.id()) : List.of();
        conventionId = eligible.isEmpty() ? null : eligible.get(0).id();
        prefill();
    }

    /** The amount proposed: what the line still needs, within what the chosen convention has left. */
    public void prefill() {
        amount = null;
        if (selected == null || conventionId == null) {
            return;
        }
        eligible.stream().filter(c -> c.id() == conventionId).findFirst()
                .ifPresent(c -> amount = selected.unallocated().min(c.remaining()));
    }

    public void allocate() {
        if (selected == null) {
            return;
        }
        if (conventionId == null) {
            Messages.errorFor("allocate:convention", "field.required");
            return;
        }
        ConventionViews.AllocationRow done = allocations.allocate(conventionId, selected.id(), amount);
        Messages.info("allocations.done", new Format().money(done.amount()), done.conventionReference(), selected.applicationReference());
        reloadSelected();
        refreshSide();
    }

    public void contract(long applicationId) {
        allocations.markContracted(applicationId);
        String reference = toContract.stream().filter(c -> c.applicationId() == applicationId).findFirst()
                .map(ConventionViews.ContractCandidate::reference).orElse("");
        Messages.info("allocations.contracted", reference);
        refreshSide();
    }

    public PageModel<ConventionViews.LineRow> getModel() { return model; }
    public ConventionViews.LineRow getSelected() { return selected; }
    public List<ConventionViews.Summary> getEligible() { return eligible; }
    public List<ConventionViews.AllocationRow> getLineAllocations() { return lineAllocations; }
    public List<ConventionViews.ContractCandidate> getToContract() { return toContract; }
    public List<ConventionViews.Exposure> getPerBank() { return perBank; }
    public List<ConventionViews.Exposure> getPerFund() { return perFund; }
    public Long getConventionId() { return conventionId; }
    public void setConventionId(Long v) { conventionId = v; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal v) { amount = v; }
}
