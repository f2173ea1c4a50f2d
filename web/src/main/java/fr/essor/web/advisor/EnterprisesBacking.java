package fr.essor.web.advisor;

import fr.essor.service.support.SupportService;
import fr.essor.service.support.SupportViews;
import fr.essor.web.shared.PageModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.component.datatable.DataTable;

/** The enterprises of the advisor's association, searched and paged in SQL, with the advice they received. */
@Named
@ViewScoped
public class EnterprisesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private SupportService support;

    private String search;
    private PageModel<SupportViews.EnterpriseRow> model;

    @PostConstruct
    void init() {
        model = new PageModel<>((first, size) -> support.enterprises(search, first, size), r -> String.valueOf(r.id()));
    }

    /** A new search starts from the first page. */
    public void filter() {
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent("enterprises:list") instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    public PageModel<SupportViews.EnterpriseRow> getModel() {
        return model;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}
