package fr.essor.web.api;

import fr.essor.service.convention.LoanInputs;
import fr.essor.service.convention.LoanService;
import fr.essor.service.convention.LoanViews;
import fr.essor.service.shared.Roles;
import fr.essor.web.shared.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The network's loan products (issue 14), and the schedule of a loan of one of them previewed on an amount. */
@Path("loan-products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LoanProductsResource {

    @EJB
    private LoanService loans;

    @GET
        @RolesAllowed({Roles.ADVISOR, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "The network's loan products: rate, duration and grace limits, frequency, grace interest (page from 0)")
    public PageOut<LoanViews.Product> products(@QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size, 20);
        return PageOut.of(loans.products(paging.first(), paging.size()), paging);
    }

    @POST
    @Path("{productId}/preview")
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "The schedule of a loan of this product, computed and not stored: {\"principal\":\"12000.00\","
            + "\"annualRate\":\"2\",\"durationMonths\":\"60\",\"graceMonths\":\"6\",\"firstDueDate\":\"2027-01-05\"};"
            + " 400 naming the field outside the product's limits")
    public LoanViews.Schedule preview(@PathParam("productId") long productId, LoansResource.TermsRequest body) {
        LoansResource.TermsRequest b = body == null ? LoansResource.TermsRequest.EMPTY : body;
        return loans.preview(new LoanInputs.Preview(Params.decimal("principal", b.principal()), productId,
                Params.decimal("annualRate", b.annualRate()), Params.integer("durationMonths", b.durationMonths()),
                Params.integer("graceMonths", b.graceMonths()), Params.date("firstDueDate", b.firstDueDate())));
    }
}
