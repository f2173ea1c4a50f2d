package fr.essor.web.indicator;

import fr.essor.service.indicator.IndicatorService;
import fr.essor.service.indicator.Indicators;
import fr.essor.service.shared.EssorException;
import fr.essor.service.shared.ForbiddenException;
import fr.essor.web.i18n.Messages;
import fr.essor.web.partner.ChartJson;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The indicators dashboard: an association (or the network) and a year, its figures, charts and reports. */
@Named
@ViewScoped
public class IndicatorsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private IndicatorService service;

    private List<String[]> associations;
    private String association;
    /** The last complete year: the current one is still being written. */
    private int year = Year.now().getValue() - 1;
    private transient Indicators indicators;

    @PostConstruct
    void init() {
        associations = service.associations();
        if (associations.size() == 1) {
            association = associations.get(0)[0];
        }
    }

    /**
     * On opening the page, whose address may name the association and the year ({@code ?association=CVL&year=2021}):
     * their figures; without an association, the network's for the national head, and anyone else's first
     * association.
     */
    public void load() {
        if (association == null || association.isBlank()) {
            try {
                indicators = service.indicators(association, year);
                return;
            } catch (ForbiddenException e) {
                // only the national head sees the whole network: anyone else opens on the first association of theirs
                association = associations.isEmpty() ? null : associations.get(0)[0];
            } catch (EssorException e) {
                Messages.error(e, "choice");
                return;
            }
        }
        show();
    }

    public void show() {
        try {
            indicators = service.indicators(association, year);
        } catch (EssorException e) {
            indicators = null;
            Messages.error(e, "choice");
        }
    }

    public List<Integer> getYears() {
        List<Integer> years = new ArrayList<>();
        for (int y = Year.now().getValue(); y >= Year.now().getValue() - 9; y--) {
            years.add(y);
        }
        return years;
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    private String text(String key) {
        return Messages.text(locale(), key);
    }

    public String getInstrumentChart() {
        if (indicators == null) {
            return null;
        }
        List<String> labels = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> e : indicators.byInstrument().entrySet()) {
            labels.add(text("Instrument." + e.getKey()));
            values.add(e.getValue());
        }
        return ChartJson.bars(locale(), labels, text("indicators.granted"), values);
    }

    public String getDepartmentChart() {
        if (indicators == null) {
            return null;
        }
        return ChartJson.bars(locale(), indicators.byDepartment().stream().map(Indicators.Breakdown::key).toList(),
                text("indicators.mobilised"), indicators.byDepartment().stream().map(Indicators.Breakdown::mobilised).toList());
    }

    /** The report's download path, e.g. {@code /files/indicators/CVL/2021.pdf}. */
    public String report(String format) {
        return "/files/indicators/" + (association == null || association.isBlank() ? "NETWORK" : association) + "/" + year
                + "." + format;
    }

    public List<String[]> getAssociations() { return associations; }
    public String getAssociation() { return association; }
    public void setAssociation(String v) { association = v; }
    public int getYear() { return year; }
    public void setYear(int v) { year = v; }
    public Indicators getIndicators() { return indicators; }
}
