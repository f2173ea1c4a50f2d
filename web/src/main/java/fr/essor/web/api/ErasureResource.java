package fr.essor.web.api;

import fr.essor.model.privacy.ErasureStatus;
import fr.essor.service.privacy.ErasureService;
import fr.essor.service.privacy.ErasureView;
import fr.essor.service.shared.Page;
import fr.essor.service.shared.Roles;
import fr.essor.web.shared.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Erasure requests (issue 16), as administrators answer them within a month; the entrepreneur asks
 * through {@link MyErasureResource}.
 */
@Path("admin/erasure-requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ErasureResource {

    @EJB
    private ErasureService erasure;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Erasure requests, unanswered first by deadline (answerDueOn, a month after the request); ?status=SCHEDULED|ERASED, ?unanswered=true")
    public ErasurePage list(@QueryParam("status") String status, @QueryParam("unanswered") @DefaultValue("false") boolean unanswered,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Paging p = Paging.of(page, size, 50);
        ErasureStatus wanted = Params.choice(ErasureStatus.class, "status", status, "erasure.statusUnknown", status);
        Page<ErasureView> rows = erasure.requests(wanted, unanswered, p.first(), p.size());
        return new ErasurePage(rows.items().stream().map(ErasureOut::of).toList(), rows.total(), rows.first(), rows.size());
    }

    @POST
    @Path("{id}/acknowledge")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Record that the request was answered")
    public ErasureOut acknowledge(@PathParam("id") long id) {
        return ErasureOut.of(erasure.acknowledge(id));
    }

    public record ErasureOut(long id, long accountId, Instant requestedAt, LocalDate answerDueOn, String status,
            LocalDate eraseOn, Instant erasedAt, Instant handledAt) {
        static ErasureOut of(ErasureView v) {
            return new ErasureOut(v.id(), v.accountId(), v.requestedAt(), v.answerDueOn(), v.status().name(), v.eraseOn(),
                    v.erasedAt(), v.handledAt());
        }
    }

    public record ErasurePage(List<ErasureOut> items, long total, int first, int size) {
    }
}
