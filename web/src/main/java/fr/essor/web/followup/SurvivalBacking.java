package fr.essor.web.followup;

import fr.essor.service.followup.FollowUpService;
import fr.essor.service.followup.FollowUpViews;
import fr.essor.service.shared.EssorException;
import fr.essor.web.indicator.IndicatorsBacking;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Survival at 1, 2 and 3 years and the jobs of the funded enterprises, on the indicators page, for the
 * association chosen there (a partner's: the enterprises its conventions funded; the national head's:
 * the network when none is chosen). Read once per request.
 */
@Named
@RequestScoped
public class SurvivalBacking {

    @EJB
    private FollowUpService followUps;

    @Inject
    private IndicatorsBacking indicators;

    private FollowUpViews.Survival survival;
    private boolean read;

    public FollowUpViews.Survival getSurvival() {
        if (!read) {
            read = true;
            try {
                survival = followUps.survival(indicators.getAssociation());
            } catch (EssorException e) {
                // the indicators' own choice form shows why; the section is left out
                survival = null;
            }
        }
        return survival;
    }
}
