package fr.essor.web.entrepreneur;

import fr.essor.service.enterprise.EnterpriseService;
import fr.essor.service.enterprise.EnterpriseView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/** The entrepreneur's landing page: their enterprises. */
@Named
@RequestScoped
public class EntrepreneurHomeBacking {

    @EJB
    private EnterpriseService enterprises;

    private List<EnterpriseView> mine;

    @PostConstruct
    void init() {
        mine = enterprises.mine();
    }

    public List<EnterpriseView> getEnterprises() {
        return mine;
    }
}
