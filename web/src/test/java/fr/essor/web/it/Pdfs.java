package fr.essor.web.it;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/** Reading the PDFs Essor makes (minutes, decision letters, exports, reports) in the tests. */
final class Pdfs {

    private Pdfs() {
    }

    /** The text of every page, narrow and non-breaking spaces read as plain spaces, runs of spaces folded. */
    static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString().replace('\u202f', ' ').replace('\u00a0', ' ').replaceAll("[ \\t]+", " ");
        } finally {
            reader.close();
        }
    }
}
