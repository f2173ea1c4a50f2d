package fr.essor.service.privacy;

import static fr.essor.model.privacy.RetentionKind.AUDIT_TRAIL;
import static fr.essor.model.privacy.RetentionKind.CLOSED_FILE;
import static fr.essor.model.privacy.RetentionKind.DRAFT;
import static fr.essor.model.privacy.RetentionKind.FINANCED_FILE;
import static fr.essor.model.privacy.RetentionKind.INACTIVE_ACCOUNT;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import fr.essor.model.privacy.RetentionKind;
import fr.essor.service.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.io.ByteArrayOutputStream;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The register of processing activities (issue 16, article 30 of the GDPR): what Essor does with
 * personal data, why, about whom, for whom, and for how long. The periods come from the same
 * retention rules the nightly job applies ({@link RetentionService#months()}); the texts from the
 * bundle {@code fr.essor.service.privacy.register}.
 */
@Stateless
public class ProcessingRegister {

    /** The processing activities, each with the retention rules that bound it. */
    public enum Activity {
        APPLICATIONS(DRAFT, CLOSED_FILE, FINANCED_FILE),
        ACCOUNTS(INACTIVE_ACCOUNT),
        FINANCING(FINANCED_FILE),
        SUPPORT(INACTIVE_ACCOUNT, FINANCED_FILE),
        MAIL(INACTIVE_ACCOUNT),
        AUDIT(AUDIT_TRAIL),
        INDICATORS(),
        /** Contacts of the financial partners (issue 12): business details of their staff, no retention rule of their own. */
        PARTNER_CONTACTS();

        private final List<RetentionKind> retention;

        Activity(RetentionKind... retention) {
            this.retention = List.of(retention);
        }

        public List<RetentionKind> retention() {
            return retention;
        }
    }

    /** One activity of the register, in the reader's language. */
    public record Entry(Activity activity, String name, String purpose, String categories, String recipients,
            List<String> retention) {
    }

    @EJB
    private RetentionService rules;

    @RolesAllowed(Roles.ADMIN)
    public List<Entry> entries(Locale locale) {
        return entries(locale, rules.months());
    }

    @RolesAllowed(Roles.ADMIN)
    public byte[] pdf(Locale locale) {
        return pdf(entries(locale, rules.months()), locale, LocalDate.now(RetentionService.ZONE));
    }

    static List<Entry> entries(Locale locale, Map<RetentionKind, Integer> months) {
        ResourceBundle text = bundle(locale);
        List<Entry> entries = new ArrayList<>();
        for (Activity a : Activity.values()) {
            String key = "activity." + a.name();
            List<String> retention = new ArrayList<>();
            for (RetentionKind kind : a.retention()) {
                retention.add(format(text, locale, "retention." + kind.name(), months.get(kind)));
            }
            if (retention.isEmpty()) {
                retention.add(text.getString(key + ".retention"));
            }
            entries.add(new Entry(a, text.getString(key + ".name"), text.getString(key + ".purpose"),
                    text.getString(key + ".categories"), text.getString(key + ".recipients"), List.copyOf(retention)));
        }
        return entries;
    }

    static byte[] pdf(List<Entry> entries, Locale locale, LocalDate today) {
        ResourceBundle text = bundle(locale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 50, 50, 50, 50);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(text.getString("register.title"));
            document.open();
            Font title = new Font(Font.HELVETICA, 16, Font.BOLD);
            Font heading = new Font(Font.HELVETICA, 12, Font.BOLD);
            Font label = new Font(Font.HELVETICA, 10, Font.BOLD);
            Font body = new Font(Font.HELVETICA, 10);
            document.add(new Paragraph(text.getString("register.title"), title));
            document.add(new Paragraph(format(text, locale, "register.date",
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(today)), body));
            document.add(new Paragraph(text.getString("register.controller"), body));
            int n = 1;
            for (Entry e : entries) {
                document.add(new Paragraph(" "));
                document.add(new Paragraph(n++ + ". " + e.name(), heading));
                line(document, text.getString("register.purpose"), e.purpose(), label, body);
                line(document, text.getString("register.categories"), e.categories(), label, body);
                line(document, text.getString("register.recipients"), e.recipients(), label, body);
                line(document, text.getString("register.retention"), String.join(" ; ", e.retention()), label, body);
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot write the register of processing", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static void line(Document document, String label, String value, Font labelFont, Font bodyFont) throws DocumentException {
        Paragraph p = new Paragraph();
        p.add(new com.lowagie.text.Chunk(label + " ", labelFont));
        p.add(new com.lowagie.text.Chunk(value, bodyFont));
        document.add(p);
    }

    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("fr.essor.service.privacy.register", locale);
    }

    private static String format(ResourceBundle text, Locale locale, String key, Object... args) {
        return new MessageFormat(text.getString(key), locale).format(args);
    }
}
