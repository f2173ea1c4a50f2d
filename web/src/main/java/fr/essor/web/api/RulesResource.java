package fr.essor.web.api;

import fr.essor.service.rules.RulesInput;
import fr.essor.service.rules.RulesService;
import fr.essor.service.rules.RulesViews;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The rules (issue 12): the network's limits per instrument, set by national administrators, and each
 * association's rules within them (instruments offered and their limits, document checklist, scoring
 * grid, committee rule), set by its administrators. Every change is a new version; a file keeps the
 * version it was submitted under. The service checks who may read and change what.
 */
@Path("rules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RulesResource {

    @EJB
    private RulesService rules;

    @Context
    private UriInfo uriInfo;

    @GET
    @Path("network")
    @RolesAllowed({Roles.ADMIN, Roles.ADVISOR})
    @Operation(summary = "The network's limits in force: per instrument minAmount, maxAmount, maxDurationMonths, maxGuaranteeShare")
    public NetworkOut network() {
        return NetworkOut.of(rules.networkLimits());
    }

    @PUT
    @Path("network")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "National administrators: the network's new limits, every instrument: {\"instruments\":{\"GRANT\":"
            + "{\"minAmount\":\"100.00\",\"maxAmount\":\"40000.00\"},…},\"basedOn\":1}; associations whose rules no longer"
            + " fit get a narrowed version; 409 when another version was stored since basedOn")
    public NetworkOut changeNetwork(NetworkIn body) {
        if (body == null) {
            throw new InvalidInputException(null, "rules.bodyRequired");
        }
        return NetworkOut.of(rules.changeNetworkLimits(body.instruments(), body.basedOn()));
    }

    @GET
    @Path("network/versions")
    @RolesAllowed({Roles.ADMIN, Roles.ADVISOR})
    @Operation(summary = "The network's versions, newest first: number, createdAt, createdBy (page from 0)")
    public PageOut<RulesViews.VersionRow> networkVersions(@QueryParam("page") String page, @QueryParam("size") String size) {
        Paging p = Paging.of(page, size);
        return PageOut.of(rules.networkHistory(p.first(), p.size()), p);
    }

    @GET
    @Path("associations/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.ADVISOR, Roles.COMMITTEE_MEMBER})
    @Operation(summary = "The association's rules in force (403 for another association's staff)")
    public RulesOut current(@PathParam("code") String code) {
        return RulesOut.of(rules.current(code));
    }

    @PUT
    @Path("associations/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The association's administrator: its new rules, a new version for files submitted from now on:"
            + " {\"instruments\":{\"HONOUR_LOAN\":{\"minAmount\":\"1000.00\",\"maxAmount\":\"20000.00\",\"maxDurationMonths\":60}},"
            + "\"checklist\":{\"HONOUR_LOAN\":[\"BUSINESS_PLAN\"]},\"grid\":{\"TEAM\":2,\"SOCIAL_UTILITY\":3},\"quorum\":3,"
            + "\"majority\":\"TWO_THIRDS\",\"basedOn\":1}; an instrument left out is not offered; 400 naming the limit"
            + " when it widens the network's; 403 for another association; 201 with the new version")
    public Response change(@PathParam("code") String code, RulesInput body) {
        RulesViews.Rules created = rules.change(code, body);
        return Response.created(uriInfo.getBaseUriBuilder().path("rules/associations").path(created.association())
                        .path("versions").path(String.valueOf(created.number())).build())
                .entity(RulesOut.of(created)).build();
    }

    @GET
    @Path("associations/{code}/versions")
    @RolesAllowed({Roles.ADMIN, Roles.ADVISOR, Roles.COMMITTEE_MEMBER})
    @Operation(summary = "The association's versions, newest first: number, createdAt, createdBy (page from 0)")
    public PageOut<RulesViews.VersionRow> versions(@PathParam("code") String code, @QueryParam("page") String page,
                                @QueryParam("size") String size) {
        Paging p = Paging.of(page, size);
        return PageOut.of(rules.history(code, p.first(), p.size()), p);
    }

    @GET
    @Path("associations/{code}/versions/{number}")
    @RolesAllowed({Roles.ADMIN, Roles.ADVISOR, Roles.COMMITTEE_MEMBER})
    @Operation(summary = "One version of the association's rules")
    public RulesOut version(@PathParam("code") String code, @PathParam("number") int number) {
        return RulesOut.of(rules.version(code, number));
    }

    // ---- JSON ---------------------------------------------------------------------------------------

    public record NetworkIn(Map<String, RulesInput.LimitInput> instruments, Integer basedOn) {
    }

    /** Amounts as strings with two decimals, as everywhere in the API. */
    public record LimitOut(String instrument, String minAmount, String maxAmount, Integer maxDurationMonths,
                           String maxGuaranteeShare) {
        static LimitOut of(RulesViews.Limit l) {
            return new LimitOut(l.instrument(), amount(l.minAmount()), amount(l.maxAmount()), l.maxDurationMonths(),
                    l.maxGuaranteeShare() == null ? null : amount(l.maxGuaranteeShare()));
        }
    }

    public record NetworkOut(int number, Instant createdAt, String createdBy, List<LimitOut> instruments) {
        static NetworkOut of(RulesViews.Network n) {
            return new NetworkOut(n.number(), n.createdAt(), n.createdBy(), n.limits().stream().map(LimitOut::of).toList());
        }
    }

    public record RulesOut(String association, int number, Instant createdAt, String createdBy, int networkVersion,
                           List<LimitOut> instruments, Map<String, List<String>> checklist, Map<String, Integer> grid,
                           Integer quorum, String majority) {
        static RulesOut of(RulesViews.Rules r) {
            return new RulesOut(r.association(), r.number(), r.createdAt(), r.createdBy(), r.networkVersion(),
                    r.instruments().stream().map(LimitOut::of).toList(), r.checklist(), r.grid(), r.quorum(), r.majority());
        }
    }

    private static String amount(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
