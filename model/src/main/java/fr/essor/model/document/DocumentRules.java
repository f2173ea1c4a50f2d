package fr.essor.model.document;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import fr.essor.model.document.DocumentCheck.Accepted;
import fr.essor.model.document.DocumentCheck.Reason;
import fr.essor.model.document.DocumentCheck.Rejected;
import fr.essor.model.shared.Crypto;

/**
 * What an uploaded document must be to be kept: one of the {@link DocumentFormat}s as told by its content, 1 byte to
 * 10 MiB, under a name that cannot climb out of a folder or carry markup, identified by its SHA-256.
 */
public final class DocumentRules {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_FILE_NAME_LENGTH = 120;
    static final String FALLBACK_STEM = "document";

    /** Characters Windows forbids in a name, and that HTML or a header would read as syntax. */
    private static final String FORBIDDEN = "<>:\"|?*";
    /** What can follow the last dot and still be taken for an extension to replace ("exe", "docx", "jpeg"). */
    private static final int MAX_EXTENSION_LENGTH = 5;

    private DocumentRules() {
    }

    /** Decides whether an upload may be stored, and if so under which format, name and checksum. */
    public static DocumentCheck check(String originalFileName, byte[] content) {
        Objects.requireNonNull(content, "content");
        if (content.length == 0) {
            return new Rejected(Reason.EMPTY);
        }
        if (content.length > MAX_BYTES) {
            return new Rejected(Reason.TOO_LARGE);
        }
        Optional<DocumentFormat> format = FileTypeSniffer.detect(content);
        if (format.isEmpty()) {
            return new Rejected(Reason.UNSUPPORTED_TYPE);
        }
        String stem = safeStem(originalFileName, format.get());
        if (stem.isEmpty()) {
            return new Rejected(Reason.BAD_NAME);
        }
        return new Accepted(format.get(), stem + '.' + format.get().extension(), content.length, Crypto.sha256Hex(content));
    }

    /**
     * The last segment of {@code original} without control, bidirectional-override and {@code <>:"|?*} characters
     * or leading dots, whitespace collapsed, at most {@value #MAX_FILE_NAME_LENGTH} characters, ending with the
     * extension of {@code format} whatever extension it had; "document.pdf" (say) when nothing is left.
     */
    public static String safeFileName(String original, DocumentFormat format) {
        Objects.requireNonNull(format, "format");
        String stem = safeStem(original, format);
        return (stem.isEmpty() ? FALLBACK_STEM : stem) + '.' + format.extension();
    }

    /** The sanitised name without its extension; empty when nothing usable is left. */
    private static String safeStem(String original, DocumentFormat format) {
        if (original == null) {
            return "";
        }
        String name = Normalizer.normalize(original, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        // The extension goes first, so that ".pdf" or "<>.exe" leave nothing rather than a stem "pdf" or "exe".
        String stem = withoutExtension(stripUnsafeCharacters(name));
        String target = '.' + format.extension();
        if (stem.toLowerCase(Locale.ROOT).endsWith(target)) {
            // "facture.pdf.exe" found to be a PDF: do not make it "facture.pdf.pdf"
            stem = stem.substring(0, stem.length() - target.length());
        }
        stem = stripTrailing(stripLeading(stem));
        return stripTrailing(truncate(stem, MAX_FILE_NAME_LENGTH - target.length()));
    }

    private static String stripUnsafeCharacters(String name) {
        StringBuilder kept = new StringBuilder(name.length());
        boolean pendingSpace = false;
        for (int i = 0; i < name.length();) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = kept.length() > 0;
            } else if (isUnsafe(c)) {
                continue;
            } else {
                if (pendingSpace) {
                    kept.append(' ');
                    pendingSpace = false;
                }
                kept.appendCodePoint(c);
            }
        }
        return kept.toString();
    }

    /**
     * Control characters; format characters, among which the bidirectional overrides that make "fdp.exe" display
     * as "exe.pdf"; unassigned, private-use and lone surrogate code points; and {@link #FORBIDDEN}.
     */
    private static boolean isUnsafe(int c) {
        switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE,
                    Character.SURROGATE:
                return true;
            default:
                return FORBIDDEN.indexOf(c) >= 0;
        }
    }

    private static String stripLeading(String name) {
        int start = 0;
        while (start < name.length() && (name.charAt(start) == '.' || name.charAt(start) == ' ')) {
            start++;
        }
        return name.substring(start);
    }

    /** Windows drops trailing dots and spaces, so a name ending so would not be the name stored. */
    private static String stripTrailing(String name) {
        int end = name.length();
        while (end > 0 && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
            end--;
        }
        return name.substring(0, end);
    }

    /**
     * Drops what follows the last dot when it looks like an extension: a few letters or digits with at least one
     * letter, so that "Bilan 31.12.2024" keeps its year.
     */
    private static String withoutExtension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return name;
        }
        String extension = name.substring(dot + 1);
        boolean looksLikeOne = !extension.isEmpty() && extension.length() <= MAX_EXTENSION_LENGTH
                && extension.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))
                && extension.chars().anyMatch(Character::isLetter);
        return looksLikeOne ? name.substring(0, dot) : name;
    }

    /** Cuts to at most {@code max} chars without splitting a surrogate pair or a letter from its accents. */
    private static String truncate(String name, int max) {
        if (name.length() <= max) {
            return name;
        }
        int end = max;
        while (end > 0 && (Character.isLowSurrogate(name.charAt(end)) || isCombiningMark(name.codePointAt(end)))) {
            end--;
        }
        return name.substring(0, end);
    }

    private static boolean isCombiningMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
