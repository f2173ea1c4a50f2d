package fr.essor.model.document;

import static fr.essor.model.document.Samples.entries;
import static fr.essor.model.document.Samples.utf8;
import static fr.essor.model.document.Samples.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileTypeSnifferTest {

    static Stream<Arguments> samplesOfEachFormat() {
        return Stream.of(
                Arguments.of(DocumentFormat.PDF, Samples.pdf()),
                Arguments.of(DocumentFormat.PNG, Samples.png()),
                Arguments.of(DocumentFormat.JPEG, Samples.jpeg()),
                Arguments.of(DocumentFormat.ODT, Samples.odt()),
                Arguments.of(DocumentFormat.DOCX, Samples.docx()),
                Arguments.of(DocumentFormat.XLSX, Samples.xlsx()));
    }

    @ParameterizedTest
    @MethodSource("samplesOfEachFormat")
    void eachFormatIsRecognisedFromItsBytes(DocumentFormat format, byte[] content) {
        assertEquals(Optional.of(format), FileTypeSniffer.detect(content));
    }

    @ParameterizedTest
    @MethodSource("samplesOfEachFormat")
    void eachFormatIsRecognisedFromAStream(DocumentFormat format, byte[] content) throws IOException {
        assertEquals(Optional.of(format), FileTypeSniffer.detect(new ByteArrayInputStream(content)));
    }

    static Stream<Arguments> notDocuments() {
        return Stream.of(
                Arguments.of("empty", new byte[0]),
                Arguments.of("exe", Samples.exe()),
                Arguments.of("html", Samples.html()),
                Arguments.of("svg", Samples.svg()),
                Arguments.of("shell script", Samples.shellScript()),
                Arguments.of("random bytes", Samples.randomBytes(4096, 42)),
                Arguments.of("pdf signature cut short", Samples.ascii("%PDF")),
                Arguments.of("pdf signature not at the start", Samples.ascii(" %PDF-1.7\n")),
                Arguments.of("zip signature alone", new byte[] {'P', 'K', 3, 4}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notDocuments")
    void contentThatIsNoneOfTheFormatsIsNotRecognised(String what, byte[] content) throws IOException {
        assertEquals(Optional.empty(), FileTypeSniffer.detect(content));
        assertEquals(Optional.empty(), FileTypeSniffer.detect(new ByteArrayInputStream(content)));
    }

    // ODT

    @Test
    void odtWhoseMimetypeIsNotTheFirstEntryIsNotRecognised() {
        byte[] content = zip(false, entries("content.xml", "<office:document-content/>", "mimetype",
                Samples.ODT_MIMETYPE));
        assertEquals(Optional.empty(), FileTypeSniffer.detect(content));
    }

    @Test
    void odtWhoseMimetypeIsCompressedIsNotRecognised() {
        byte[] content = zip(false, entries("mimetype", Samples.ODT_MIMETYPE, "content.xml", "<x/>"));
        assertEquals(Optional.empty(), FileTypeSniffer.detect(content));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/vnd.oasis.opendocument.text\n", "application/vnd.oasis.opendocument.tex",
            "application/vnd.oasis.opendocument.spreadsheet", "application/vnd.oasis.opendocument.text-template", ""})
    void odtWhoseMimetypeIsNotExactlyTheTextOneIsNotRecognised(String mimetype) {
        byte[] content = zip(true, entries("mimetype", mimetype, "content.xml", "<x/>"));
        assertEquals(Optional.empty(), FileTypeSniffer.detect(content));
    }

    // OOXML

    @Test
    void docxLookingZipWithoutWordDocumentIsNotRecognised() {
        Map<String, byte[]> parts = Samples.docxEntries();
        parts.remove("word/document.xml");
        parts.put("word/styles.xml", utf8("<w:styles/>"));
        assertEquals(Optional.empty(), FileTypeSniffer.detect(zip(false, parts)));
    }

    @Test
    void docxLookingZipWithoutContentTypesIsNotRecognised() {
        Map<String, byte[]> parts = Samples.docxEntries();
        parts.remove("[Content_Types].xml");
        assertEquals(Optional.empty(), FileTypeSniffer.detect(zip(false, parts)));
    }

    @Test
    void zipClaimingToBeBothDocxAndXlsxIsNotRecognised() {
        Map<String, byte[]> parts = Samples.docxEntries();
        parts.put("xl/workbook.xml", utf8("<workbook/>"));
        assertEquals(Optional.empty(), FileTypeSniffer.detect(zip(false, parts)));
    }

    @Test
    void ordinaryZipIsNotRecognised() {
        byte[] content = zip(false, entries("readme.txt", "hello", "photos/1.jpg", "not really"));
        assertEquals(Optional.empty(), FileTypeSniffer.detect(content));
    }

    @Test
    void truncatedDocxIsNotRecognised() {
        Map<String, byte[]> parts = Samples.docxEntries();
        parts.put("word/document.xml", Samples.randomBytes(20_000, 7));
        byte[] whole = zip(false, parts);
        // cut inside word/document.xml, after the entries that make it look like a DOCX have been seen
        byte[] truncated = Arrays.copyOf(whole, whole.length - 10_000);
        assertEquals(Optional.of(DocumentFormat.DOCX), FileTypeSniffer.detect(whole));
        assertEquals(Optional.empty(), FileTypeSniffer.detect(truncated));
    }

    // Archives that must not be opened

    @ParameterizedTest
    @ValueSource(strings = {"../evil", "word/../../evil.sh", "/etc/cron.d/evil", "..\\evil.bat", "\\evil",
            "C:/Windows/evil.dll", "word/.."})
    void docxWithAnEntryOutsideTheArchiveIsRejected(String entryName) {
        Map<String, byte[]> parts = Samples.docxEntries();
        parts.put(entryName, utf8("evil"));
        assertEquals(Optional.empty(), FileTypeSniffer.detect(zip(false, parts)));
    }

    @Test
    void entryNameWithDotsInsideASegmentIsNotAPathEscape() {
        Map<String, byte[]> parts = Samples.docxEntries();
        parts.put("word/media/image..1.png", utf8("png"));
        assertEquals(Optional.of(DocumentFormat.DOCX), FileTypeSniffer.detect(zip(false, parts)));
    }

    @Test
    void zipWithTwoEntriesOfTheSameNameIsRejected() {
        Map<String, byte[]> parts = Samples.docxEntries();
        parts.put("word/documenX.xml", utf8("<w:document/>"));
        byte[] duplicated = Samples.replaceAll(zip(false, parts), "word/documenX.xml", "word/document.xml");
        assertEquals(Optional.empty(), FileTypeSniffer.detect(duplicated));
    }

    @Test
    void zipBombOf200MegabytesOfZerosIsRejected() throws IOException {
        byte[] bomb = zipOfZeros("word/document.xml", 200L * 1024 * 1024);
        assertTrue(bomb.length < 1024 * 1024, "the bomb is small: " + bomb.length);
        assertEquals(Optional.empty(), FileTypeSniffer.detect(bomb));
        assertEquals(Optional.empty(), FileTypeSniffer.detect(new ByteArrayInputStream(bomb)));
    }

    @Test
    void entryCompressedMoreThanAHundredToOneIsRejectedEvenWellUnderTheTotalLimit() throws IOException {
        byte[] bomb = zipOfZeros("word/document.xml", 5L * 1024 * 1024);
        FileTypeSniffer.Limits ratioOf2000 = new FileTypeSniffer.Limits(FileTypeSniffer.MAX_ENTRIES,
                FileTypeSniffer.MAX_TOTAL_UNCOMPRESSED_BYTES, 2000, 100 * 1024);

        assertEquals(Optional.empty(), FileTypeSniffer.detect(bomb));
        // deflate cannot exceed about 1032:1, so only the ratio tells this archive apart from a document
        assertEquals(Optional.of(DocumentFormat.DOCX), FileTypeSniffer.detect(bomb, ratioOf2000));
    }

    @Test
    void smallEntryCompressedMoreThanAHundredToOneIsTolerated() {
        Map<String, byte[]> parts = Samples.docxEntries();
        parts.put("word/styles.xml", new byte[50 * 1024]);
        assertEquals(Optional.of(DocumentFormat.DOCX), FileTypeSniffer.detect(zip(false, parts)));
    }

    @Test
    void largeEntryThatBarelyCompressesIsAccepted() {
        Map<String, byte[]> parts = Samples.docxEntries();
        parts.put("word/media/image1.png", Samples.randomBytes(2 * 1024 * 1024, 3));
        assertEquals(Optional.of(DocumentFormat.DOCX), FileTypeSniffer.detect(zip(false, parts)));
    }

    @Test
    void archiveInflatingBeyondTheTotalLimitIsRejected() {
        Map<String, byte[]> parts = Samples.docxEntries();
        for (int i = 1; i <= 3; i++) {
            parts.put("word/media/image" + i + ".png", Samples.randomBytes(400 * 1024, i));
        }
        byte[] content = zip(false, parts);
        FileTypeSniffer.Limits oneMegabyte = new FileTypeSniffer.Limits(FileTypeSniffer.MAX_ENTRIES, 1024 * 1024,
                FileTypeSniffer.MAX_COMPRESSION_RATIO, 100 * 1024);
        FileTypeSniffer.Limits twoMegabytes = new FileTypeSniffer.Limits(FileTypeSniffer.MAX_ENTRIES,
                2 * 1024 * 1024, FileTypeSniffer.MAX_COMPRESSION_RATIO, 100 * 1024);

        assertEquals(Optional.empty(), FileTypeSniffer.detect(content, oneMegabyte));
        assertEquals(Optional.of(DocumentFormat.DOCX), FileTypeSniffer.detect(content, twoMegabytes));
    }

    @Test
    void storedEntryDeclaringAHugeSizeIsStoppedByTheTotalLimit() throws IOException {
        // a stored entry is read for exactly its declared size; the counter, not that declaration, stops it
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> part : Samples.docxEntries().entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
            }
            byte[] big = Samples.randomBytes(300 * 1024, 9);
            ZipEntry stored = new ZipEntry("word/media/big.bin");
            Samples.store(stored, big);
            zip.putNextEntry(stored);
            zip.write(big);
        }
        FileTypeSniffer.Limits limits = new FileTypeSniffer.Limits(FileTypeSniffer.MAX_ENTRIES, 200 * 1024,
                FileTypeSniffer.MAX_COMPRESSION_RATIO, 100 * 1024);
        assertEquals(Optional.empty(), FileTypeSniffer.detect(bytes.toByteArray(), limits));
        assertEquals(Optional.of(DocumentFormat.DOCX), FileTypeSniffer.detect(bytes.toByteArray()));
    }

    @Test
    void zipWithMoreThanTenThousandEntriesIsRejected() {
        assertEquals(Optional.empty(), FileTypeSniffer.detect(docxWithEntries(FileTypeSniffer.MAX_ENTRIES + 1)));
    }

    @Test
    void zipWithExactlyTenThousandEntriesIsAccepted() {
        assertEquals(Optional.of(DocumentFormat.DOCX),
                FileTypeSniffer.detect(docxWithEntries(FileTypeSniffer.MAX_ENTRIES)));
    }

    // The stream variant

    @Test
    void streamIsReadNoFurtherThanTheSignatureOfAnImageOrPdf() throws IOException {
        byte[] content = Samples.concat(Samples.pdf(), new byte[1000]);
        ByteArrayInputStream stream = new ByteArrayInputStream(content);
        assertEquals(Optional.of(DocumentFormat.PDF), FileTypeSniffer.detect(stream));
        assertEquals(content.length - 8, stream.available());
    }

    @Test
    void streamIsLeftOpen() throws IOException {
        boolean[] closed = {false};
        InputStream stream = new FilterInputStream(new ByteArrayInputStream(Samples.docx())) {
            @Override
            public void close() throws IOException {
                closed[0] = true;
                super.close();
            }
        };
        assertEquals(Optional.of(DocumentFormat.DOCX), FileTypeSniffer.detect(stream));
        assertFalse(closed[0]);
    }

    @Test
    void failureOfTheStreamIsReportedNotMistakenForABadArchive() {
        IOException failure = new IOException("connection reset");
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw failure;
            }
        };
        byte[] start = Arrays.copyOf(Samples.docx(), 100);
        InputStream stream = new SequenceInputStream(new ByteArrayInputStream(start), failing);
        assertSame(failure, assertThrows(IOException.class, () -> FileTypeSniffer.detect(stream)));
    }

    private static byte[] docxWithEntries(int count) {
        Map<String, byte[]> parts = new LinkedHashMap<>(Samples.docxEntries());
        byte[] empty = new byte[0];
        for (int i = parts.size(); i < count; i++) {
            parts.put("customXml/item" + i + ".xml", empty);
        }
        assertEquals(count, parts.size());
        return zip(false, parts);
    }

    /** A zip whose one entry inflates to {@code size} zeros, deflated as it is written so it is never held whole. */
    private static byte[] zipOfZeros(String entryName, long size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(utf8(Samples.CONTENT_TYPES));
            zip.putNextEntry(new ZipEntry(entryName));
            byte[] zeros = new byte[64 * 1024];
            for (long written = 0; written < size; written += zeros.length) {
                zip.write(zeros, 0, (int) Math.min(zeros.length, size - written));
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
