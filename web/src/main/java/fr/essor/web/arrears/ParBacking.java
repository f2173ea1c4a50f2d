package fr.essor.web.arrears;

import fr.essor.service.arrears.ArrearsService;
import fr.essor.service.arrears.ArrearsViews;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** Portfolio at risk as of today of what the caller sees, for a dashboard (read once per request). */
@Named
@RequestScoped
public class ParBacking {

    @EJB
    private ArrearsService arrears;

    private ArrearsViews.Par par;

    public ArrearsViews.Par getPar() {
        if (par == null) {
            par = arrears.par(null);
        }
        return par;
    }
}
