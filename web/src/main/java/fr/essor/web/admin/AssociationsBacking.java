package fr.essor.web.admin;

import fr.essor.service.association.AssociationService;
import fr.essor.service.association.AssociationView;
import fr.essor.web.i18n.Messages;
import fr.essor.web.shared.PageModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/** The network's territorial associations: list, create, rename, deactivate. */
@Named
@ViewScoped
public class AssociationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AssociationService associations;

    private PageModel<AssociationView> model;
    private String code;
    private String name;
    private String region;

    @PostConstruct
    void init() {
        model = new PageModel<>(associations::list, a -> String.valueOf(a.id()));
    }

    public void create() {
        AssociationView created = associations.create(code, name, region);
        Messages.info("admin.associations.created", created.code());
        code = null;
        name = null;
        region = null;
    }

    public void toggle(AssociationView a) {
        associations.update(a.id(), a.name(), a.region(), !a.active());
        Messages.info(a.active() ? "admin.associations.deactivated" : "admin.associations.activated", a.code());
    }

    public PageModel<AssociationView> getModel() {
        return model;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }
}
