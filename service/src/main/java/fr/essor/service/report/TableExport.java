package fr.essor.service.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a {@link Table} as CSV, XLSX or PDF, for the partners' exports and the indicators.
 *
 * <p>Choices, the same for every export:
 * <ul>
 * <li>CSV: UTF-8 with a byte order mark (so that Excel reads the accents), lines ended by CRLF and
 * fields quoted as RFC 4180 says (only when they hold the separator, a quote, CR or LF). Where the locale
 * writes decimals with a comma (French) the separator is ';' and numbers are written "1500,50";
 * otherwise ',' and "1500.50". Numbers are plain: no grouping, no currency sign, a percentage as its
 * number (50.00 → "50,00"), so that a spreadsheet reads them as numbers. Dates are ISO (2026-11-26).
 * A text cell starting with = + - @, a tab or a CR gets a leading single quote, so that a spreadsheet
 * never runs it as a formula (CSV injection).</li>
 * <li>XLSX: one sheet named after the title, a bold frozen header row with a filter, money as numbers with
 * a euro format, dates as real dates, integers and decimals as numbers, a percentage as the fraction
 * Excel expects (50.00 → 0.5, shown "50.00%"), text always as text: no cell is ever a formula.
 * Tables over {@value #STREAMING_ROWS} rows are streamed (SXSSF) to keep memory flat.</li>
 * <li>PDF: landscape A4, the title, the header repeated on every page, numbers right-aligned and formatted
 * for the locale ("1 500,00 €"), page numbers at the foot.</li>
 * </ul>
 */
public final class TableExport {

    /** Above this many rows the XLSX is streamed to disk in windows of {@value #WINDOW} rows. */
    static final int STREAMING_ROWS = 2_000;
    private static final int WINDOW = 200;
    /** Column widths are measured on at most this many rows. */
    private static final int MEASURED_ROWS = 500;
    private static final int MAX_WIDTH_CHARS = 60;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private TableExport() {
    }

    // ---------------------------------------------------------------------------------------- CSV

    public static byte[] csv(Table table, Locale locale) {
        char decimal = ReportFormats.decimalSeparator(locale);
        char separator = separator(locale);
        StringBuilder sb = new StringBuilder(64 * (table.rows().size() + 1));
        List<Table.Column> columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) {
                sb.append(separator);
            }
            sb.append(quote(guard(columns.get(c).header()), separator));
        }
        sb.append("\r\n");
        for (List<Object> row : table.rows()) {
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) {
                    sb.append(separator);
                }
                sb.append(quote(csvValue(row.get(c), decimal), separator));
            }
            sb.append("\r\n");
        }
        byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(body, 0, out, BOM.length, body.length);
        return out;
    }

    /** ';' where the locale's decimal separator is a comma (French), ',' otherwise. */
    static char separator(Locale locale) {
        return ReportFormats.decimalSeparator(locale) == ',' ? ';' : ',';
    }

    private static String csvValue(Object value, char decimal) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number n) {
            String plain = ReportFormats.decimalOf(n).toPlainString();
            return decimal == '.' ? plain : plain.replace('.', decimal);
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        return guard(value.toString());
    }

    /** Prefixes with a single quote a text a spreadsheet would take for a formula. */
    static String guard(String text) {
        if (!text.isEmpty()) {
            char first = text.charAt(0);
            if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
                return "'" + text;
            }
        }
        return text;
    }

    private static String quote(String field, char separator) {
        if (field.indexOf(separator) < 0 && field.indexOf('"') < 0 && field.indexOf('\r') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    // --------------------------------------------------------------------------------------- XLSX

    public static byte[] xlsx(Table table, Locale locale) {
        boolean streaming = table.rows().size() > STREAMING_ROWS;
        try (Workbook workbook = streaming ? streamingWorkbook() : new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFWorkbook properties = workbook instanceof SXSSFWorkbook s ? s.getXSSFWorkbook() : (XSSFWorkbook) workbook;
            properties.getProperties().getCoreProperties().setTitle(table.title());
            Sheet sheet = workbook.createSheet(sheetName(table.title()));
            Map<Table.Kind, CellStyle> styles = styles(workbook, locale);
            CellStyle headerStyle = headerStyle(workbook);
            List<Table.Column> columns = table.columns();

            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(columns.get(c).header());
                cell.setCellStyle(headerStyle);
            }
            int r = 1;
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < columns.size(); c++) {
                    Object value = values.get(c);
                    if (value != null) {
                        write(row.createCell(c), columns.get(c).kind(), value, styles);
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, columns.size() - 1));
            int[] widths = widths(table, locale);
            for (int c = 0; c < columns.size(); c++) {
                sheet.setColumnWidth(c, Math.min(255, widths[c] + 3) * 256);
            }
            workbook.write(out);
            if (workbook instanceof SXSSFWorkbook s) {
                s.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the spreadsheet " + table.title(), e);
        }
    }

    @SuppressWarnings("resource") // closed by the caller's try-with-resources
    private static Workbook streamingWorkbook() {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        return workbook;
    }

    /** Excel's rules: at most 31 characters, none of : \ / ? * [ ], no quote at either end, not blank. */
    static String sheetName(String title) {
        String stripped = title == null ? "" : title.strip();
        String name = stripped.isEmpty() ? "" : WorkbookUtil.createSafeSheetName(stripped, ' ').strip();
        while (name.startsWith("'")) {
            name = name.substring(1);
        }
        while (name.endsWith("'")) {
            name = name.substring(0, name.length() - 1);
        }
        name = name.strip();
        if (name.isEmpty() || name.equalsIgnoreCase("History")) { // Excel reserves "History"
            name = name.isEmpty() ? "Export" : name + " 1";
        }
        return name;
    }

    private static void write(Cell cell, Table.Kind kind, Object value, Map<Table.Kind, CellStyle> styles) {
        if (value instanceof Number n) {
            BigDecimal d = ReportFormats.decimalOf(n);
            if (kind == Table.Kind.PERCENT) {
                d = d.movePointLeft(2);
            }
            cell.setCellValue(d.doubleValue());
            cell.setCellStyle(styles.get(kind.numeric() ? kind : Table.Kind.DECIMAL));
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(styles.get(Table.Kind.DATE));
        } else {
            cell.setCellValue(value.toString()); // a string cell, never a formula
            cell.setCellStyle(styles.get(Table.Kind.TEXT));
        }
    }

    private static Map<Table.Kind, CellStyle> styles(Workbook workbook, Locale locale) {
        DataFormat format = workbook.createDataFormat();
        boolean french = "fr".equals(locale.getLanguage());
        Map<Table.Kind, String> patterns = new EnumMap<>(Table.Kind.class);
        patterns.put(Table.Kind.TEXT, "@");
        patterns.put(Table.Kind.MONEY, french ? "#,##0.00\\ \"€\"" : "\"€\"#,##0.00");
        patterns.put(Table.Kind.INTEGER, "#,##0");
        patterns.put(Table.Kind.DECIMAL, "#,##0.00");
        patterns.put(Table.Kind.DATE, french ? "dd/mm/yyyy" : "yyyy-mm-dd");
        patterns.put(Table.Kind.PERCENT, "0.00%");
        Map<Table.Kind, CellStyle> styles = new EnumMap<>(Table.Kind.class);
        patterns.forEach((kind, pattern) -> {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(format.getFormat(pattern));
            styles.put(kind, style);
        });
        return styles;
    }

    private static CellStyle headerStyle(Workbook workbook) {
        org.apache.poi.ss.usermodel.Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        style.setAlignment(HorizontalAlignment.CENTER);
        style.setWrapText(true);
        return style;
    }

    /** The widest text of each column, in characters, over the header and the first rows (capped). */
    static int[] widths(Table table, Locale locale) {
        List<Table.Column> columns = table.columns();
        int[] widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Math.max(6, columns.get(c).header().length());
        }
        int measured = Math.min(MEASURED_ROWS, table.rows().size());
        for (int r = 0; r < measured; r++) {
            List<Object> row = table.rows().get(r);
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], ReportFormats.display(columns.get(c).kind(), row.get(c), locale).length());
            }
        }
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Math.min(MAX_WIDTH_CHARS, widths[c]);
        }
        return widths;
    }

    // ---------------------------------------------------------------------------------------- PDF

    public static byte[] pdf(Table table, Locale locale) {
        ResourceBundle text = ResourceBundle.getBundle("fr.essor.service.report.letters", locale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new PageNumbers(text, locale));
            document.addTitle(table.title());
            document.open();
            Paragraph title = new Paragraph(table.title(), new Font(Font.HELVETICA, 14, Font.BOLD));
            title.setSpacingAfter(10);
            document.add(title);
            document.add(pdfTable(table, locale, 9));
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot write the PDF " + table.title(), e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    /** The table as an OpenPDF table, header repeated on every page; shared with {@link ConventionReport}. */
    static PdfPTable pdfTable(Table table, Locale locale, float fontSize) {
        List<Table.Column> columns = table.columns();
        Font headerFont = new Font(Font.HELVETICA, fontSize, Font.BOLD);
        Font body = new Font(Font.HELVETICA, fontSize);
        PdfPTable pdf = new PdfPTable(columns.size());
        pdf.setWidthPercentage(100);
        int[] widths = widths(table, locale);
        float[] relative = new float[widths.length];
        for (int c = 0; c < widths.length; c++) {
            relative[c] = Math.min(widths[c], 40) + 2;
        }
        try {
            pdf.setWidths(relative);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        pdf.setHeaderRows(1);
        for (Table.Column column : columns) {
            PdfPCell cell = new PdfPCell(new Phrase(column.header(), headerFont));
            cell.setBackgroundColor(new Color(0xE0, 0xE0, 0xE0));
            cell.setHorizontalAlignment(column.kind().numeric() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
            cell.setPadding(4);
            pdf.addCell(cell);
        }
        for (List<Object> row : table.rows()) {
            for (int c = 0; c < columns.size(); c++) {
                Table.Kind kind = columns.get(c).kind();
                PdfPCell cell = new PdfPCell(new Phrase(ReportFormats.display(kind, row.get(c), locale), body));
                cell.setHorizontalAlignment(kind.numeric() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
                cell.setPadding(3);
                pdf.addCell(cell);
            }
        }
        return pdf;
    }

    /** "Page n" centred at the foot of every page. */
    static final class PageNumbers extends PdfPageEventHelper {
        private final ResourceBundle text;
        private final Locale locale;
        private final Font font = new Font(Font.HELVETICA, 8);

        PageNumbers(ResourceBundle text, Locale locale) {
            this.text = text;
            this.locale = locale;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            Phrase phrase = new Phrase(DecisionLetter.format(text, locale, "report.page", writer.getPageNumber()), font);
            float x = (document.left() + document.right()) / 2;
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER, phrase, x, document.bottom() - 24, 0);
        }
    }
}
