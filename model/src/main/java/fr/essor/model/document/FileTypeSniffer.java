package fr.essor.model.document;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Recognises a {@link DocumentFormat} from the bytes of a file, never from its name.
 * <p>
 * PDF, PNG and JPEG are recognised by their signature. ODT, DOCX and XLSX are ZIP archives: the archive is read
 * entry by entry, every entry to its end, through counters that stop at the first sign of a zip bomb or of a path
 * outside the archive (see {@link Limits}); such an archive is not recognised. Anything else (an executable,
 * HTML, SVG, a script, nothing at all) is not recognised either.
 */
public final class FileTypeSniffer {

    public static final int MAX_ENTRIES = 10_000;
    public static final long MAX_TOTAL_UNCOMPRESSED_BYTES = 100L * 1024 * 1024;
    public static final int MAX_COMPRESSION_RATIO = 100;

    private static final byte[] PDF_SIGNATURE = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};
    private static final int LONGEST_SIGNATURE = PNG_SIGNATURE.length;

    private static final String ODT_MIMETYPE_ENTRY = "mimetype";
    private static final byte[] ODT_MIMETYPE = DocumentFormat.ODT.mediaType().getBytes(StandardCharsets.US_ASCII);
    private static final String OOXML_CONTENT_TYPES = "[Content_Types].xml";
    private static final String DOCX_MAIN_PART = "word/document.xml";
    private static final String XLSX_MAIN_PART = "xl/workbook.xml";

    private static final int BUFFER_SIZE = 8192;
    /**
     * ZipInputStream reads ahead (512 bytes in the JDK) and pushes back what belongs to the next entry, so up to that
     * much of an entry may be pulled before the entry begins; counting it keeps the running ratio from over-rating.
     */
    private static final int READ_AHEAD_SLACK = 1024;

    /**
     * How far the reading of an archive may go before it is abandoned as hostile.
     *
     * @param maxEntries the most entries an archive may have
     * @param maxTotalUncompressedBytes the most bytes all entries together may inflate to, as counted while reading
     * @param maxCompressionRatio the most bytes an entry may inflate to per compressed byte
     * @param ratioGraceBytes the size up to which an entry's ratio is not checked: small parts (an empty sheet, a
     *        repeated style) legitimately compress better than 100:1, as Apache POI's ZipSecureFile also allows
     */
    record Limits(int maxEntries, long maxTotalUncompressedBytes, int maxCompressionRatio, long ratioGraceBytes) {

        static final Limits DEFAULT = new Limits(MAX_ENTRIES, MAX_TOTAL_UNCOMPRESSED_BYTES, MAX_COMPRESSION_RATIO,
                100 * 1024);
    }

    private FileTypeSniffer() {
    }

    /** The format of these bytes, or empty when they are none of the accepted formats or an unsafe archive. */
    public static Optional<DocumentFormat> detect(byte[] content) {
        return detect(content, Limits.DEFAULT);
    }

    static Optional<DocumentFormat> detect(byte[] content, Limits limits) {
        Objects.requireNonNull(content, "content");
        try {
            return detect(new ByteArrayInputStream(content), limits);
        } catch (IOException e) {
            throw new UncheckedIOException("A byte array cannot fail to be read", e);
        }
    }

    /**
     * The format of the stream's content, or empty. Reads only the signature of a PDF, PNG or JPEG; reads a ZIP
     * archive up to its central directory (or until a limit is hit) since every entry must be checked. The stream is
     * left open and positioned wherever reading stopped.
     *
     * @throws IOException when the stream itself fails; a malformed archive is not an error but an empty result
     */
    public static Optional<DocumentFormat> detect(InputStream content) throws IOException {
        return detect(content, Limits.DEFAULT);
    }

    static Optional<DocumentFormat> detect(InputStream content, Limits limits) throws IOException {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(limits, "limits");
        // Not a SequenceInputStream: it closes the streams it has read to their end, and the caller owns this one.
        PushbackInputStream stream = new PushbackInputStream(content, LONGEST_SIGNATURE);
        byte[] head = stream.readNBytes(LONGEST_SIGNATURE);
        if (startsWith(head, PDF_SIGNATURE)) {
            return Optional.of(DocumentFormat.PDF);
        }
        if (startsWith(head, PNG_SIGNATURE)) {
            return Optional.of(DocumentFormat.PNG);
        }
        if (startsWith(head, JPEG_SIGNATURE)) {
            return Optional.of(DocumentFormat.JPEG);
        }
        if (startsWith(head, ZIP_SIGNATURE)) {
            stream.unread(head);
            try {
                return inspectArchive(new CountingInputStream(stream), limits);
            } catch (SourceFailure e) {
                throw e.getCause();
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static Optional<DocumentFormat> inspectArchive(CountingInputStream raw, Limits limits)
            throws SourceFailure {
        boolean odt = false;
        boolean contentTypes = false;
        boolean wordDocument = false;
        boolean workbook = false;
        Set<String> names = new HashSet<>();
        long totalUncompressed = 0;
        byte[] buffer = new byte[BUFFER_SIZE];
        try (ZipInputStream zip = new ZipInputStream(raw, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (names.size() >= limits.maxEntries() || isOutsideArchive(name) || !names.add(name)) {
                    return Optional.empty();
                }
                boolean isMimetype = names.size() == 1 && ODT_MIMETYPE_ENTRY.equals(name)
                        && entry.getMethod() == ZipEntry.STORED;
                // Keep the first bytes of the mimetype entry only; one more than expected tells a longer content.
                byte[] kept = isMimetype ? new byte[ODT_MIMETYPE.length + 1] : null;
                int keptLength = 0;
                long entryStart = raw.count();
                long entryUncompressed = 0;
                int read;
                // Read every entry to its end ourselves: ZipInputStream would otherwise inflate the rest, uncounted.
                while ((read = zip.read(buffer)) != -1) {
                    if (kept != null && keptLength < kept.length) {
                        int copied = Math.min(read, kept.length - keptLength);
                        System.arraycopy(buffer, 0, kept, keptLength, copied);
                        keptLength += copied;
                    }
                    entryUncompressed += read;
                    totalUncompressed += read;
                    // At most what the reader pulled for this entry, plus what it had read ahead before it began.
                    long compressedAtMost = raw.count() - entryStart + READ_AHEAD_SLACK;
                    if (totalUncompressed > limits.maxTotalUncompressedBytes()
                            || exceedsRatio(entryUncompressed, compressedAtMost, limits)) {
                        return Optional.empty();
                    }
                }
                // Now exact: at the end of an entry ZipInputStream checks its compressed size against the inflater.
                if (exceedsRatio(entryUncompressed, entry.getCompressedSize(), limits)) {
                    return Optional.empty();
                }
                if (isMimetype) {
                    odt = Arrays.equals(kept, 0, keptLength, ODT_MIMETYPE, 0, ODT_MIMETYPE.length);
                }
                contentTypes |= OOXML_CONTENT_TYPES.equals(name);
                wordDocument |= DOCX_MAIN_PART.equals(name);
                workbook |= XLSX_MAIN_PART.equals(name);
            }
        } catch (SourceFailure e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            // A truncated or malformed archive (bad header, bad CRC, undecodable name) is simply not a document.
            return Optional.empty();
        }
        if (odt) {
            return Optional.of(DocumentFormat.ODT);
        }
        if (contentTypes && wordDocument != workbook) {
            return Optional.of(wordDocument ? DocumentFormat.DOCX : DocumentFormat.XLSX);
        }
        return Optional.empty();
    }

    private static boolean exceedsRatio(long uncompressed, long compressed, Limits limits) {
        return uncompressed > limits.ratioGraceBytes()
                && uncompressed > Math.max(1, compressed) * limits.maxCompressionRatio();
    }

    /** A name that would land outside the folder the archive is extracted into. */
    private static boolean isOutsideArchive(String name) {
        if (name.startsWith("/") || name.startsWith("\\") || name.length() >= 2 && name.charAt(1) == ':') {
            return true;
        }
        for (String segment : name.split("[/\\\\]", -1)) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** An I/O failure of the stream being inspected, told apart from a malformed archive, which is an answer. */
    private static final class SourceFailure extends IOException {

        private static final long serialVersionUID = 1L;

        SourceFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** Counts the compressed bytes the archive reader pulls, and marks the stream's own failures. */
    private static final class CountingInputStream extends FilterInputStream {

        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b;
            try {
                b = super.read();
            } catch (IOException e) {
                throw new SourceFailure(e);
            }
            if (b != -1) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (IOException e) {
                throw new SourceFailure(e);
            }
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                long skipped = super.skip(n);
                count += skipped;
                return skipped;
            } catch (IOException e) {
                throw new SourceFailure(e);
            }
        }

        /** The caller owns the stream; closing the archive reader must not close it. */
        @Override
        public void close() {
        }
    }
}
