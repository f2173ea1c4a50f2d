package fr.essor.service.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import fr.essor.model.application.Application;
import fr.essor.model.committee.Decision;
import fr.essor.model.application.DecisionOutcome;
import fr.essor.model.application.FinancingLine;
import fr.essor.model.shared.Money;
import java.io.ByteArrayOutputStream;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/** Writes the decision letter of an application as a PDF, in the applicant's language. */
public final class DecisionLetter {

    private DecisionLetter() {
    }

    public static byte[] pdf(Decision decision, Locale locale, LocalDate today) {
        ResourceBundle text = ResourceBundle.getBundle("fr.essor.service.report.letters", locale);
        Application a = decision.getApplication();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 60, 60, 60, 60);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(text.getString("letter.title") + " " + a.getReference());
            document.open();
            Font title = new Font(Font.HELVETICA, 16, Font.BOLD);
            Font body = new Font(Font.HELVETICA, 11);
            Font bold = new Font(Font.HELVETICA, 11, Font.BOLD);
            Paragraph date = new Paragraph(format(text, locale, "letter.date", dates.format(today)), body);
            date.setAlignment(Element.ALIGN_RIGHT);
            document.add(date);
            document.add(new Paragraph(a.getEnterprise().getLegalName(), bold));
            document.add(new Paragraph(" "));
            document.add(new Paragraph(format(text, locale, "letter.title"), title));
            document.add(new Paragraph(format(text, locale, "letter.reference", a.getReference().toString()), bold));
            document.add(new Paragraph(" "));
            document.add(new Paragraph(format(text, locale, "letter.greeting"), body));
            document.add(new Paragraph(format(text, locale, "letter.intro", a.association().getName(),
                    dates.format(decision.getDecisionDate()), a.getTitle(), a.getEnterprise().getLegalName()), body));
            document.add(new Paragraph(" "));
            document.add(new Paragraph(format(text, locale, "letter." + decision.getOutcome().name()), body));
            if (decision.getOutcome() == DecisionOutcome.APPROVED) {
                Money total = Money.zero();
                for (FinancingLine line : decision.getGrantedLines()) {
                    document.add(new Paragraph("• " + describe(text, locale, line), body));
                    total = total.plus(line.getAmount());
                }
                document.add(new Paragraph(format(text, locale, "letter.total", total.format(locale)), bold));
                if (decision.getConditions() != null) {
                    document.add(new Paragraph(" "));
                    document.add(new Paragraph(format(text, locale, "letter.conditions"), bold));
                    document.add(new Paragraph(decision.getConditions(), body));
                }
            } else if (decision.getReasons() != null) {
                document.add(new Paragraph(decision.getReasons(), body));
            }
            document.add(new Paragraph(" "));
            document.add(new Paragraph(format(text, locale, "letter.closing"), body));
            document.add(new Paragraph(" "));
            document.add(new Paragraph(format(text, locale, "letter.signature"), bold));
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot write the decision letter", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    static String describe(ResourceBundle text, Locale locale, FinancingLine line) {
        StringBuilder sb = new StringBuilder(text.getString("Instrument." + line.getInstrument().name()))
                .append(" : ").append(line.getAmount().format(locale));
        if (line.getDurationMonths() != null) {
            sb.append(", ").append(format(text, locale, "letter.months", line.getDurationMonths()));
        }
        if (line.getBankLoanAmount() != null) {
            sb.append(", ").append(format(text, locale, "letter.guarantee", line.getGuaranteedShare().stripTrailingZeros().toPlainString(),
                    line.getBankLoanAmount().format(locale), line.getBankName()));
        }
        return sb.toString();
    }

    static String format(ResourceBundle text, Locale locale, String key, Object... args) {
        return new MessageFormat(text.getString(key), locale).format(args);
    }
}
