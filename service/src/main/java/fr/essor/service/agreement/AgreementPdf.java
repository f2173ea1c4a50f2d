package fr.essor.service.agreement;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import fr.essor.model.agreement.TemplateText;
import java.io.ByteArrayOutputStream;
import java.util.Map;

/**
 * Writes an agreement as a PDF: the template's text with its fields replaced, a line starting with
 * {@code # } as the title, {@code ## } as a heading, an empty line as a gap, every other line a
 * paragraph.
 */
public final class AgreementPdf {

    private AgreementPdf() {
    }

    /** The PDF of that template text with those values; {@code title} is the document's title in its properties. */
    public static byte[] pdf(String body, Map<String, String> values, String title) {
        String text = TemplateText.render(body, values);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 60, 60, 60, 60);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(title);
            document.addCreator("Essor");
            document.open();
            Font heading1 = new Font(Font.HELVETICA, 16, Font.BOLD);
            Font heading2 = new Font(Font.HELVETICA, 12, Font.BOLD);
            Font plain = new Font(Font.HELVETICA, 11);
            boolean any = false;
            for (String line : text.split("\n", -1)) {
                Paragraph p;
                if (line.startsWith("# ")) {
                    p = new Paragraph(line.substring(2).strip(), heading1);
                    p.setAlignment(Element.ALIGN_CENTER);
                    p.setSpacingAfter(8);
                } else if (line.startsWith("## ")) {
                    p = new Paragraph(line.substring(3).strip(), heading2);
                    p.setSpacingBefore(6);
                } else if (line.isBlank()) {
                    p = new Paragraph(" ", plain);
                } else {
                    p = new Paragraph(line, plain);
                }
                document.add(p);
                any = true;
            }
            if (!any) {
                document.add(new Paragraph(" "));
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot write the agreement", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }
}
