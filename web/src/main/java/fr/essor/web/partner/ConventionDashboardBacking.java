package fr.essor.web.partner;

import fr.essor.service.convention.BreakdownDimension;
import fr.essor.service.convention.ConventionService;
import fr.essor.service.convention.ConventionViews;
import fr.essor.service.shared.EssorException;
import fr.essor.service.shared.NotFoundException;
import fr.essor.web.i18n.Messages;
import fr.essor.web.shared.PageModel;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One convention's dashboard for its partner: figures, consumption over time, breakdowns, targets
 * against achieved, funded enterprises and the links to the exports. A convention that is not the
 * caller's answers 404, as if it did not exist.
 */
@Named
@ViewScoped
public class ConventionDashboardBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @EJB
    private ConventionService conventions;

    @Inject
    private transient FacesContext facesContext;

    private Long id;
    private ConventionViews.Detail detail;
    private List<ConventionViews.Point> cumulative = List.of();
    private Map<String, List<ConventionViews.Breakdown>> raw = Map.of();
    private PageModel<ConventionViews.Funded> funded;
    private List<Integer> reportYears = List.of();

    /** One breakdown with its chart configuration and its lines, for the chart and its table. */
    public record Dimension(String name, String chart, String chartLabel, List<Line> lines, long count, BigDecimal amount)
            implements Serializable {
    }

    /** A line of a breakdown: its translated label. */
    public record Line(String label, long count, BigDecimal amount) implements Serializable {
    }

    public void load() throws IOException {
        try {
            if (id == null) {
                throw new NotFoundException("convention");
            }
            detail = conventions.convention(id);
            cumulate(conventions.consumption(id));
            Map<String, List<ConventionViews.Breakdown>> byDimension = new LinkedHashMap<>();
            for (BreakdownDimension d : BreakdownDimension.values()) {
                byDimension.put(d.name(), conventions.breakdown(id, d));
            }
            raw = byDimension;
            long conventionId = id;
            funded = new PageModel<>((first, size) -> conventions.funded(conventionId, first, size),
                    f -> f.enterprise() + "|" + f.instrument() + "|" + f.stage() + "|" + f.allocated());
            reportYears = years(detail.summary());
        } catch (EssorException | EJBAccessException e) {
            facesContext.getExternalContext().responseSendError(404, null);
            facesContext.responseComplete();
        }
    }

    private Locale locale() {
        return facesContext.getViewRoot().getLocale();
    }

    private void cumulate(List<ConventionViews.Point> points) {
        List<ConventionViews.Point> sums = new ArrayList<>(points.size());
        BigDecimal allocated = BigDecimal.ZERO;
        BigDecimal disbursed = BigDecimal.ZERO;
        BigDecimal repaid = BigDecimal.ZERO;
        for (ConventionViews.Point p : points) {
            allocated = allocated.add(p.allocated());
            disbursed = disbursed.add(p.disbursed());
            repaid = repaid.add(p.repaid());
            sums.add(new ConventionViews.Point(p.month(), allocated, disbursed, repaid));
        }
        cumulative = sums;
    }

    private Dimension dimension(String name, List<ConventionViews.Breakdown> rows) {
        Locale locale = locale();
        String prefix = switch (name) {
            case "INSTRUMENT" -> "Instrument.";
            case "LEGAL_FORM" -> "LegalForm.";
            case "STAGE" -> "Stage.";
            default -> null;
        };
        List<Line> lines = new ArrayList<>();
        long count = 0;
        BigDecimal amount = BigDecimal.ZERO;
        for (ConventionViews.Breakdown b : rows) {
            String label = prefix == null || "—".equals(b.key()) ? b.key() : Messages.text(locale, prefix + b.key());
            lines.add(new Line(label, b.count(), b.amount()));
            count += b.count();
            amount = amount.add(b.amount());
        }
        String chart = ChartJson.bars(locale, lines.stream().map(Line::label).toList(), Messages.text(locale, "partner.col.allocated"),
                lines.stream().map(Line::amount).toList());
        String chartLabel = Messages.text(locale, "partner.breakdown.chart", Messages.text(locale, "partner.dimension." + name));
        return new Dimension(name, chart, chartLabel, lines, count, amount);
    }

    /** The years of the period up to this one (at least the first), newest first, for the annual reports. */
    private static List<Integer> years(ConventionViews.Summary s) {
        int last = Math.max(s.periodStart().getYear(),
                Math.min(s.periodEnd().getYear(), LocalDate.now(ZoneId.of("Europe/Paris")).getYear()));
        List<Integer> years = new ArrayList<>();
        for (int y = last; y >= s.periodStart().getYear(); y--) {
            years.add(y);
        }
        return years;
    }

    /** The share of a target reached, e.g. 25.00 for a quarter; null without a target. */
    public BigDecimal reached(ConventionViews.Target t) {
        if (t.target() == null || t.target().signum() == 0) {
            return null;
        }
        return t.achieved().multiply(HUNDRED).divide(t.target(), 2, RoundingMode.HALF_UP);
    }

    public boolean isAnyAllocation() {
        return raw.values().stream().anyMatch(rows -> !rows.isEmpty());
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public ConventionViews.Detail getDetail() {
        return detail;
    }

    public ConventionViews.Summary getSummary() {
        return detail == null ? null : detail.summary();
    }

    public List<ConventionViews.Point> getCumulative() {
        return cumulative;
    }

    /** Cumulative allocated, disbursed and repaid per month, in the page's language. */
    public String getConsumptionChart() {
        Locale locale = locale();
        return ChartJson.line(locale, cumulative.stream().map(ConventionViews.Point::month).toList(), List.of(
                new ChartJson.Series(Messages.text(locale, "partner.col.allocated"),
                        cumulative.stream().map(ConventionViews.Point::allocated).toList()),
                new ChartJson.Series(Messages.text(locale, "partner.col.disbursed"),
                        cumulative.stream().map(ConventionViews.Point::disbursed).toList()),
                new ChartJson.Series(Messages.text(locale, "partner.col.repaid"),
                        cumulative.stream().map(ConventionViews.Point::repaid).toList())));
    }

    public String getConsumptionLabel() {
        return Messages.text(locale(), "partner.consumption.chart");
    }

    /** The four breakdowns with their charts, in the page's language. */
    public List<Dimension> getBreakdowns() {
        return raw.entrySet().stream().map(e -> dimension(e.getKey(), e.getValue())).toList();
    }

    public PageModel<ConventionViews.Funded> getFunded() {
        return funded;
    }

    public List<Integer> getReportYears() {
        return reportYears;
    }

    public String reportLabel(int year) {
        return Messages.text(locale(), "partner.export.report", String.valueOf(year));
    }
}
