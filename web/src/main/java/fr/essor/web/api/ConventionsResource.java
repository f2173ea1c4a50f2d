package fr.essor.web.api;

import fr.essor.service.convention.AllocationService;
import fr.essor.service.convention.BreakdownDimension;
import fr.essor.service.convention.ConventionExports;
import fr.essor.service.convention.ConventionInput;
import fr.essor.service.convention.ConventionService;
import fr.essor.service.convention.ConventionViews;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.Page;
import fr.essor.service.shared.Roles;
import fr.essor.web.shared.Downloads;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Conventions and their money. Lists are paged ({@link Paging}) and
 * give the total in the {@code X-Total-Count} header. Amounts are strings with two decimals.
 */
@Path("conventions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConventionsResource {

    @EJB
    private ConventionService conventions;

    @EJB
    private AllocationService allocations;

    @EJB
    private ConventionExports exports;

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpHeaders headers;

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "Conventions visible to the caller with amount, allocated, disbursed, repaid and remaining")
    public Response list(@QueryParam("page") String page, @QueryParam("size") String size) {
        Paging p = Paging.of(page, size);
        Page<ConventionViews.Summary> result = conventions.conventions(p.first(), p.size());
        return Responses.counted(result);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Record a convention (DRAFT) with its eligibility rules and targets")
    public Response create(ConventionRequest body) {
        if (body == null) {
            throw new InvalidInputException("reference", "field.required");
        }
        ConventionViews.Detail created = conventions.create(new ConventionInput(body.reference(), body.partnerId(),
                body.associationId(), body.kind(), Params.date("periodStart", body.periodStart()),
                Params.date("periodEnd", body.periodEnd()),
                Params.decimal("amount", body.amount()), Boolean.TRUE.equals(body.revolving()), body.instruments(),
                body.departments(), body.legalForms(), body.stages(), body.targetAdvised(), body.targetFinanced(),
                Params.decimal("targetJobs", body.targetJobs())));
        return Responses.created(uriInfo, created.summary().id(), ConventionOut.of(created));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "One convention with its figures, rules, and targets against achieved")
    public ConventionOut get(@PathParam("id") long id) {
        return ConventionOut.of(conventions.convention(id));
    }

    @POST
    @Path("{id}/activation")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Activate a draft convention")
    public ConventionOut activate(@PathParam("id") long id) {
        return ConventionOut.of(conventions.activate(id));
    }

    @POST
    @Path("{id}/closing")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Close an active convention")
    public ConventionOut close(@PathParam("id") long id) {
        return ConventionOut.of(conventions.close(id));
    }

    @GET
    @Path("{id}/allocations")
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "The convention's allocations: enterprise, department, instrument, amount, disbursed, date, status")
    public Response allocations(@PathParam("id") long id, @QueryParam("page") String page, @QueryParam("size") String size) {
        Paging p = Paging.of(page, size);
        Page<ConventionViews.AllocationRow> result = conventions.allocations(id, p.first(), p.size());
        return Responses.counted(result);
    }

    @POST
    @Path("{id}/allocations")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Allocate convention money to an approved decision line; 409 with \"available\" when an invariant would break")
    public Response allocate(@PathParam("id") long id, AllocationRequest body) {
        if (body == null || body.decisionLineId() == null) {
            throw new InvalidInputException("decisionLineId", "field.required");
        }
        BigDecimal amount = Params.decimal("amount", body.amount());
        ConventionViews.AllocationRow row = allocations.allocate(id, body.decisionLineId(), amount);
        return Response.created(uriInfo.getBaseUriBuilder().path("allocations").path(String.valueOf(row.id())).build())
                .entity(row).build();
    }

    @GET
    @Path("{id}/breakdowns/{dimension}")
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "Amounts by INSTRUMENT, DEPARTMENT, LEGAL_FORM or STAGE")
    public List<ConventionViews.Breakdown> breakdown(@PathParam("id") long id, @PathParam("dimension") String dimension) {
        return conventions.breakdown(id, BreakdownDimension.parse(dimension));
    }

    @GET
    @Path("{id}/consumption")
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "Month by month: allocated, disbursed and repaid")
    public List<ConventionViews.Point> consumption(@PathParam("id") long id) {
        return conventions.consumption(id);
    }

    @GET
    @Path("{id}/funded")
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "The enterprises funded: name, department, sector, instrument, amounts, jobs (no personal data)")
    public Response funded(@PathParam("id") long id, @QueryParam("page") String page, @QueryParam("size") String size) {
        Paging p = Paging.of(page, size);
        Page<ConventionViews.Funded> result = conventions.funded(id, p.first(), p.size());
        return Responses.counted(result);
    }

    @GET
    @Path("{id}/funded/export")
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf",
            MediaType.APPLICATION_JSON})
    @Operation(summary = "The funded enterprises with a totals row as a file: format=csv (';' and decimal comma in French),"
            + " xlsx or pdf; headers in the Accept-Language (French by default); 404 when not the caller's convention")
    public Response fundedExport(@PathParam("id") long id, @QueryParam("format") String format) {
        byte[] body = exports.funded(id, format, ApiLocale.of(headers));
        String f = format.strip().toLowerCase(Locale.ROOT);
        return Response.ok(body, ConventionExports.mediaType(f))
                .header("Content-Disposition", Downloads.disposition(Downloads.name(ApiLocale.of(headers), "funded", f, id)))
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("{id}/report")
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(summary = "The annual report of the convention as a PDF for a year of its period (year=2026), in the"
            + " Accept-Language; 400 without a year or outside the period, 404 when not the caller's convention")
    public Response report(@PathParam("id") long id, @QueryParam("year") Integer year) {
        if (year == null) {
            throw new InvalidInputException("year", "field.required");
        }
        byte[] body = exports.annualReport(id, year, ApiLocale.of(headers));
        return Response.ok(body, "application/pdf")
                .header("Content-Disposition", Downloads.disposition(Downloads.name(ApiLocale.of(headers), "conventionReport", "pdf", id, year)))
                .header("X-Content-Type-Options", "nosniff").build();
    }

    public record AllocationRequest(Long decisionLineId, String amount) {
    }

    public record ConventionRequest(String reference, Long partnerId, Long associationId, String kind, String periodStart,
                                    String periodEnd, String amount, Boolean revolving, List<String> instruments,
                                    List<String> departments, List<String> legalForms, List<String> stages,
                                    Integer targetAdvised, Integer targetFinanced, String targetJobs) {
    }

    public record ConventionOut(long id, String reference, String partner, String association, String kind, String status,
                               LocalDate periodStart, LocalDate periodEnd, BigDecimal amount, BigDecimal allocated,
                               BigDecimal disbursed, BigDecimal repaid, BigDecimal remaining, boolean revolving,
                               List<String> instruments, List<String> departments, List<String> legalForms,
                               List<String> stages, List<ConventionViews.Target> targets) {

        static ConventionOut of(ConventionViews.Detail d) {
            ConventionViews.Summary s = d.summary();
            return new ConventionOut(s.id(), s.reference(), s.partner(), s.association(), s.kind(), s.status(), s.periodStart(),
                    s.periodEnd(), s.amount(), s.allocated(), s.disbursed(), s.repaid(), s.remaining(), s.revolving(),
                    d.instruments(), d.departments(), d.legalForms(), d.stages(), d.targets());
        }
    }
}
