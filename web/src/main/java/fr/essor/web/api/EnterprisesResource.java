package fr.essor.web.api;

import fr.essor.service.enterprise.EnterpriseService;
import fr.essor.service.enterprise.EnterpriseView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's enterprises. */
@Path("enterprises")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EnterprisesResource {

    @EJB
    private EnterpriseService enterprises;

    @GET
    @Path("mine")
    @RolesAllowed("ENTREPRENEUR")
    @Operation(summary = "The enterprises the caller owns")
    public List<EnterpriseOut> mine() {
        return enterprises.mine().stream().map(EnterpriseOut::of).toList();
    }

    public record EnterpriseOut(long id, String legalName, String siret, String legalForm, String department, String association) {

        static EnterpriseOut of(EnterpriseView e) {
            return new EnterpriseOut(e.id(), e.legalName(), e.siret().replace(" ", ""), e.legalForm(), e.department(),
                    e.associationCode());
        }
    }
}
