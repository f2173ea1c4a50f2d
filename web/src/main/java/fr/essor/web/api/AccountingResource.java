package fr.essor.web.api;

import fr.essor.service.accounting.AccountingService;
import fr.essor.service.accounting.AccountingViews;
import fr.essor.service.accounting.MappingInput;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.Roles;
import fr.essor.web.shared.Downloads;
import fr.essor.web.shared.Params;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The accounting export (issue 14, item 5): an association's chart of accounts (movement kind, and optionally
 * instrument, → account debited, account credited, journal) and the journal of a period as a FEC file (the
 * French "fichier des écritures comptables"), XLSX or CSV. The service checks who may read and change what.
 */
@Path("accounting")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountingResource {

    @EJB
    private AccountingService accounting;

    @GET
    @Path("{code}/chart")
    @RolesAllowed({Roles.ADMIN, Roles.ADVISOR})
    @Operation(summary = "The association's chart of accounts in force (custom=false: the default chart): lines of"
            + " movementKind, instrument (ALL or one), debitAccount, debitLabel, creditAccount, creditLabel, journalCode,"
            + " journalLabel; for its advisors and administrators and national administrators (403 otherwise)")
    public AccountingViews.Chart chart(@PathParam("code") String code) {
        return accounting.chart(code);
    }

    @PUT
    @Path("{code}/chart")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The association's administrator (or a national one) replaces its chart: {\"mappings\":[{"
            + "\"movementKind\":\"DISBURSEMENT\",\"instrument\":\"GRANT\",\"debitAccount\":\"6574\",\"debitLabel\":"
            + "\"Subventions versées\",\"creditAccount\":\"512\",\"creditLabel\":\"Banque\",\"journalCode\":\"BQ\","
            + "\"journalLabel\":\"Banque\"},…]}; instrument null or ALL for every instrument; 400 naming the line and"
            + " field (mappings[2].debitAccount); a kind left out is unmapped and its movements block the export")
    public AccountingViews.Chart change(@PathParam("code") String code, ChartIn body) {
        if (body == null) {
            throw new InvalidInputException("mappings", "field.required");
        }
        return accounting.changeChart(code, body.mappings());
    }

    @GET
    @Path("{code}/fec/summary")
    @RolesAllowed({Roles.ADMIN, Roles.ADVISOR})
    @Operation(summary = "The journal of the period from..to (ISO dates, at most 24 months): entries, lines, totalDebit,"
            + " totalCredit, balanced, and the ledger's signed sum per movement kind; 409 ACCOUNTING_RULE naming a kind"
            + " the chart does not map")
    public SummaryOut summary(@PathParam("code") String code, @QueryParam("from") String from, @QueryParam("to") String to) {
        return SummaryOut.of(accounting.summary(code, Params.date("from", from), Params.date("to", to)));
    }

    @GET
    @Path("{code}/fec")
    @RolesAllowed({Roles.ADMIN, Roles.ADVISOR})
    @Produces({"text/plain", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            MediaType.APPLICATION_JSON})
    @Operation(summary = "The journal of the period from..to as a file: format=fec (default; the 18 FEC columns, UTF-8,"
            + " separator=tab (default) or pipe, dates yyyyMMdd, amounts 1500,00), xlsx or csv; named"
            + " <CODE>FEC<to>.<ext>; headers X-Entries, X-Total-Debit, X-Total-Credit, X-Balanced; the same file twice"
            + " for the same data; 400 for a bad period or format, 409 ACCOUNTING_RULE naming an unmapped kind")
    public Response fec(@PathParam("code") String code, @QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("format") String format, @QueryParam("separator") String separator) {
        AccountingViews.ExportFile file = accounting.export(code, Params.date("from", from),
                Params.date("to", to), format, separator);
        AccountingViews.Summary s = file.summary();
        return Response.ok(file.content(), file.mediaType())
                .header("Content-Disposition", Downloads.disposition(file.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Entries", s.entries())
                .header("X-Total-Debit", s.totalDebit().toPlainString())
                .header("X-Total-Credit", s.totalCredit().toPlainString())
                .header("X-Balanced", s.balanced()).build();
    }

    // ---- JSON ---------------------------------------------------------------------------------------

    public record ChartIn(List<MappingInput> mappings) {
    }

    /** Amounts as strings with two decimals, as everywhere in the API. */
    public record SummaryOut(String association, LocalDate from, LocalDate to, int entries, int lines, String totalDebit,
                             String totalCredit, boolean balanced, Map<String, String> byKind) {
        static SummaryOut of(AccountingViews.Summary s) {
            Map<String, String> kinds = new LinkedHashMap<>();
            s.byKind().forEach((k, v) -> kinds.put(k, amount(v)));
            return new SummaryOut(s.association(), s.from(), s.to(), s.entries(), s.lines(), amount(s.totalDebit()),
                    amount(s.totalCredit()), s.balanced(), kinds);
        }
    }

    private static String amount(BigDecimal value) {
        return value.setScale(2).toPlainString();
    }
}
