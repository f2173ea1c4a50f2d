package fr.essor.web.accounting;

import fr.essor.model.application.Instrument;
import fr.essor.model.accounting.MappingKey;
import fr.essor.model.convention.MovementKind;
import fr.essor.service.account.AccountService;
import fr.essor.service.accounting.AccountingService;
import fr.essor.service.accounting.AccountingViews;
import fr.essor.service.association.AssociationService;
import fr.essor.service.association.AssociationView;
import fr.essor.web.i18n.Format;
import fr.essor.web.i18n.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The administrator's accounting page (issue 14, item 5): the association's chart of accounts, edited line by
 * line and saved as a whole (a national administrator chooses the association), and the export of a period's
 * journal, checked balanced before it is downloaded.
 */
@Named
@ViewScoped
public class AccountingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The export's choices on the page: the FEC with tabs or pipes, XLSX, CSV. */
    private static final List<String> CHOICES = List.of("fec", "fecPipe", "xlsx", "csv");

    @EJB
    private AccountingService accounting;

    @EJB
    private AccountService accounts;

    @EJB
    private AssociationService associations;

    private boolean national;
    private List<AssociationView> all = List.of();
    private String code;
    private AccountingViews.Chart chart;
    private List<MappingRow> rows;
    private LocalDate from;
    private LocalDate to;
    private String choice = "fec";
    private AccountingViews.Summary summary;

    @PostConstruct
    void init() {
        String own = accounts.me().associationCode();
        national = own == null;
        if (own != null) {
            code = own;
        } else {
            all = associations.all();
            code = all.isEmpty() ? null : all.get(0).code();
        }
        load();
    }

    /** Reads the chosen association's chart in force. */
    public void load() {
        summary = null;
        if (code == null) {
            return;
        }
        chart = accounting.chart(code);
        rows = new ArrayList<>(chart.lines().stream().map(MappingRow::of).toList());
    }

    /** Puts the default chart in the form (saved only by {@link #save}). */
    public void loadDefault() {
        rows = new ArrayList<>(accounting.defaultChart().lines().stream().map(MappingRow::of).toList());
    }

    public void addLine() {
        MappingRow r = new MappingRow();
        r.setMovementKind(MovementKind.DISBURSEMENT.name());
        r.setInstrument(MappingKey.ALL_INSTRUMENTS);
        rows.add(r);
    }

    public void removeLine(MappingRow row) {
        rows.remove(row);
    }

    public void save() {
        AccountingViews.Chart saved = accounting.changeChart(code, rows.stream().map(MappingRow::input).toList());
        load();
        Messages.info("admin.accounting.saved", saved.lines().size());
    }

    /** The period's journal figures: entries, totals, balanced (refused, with a message, when a kind is unmapped). */
    public void check() {
        summary = accounting.summary(code, from, to);
    }

    /** The download address of the checked period in the chosen format. */
    public String getDownloadUrl() {
        if (summary == null) {
            return null;
        }
        String format = choice.startsWith("fec") ? "fec" : choice;
        String separator = "fecPipe".equals(choice) ? "&separator=pipe" : "";
        return "/files/accounting/" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "?from=" + from + "&to=" + to
                + "&format=" + format + separator;
    }

    /** "The association's own chart, stored by … on …". */
    public String getOriginText() {
        if (chart == null || !chart.custom()) {
            return null;
        }
        Format fmt = new Format();
        return Messages.text(locale(), "admin.accounting.custom", chart.updatedBy(), fmt.instant(chart.updatedAt()));
    }

    /** "12 entries, 24 lines; debit …, credit …". */
    public String getSummaryText() {
        if (summary == null) {
            return null;
        }
        Format fmt = new Format();
        return Messages.text(locale(), "admin.accounting.summary", summary.entries(), summary.lines(),
                fmt.money(summary.totalDebit()), fmt.money(summary.totalCredit()));
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public List<String> getKinds() {
        return Arrays.stream(MovementKind.values()).map(Enum::name).toList();
    }

    /** ALL, then each instrument. */
    public List<String> getInstruments() {
        List<String> all = new ArrayList<>();
        all.add(MappingKey.ALL_INSTRUMENTS);
        Arrays.stream(Instrument.values()).map(Enum::name).forEach(all::add);
        return all;
    }

    public List<String> getChoices() {
        return CHOICES;
    }

    public List<AssociationView> getAssociations() {
        return all;
    }

    public boolean isNational() {
        return national;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public AccountingViews.Chart getChart() {
        return chart;
    }

    public List<MappingRow> getRows() {
        return rows;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getChoice() {
        return choice;
    }

    public void setChoice(String choice) {
        this.choice = CHOICES.contains(choice) ? choice : "fec";
    }

    public AccountingViews.Summary getSummary() {
        return summary;
    }
}
