package fr.essor.model.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small but real files of each kind, built in code so that no binary sits in the repository. */
final class Samples {

    static final String ODT_MIMETYPE = "application/vnd.oasis.opendocument.text";
    static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";

    private Samples() {
    }

    static byte[] pdf() {
        return ascii("%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
                + "2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n");
    }

    static byte[] png() {
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
                new byte[] {0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0});
    }

    static byte[] jpeg() {
        return concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16},
                ascii("JFIF\0"), new byte[] {1, 1, 0, 0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9});
    }

    /** A Windows executable: the "MZ" DOS header and its stub message. */
    static byte[] exe() {
        byte[] header = new byte[128];
        header[0] = 'M';
        header[1] = 'Z';
        header[2] = (byte) 0x90;
        return concat(header, ascii("This program cannot be run in DOS mode.\r\r\n$"));
    }

    static byte[] html() {
        return utf8("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");
    }

    static byte[] svg() {
        return utf8("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\">"
                + "<script>alert(1)</script></svg>");
    }

    static byte[] shellScript() {
        return utf8("#!/bin/sh\nrm -rf ~\n");
    }

    static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static byte[] odt() {
        return zip(true, entries("mimetype", ODT_MIMETYPE, "content.xml", "<office:document-content/>",
                "META-INF/manifest.xml", "<manifest:manifest/>"));
    }

    static byte[] docx() {
        return zip(false, docxEntries());
    }

    static Map<String, byte[]> docxEntries() {
        return entries("[Content_Types].xml", CONTENT_TYPES, "_rels/.rels", "<Relationships/>", "word/document.xml",
                "<w:document><w:body><w:p><w:r><w:t>Bonjour</w:t></w:r></w:p></w:body></w:document>");
    }

    static byte[] xlsx() {
        return zip(false, entries("[Content_Types].xml", CONTENT_TYPES, "_rels/.rels", "<Relationships/>",
                "xl/workbook.xml", "<workbook><sheets><sheet name=\"Budget\"/></sheets></workbook>",
                "xl/worksheets/sheet1.xml", "<worksheet><sheetData/></worksheet>"));
    }

    /** Entries from alternating names and UTF-8 contents, in order. */
    static Map<String, byte[]> entries(String... namesAndContents) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            entries.put(namesAndContents[i], utf8(namesAndContents[i + 1]));
        }
        return entries;
    }

    /** A zip of the entries, deflated except, when {@code storeFirst}, the first (as ODF requires of "mimetype"). */
    static byte[] zip(boolean storeFirst, Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            boolean first = true;
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (first && storeFirst) {
                    store(entry, e.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
                first = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static void store(ZipEntry entry, byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        entry.setCrc(crc.getValue());
    }

    /** Replaces every occurrence of {@code from} by {@code to}, of the same length, in a copy of {@code bytes}. */
    static byte[] replaceAll(byte[] bytes, String from, String to) {
        byte[] target = utf8(from);
        byte[] replacement = utf8(to);
        if (target.length != replacement.length) {
            throw new IllegalArgumentException("Same length required");
        }
        byte[] copy = bytes.clone();
        for (int i = 0; i + target.length <= copy.length; i++) {
            if (Arrays.equals(copy, i, i + target.length, target, 0, target.length)) {
                System.arraycopy(replacement, 0, copy, i, replacement.length);
            }
        }
        return copy;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.writeBytes(part);
        }
        return bytes.toByteArray();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
