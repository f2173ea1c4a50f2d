package fr.essor.service.accounting;

import fr.essor.model.accounting.ChartOfAccounts;
import fr.essor.model.accounting.Journal;
import fr.essor.model.accounting.MappingKey;
import fr.essor.model.accounting.Posting;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the accounting use cases answer. */
public final class AccountingViews {

    private AccountingViews() {
    }

    /** One line of a chart; {@code instrument} is {@value MappingKey#ALL_INSTRUMENTS} for every instrument. */
    public record Line(String movementKind, String instrument, String debitAccount, String debitLabel, String creditAccount,
                       String creditLabel, String journalCode, String journalLabel) {
        static Line of(MappingKey k, Posting p) {
            return new Line(k.kind().name(), k.storedInstrument(), p.debitAccount(), p.debitLabel(), p.creditAccount(),
                    p.creditLabel(), p.journalCode(), p.journalLabel());
        }
    }

    /** An association's chart in force: its own ({@code custom}) or the default one. */
    public record Chart(String association, boolean custom, String updatedBy, Instant updatedAt, List<Line> lines) {
        static Chart of(String association, ChartOfAccounts chart, String updatedBy, Instant updatedAt) {
            return new Chart(association, !chart.isDefault(), updatedBy, updatedAt,
                    chart.lines().entrySet().stream().map(e -> Line.of(e.getKey(), e.getValue())).toList());
        }
    }

    /** The figures of a period's journal: entries, lines, totals (balanced), and the ledger's signed sum per kind. */
    public record Summary(String association, LocalDate from, LocalDate to, int entries, int lines, BigDecimal totalDebit,
                          BigDecimal totalCredit, boolean balanced, Map<String, BigDecimal> byKind) {
        static Summary of(String association, Journal j) {
            Map<String, BigDecimal> kinds = new LinkedHashMap<>();
            j.byKind().forEach((k, v) -> kinds.put(k.name(), v.setScale(2)));
            return new Summary(association, j.from(), j.to(), j.entries(), j.lines().size(), j.totalDebit(), j.totalCredit(),
                    j.balanced(), kinds);
        }
    }

    /** A file to download: its name, media type and bytes, with the journal's summary. */
    public record ExportFile(String fileName, String mediaType, byte[] content, Summary summary) {
    }
}
