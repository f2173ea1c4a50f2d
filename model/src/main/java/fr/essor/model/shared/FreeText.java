package fr.essor.model.shared;

/**
 * The one rule for text people type (names, titles, descriptions, reasons, notes, messages): no
 * control characters (NUL, BEL, ESC…) and no invisible format characters such as the text-direction
 * overrides (U+202E shows "exe.fdp" as "pdf.exe") in text shown in pages, mails, exports and
 * minutes. Multi-line text keeps its line breaks and tabs; a single line has neither. The joiners
 * U+200C and U+200D stay allowed: some scripts and emoji need them.
 */
public final class FreeText {

    private FreeText() {
    }

    /** True when the text (null counts as empty) holds only characters people may type in such a field. */
    public static boolean isClean(String text, boolean multiline) {
        return text == null || text.codePoints().allMatch(c -> allowed(c, multiline));
    }

    /**
     * Returns the text when it is clean; otherwise throws {@link InvalidTextException} naming the
     * field. For the model's own guard: services check first and answer the field's error.
     */
    public static String require(String field, String text, boolean multiline) {
        if (!isClean(text, multiline)) {
            throw new InvalidTextException(field);
        }
        return text;
    }

    /**
     * The comment of a decision on what an entrepreneur sent (a signed agreement, a condition's document): stripped, null
     * when blank; refused on the field "comment" with {@code requiredKey} when that is given and the comment is blank,
     * when it is longer than {@code max}, or when it holds a character the rule refuses.
     */
    public static String comment(String comment, String requiredKey, int max) {
        String c = comment == null || comment.isBlank() ? null : comment.strip();
        if (c == null && requiredKey != null) {
            throw RuleException.field("comment", requiredKey);
        }
        if (c != null && c.length() > max) {
            throw RuleException.field("comment", "field.tooLong", max);
        }
        if (c != null && !isClean(c, true)) {
            throw RuleException.field("comment", "text.invalidCharacters");
        }
        return c;
    }

    private static boolean allowed(int c, boolean multiline) {
        if (c == '\n' || c == '\r' || c == '\t') {
            return multiline;
        }
        if (Character.isISOControl(c)) {
            return false;
        }
        int type = Character.getType(c);
        if (type == Character.FORMAT) {
            return c == 0x200C || c == 0x200D;
        }
        // U+2028/U+2029 break lines where a reader does not expect it; surrogates alone are broken text
        return type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && type != Character.SURROGATE;
    }

    /** A free-text field holds a character that the rule refuses. */
    public static class InvalidTextException extends EssorDomainException {

        private static final long serialVersionUID = 1L;

        private final String field;

        public InvalidTextException(String field) {
            super("text.invalidCharacters " + field);
            this.field = field;
        }

        public String field() {
            return field;
        }

        /** Message key of the refusal. */
        public String key() {
            return "text.invalidCharacters";
        }
    }
}
