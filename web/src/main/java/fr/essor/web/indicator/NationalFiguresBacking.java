package fr.essor.web.indicator;

import fr.essor.service.indicator.Figures;
import fr.essor.service.indicator.NationalFigures;
import fr.essor.service.indicator.NationalFiguresService;
import fr.essor.service.indicator.Trend;
import fr.essor.service.indicator.YearClosingView;
import fr.essor.service.shared.ForbiddenException;
import fr.essor.web.i18n.Messages;
import fr.essor.web.partner.ChartJson;
import fr.essor.web.shared.PageModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The national head's figures (issue 12, part 4): a year by association with the network's total, the
 * trend of the last ten years, the year's closing and its reopening, the closings' history.
 */
@Named
@ViewScoped
public class NationalFiguresBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private NationalFiguresService service;

    private final int currentYear = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();
    private int year = currentYear - 1;
    private boolean national = true;
    private String reason;
    private transient NationalFigures figures;
    private transient Trend trend;
    private PageModel<YearClosingView> closings;

    @PostConstruct
    void init() {
        try {
            load();
        } catch (ForbiddenException e) {
            // an association's administrator reaches the page: it says the figures are the national head's
            national = false;
            return;
        }
        closings = new PageModel<>((first, size) -> service.closings(first, size), c -> String.valueOf(c.id()));
    }

    private void load() {
        figures = service.byAssociation(year);
        trend = service.trend(currentYear - 9, currentYear);
    }

    public void show() {
        figures = service.byAssociation(year);
    }

    public void close() {
        service.close(year);
        load();
        Messages.info("national.closed", String.valueOf(year));
    }

    public void reopen() {
        if (getFigures().closing() == null) {
            // reopened meanwhile (another administrator): show the year as it is now
            load();
            return;
        }
        service.reopen(figures.closing().id(), reason);
        reason = null;
        load();
        Messages.info("national.reopened", String.valueOf(year));
    }

    public List<Integer> getYears() {
        List<Integer> years = new ArrayList<>();
        for (int y = currentYear; y >= currentYear - 9; y--) {
            years.add(y);
        }
        return years;
    }

    /** The network's amount mobilised and granted, year by year. */
    public String getTrendChart() {
        if (getTrend() == null) {
            return null;
        }
        List<String> labels = new ArrayList<>();
        List<BigDecimal> mobilised = new ArrayList<>();
        List<BigDecimal> granted = new ArrayList<>();
        for (Figures f : trend.years()) {
            labels.add(String.valueOf(f.year()));
            mobilised.add(f.mobilised());
            granted.add(f.granted());
        }
        return ChartJson.line(FacesContext.getCurrentInstance().getViewRoot().getLocale(), labels, List.of(new ChartJson.Series(text("indicators.mobilised"), mobilised),
                new ChartJson.Series(text("indicators.granted"), granted)));
    }

    private String text(String key) {
        return Messages.text(FacesContext.getCurrentInstance().getViewRoot().getLocale(), key);
    }

    /** The year may be closed: it is over and not closed yet. */
    public boolean isClosable() {
        return getFigures() != null && figures.closing() == null && year < currentYear;
    }

    public String export(String format) {
        return "/files/national/" + year + "." + format;
    }

    public String trendExport(String format) {
        return "/files/national/trend/" + (currentYear - 9) + "-" + currentYear + "." + format;
    }

    public boolean isNational() { return national; }
    /** The figures are not kept when the view is serialised: read again then. */
    public NationalFigures getFigures() {
        if (figures == null && national) {
            figures = service.byAssociation(year);
        }
        return figures;
    }

    public Trend getTrend() {
        if (trend == null && national) {
            trend = service.trend(currentYear - 9, currentYear);
        }
        return trend;
    }

    public PageModel<YearClosingView> getClosings() { return closings; }
    public int getYear() { return year; }
    public void setYear(int v) { year = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
}
