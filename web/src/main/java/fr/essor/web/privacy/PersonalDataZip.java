package fr.essor.web.privacy;

import fr.essor.service.privacy.PersonalDataService;
import fr.essor.web.shared.Downloads;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The signed-in entrepreneur's export as a ZIP file, for the page "My data" and the API. The archive
 * is written to a temporary file first: a refusal then answers as a refusal (never a cut download),
 * and no more than one document is in memory at a time.
 */
public final class PersonalDataZip {

    private PersonalDataZip() {
    }

    /** The name the download is offered under. */
    public static String fileName(Locale locale) {
        return Downloads.name(locale, "personalData", "zip", LocalDate.now(ZoneOffset.UTC));
    }

    /** Writes the caller's export to a new temporary file, which the caller sends and deletes. */
    public static Path build(PersonalDataService service) throws IOException {
        Path file = Files.createTempFile("essor-export-", ".zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            service.export((path, content) -> {
                try {
                    ZipEntry entry = new ZipEntry(path);
                    if (path.endsWith(".json")) {
                        // stored, not deflated: the JSON reads as it is in any tool, even from the raw archive
                        CRC32 crc = new CRC32();
                        crc.update(content);
                        entry.setMethod(ZipEntry.STORED);
                        entry.setSize(content.length);
                        entry.setCompressedSize(content.length);
                        entry.setCrc(crc.getValue());
                    }
                    zip.putNextEntry(entry);
                    zip.write(content);
                    zip.closeEntry();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    /** Copies the file to {@code out} and deletes it. */
    public static void send(Path file, OutputStream out) throws IOException {
        try {
            Files.copy(file, out);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
