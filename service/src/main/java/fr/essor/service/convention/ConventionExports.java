package fr.essor.service.convention;

import fr.essor.service.report.ConventionReport;
import fr.essor.service.report.ConventionReportData;
import fr.essor.service.report.Table;
import fr.essor.service.report.TableExport;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * A partner's exports of one convention: the funded enterprises as CSV, XLSX or PDF, and the annual
 * report as PDF. Same scope as {@link ConventionService}: whoever may not see the convention is told it
 * does not exist. No personal contact data leaves: names of enterprises, never of people.
 */
@Stateless
@RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
public class ConventionExports {

    /** The formats of {@link #funded}. */
    public static final List<String> FORMATS = List.of("csv", "xlsx", "pdf");
    /** Rows read per statement while building an export, so that no single query loads an unbounded list. */
    static final int CHUNK = 500;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @EJB
    private ConventionService conventions;

    @Inject
    private ConventionDashboard dashboard;

    /** The media type of an export format (csv, xlsx, pdf); 400 for anything else. */
    public static String mediaType(String format) {
        return switch (checked(format)) {
            case "csv" -> "text/csv; charset=UTF-8";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            default -> "application/pdf";
        };
    }

    /** The funded enterprises of the convention with a totals row, as {@code csv}, {@code xlsx} or {@code pdf}. */
    public byte[] funded(long conventionId, String format, Locale locale) {
        String f = checked(format);
        ConventionViews.Summary s = conventions.convention(conventionId).summary(); // 404 when not the caller's
        Table table = fundedTable(s.reference(), allFunded(conventionId), locale);
        return switch (f) {
            case "csv" -> TableExport.csv(table, locale);
            case "xlsx" -> TableExport.xlsx(table, locale);
            default -> TableExport.pdf(table, locale);
        };
    }

    /**
     * The annual report of the convention for a year of its period: its figures, breakdowns, targets
     * against achieved and funded enterprises as they stand on the day it is drawn up.
     */
    public byte[] annualReport(long conventionId, int year, Locale locale) {
        ConventionViews.Detail d = conventions.convention(conventionId); // 404 when not the caller's
        ConventionViews.Summary s = d.summary();
        if (year < s.periodStart().getYear() || year > s.periodEnd().getYear()) {
            throw new InvalidInputException("year", "report.yearOutsidePeriod", s.periodStart().getYear(),
                    s.periodEnd().getYear());
        }
        ResourceBundle text = bundle(locale);
        Map<String, List<ConventionReportData.Breakdown>> breakdowns = new LinkedHashMap<>();
        for (BreakdownDimension dimension : BreakdownDimension.values()) {
            List<ConventionReportData.Breakdown> lines = conventions.breakdown(conventionId, dimension).stream()
                    .map(b -> new ConventionReportData.Breakdown(label(text, dimension, b.key()), b.count(), b.amount()))
                    .toList();
            if (!lines.isEmpty()) {
                breakdowns.put(text.getString("report.dimension." + dimension), lines);
            }
        }
        List<ConventionReportData.TargetLine> targets = d.targets().stream()
                .map(t -> new ConventionReportData.TargetLine(plain(text, "report.target." + t.name(), t.name()), t.target(),
                        t.achieved()))
                .toList();
        ConventionReportData data = new ConventionReportData(s.reference(), s.partner(), s.association(), s.kind(),
                s.periodStart(), s.periodEnd(), year, s.amount(), s.allocated(), s.disbursed(), s.repaid(), s.remaining(),
                breakdowns, targets, compact(fundedTable(s.reference(), allFunded(conventionId), locale)), LocalDate.now(PARIS));
        return ConventionReport.pdf(data, locale);
    }

    /** Every funded row, read in chunks of {@value #CHUNK}; the caller has checked the convention is visible. */
    private List<ConventionViews.Funded> allFunded(long conventionId) {
        List<ConventionViews.Funded> all = new ArrayList<>();
        for (int first = 0; ; first += CHUNK) {
            List<ConventionViews.Funded> chunk = dashboard.fundedRows(conventionId, first, CHUNK);
            all.addAll(chunk);
            if (chunk.size() < CHUNK) {
                return all;
            }
        }
    }

    /** The funded enterprises as a table with translated headers and labels, and a totals row. */
    static Table fundedTable(String reference, List<ConventionViews.Funded> funded, Locale locale) {
        ResourceBundle text = bundle(locale);
        List<Table.Column> columns = List.of(
                new Table.Column(text.getString("report.col.enterprise"), Table.Kind.TEXT),
                new Table.Column(text.getString("report.col.department"), Table.Kind.TEXT),
                new Table.Column(text.getString("report.col.sector"), Table.Kind.TEXT),
                new Table.Column(text.getString("report.col.legalForm"), Table.Kind.TEXT),
                new Table.Column(text.getString("report.col.stage"), Table.Kind.TEXT),
                new Table.Column(text.getString("report.col.instrument"), Table.Kind.TEXT),
                new Table.Column(text.getString("report.col.allocated"), Table.Kind.MONEY),
                new Table.Column(text.getString("report.col.disbursed"), Table.Kind.MONEY),
                new Table.Column(text.getString("report.col.jobsCreated"), Table.Kind.DECIMAL),
                new Table.Column(text.getString("report.col.jobsMaintained"), Table.Kind.DECIMAL));
        List<List<Object>> rows = new ArrayList<>(funded.size() + 1);
        BigDecimal allocated = BigDecimal.ZERO.setScale(2);
        BigDecimal disbursed = BigDecimal.ZERO.setScale(2);
        BigDecimal created = BigDecimal.ZERO.setScale(2);
        BigDecimal maintained = BigDecimal.ZERO.setScale(2);
        for (ConventionViews.Funded f : funded) {
            rows.add(Arrays.asList(f.enterprise(), f.department(), f.sector(), label(text, BreakdownDimension.LEGAL_FORM, f.legalForm()),
                    label(text, BreakdownDimension.STAGE, f.stage()), label(text, BreakdownDimension.INSTRUMENT, f.instrument()), f.allocated(), f.disbursed(),
                    f.jobsCreated(), f.jobsMaintained()));
            allocated = allocated.add(f.allocated());
            disbursed = disbursed.add(f.disbursed());
            created = f.jobsCreated() == null ? created : created.add(f.jobsCreated());
            maintained = f.jobsMaintained() == null ? maintained : maintained.add(f.jobsMaintained());
        }
        rows.add(Arrays.asList(text.getString("report.total"), null, null, null, null, null, allocated, disbursed, created,
                maintained));
        String title = new MessageFormat(text.getString("report.funded.title"), locale).format(new Object[] {reference});
        return new Table(title, columns, rows);
    }

    /** Columns of the funded table that the annual report keeps: its pages are portrait, the export's landscape. */
    private static final int[] REPORT_COLUMNS = {0, 1, 5, 6, 7, 8};

    /** The funded table narrowed to enterprise, department, instrument, allocated, disbursed and jobs created. */
    static Table compact(Table funded) {
        List<Table.Column> columns = new ArrayList<>();
        for (int c : REPORT_COLUMNS) {
            columns.add(funded.columns().get(c));
        }
        List<List<Object>> rows = new ArrayList<>(funded.rows().size());
        for (List<Object> row : funded.rows()) {
            List<Object> kept = new ArrayList<>(REPORT_COLUMNS.length);
            for (int c : REPORT_COLUMNS) {
                kept.add(row.get(c));
            }
            rows.add(kept);
        }
        return new Table(funded.title(), columns, rows);
    }

    /** The translated label of a code of a dimension (a department is its own label). */
    static String label(ResourceBundle text, BreakdownDimension dimension, String code) {
        if (code == null) {
            return null;
        }
        String prefix = dimension.labelPrefix;
        return prefix == null ? code : plain(text, prefix + code, code);
    }

    private static String plain(ResourceBundle text, String key, String fallback) {
        return text.containsKey(key) ? text.getString(key) : fallback;
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("fr.essor.service.report.letters", locale == null ? Locale.FRENCH : locale);
    }

    private static String checked(String format) {
        String f = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(f)) {
            throw new InvalidInputException("format", "field.invalidChoice");
        }
        return f;
    }
}
