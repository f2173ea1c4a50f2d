package fr.essor.model.inbox;

import fr.essor.model.shared.RuleException;
import java.util.regex.Pattern;

/**
 * The name of one inbox item: its kind, then the ids of what it is about and of the state it is in,
 * separated by colons ({@code CONDITION_TO_CHECK:42:3}). Computed by the item's source from the data, so
 * that the same item keeps its key from one day to the next, and a new state of it (a condition
 * provided again) gets a new key and shows as new. A person marks items as seen by their key.
 */
public record InboxKey(String value) {

    /** The column {@code inbox_seen.item_key}. */
    public static final int MAX = 120;
    /** A kind: upper-case letters and underscores, as the sources name theirs. */
    public static final Pattern KIND = Pattern.compile("[A-Z][A-Z_]{1,39}");
    private static final Pattern KEY = Pattern.compile("[A-Z][A-Z_]{1,39}(:[0-9]{1,19}){1,4}");

    public InboxKey {
        if (value == null || value.isBlank()) {
            throw RuleException.field("key", "field.required");
        }
        if (value.length() > MAX || !KEY.matcher(value).matches()) {
            throw RuleException.field("key", "inbox.keyInvalid");
        }
    }

    /** The kind of item the key names, e.g. {@code CONDITION_TO_CHECK}. */
    public String kind() {
        return value.substring(0, value.indexOf(':'));
    }

    /** Whether {@code kind} is a well-formed kind name (what a source declares). */
    public static boolean isKind(String kind) {
        return kind != null && KIND.matcher(kind).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
