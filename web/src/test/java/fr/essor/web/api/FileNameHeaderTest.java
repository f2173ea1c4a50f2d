package fr.essor.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Issue 18, item 13: the documented encodings of a document's name. */
class FileNameHeaderTest {

    @Test
    void rfc5987InContentDispositionWins() {
        assertEquals("relevé.pdf", FileNameHeader.decode("attachment; filename*=UTF-8''relev%C3%A9.pdf", "autre.pdf"));
        assertEquals("relévé.pdf", FileNameHeader.decode("attachment; filename=\"releve.pdf\"; filename*=utf-8'fr'rel%C3%A9v%C3%A9.pdf", null));
        assertEquals("releve.pdf", FileNameHeader.decode("attachment; filename=\"releve.pdf\"", null));
    }

    @Test
    void percentEncodedUtf8InXFileName() {
        assertEquals("bilan 2024 €.pdf", FileNameHeader.decode(null, "bilan%202024%20%E2%82%AC.pdf"));
        assertEquals("100%.pdf", FileNameHeader.decode(null, "100%.pdf"), "no valid %XX: taken as it is");
        assertEquals("%FF.pdf", FileNameHeader.decode(null, "%FF.pdf"), "not UTF-8: taken as it is");
        assertEquals("plan.pdf", FileNameHeader.decode(null, "plan.pdf"));
        assertNull(FileNameHeader.decode(null, null));
    }

    @Test
    void rawUtf8ReadAsLatin1IsRecovered() {
        String asReceived = new String("relevé.pdf".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertEquals("relevé.pdf", FileNameHeader.decode(null, asReceived));
        assertEquals("café.pdf", FileNameHeader.decode(null, "café.pdf"), "Latin-1 that is not UTF-8 stays");
    }
}
