package fr.essor.service.inbox;

import fr.essor.model.inbox.InboxKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The SQL of one inbox statement, built from its sources' SELECTs: every value is a bound parameter
 * ({@code ?1}, {@code ?2}, … in the order {@link #bind} was called), only the page bounds, computed
 * integers, and the sources' kinds (checked names) are written into the text.
 */
public final class InboxSql {

    /** The columns every source's SELECT gives, in this order. */
    public static final List<String> COLUMNS = List.of("item_key", "kind", "subject_id", "reference", "label", "detail", "amount",
            "due_on", "since");

    /** A text column without a value. */
    public static final String NO_TEXT = "NULL";
    /** The amount column without a value. */
    public static final String NO_AMOUNT = "CAST(NULL AS DECIMAL(15,2))";
    /** The due_on column without a value. */
    public static final String NO_DATE = "CAST(NULL AS DATE)";
    /** The since column without a value. */
    public static final String NO_INSTANT = "CAST(NULL AS DATETIME(6))";

    private final List<Object> parameters = new ArrayList<>();

    /** Binds a value and returns its placeholder. */
    public String bind(Object value) {
        parameters.add(value);
        return "?" + parameters.size();
    }

    List<Object> parameters() {
        return Collections.unmodifiableList(parameters);
    }

    /**
     * The start of a source's SELECT, up to its FROM: the item's key is the kind followed by the values of
     * {@code keyParts} (ids: what it is about, and the state it is in), separated by colons.
     */
    public static String select(String kind, List<String> keyParts, String subjectId, String reference, String label, String detail,
            String amount, String dueOn, String since) {
        if (!InboxKey.isKind(kind)) {
            throw new IllegalArgumentException("An inbox kind is upper-case words joined by underscores: " + kind);
        }
        if (keyParts.isEmpty() || keyParts.size() > 4) {
            throw new IllegalArgumentException("An inbox key has one to four ids: " + keyParts);
        }
        String key = "CONCAT('" + kind + "', " + keyParts.stream().map(p -> "':', " + p).collect(Collectors.joining(", ")) + ")";
        List<String> values = List.of(key, "'" + kind + "'", subjectId, reference, label, detail, amount, dueOn, since);
        StringBuilder sb = new StringBuilder("SELECT ");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(values.get(i)).append(" AS ").append(COLUMNS.get(i));
        }
        return sb.toString();
    }

    /** The union of the SELECTs, as the derived table {@code x}, joined to what the account has seen ({@code s}). */
    String items(List<String> selects, long accountId) {
        return " FROM (" + String.join(" UNION ALL ", selects) + ") x LEFT JOIN inbox_seen s ON s.account_id = " + bind(accountId)
                + " AND s.item_key = x.item_key";
    }

    /** The columns of an item as {@code InboxQueries} reads them. */
    static String itemColumns() {
        return Stream.concat(COLUMNS.stream().map(c -> "x." + c), Stream.of("s.seen_at")).collect(Collectors.joining(", "));
    }
}
