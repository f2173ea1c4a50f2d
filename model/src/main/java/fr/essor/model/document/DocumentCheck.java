package fr.essor.model.document;

import java.util.Objects;
import java.util.regex.Pattern;

/** The verdict of {@link DocumentRules#check} on an upload: accepted as a given format, or rejected for a reason. */
public sealed interface DocumentCheck permits DocumentCheck.Accepted, DocumentCheck.Rejected {

    enum Reason {
        /** No bytes at all. */
        EMPTY,
        /** More than {@link DocumentRules#MAX_BYTES}. */
        TOO_LARGE,
        /** The content is none of the {@link DocumentFormat}s, or an archive that is unsafe to open. */
        UNSUPPORTED_TYPE,
        /** Nothing usable is left of the file name once its path, markup and control characters are removed. */
        BAD_NAME
    }

    boolean isAccepted();

    /**
     * An upload that may be stored.
     *
     * @param format the format detected from the content
     * @param fileName the sanitised name, with the extension of {@code format}
     * @param size the number of bytes
     * @param sha256 the SHA-256 of the content, 64 lower-case hex digits
     */
    record Accepted(DocumentFormat format, String fileName, long size, String sha256) implements DocumentCheck {

        private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

        public Accepted {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(sha256, "sha256");
            if (size <= 0 || size > DocumentRules.MAX_BYTES) {
                throw new IllegalArgumentException("An accepted document has 1 to " + DocumentRules.MAX_BYTES
                        + " bytes, not " + size);
            }
            if (!SHA256_HEX.matcher(sha256).matches()) {
                throw new IllegalArgumentException("Not a lower-case hex SHA-256: \"" + sha256 + "\"");
            }
        }

        @Override
        public boolean isAccepted() {
            return true;
        }
    }

    /** An upload that must not be stored; {@code reason} keys the message shown to the user. */
    record Rejected(Reason reason) implements DocumentCheck {

        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean isAccepted() {
            return false;
        }
    }
}
