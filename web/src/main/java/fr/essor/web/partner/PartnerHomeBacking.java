package fr.essor.web.partner;

import fr.essor.service.convention.ConventionService;
import fr.essor.service.convention.ConventionViews;
import fr.essor.web.shared.PageModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/** The partner's home: its conventions with their money, paged in SQL. */
@Named
@ViewScoped
public class PartnerHomeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ConventionService conventions;

    private PageModel<ConventionViews.Summary> model;

    @PostConstruct
    void init() {
        model = new PageModel<>((first, size) -> conventions.conventions(first, size), s -> String.valueOf(s.id()));
    }

    public PageModel<ConventionViews.Summary> getModel() {
        return model;
    }
}
