package fr.essor.web.afterdecision;

import fr.essor.service.convention.FourEyesService;
import fr.essor.service.convention.FourEyesViews;
import fr.essor.web.i18n.Format;
import fr.essor.web.i18n.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The four-eyes threshold of each association the admin administers, on the associations page. */
@Named
@ViewScoped
public class ThresholdsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private FourEyesService fourEyes;

    private List<FourEyesViews.Threshold> thresholds;
    private final Map<Long, BigDecimal> typed = new HashMap<>();

    @PostConstruct
    void init() {
        reload();
    }

    private void reload() {
        thresholds = fourEyes.thresholds();
        typed.clear();
        thresholds.forEach(t -> typed.put(t.associationId(), t.threshold()));
    }

    public void save(long associationId) {
        FourEyesViews.Threshold t = fourEyes.changeThreshold(associationId, typed.get(associationId));
        Messages.info("fourEyes.thresholdSaved", t.code(), new Format().money(t.threshold()));
        reload();
    }

    public List<FourEyesViews.Threshold> getThresholds() { return thresholds; }
    public Map<Long, BigDecimal> getTyped() { return typed; }
}
