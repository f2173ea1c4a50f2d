package fr.essor.service.accounting;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.accounting.AccountMapping;
import fr.essor.model.accounting.ChartOfAccounts;
import fr.essor.model.accounting.FecFile;
import fr.essor.model.accounting.Journal;
import fr.essor.model.accounting.JournalLine;
import fr.essor.model.accounting.MappingKey;
import fr.essor.model.accounting.Posting;
import fr.essor.model.application.Instrument;
import fr.essor.model.association.Association;
import fr.essor.model.convention.MovementKind;
import fr.essor.service.association.Associations;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.audit.AuditService;
import fr.essor.service.report.Table;
import fr.essor.service.report.TableExport;
import fr.essor.service.security.Caller;
import fr.essor.service.shared.ForbiddenException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.Roles;
import fr.essor.service.shared.RuleRefusals;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The accounting export (issue 14, item 5): each association's chart of accounts (read by its staff and the
 * national administrators, replaced by its administrators or a national one) and the journal of a period, in
 * the FEC layout (tab or pipe), as XLSX or as CSV. The journal is built in memory from one SQL statement, refused
 * when a movement's kind is unmapped, and always balanced.
 */
@Stateless
@Interceptors(RuleRefusals.class)
public class AccountingService {

    /** A period is at most this many months (a first financial year may last 24). */
    public static final int MAX_PERIOD_MONTHS = 24;

    /** The formats of {@link #export}. */
    public static final List<String> FORMATS = List.of("fec", "xlsx", "csv");

    @PersistenceContext(unitName = "essor")
    private EntityManager em;

    @Inject
    private Caller caller;

    @EJB
    private AuditService audit;

    /** The association's chart in force: its own, or the default one when it never set one. */
    @RolesAllowed({Roles.ADMIN, Roles.ADVISOR})
    public AccountingViews.Chart chart(String code) {
        Association a = readable(code);
        return chartOf(a);
    }

    /** The default chart (what an association without its own uses), for a page to start from. */
    @RolesAllowed({Roles.ADMIN, Roles.ADVISOR})
    public AccountingViews.Chart defaultChart() {
        return AccountingViews.Chart.of(null, ChartOfAccounts.defaultChart(), null, null);
    }

    /**
     * The association's administrator (or a national one) replaces its chart as a whole: each line checked (a
     * refusal names {@code mappings[i].field}), no two lines for the same kind and instrument; audited.
     */
    @RolesAllowed(Roles.ADMIN)
    public AccountingViews.Chart changeChart(String code, List<MappingInput> lines) {
        Association a = writable(code);
        ChartOfAccounts chart = parse(lines);
        em.lock(a, LockModeType.PESSIMISTIC_WRITE);
        em.createQuery("DELETE FROM AccountMapping m WHERE m.association = :a").setParameter("a", a).executeUpdate();
        Instant now = Instant.now();
        for (Map.Entry<MappingKey, Posting> e : chart.lines().entrySet()) {
            em.persist(new AccountMapping(a, e.getKey(), e.getValue(), caller.actor(), now));
        }
        em.flush();
        StringBuilder summary = new StringBuilder("Chart of accounts of " + a.getCode() + ", " + chart.lines().size() + " lines:");
        chart.lines().forEach((k, p) -> summary.append(' ').append(k).append(" D").append(p.debitAccount()).append(" C")
                .append(p.creditAccount()).append(' ').append(p.journalCode()).append(';'));
        audit.record(caller.actor(), "Association", a.getId(), AuditAction.ACCOUNTING_CHART_CHANGED,
                summary.length() > 1000 ? summary.substring(0, 1000) : summary.toString());
        return AccountingViews.Chart.of(a.getCode(), chart, caller.actor(), now);
    }

    /** The journal's figures for the period [from, to]: entries, totals (balanced), signed sums per kind. */
    @RolesAllowed({Roles.ADMIN, Roles.ADVISOR})
    public AccountingViews.Summary summary(String code, LocalDate from, LocalDate to) {
        Association a = readable(code);
        return AccountingViews.Summary.of(a.getCode(), journal(a, from, to));
    }

    /**
     * The journal of [from, to] as a file: {@code fec} (the FEC text, tab or {@code pipe} separated), {@code xlsx}
     * or {@code csv} (French: ';' and decimal comma); the same data give the same bytes (XLSX aside, whose zip
     * carries times).
     */
    @RolesAllowed({Roles.ADMIN, Roles.ADVISOR})
    public AccountingViews.ExportFile export(String code, LocalDate from, LocalDate to, String format, String separator) {
        String f = format == null || format.isBlank() ? "fec" : format.strip().toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(f)) {
            throw new InvalidInputException("format", "accounting.formatUnknown", String.join(", ", FORMATS));
        }
        FecFile.Separator sep = separator(separator);
        Association a = readable(code);
        Journal j = journal(a, from, to);
        AccountingViews.Summary summary = AccountingViews.Summary.of(a.getCode(), j);
        return switch (f) {
            case "xlsx" -> new AccountingViews.ExportFile(FecFile.fileName(a.getCode(), to, "xlsx"),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    TableExport.xlsx(table(a, j), Locale.FRANCE), summary);
            case "csv" -> new AccountingViews.ExportFile(FecFile.fileName(a.getCode(), to, "csv"), "text/csv; charset=UTF-8",
                    TableExport.csv(table(a, j), Locale.FRANCE), summary);
            default -> new AccountingViews.ExportFile(FecFile.fileName(a.getCode(), to, "txt"), "text/plain; charset=UTF-8",
                    FecFile.write(j, sep), summary);
        };
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private Journal journal(Association a, LocalDate from, LocalDate to) {
        if (from == null) {
            throw new InvalidInputException("from", "field.required");
        }
        if (to == null) {
            throw new InvalidInputException("to", "field.required");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "accounting.periodReversed");
        }
        if (!to.isBefore(from.plusMonths(MAX_PERIOD_MONTHS))) {
            throw new InvalidInputException("to", "accounting.periodTooLong", MAX_PERIOD_MONTHS);
        }
        ChartOfAccounts chart = chartOfAccounts(a);
        return Journal.of(from, to, AccountingQueries.movements(em, a.getId(), from, to), chart);
    }

    private ChartOfAccounts chartOfAccounts(Association a) {
        List<AccountMapping> rows = rows(a);
        if (rows.isEmpty()) {
            return ChartOfAccounts.defaultChart();
        }
        Map<MappingKey, Posting> lines = new LinkedHashMap<>();
        rows.forEach(r -> lines.put(r.key(), r.posting()));
        return ChartOfAccounts.of(lines);
    }

    private AccountingViews.Chart chartOf(Association a) {
        List<AccountMapping> rows = rows(a);
        ChartOfAccounts chart = chartOfAccounts(a);
        return AccountingViews.Chart.of(a.getCode(), chart, rows.isEmpty() ? null : rows.get(0).getUpdatedBy(),
                rows.isEmpty() ? null : rows.get(0).getUpdatedAt());
    }

    private List<AccountMapping> rows(Association a) {
        return em.createQuery("SELECT m FROM AccountMapping m WHERE m.association = :a ORDER BY m.id", AccountMapping.class)
                .setParameter("a", a).getResultList();
    }

    private static ChartOfAccounts parse(List<MappingInput> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new InvalidInputException("mappings", "accounting.chartEmpty");
        }
        if (lines.size() > ChartOfAccounts.MAX_LINES) {
            throw new InvalidInputException("mappings", "accounting.chartTooLong", ChartOfAccounts.MAX_LINES);
        }
        Map<MappingKey, Posting> parsed = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            MappingInput in = lines.get(i);
            String at = "mappings[" + i + "]";
            if (in == null) {
                throw new InvalidInputException(at, "field.required");
            }
            MovementKind kind = kind(at + ".movementKind", in.movementKind());
            Instrument instrument = instrument(at + ".instrument", in.instrument());
            MappingKey key = MappingKey.of(kind, instrument);
            Posting p = new Posting(in.debitAccount(), in.debitLabel(), in.creditAccount(), in.creditLabel(), in.journalCode(),
                    in.journalLabel()).checked(at);
            if (parsed.put(key, p) != null) {
                throw new InvalidInputException(at + ".movementKind", "accounting.lineTwice", key.toString());
            }
        }
        return ChartOfAccounts.of(parsed);
    }

    private static MovementKind kind(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "field.required");
        }
        try {
            return MovementKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "accounting.kindUnknown", value.strip());
        }
    }

    private static Instrument instrument(String field, String value) {
        if (value == null || value.isBlank() || MappingKey.ALL_INSTRUMENTS.equalsIgnoreCase(value.strip())) {
            return null;
        }
        try {
            return Instrument.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "accounting.instrumentUnknown", value.strip());
        }
    }

    private static FecFile.Separator separator(String value) {
        if (value == null || value.isBlank() || "tab".equalsIgnoreCase(value.strip())) {
            return FecFile.Separator.TAB;
        }
        if ("pipe".equalsIgnoreCase(value.strip())) {
            return FecFile.Separator.PIPE;
        }
        throw new InvalidInputException("separator", "accounting.separatorUnknown");
    }

    private static Table table(Association a, Journal j) {
        List<Table.Column> columns = new ArrayList<>();
        for (String name : FecFile.COLUMNS) {
            Table.Kind kind = switch (name) {
                case "EcritureDate", "PieceDate", "DateLet", "ValidDate" -> Table.Kind.DATE;
                case "Debit", "Credit", "Montantdevise" -> Table.Kind.MONEY;
                default -> Table.Kind.TEXT;
            };
            columns.add(new Table.Column(name, kind));
        }
        List<List<Object>> rows = new ArrayList<>(j.lines().size());
        for (JournalLine l : j.lines()) {
            List<Object> row = new ArrayList<>(18);
            row.add(l.journalCode());
            row.add(l.journalLib());
            row.add(l.ecritureNum());
            row.add(l.ecritureDate());
            row.add(l.compteNum());
            row.add(l.compteLib());
            row.add(l.compAuxNum());
            row.add(l.compAuxLib());
            row.add(l.pieceRef());
            row.add(l.pieceDate());
            row.add(l.ecritureLib());
            row.add(l.debit());
            row.add(l.credit());
            row.add(l.ecritureLet());
            row.add(l.dateLet());
            row.add(l.validDate());
            row.add(l.montantDevise());
            row.add(l.idevise());
            rows.add(row);
        }
        return new Table("FEC " + a.getCode(), columns, rows);
    }

    private Association association(String code) {
        return Associations.named(em, code);
    }

    /** The association's advisors and administrators, and national administrators. */
    private Association readable(String code) {
        Association a = association(code);
        UserAccount me = caller.account();
        boolean national = me.getAssociation() == null && me.hasRole(Role.ADMIN);
        boolean staff = (me.hasRole(Role.ADMIN) || me.hasRole(Role.ADVISOR)) && me.getAssociation() != null
                && me.getAssociation().getId().equals(a.getId());
        if (!national && !staff) {
            throw new ForbiddenException();
        }
        return a;
    }

    /** The association's administrators and national administrators. */
    private Association writable(String code) {
        Association a = association(code);
        UserAccount me = caller.account();
        if (!me.hasRole(Role.ADMIN)
                || (me.getAssociation() != null && !me.getAssociation().getId().equals(a.getId()))) {
            throw new ForbiddenException();
        }
        return a;
    }
}
