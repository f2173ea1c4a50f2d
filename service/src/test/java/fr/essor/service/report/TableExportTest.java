package fr.essor.service.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TableExportTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 15);

    static Table sample() {
        List<Table.Column> columns = List.of(
                new Table.Column("Entreprise", Table.Kind.TEXT),
                new Table.Column("Montant", Table.Kind.MONEY),
                new Table.Column("Emplois", Table.Kind.INTEGER),
                new Table.Column("ETP", Table.Kind.DECIMAL),
                new Table.Column("Date", Table.Kind.DATE),
                new Table.Column("Part", Table.Kind.PERCENT));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList("La Fabrique; \"bio\", Tours", new BigDecimal("1500.50"), 3, new BigDecimal("2.50"), DAY,
                new BigDecimal("50.00")));
        rows.add(Arrays.asList("=1+1", new BigDecimal("123456.00"), 12L, null, null, null));
        rows.add(Arrays.asList("@SUM(A1)", null, null, null, LocalDate.of(2025, 12, 31), new BigDecimal("12.5")));
        rows.add(Arrays.asList("Ligne\nsur deux", new BigDecimal("-20.00"), 0, BigDecimal.ONE, null, null));
        return new Table("Fonds régional: entreprises financées [2026]", columns, rows);
    }

    // ---------------------------------------------------------------------------------------- CSV

    /** A small RFC 4180 reader: quoted fields, doubled quotes, separators and line breaks inside quotes. */
    static List<List<String>> parseCsv(String text, char separator) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                line.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                line.add(field.toString());
                field.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertTrue(line.isEmpty() && field.length() == 0, "the last line must end with CRLF");
        return lines;
    }

    private static String withoutBom(byte[] csv) {
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3), "UTF-8 BOM");
        return new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    }

    @Test
    void frenchCsvUsesSemicolonsDecimalCommasIsoDatesAndQuotesAsRfc4180Says() {
        String text = withoutBom(TableExport.csv(sample(), Locale.FRANCE));
        assertTrue(text.startsWith("Entreprise;Montant;Emplois;ETP;Date;Part\r\n"), text);
        assertTrue(text.contains("\"La Fabrique; \"\"bio\"\", Tours\";1500,50;3;2,50;2026-03-15;50,00\r\n"), text);
        List<List<String>> lines = parseCsv(text, ';');
        assertEquals(5, lines.size());
        lines.forEach(l -> assertEquals(6, l.size(), l.toString()));
        assertEquals(List.of("La Fabrique; \"bio\", Tours", "1500,50", "3", "2,50", "2026-03-15", "50,00"), lines.get(1));
        assertEquals(List.of("Ligne\nsur deux", "-20,00", "0", "1", "", ""), lines.get(4));
    }

    @Test
    void englishCsvUsesCommasAndDecimalPoints() {
        List<List<String>> lines = parseCsv(withoutBom(TableExport.csv(sample(), Locale.ENGLISH)), ',');
        assertEquals(List.of("La Fabrique; \"bio\", Tours", "1500.50", "3", "2.50", "2026-03-15", "50.00"), lines.get(1));
        assertEquals(List.of("'@SUM(A1)", "", "", "", "2025-12-31", "12.5"), lines.get(3));
    }

    @Test
    void csvNeutralisesTextThatASpreadsheetWouldRunAsAFormula() {
        List<List<String>> lines = parseCsv(withoutBom(TableExport.csv(sample(), Locale.FRENCH)), ';');
        assertEquals("'=1+1", lines.get(2).get(0));
        assertEquals("'@SUM(A1)", lines.get(3).get(0));
        assertEquals("-20,00", lines.get(4).get(1), "a number is not text: no quote before its minus sign");
        for (String risky : List.of("+33 6", "-x", "\tcmd", "\rcmd")) {
            assertEquals("'" + risky, TableExport.guard(risky));
        }
        assertEquals("Tours", TableExport.guard("Tours"));
        assertEquals("", TableExport.guard(""));
    }

    // --------------------------------------------------------------------------------------- XLSX

    @Test
    void xlsxHoldsNumbersDatesAndTextOfTheRightTypesUnderAFrozenBoldHeader() throws Exception {
        byte[] bytes = TableExport.xlsx(sample(), Locale.FRENCH);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertEquals(1, workbook.getNumberOfSheets());
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertEquals("Fonds régional  entreprises fin", sheet.getSheetName());
            assertEquals(31, sheet.getSheetName().length());

            Row header = sheet.getRow(0);
            assertEquals("Entreprise", header.getCell(0).getStringCellValue());
            assertEquals("Part", header.getCell(5).getStringCellValue());
            assertTrue(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold(), "bold header");
            assertTrue(sheet.getPaneInformation().isFreezePane(), "frozen header");
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition());
            assertTrue(sheet.getColumnWidth(0) > sheet.getColumnWidth(2), "the long text column is wider");

            Row first = sheet.getRow(1);
            assertEquals(CellType.STRING, first.getCell(0).getCellType());
            assertEquals("La Fabrique; \"bio\", Tours", first.getCell(0).getStringCellValue());
            Cell money = first.getCell(1);
            assertEquals(CellType.NUMERIC, money.getCellType());
            assertEquals(1500.50, money.getNumericCellValue());
            assertTrue(money.getCellStyle().getDataFormatString().contains("€"), money.getCellStyle().getDataFormatString());
            assertEquals(CellType.NUMERIC, first.getCell(2).getCellType());
            assertEquals(3.0, first.getCell(2).getNumericCellValue());
            assertEquals(2.5, first.getCell(3).getNumericCellValue());
            Cell date = first.getCell(4);
            assertEquals(CellType.NUMERIC, date.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(date), "a real date");
            assertEquals(DAY, date.getLocalDateTimeCellValue().toLocalDate());
            assertEquals(0.5, first.getCell(5).getNumericCellValue(), 1e-9, "50.00 % is the fraction 0.5");
            assertEquals("0.00%", first.getCell(5).getCellStyle().getDataFormatString());

            Row injected = sheet.getRow(2);
            assertEquals(CellType.STRING, injected.getCell(0).getCellType(), "text is never a formula");
            assertEquals("=1+1", injected.getCell(0).getStringCellValue());
            assertEquals(12.0, injected.getCell(2).getNumericCellValue());
            assertNull(injected.getCell(3), "an empty cell stays empty");
            assertEquals(CellType.STRING, sheet.getRow(3).getCell(0).getCellType());
            assertEquals(-20.0, sheet.getRow(4).getCell(1).getNumericCellValue());
            assertEquals(4, sheet.getLastRowNum());
            assertEquals(sample().title(), workbook.getProperties().getCoreProperties().getTitle());
        }
    }

    @Test
    void sheetNamesFollowExcelsRules() {
        assertEquals("Export", TableExport.sheetName("  "));
        assertEquals("Export", TableExport.sheetName("'''"));
        assertEquals("a b c d e f g", TableExport.sheetName("a/b\\c?d*e[f]g"));
        assertEquals("history 1", TableExport.sheetName("history"));
        assertEquals(31, TableExport.sheetName("x".repeat(40)).length());
    }

    @Test
    void aTenThousandRowXlsxIsStreamedSmallAndReadableToTheLastRow() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(List.of("Entreprise " + i, new BigDecimal(i + ".25"), i % 50, DAY.plusDays(i % 365), "37"));
        }
        Table table = new Table("Grand export", List.of(
                new Table.Column("Nom", Table.Kind.TEXT), new Table.Column("Montant", Table.Kind.MONEY),
                new Table.Column("Emplois", Table.Kind.INTEGER), new Table.Column("Date", Table.Kind.DATE),
                new Table.Column("Département", Table.Kind.TEXT)), rows);
        long start = System.nanoTime();
        byte[] bytes = TableExport.xlsx(table, Locale.FRENCH);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("10,000-row XLSX: %d bytes in %d ms%n", bytes.length, millis);
        assertTrue(bytes.length < 1_000_000, "size " + bytes.length);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            XSSFSheet sheet = workbook.getSheet("Grand export");
            assertEquals(10_000, sheet.getLastRowNum());
            Row last = sheet.getRow(10_000);
            assertEquals("Entreprise 9999", last.getCell(0).getStringCellValue());
            assertEquals(9999.25, last.getCell(1).getNumericCellValue());
            assertTrue(DateUtil.isCellDateFormatted(last.getCell(3)));
            assertTrue(sheet.getPaneInformation().isFreezePane(), "frozen header when streamed too");
        }
    }

    // ---------------------------------------------------------------------------------------- PDF

    static String pdfText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            StringBuilder sb = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                sb.append(extractor.getTextFromPage(page)).append('\n');
            }
            return sb.toString().replace('\u202f', ' ').replace('\u00a0', ' ').replaceAll("[ \\t]+", " ");
        } finally {
            reader.close();
        }
    }

    /**
     * The extractor runs adjacent table cells together ("Prêt d'honneur324 000,00 €"), so a row is checked
     * as its cells appearing in order.
     */
    static void assertInOrder(String text, String... parts) {
        int from = 0;
        for (String part : parts) {
            int at = text.indexOf(part, from);
            assertTrue(at >= 0, "\"" + part + "\" after position " + from + " of " + String.join(" | ", parts) + " in\n" + text);
            from = at + part.length();
        }
    }

    @Test
    void frenchPdfShowsTheTitleHeadersAndAmountsTheFrenchWay() throws Exception {
        byte[] pdf = TableExport.pdf(sample(), Locale.FRENCH);
        PdfReader reader = new PdfReader(pdf);
        assertTrue(reader.getPageSizeWithRotation(1).getWidth() > reader.getPageSizeWithRotation(1).getHeight(), "landscape");
        reader.close();
        String text = pdfText(pdf);
        assertTrue(text.contains("Fonds régional: entreprises financées [2026]"), text);
        assertTrue(text.contains("Entreprise"), text);
        assertTrue(text.contains("Emplois"), text);
        assertInOrder(text, "Entreprise", "Montant", "Emplois", "ETP", "Date", "Part");
        assertInOrder(text, "Tours", "1 500,50 €", "3", "2,50", "15 mars 2026", "50,00 %");
        assertInOrder(text, "=1+1", "123 456,00 €", "12");
        assertInOrder(text, "@SUM(A1)", "31 déc. 2025", "12,50 %");
        assertTrue(text.contains("-20,00 €"), text);
        assertTrue(text.contains("=1+1"), text);
        assertTrue(text.contains("Page 1"), text);
    }

    @Test
    void englishPdfShowsAmountsTheEnglishWay() throws Exception {
        String text = pdfText(TableExport.pdf(sample(), Locale.ENGLISH));
        assertInOrder(text, "Tours", "€1,500.50", "3", "2.50", "Mar 15, 2026", "50.00%");
        assertTrue(text.contains("€123,456.00"), text);
        assertFalse(text.contains("1 500,50"), text);
    }

    @Test
    void aLongPdfRepeatsTheHeaderOnEveryPage() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            rows.add(List.of("Entreprise " + i, new BigDecimal("1500.00")));
        }
        Table table = new Table("Liste", List.of(new Table.Column("Raison sociale", Table.Kind.TEXT),
                new Table.Column("Montant accordé", Table.Kind.MONEY)), rows);
        byte[] pdf = TableExport.pdf(table, Locale.FRENCH);
        PdfReader reader = new PdfReader(pdf);
        try {
            assertTrue(reader.getNumberOfPages() >= 3, "pages: " + reader.getNumberOfPages());
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                String text = extractor.getTextFromPage(page);
                assertTrue(text.contains("Raison sociale"), "header on page " + page);
                assertTrue(text.contains("Page " + page), "number on page " + page);
            }
        } finally {
            reader.close();
        }
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Table("t",
                List.of(new Table.Column("a", Table.Kind.TEXT)), List.of(List.of("x", "y"))));
        assertThrows(IllegalArgumentException.class, () -> new Table("t", List.of(), List.of()));
    }
}
