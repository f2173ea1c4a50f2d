package fr.essor.service.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import fr.essor.service.report.ConventionReportData.Breakdown;
import fr.essor.service.report.ConventionReportData.TargetLine;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The annual report of a partner's convention as a PDF: title, summary figures, breakdowns,
 * targets against achieved (with the share reached) and the funded enterprises. All fixed text
 * comes from the letters bundle (keys {@code report.*}).
 */
public final class ConventionReport {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ConventionReport() {
    }

    public static byte[] pdf(ConventionReportData data, Locale locale) {
        ResourceBundle text = ResourceBundle.getBundle("fr.essor.service.report.letters", locale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 50, 50, 50, 60);
        Font title = new Font(Font.HELVETICA, 16, Font.BOLD);
        Font heading = new Font(Font.HELVETICA, 12, Font.BOLD);
        Font body = new Font(Font.HELVETICA, 10);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new TableExport.PageNumbers(text, locale));
            String documentTitle = DecisionLetter.format(text, locale, "report.title", data.year(), data.reference());
            document.addTitle(documentTitle);
            document.open();

            document.add(new Paragraph(documentTitle, title));
            document.add(new Paragraph(DecisionLetter.format(text, locale, "report.partner", data.partner()), body));
            if (data.association() != null) {
                document.add(new Paragraph(DecisionLetter.format(text, locale, "report.association", data.association()), body));
            }
            String kindKey = "ConventionKind." + data.kind();
            document.add(new Paragraph(DecisionLetter.format(text, locale, "report.kind",
                    text.containsKey(kindKey) ? text.getString(kindKey) : data.kind()), body));
            document.add(new Paragraph(DecisionLetter.format(text, locale, "report.period",
                    ReportFormats.date(data.periodStart(), locale), ReportFormats.date(data.periodEnd(), locale)), body));

            section(document, text.getString("report.summary"), heading);
            PdfPTable summary = new PdfPTable(new float[] {3, 2});
            summary.setWidthPercentage(60);
            summary.setHorizontalAlignment(Element.ALIGN_LEFT);
            figure(summary, text.getString("report.amount"), data.amount(), locale, body);
            figure(summary, text.getString("report.allocated"), data.allocated(), locale, body);
            figure(summary, text.getString("report.disbursed"), data.disbursed(), locale, body);
            figure(summary, text.getString("report.repaid"), data.repaid(), locale, body);
            figure(summary, text.getString("report.remaining"), data.remaining(), locale, body);
            document.add(summary);

            section(document, text.getString("report.breakdowns"), heading);
            if (data.breakdowns().isEmpty()) {
                document.add(new Paragraph(text.getString("report.none"), body));
            }
            for (Map.Entry<String, List<Breakdown>> dimension : data.breakdowns().entrySet()) {
                document.add(new Paragraph(dimension.getKey(), new Font(Font.HELVETICA, 10, Font.BOLD)));
                document.add(TableExport.pdfTable(breakdownTable(dimension.getKey(), dimension.getValue(), text), locale, 9));
            }

            section(document, text.getString("report.targets"), heading);
            if (data.targets().isEmpty()) {
                document.add(new Paragraph(text.getString("report.none"), body));
            } else {
                document.add(TableExport.pdfTable(targetTable(data.targets(), text), locale, 9));
            }

            section(document, text.getString("report.funded"), heading);
            if (data.funded().rows().isEmpty()) {
                document.add(new Paragraph(text.getString("report.none"), body));
            } else {
                document.add(TableExport.pdfTable(data.funded(), locale, 8));
            }

            document.add(new Paragraph(" "));
            document.add(new Paragraph(DecisionLetter.format(text, locale, "report.generated",
                    ReportFormats.date(data.generatedOn(), locale)), new Font(Font.HELVETICA, 9, Font.ITALIC)));
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot write the convention report " + data.reference(), e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    /** The share of the target reached, as a percentage with two decimals (50.00), or null without a target. */
    static BigDecimal reached(TargetLine line) {
        if (line.target() == null || line.target().signum() == 0) {
            return null;
        }
        return line.achieved().multiply(HUNDRED).divide(line.target(), 2, RoundingMode.HALF_UP);
    }

    private static Table breakdownTable(String dimension, List<Breakdown> lines, ResourceBundle text) {
        List<List<Object>> rows = new ArrayList<>();
        long count = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (Breakdown b : lines) {
            rows.add(List.of(b.label(), b.count(), b.amount()));
            count += b.count();
            total = total.add(b.amount());
        }
        rows.add(List.of(text.getString("report.total"), count, total));
        return new Table(dimension, List.of(
                new Table.Column(dimension, Table.Kind.TEXT),
                new Table.Column(text.getString("report.count"), Table.Kind.INTEGER),
                new Table.Column(text.getString("report.sum"), Table.Kind.MONEY)), rows);
    }

    private static Table targetTable(List<TargetLine> targets, ResourceBundle text) {
        List<List<Object>> rows = new ArrayList<>();
        for (TargetLine t : targets) {
            List<Object> row = new ArrayList<>();
            row.add(t.label());
            row.add(t.target());
            row.add(t.achieved());
            row.add(reached(t));
            rows.add(row);
        }
        return new Table(text.getString("report.targets"), List.of(
                new Table.Column(text.getString("report.target.label"), Table.Kind.TEXT),
                new Table.Column(text.getString("report.target.target"), Table.Kind.DECIMAL),
                new Table.Column(text.getString("report.target.achieved"), Table.Kind.DECIMAL),
                new Table.Column(text.getString("report.target.reached"), Table.Kind.PERCENT)), rows);
    }

    private static void section(Document document, String title, Font heading) throws DocumentException {
        Paragraph p = new Paragraph(title, heading);
        p.setSpacingBefore(14);
        p.setSpacingAfter(6);
        document.add(p);
    }

    private static void figure(PdfPTable table, String label, BigDecimal amount, Locale locale, Font font) {
        PdfPCell name = new PdfPCell(new Phrase(label, font));
        name.setPadding(4);
        table.addCell(name);
        PdfPCell value = new PdfPCell(new Phrase(ReportFormats.money(amount, locale), font));
        value.setHorizontalAlignment(Element.ALIGN_RIGHT);
        value.setPadding(4);
        table.addCell(value);
    }
}
