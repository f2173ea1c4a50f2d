package fr.essor.web.api;

import fr.essor.service.indicator.IndicatorService;
import fr.essor.service.indicator.Indicators;
import fr.essor.service.indicator.NationalFigures;
import fr.essor.service.indicator.NationalFiguresService;
import fr.essor.service.indicator.Trend;
import fr.essor.service.indicator.YearClosingView;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.Page;
import fr.essor.service.shared.Roles;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The figures a network publishes, per association (or the network) and calendar year; for the national
 * head, a year by association, the trend over years and the closing of a year (issue 12, part 4).
 */
@Path("indicators")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IndicatorsResource {

    @EJB
    private IndicatorService indicators;

    @EJB
    private NationalFiguresService national;

    @Context
    private UriInfo uriInfo;

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "advised, financed, mobilised, jobs, by instrument, department, legal form and stage, leverage, targets;"
            + " the published figures for a closed year ('published' says when)")
    public Indicators get(@QueryParam("association") String association, @QueryParam("year") String year) {
        int y;
        try {
            y = year == null || year.isBlank() ? Year.now().getValue() : Integer.parseInt(year.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("year", "indicator.yearInvalid", Year.now().getValue() + 1);
        }
        return indicators.indicators(association, y);
    }

    @GET
    @Path("associations")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "National administrator: a year's figures, one row per association and the network's total (their sum);"
            + " for a closed year the published figures, with the live network beside them ('live'); 403 for an association's administrator")
    public NationalFigures byAssociation(@QueryParam("year") String year) {
        return national.byAssociation(year("year", year, LocalDate.now(ZoneId.of("Europe/Paris")).getYear() - 1));
    }

    @GET
    @Path("years")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "National administrator: the network's figures year by year, ?from=2017&to=2026 (default the last ten"
            + " years, at most 20); a closed year's are the published ones")
    public Trend trend(@QueryParam("from") String from, @QueryParam("to") String to) {
        int t = year("to", to, LocalDate.now(ZoneId.of("Europe/Paris")).getYear());
        return national.trend(year("from", from, t - 9), t);
    }

    @GET
    @Path("closings")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "National administrator: the years' closings, newest year first, in force or reopened (?page, ?size)")
    public ClosingPage closings(@QueryParam("page") String page, @QueryParam("size") String size) {
        Paging p = Paging.of(page, size);
        Page<YearClosingView> rows = national.closings(p.first(), p.size());
        return new ClosingPage(rows.items(), rows.total(), rows.first(), rows.size());
    }

    @GET
    @Path("closings/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "National administrator: one closing")
    public YearClosingView closing(@PathParam("id") long id) {
        return national.closing(id);
    }

    @POST
    @Path("closings")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "National administrator: close a year that is over, {\"year\":2025}: its figures are published (network and"
            + " each association); 409 if it is closed already, 400 for the current or a future year")
    public Response close(CloseIn body) {
        if (body == null || body.year() == null) {
            throw new InvalidInputException(body == null ? null : "year", body == null ? "error.api.bodyRequired" : "field.required");
        }
        // a year is a whole number: 2021.5 is refused, not read as 2021
        if (body.year().stripTrailingZeros().scale() > 0 || body.year().abs().compareTo(BigDecimal.valueOf(100_000)) > 0) {
            throw new InvalidInputException("year", "national.yearInvalid", "2000",
                    String.valueOf(LocalDate.now(ZoneId.of("Europe/Paris")).getYear()));
        }
        YearClosingView closed = national.close(body.year().intValueExact());
        return Responses.created(uriInfo, closed.id(), closed);
    }

    @POST
    @Path("closings/{id}/reopening")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "National administrator: reopen a closed year, {\"reason\":\"…\"} (required, audited); the published"
            + " figures stay as history")
    public YearClosingView reopen(@PathParam("id") long id, ReopenIn body) {
        if (body == null) {
            throw new InvalidInputException(null, "error.api.bodyRequired");
        }
        return national.reopen(id, body.reason());
    }

    private static int year(String field, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "national.yearInvalid", "2000",
                    String.valueOf(LocalDate.now(ZoneId.of("Europe/Paris")).getYear()));
        }
    }

    public record CloseIn(BigDecimal year) {
    }

    public record ReopenIn(String reason) {
    }

    public record ClosingPage(List<YearClosingView> items, long total, int first, int size) {
    }
}
