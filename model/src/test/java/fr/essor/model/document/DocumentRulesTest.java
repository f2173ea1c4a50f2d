package fr.essor.model.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import fr.essor.model.document.DocumentCheck.Accepted;
import fr.essor.model.document.DocumentCheck.Reason;
import fr.essor.model.document.DocumentCheck.Rejected;
import fr.essor.model.shared.Crypto;

class DocumentRulesTest {

    // check: content

    static Stream<Arguments> acceptedUploads() {
        return Stream.of(
                Arguments.of("statuts.pdf", Samples.pdf(), DocumentFormat.PDF, "statuts.pdf"),
                Arguments.of("logo.png", Samples.png(), DocumentFormat.PNG, "logo.png"),
                Arguments.of("photo.JPEG", Samples.jpeg(), DocumentFormat.JPEG, "photo.jpg"),
                Arguments.of("projet.odt", Samples.odt(), DocumentFormat.ODT, "projet.odt"),
                Arguments.of("CV gérante.docx", Samples.docx(), DocumentFormat.DOCX, "CV gérante.docx"),
                Arguments.of("budget prévisionnel.xlsx", Samples.xlsx(), DocumentFormat.XLSX,
                        "budget prévisionnel.xlsx"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedUploads")
    void eachFormatIsAcceptedWithItsNameSizeAndChecksum(String name, byte[] content, DocumentFormat format,
            String safeName) {
        Accepted accepted = assertInstanceOf(Accepted.class, DocumentRules.check(name, content));
        assertTrue(accepted.isAccepted());
        assertEquals(format, accepted.format());
        assertEquals(safeName, accepted.fileName());
        assertEquals(content.length, accepted.size());
        assertEquals(Crypto.sha256Hex(content), accepted.sha256());
    }

    @Test
    void emptyFileIsRejectedAsEmpty() {
        assertEquals(new Rejected(Reason.EMPTY), DocumentRules.check("statuts.pdf", new byte[0]));
    }

    @Test
    void fileOfExactlyTenMegabytesIsAccepted() {
        byte[] content = pdfOfSize(DocumentRules.MAX_BYTES);
        Accepted accepted = assertInstanceOf(Accepted.class, DocumentRules.check("bilan.pdf", content));
        assertEquals(10L * 1024 * 1024, accepted.size());
    }

    @Test
    void fileOfTenMegabytesAndOneByteIsRejectedAsTooLarge() {
        assertEquals(new Rejected(Reason.TOO_LARGE),
                DocumentRules.check("bilan.pdf", pdfOfSize(DocumentRules.MAX_BYTES + 1)));
    }

    @Test
    void fileOfFiftyMegabytesIsRejectedAsTooLarge() {
        assertEquals(new Rejected(Reason.TOO_LARGE), DocumentRules.check("scan.pdf", pdfOfSize(50 * 1024 * 1024)));
    }

    @Test
    void executableRenamedPdfIsRejectedAsUnsupported() {
        Rejected rejected = assertInstanceOf(Rejected.class, DocumentRules.check("facture.pdf", Samples.exe()));
        assertFalse(rejected.isAccepted());
        assertEquals(Reason.UNSUPPORTED_TYPE, rejected.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"html", "svg", "script"})
    void markupAndScriptsAreRejectedAsUnsupported(String kind) {
        byte[] content = switch (kind) {
            case "html" -> Samples.html();
            case "svg" -> Samples.svg();
            default -> Samples.shellScript();
        };
        assertEquals(new Rejected(Reason.UNSUPPORTED_TYPE), DocumentRules.check("page.pdf", content));
    }

    @Test
    void zipBombNamedDocxIsRejectedAsUnsupported() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[64 * 1024];
            for (int i = 0; i < 200 * 16; i++) { // 200 MB
                zip.write(zeros);
            }
        }
        assertEquals(new Rejected(Reason.UNSUPPORTED_TYPE), DocumentRules.check("rapport.docx", bytes.toByteArray()));
    }

    @Test
    void pdfNamedExeIsAcceptedUnderThePdfExtension() {
        Accepted accepted = assertInstanceOf(Accepted.class, DocumentRules.check("facture.exe", Samples.pdf()));
        assertEquals(DocumentFormat.PDF, accepted.format());
        assertEquals("facture.pdf", accepted.fileName());
    }

    // check: name

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "../", "..\\..\\", "<>.pdf", "...", ".pdf", "\u202E", "\u0000\u0001.exe", "*?|"})
    void nameWithNothingUsableLeftIsRejectedAsBadName(String name) {
        assertEquals(new Rejected(Reason.BAD_NAME), DocumentRules.check(name, Samples.pdf()));
    }

    @Test
    void badNameIsReportedOnlyForContentThatIsOtherwiseAcceptable() {
        assertEquals(new Rejected(Reason.UNSUPPORTED_TYPE), DocumentRules.check("../", Samples.exe()));
    }

    @Test
    void pathTraversalNameIsAcceptedUnderItsLastSegment() {
        Accepted accepted = assertInstanceOf(Accepted.class, DocumentRules.check("../../etc/passwd", Samples.pdf()));
        assertEquals("passwd.pdf", accepted.fileName());
    }

    // safeFileName

    static Stream<Arguments> sanitisedNames() {
        return Stream.of(
                Arguments.of("../../etc/passwd", DocumentFormat.PDF, "passwd.pdf"),
                Arguments.of("..\\..\\Windows\\System32\\cmd.exe", DocumentFormat.PDF, "cmd.pdf"),
                Arguments.of("C:\\Users\\Marie\\Documents\\Devis été 2024.docx", DocumentFormat.DOCX,
                        "Devis été 2024.docx"),
                Arguments.of("/home/paul/Téléchargements/kbis.pdf", DocumentFormat.PDF, "kbis.pdf"),
                Arguments.of("<script>alert(1)</script>.pdf", DocumentFormat.PDF, "script.pdf"),
                Arguments.of("<img src=x onerror=alert(1)>.pdf", DocumentFormat.PDF, "img src=x onerror=alert(1).pdf"),
                Arguments.of("a:b\"c|d?e*f<g>h.pdf", DocumentFormat.PDF, "abcdefgh.pdf"),
                Arguments.of("rap\u0000port\r\n\t final\u0007.pdf", DocumentFormat.PDF, "rapport final.pdf"),
                Arguments.of("  Plan   de\u00A0financement\t2025 .xlsx", DocumentFormat.XLSX,
                        "Plan de financement 2025.xlsx"),
                Arguments.of("...cache.pdf", DocumentFormat.PDF, "cache.pdf"),
                Arguments.of("rapport..pdf", DocumentFormat.PDF, "rapport.pdf"),
                Arguments.of("rapport. .exe", DocumentFormat.PDF, "rapport.pdf"),
                Arguments.of("facture.exe", DocumentFormat.PDF, "facture.pdf"),
                Arguments.of("facture.pdf.exe", DocumentFormat.PDF, "facture.pdf"),
                Arguments.of("FACTURE.PDF", DocumentFormat.PDF, "FACTURE.pdf"),
                Arguments.of("photo.png", DocumentFormat.JPEG, "photo.jpg"),
                Arguments.of("facture", DocumentFormat.PDF, "facture.pdf"),
                Arguments.of("Bilan 31.12.2024", DocumentFormat.PDF, "Bilan 31.12.2024.pdf"),
                Arguments.of("Re\u0301sume\u0301.odt", DocumentFormat.ODT, "Résumé.odt"),
                Arguments.of("", DocumentFormat.PDF, "document.pdf"),
                Arguments.of("../", DocumentFormat.PNG, "document.png"),
                Arguments.of(".htaccess", DocumentFormat.PDF, "htaccess.pdf"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("sanitisedNames")
    void safeFileNameKeepsTheLastSegmentWithoutUnsafeCharactersAndForcesTheExtension(String original,
            DocumentFormat format, String expected) {
        assertEquals(expected, DocumentRules.safeFileName(original, format));
    }

    @Test
    void nullNameBecomesDocument() {
        assertEquals("document.xlsx", DocumentRules.safeFileName(null, DocumentFormat.XLSX));
    }

    @Test
    void rightToLeftOverrideIsRemovedSoTheNameShowsItsRealExtension() {
        // "facture<RLO>fdp.exe" is displayed as "factureexe.pdf" while it ends with ".exe"
        String name = DocumentRules.safeFileName("facture\u202Efdp.exe", DocumentFormat.PDF);
        assertEquals("facturefdp.pdf", name);
    }

    @Test
    void otherBidirectionalControlsAndZeroWidthCharactersAreRemoved() {
        String name = DocumentRules.safeFileName("\u2066a\u200Bb\u200Ec\u2069\uFEFF.pdf", DocumentFormat.PDF);
        assertEquals("abc.pdf", name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"تقرير سنوي 2024", "דוח כספי", "年度報告", "Łódź – compte rendu"})
    void lettersOfAnyScriptAreKept(String stem) {
        assertEquals(stem + ".pdf", DocumentRules.safeFileName(stem + ".pdf", DocumentFormat.PDF));
    }

    @Test
    void veryLongNameIsCutToTheLimitKeepingTheExtension() {
        String name = DocumentRules.safeFileName("a".repeat(300) + ".exe", DocumentFormat.PDF);
        assertEquals(DocumentRules.MAX_FILE_NAME_LENGTH, name.length());
        assertEquals("a".repeat(116) + ".pdf", name);
    }

    @Test
    void longNameIsNotCutInsideACharacterOutsideTheBasicPlane() {
        // "x" then 100 emoji of two chars each: the cut at 116 chars would fall between the halves of an emoji
        String name = DocumentRules.safeFileName("x" + "\uD83D\uDE00".repeat(100) + ".png", DocumentFormat.PNG);
        assertEquals("x" + "\uD83D\uDE00".repeat(57) + ".png", name);
        assertTrue(name.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE), name);
    }

    @Test
    void longNameIsNotCutBetweenALetterAndItsAccent() {
        // "ǹ" has a composed form but "m̀" has none: NFC leaves the combining grave accent on its own
        String name = DocumentRules.safeFileName("m".repeat(115) + "m\u0300" + "tail.pdf", DocumentFormat.PDF);
        assertEquals("m".repeat(115) + ".pdf", name);
    }

    @Test
    void longNameWithItsLastKeptCharacterADotLosesIt() {
        String name = DocumentRules.safeFileName("a".repeat(115) + ". suite" + ".pdf", DocumentFormat.PDF);
        assertEquals("a".repeat(115) + ".pdf", name);
    }

    @Test
    void safeNameNeverContainsASeparatorOrMarkup() {
        String hostile = "..\\../<b onmouseover=\"x\">a|b</b>\u0000:..";
        String name = DocumentRules.safeFileName(hostile, DocumentFormat.PDF);
        assertTrue(name.chars().noneMatch(c -> "/\\<>:\"|?*".indexOf(c) >= 0 || c < 0x20), name);
        assertFalse(name.startsWith("."), name);
    }

    private static byte[] pdfOfSize(int size) {
        byte[] content = Arrays.copyOf(Samples.pdf(), size);
        Arrays.fill(content, Samples.pdf().length, size, (byte) ' ');
        return content;
    }
}
