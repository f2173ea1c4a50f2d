package fr.essor.model.accounting;

import fr.essor.model.convention.MovementKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The double-entry journal of an association's period: each ledger movement, in date order (then by id), is one
 * entry of two lines through the chart of accounts, the account debited then the account credited, for the
 * movement's amount. A negative movement (a repayment's reversal) is written the other way round for its
 * absolute amount. Entries are numbered without a gap within each journal, in that order, so the same movements
 * and chart give the same journal. Built only when every movement is mapped (a refusal names the first unmapped
 * kind) and checked balanced (Σ debit = Σ credit, invariant 10).
 */
public final class Journal {

    /** EcritureLib is cut to this length. */
    public static final int LIB_MAX = 200;

    private static final Pattern SEPARATORS = Pattern.compile("[\\t|\\r\\n\\p{Cntrl}]+");
    private static final Comparator<JournalMovement> ORDER = Comparator.comparing(JournalMovement::occurredOn)
            .thenComparingLong(JournalMovement::id);

    private final LocalDate from;
    private final LocalDate to;
    private final List<JournalLine> lines;
    private final int entries;
    private final BigDecimal totalDebit;
    private final BigDecimal totalCredit;
    private final Map<MovementKind, BigDecimal> byKind;

    private Journal(LocalDate from, LocalDate to, List<JournalLine> lines, int entries, Map<MovementKind, BigDecimal> byKind) {
        this.from = from;
        this.to = to;
        this.lines = Collections.unmodifiableList(lines);
        this.entries = entries;
        this.totalDebit = lines.stream().map(JournalLine::debit).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        this.totalCredit = lines.stream().map(JournalLine::credit).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        this.byKind = Collections.unmodifiableMap(byKind);
        if (totalDebit.compareTo(totalCredit) != 0) {
            throw new AccountingRuleException("accounting.unbalanced", totalDebit, totalCredit);
        }
    }

    /** The journal of the movements of [from, to] through the chart; refused when a movement's kind is unmapped. */
    public static Journal of(LocalDate from, LocalDate to, List<JournalMovement> movements, ChartOfAccounts chart) {
        Objects.requireNonNull(chart);
        List<JournalMovement> sorted = new ArrayList<>(movements);
        sorted.sort(ORDER);
        for (JournalMovement m : sorted) {
            if (chart.postingFor(m.kind(), m.instrument()).isEmpty()) {
                throw new AccountingRuleException("accounting.kindUnmapped", m.kind().name(),
                        m.instrument() == null ? "" : m.instrument().name());
            }
        }
        Map<String, Integer> numbers = new HashMap<>();
        Map<MovementKind, BigDecimal> byKind = new EnumMap<>(MovementKind.class);
        List<JournalLine> lines = new ArrayList<>(sorted.size() * 2);
        for (JournalMovement m : sorted) {
            Posting p = chart.postingFor(m.kind(), m.instrument()).orElseThrow();
            BigDecimal signed = m.amount().setScale(2, RoundingMode.UNNECESSARY);
            byKind.merge(m.kind(), signed, BigDecimal::add);
            boolean reversal = signed.signum() < 0;
            BigDecimal amount = signed.abs();
            String debitAccount = reversal ? p.creditAccount() : p.debitAccount();
            String debitLabel = reversal ? p.creditLabel() : p.debitLabel();
            String creditAccount = reversal ? p.debitAccount() : p.creditAccount();
            String creditLabel = reversal ? p.debitLabel() : p.creditLabel();
            int n = numbers.merge(p.journalCode(), 1, Integer::sum);
            String num = p.journalCode() + String.format("%06d", n);
            String lib = label(m, reversal);
            String piece = "MVT" + m.id();
            LocalDate valid = m.recordedOn().isAfter(m.occurredOn()) ? m.recordedOn() : m.occurredOn();
            lines.add(line(p, num, m, debitAccount, debitLabel, piece, lib, amount, BigDecimal.ZERO.setScale(2), valid));
            lines.add(line(p, num, m, creditAccount, creditLabel, piece, lib, BigDecimal.ZERO.setScale(2), amount, valid));
        }
        return new Journal(from, to, lines, sorted.size(), byKind);
    }

    private static JournalLine line(Posting p, String num, JournalMovement m, String account, String accountLabel, String piece,
                                    String lib, BigDecimal debit, BigDecimal credit, LocalDate valid) {
        boolean auxiliary = account.startsWith("4") || account.startsWith("27");
        return new JournalLine(p.journalCode(), p.journalLabel(), num, m.occurredOn(), account, accountLabel,
                auxiliary ? "ENT" + m.enterpriseId() : "", auxiliary ? clean(m.enterpriseName(), Posting.LABEL_MAX) : "",
                piece, m.occurredOn(), lib, debit, credit, "", null, valid, null, "");
    }

    /** "Décaissement CVL-2021-00042 BDT-FONDS-2021", French as the FEC is. */
    private static String label(JournalMovement m, boolean reversal) {
        String what = switch (m.kind()) {
            case ALLOCATION -> "Engagement";
            case RELEASE -> "Libération d'engagement";
            case DISBURSEMENT -> "Décaissement";
            case REPAYMENT -> reversal ? "Annulation de remboursement" : "Remboursement";
            case WRITE_OFF -> "Passage en perte";
            case GUARANTEE_CALL -> "Appel en garantie";
            case RECOVERY -> "Recouvrement après passage en perte";
            case GUARANTEE_COMMISSION -> "Commission de garantie";
            case GUARANTEE_RECOVERY -> "Récupération sur appel en garantie";
            default -> m.kind().name();
        };
        String text = what + " " + Objects.toString(m.applicationReference(), "") + " "
                + Objects.toString(m.conventionReference(), "");
        return clean(text, LIB_MAX);
    }

    private static String clean(String text, int max) {
        if (text == null) {
            return "";
        }
        String c = SEPARATORS.matcher(text).replaceAll(" ").strip().replaceAll(" {2,}", " ");
        return c.length() > max ? c.substring(0, max) : c;
    }

    public LocalDate from() {
        return from;
    }

    public LocalDate to() {
        return to;
    }

    public List<JournalLine> lines() {
        return lines;
    }

    /** Number of entries (movements); each has two lines. */
    public int entries() {
        return entries;
    }

    public BigDecimal totalDebit() {
        return totalDebit;
    }

    public BigDecimal totalCredit() {
        return totalCredit;
    }

    /** Always true once built: Σ debit = Σ credit. */
    public boolean balanced() {
        return totalDebit.compareTo(totalCredit) == 0;
    }

    /** The movements' signed sum per kind (a reversal counts negative), as the ledger sums them. */
    public Map<MovementKind, BigDecimal> byKind() {
        return byKind;
    }

}
