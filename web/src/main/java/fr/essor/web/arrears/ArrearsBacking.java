package fr.essor.web.arrears;

import fr.essor.model.arrears.ArrearsBucket;
import fr.essor.service.arrears.ArrearsService;
import fr.essor.service.arrears.ArrearsViews;
import fr.essor.service.shared.Page;
import fr.essor.web.shared.PageModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The advisor's arrears page: the latest run's loans in arrears of the association by bucket (a
 * bucket chosen by a link, the list paged in SQL) and the portfolio at risk as of today.
 */
@Named
@ViewScoped
public class ArrearsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ArrearsService arrears;

    private String bucket;
    private ArrearsViews.Listing summary;
    private PageModel<ArrearsViews.Row> model;

    @PostConstruct
    void init() {
        model = new PageModel<>((first, size) -> {
            ArrearsViews.Listing l = arrears.list(null, null, chosen(), first, size);
            return l == null ? new Page<>(List.of(), 0, first, size) : new Page<>(l.items(), l.total(), l.first(), l.size());
        }, r -> String.valueOf(r.allocationId()));
    }

    /** Reads the run's counts once the view parameter is set (the PAR is the include's, {@code ParBacking}). */
    public void load() {
        summary = arrears.list(null, null, null, 0, 1);
    }

    private ArrearsBucket chosen() {
        if (bucket == null || bucket.isBlank()) {
            return null;
        }
        String b = bucket.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(ArrearsBucket.values()).filter(x -> x.inArrears() && x.name().equals(b)).findFirst().orElse(null);
    }

    public String getBucket() {
        ArrearsBucket b = chosen();
        return b == null ? null : b.name();
    }

    public void setBucket(String bucket) {
        this.bucket = bucket;
    }

    public ArrearsViews.Listing getSummary() {
        return summary;
    }

    public PageModel<ArrearsViews.Row> getModel() {
        return model;
    }
}
