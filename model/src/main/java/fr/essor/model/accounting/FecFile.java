package fr.essor.model.accounting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Journal} as a FEC, the French "fichier des écritures comptables" (article A47 A-1 of the LPF):
 * a first line with the 18 field names in their order, then one line per journal line, the fields separated by a
 * tab (or a pipe), lines ended by CRLF, UTF-8 without a byte order mark; dates yyyyMMdd; amounts with a comma
 * before the two decimals, no grouping, no sign ("1500,00", "0,00"); unused fields empty. No text field can hold
 * the separator: the journal removes tabs, pipes and line breaks from labels.
 */
public final class FecFile {

    /** The 18 fields, in the order of the law. */
    public static final List<String> COLUMNS = List.of("JournalCode", "JournalLib", "EcritureNum", "EcritureDate",
            "CompteNum", "CompteLib", "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit",
            "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

    /** The two separators the FEC allows. */
    public enum Separator {
        TAB('\t'), PIPE('|');

        private final char character;

        Separator(char character) {
            this.character = character;
        }

        public char character() {
            return character;
        }
    }

    private FecFile() {
    }

    public static byte[] write(Journal journal, Separator separator) {
        StringBuilder sb = new StringBuilder(160 * (journal.lines().size() + 1));
        append(sb, COLUMNS, separator);
        for (JournalLine l : journal.lines()) {
            append(sb, fields(l), separator);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The 18 fields of a line as the file writes them. */
    public static List<String> fields(JournalLine l) {
        return List.of(l.journalCode(), l.journalLib(), l.ecritureNum(), date(l.ecritureDate()), l.compteNum(),
                l.compteLib(), l.compAuxNum(), l.compAuxLib(), l.pieceRef(), date(l.pieceDate()), l.ecritureLib(),
                amount(l.debit()), amount(l.credit()), l.ecritureLet(), date(l.dateLet()), date(l.validDate()),
                l.montantDevise() == null ? "" : amount(l.montantDevise()), l.idevise());
    }

    private static void append(StringBuilder sb, List<String> fields, Separator separator) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(separator.character());
            }
            sb.append(fields.get(i) == null ? "" : fields.get(i));
        }
        sb.append("\r\n");
    }

    /** "1500,00": two decimals, a comma, no grouping. */
    public static String amount(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY).toPlainString().replace('.', ',');
    }

    /** "20260131"; empty for no date. */
    public static String date(LocalDate value) {
        return value == null ? "" : DATE.format(value);
    }

    /** The name the law gives the file: SIREN (here the association's code), "FEC", the period's closing date. */
    public static String fileName(String issuer, LocalDate closing, String extension) {
        return issuer + "FEC" + date(closing) + "." + extension;
    }
}
