package fr.essor.model.accounting;

import fr.essor.model.application.Instrument;
import fr.essor.model.convention.MovementKind;
import fr.essor.model.shared.RuleException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An association's chart of accounts for the export: for each movement kind (and, where it differs, each
 * instrument) the posting that writes it. A movement uses the line of its kind and instrument, else the line
 * of its kind for every instrument; a kind with neither is unmapped, and a period holding such a movement is
 * not exported. An association that never set its chart uses {@link #defaultChart()}.
 */
public final class ChartOfAccounts {

    /** At most this many lines in a chart (kinds × (instruments + 1) is far less). */
    public static final int MAX_LINES = 100;

    private static final String BANK = "512";
    private static final String BANK_LABEL = "Banque";
    private static final String COMMITMENTS = "801";
    private static final String COMMITMENTS_LABEL = "Engagements de financement donnés";
    private static final String COUNTERPART = "809";
    private static final String COUNTERPART_LABEL = "Contrepartie des engagements donnés";

    private static final ChartOfAccounts DEFAULT = buildDefault();

    private final Map<MappingKey, Posting> lines;
    private final boolean isDefault;

    private ChartOfAccounts(Map<MappingKey, Posting> lines, boolean isDefault) {
        this.lines = Collections.unmodifiableMap(new TreeMap<>(lines));
        this.isDefault = isDefault;
    }

    /**
     * A chart set by an administrator: each posting checked (a refusal names {@code mappings.<kind>[/<instrument>]}
     * and the field); at least one line, at most {@value #MAX_LINES}.
     */
    public static ChartOfAccounts of(Map<MappingKey, Posting> lines) {
        if (lines == null || lines.isEmpty()) {
            throw RuleException.field("mappings", "accounting.chartEmpty");
        }
        if (lines.size() > MAX_LINES) {
            throw RuleException.field("mappings", "accounting.chartTooLong", MAX_LINES);
        }
        Map<MappingKey, Posting> checked = new TreeMap<>();
        lines.forEach((k, p) -> checked.put(k, p.checked("mappings." + k)));
        return new ChartOfAccounts(checked, false);
    }

    /**
     * The default chart, after the French PCG: commitments off balance sheet (class 8) in journal ENG, money
     * through the bank (512) in journal BQ, loans as financial fixed assets (274), grants as expenses (6574),
     * equity as participations (261), write-offs as losses (654) in journal OD, guarantee calls as claims on the
     * enterprise (4678), what is recovered on them back to that claim, recoveries after a write-off as income on
     * written-off debts (7714) and guarantee commissions as income (706), through the bank. Every movement kind
     * is mapped.
     */
    public static ChartOfAccounts defaultChart() {
        return DEFAULT;
    }

    private static ChartOfAccounts buildDefault() {
        Map<MappingKey, Posting> m = new TreeMap<>();
        m.put(MappingKey.of(MovementKind.ALLOCATION), new Posting(COMMITMENTS, COMMITMENTS_LABEL, COUNTERPART,
                COUNTERPART_LABEL, "ENG", "Engagements"));
        m.put(MappingKey.of(MovementKind.RELEASE), new Posting(COUNTERPART, COUNTERPART_LABEL, COMMITMENTS,
                COMMITMENTS_LABEL, "ENG", "Engagements"));
        m.put(MappingKey.of(MovementKind.DISBURSEMENT), new Posting("274", "Prêts", BANK, BANK_LABEL, "BQ", BANK_LABEL));
        m.put(MappingKey.of(MovementKind.DISBURSEMENT, Instrument.HONOUR_LOAN), new Posting("2743", "Prêts d'honneur",
                BANK, BANK_LABEL, "BQ", BANK_LABEL));
        m.put(MappingKey.of(MovementKind.DISBURSEMENT, Instrument.GRANT), new Posting("6574", "Subventions versées",
                BANK, BANK_LABEL, "BQ", BANK_LABEL));
        m.put(MappingKey.of(MovementKind.DISBURSEMENT, Instrument.EQUITY), new Posting("261", "Titres de participation",
                BANK, BANK_LABEL, "BQ", BANK_LABEL));
        m.put(MappingKey.of(MovementKind.REPAYMENT), new Posting(BANK, BANK_LABEL, "274", "Prêts", "BQ", BANK_LABEL));
        m.put(MappingKey.of(MovementKind.REPAYMENT, Instrument.HONOUR_LOAN), new Posting(BANK, BANK_LABEL, "2743",
                "Prêts d'honneur", "BQ", BANK_LABEL));
        m.put(MappingKey.of(MovementKind.WRITE_OFF), new Posting("654", "Pertes sur créances irrécouvrables", "274", "Prêts",
                "OD", "Opérations diverses"));
        m.put(MappingKey.of(MovementKind.WRITE_OFF, Instrument.HONOUR_LOAN), new Posting("654",
                "Pertes sur créances irrécouvrables", "2743", "Prêts d'honneur", "OD", "Opérations diverses"));
        m.put(MappingKey.of(MovementKind.GUARANTEE_CALL), new Posting("4678", "Créances sur appels en garantie", BANK,
                BANK_LABEL, "BQ", BANK_LABEL));
        m.put(MappingKey.of(MovementKind.RECOVERY), new Posting(BANK, BANK_LABEL, "7714", "Rentrées sur créances amorties",
                "BQ", BANK_LABEL));
        m.put(MappingKey.of(MovementKind.GUARANTEE_COMMISSION), new Posting(BANK, BANK_LABEL, "706", "Commissions de garantie",
                "BQ", BANK_LABEL));
        m.put(MappingKey.of(MovementKind.GUARANTEE_RECOVERY), new Posting(BANK, BANK_LABEL, "4678",
                "Créances sur appels en garantie", "BQ", BANK_LABEL));
        m.forEach((k, p) -> p.checked("default." + k));
        return new ChartOfAccounts(m, true);
    }

    /** The posting of a movement of this kind and instrument, if the chart maps it. */
    public Optional<Posting> postingFor(MovementKind kind, Instrument instrument) {
        Posting own = instrument == null ? null : lines.get(MappingKey.of(kind, instrument));
        return Optional.ofNullable(own != null ? own : lines.get(MappingKey.of(kind)));
    }

    /** The lines, ordered by kind then instrument (every instrument first). */
    public Map<MappingKey, Posting> lines() {
        return lines;
    }

    /** True for {@link #defaultChart()}: the association never set a chart of its own. */
    public boolean isDefault() {
        return isDefault;
    }
}
