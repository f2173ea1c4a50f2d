package fr.essor.web.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.ResourceBundle;

/** Dates and amounts written for the page's locale ({@code 1 500,00 €}, {@code 26 nov. 2026}). */
@Named("fmt")
@RequestScoped
public class Format {

    /** Business time of the network (France). */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    /**
     * The pattern a date field takes typed: day first in French ({@code dd/MM/yyyy}), month first in
     * English, the order the English pages show dates in ({@code Nov 26, 2026}).
     */
    public static String datePattern(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "MM/dd/yyyy" : "dd/MM/yyyy";
    }

    /** For the date fields' {@code pattern}. */
    public String getDatePattern() {
        return datePattern(locale());
    }

    /** For the date-and-time fields' {@code pattern} (a committee session). */
    public String getDateTimePattern() {
        return datePattern(locale()) + " HH:mm";
    }

    /** The pattern as the user reads it, shown in an empty date field: jj/mm/aaaa, mm/dd/yyyy. */
    public String getDatePlaceholder() {
        return Messages.text(locale(), "date.placeholder");
    }

    public String getDateTimePlaceholder() {
        return Messages.text(locale(), "dateTime.placeholder");
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
    }

    public String instant(Instant instant) {
        return instant == null ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale()).withZone(ZONE).format(instant);
    }

    /** A local date and time of the network (a committee session), without seconds. */
    public String dateTime(LocalDateTime dateTime) {
        return dateTime == null ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale()).format(dateTime);
    }

    public String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat nf = NumberFormat.getCurrencyInstance(locale());
        nf.setCurrency(Currency.getInstance("EUR"));
        return nf.format(amount);
    }

    /** A file size in kB or MB, for lists of documents. */
    public String size(long bytes) {
        NumberFormat nf = NumberFormat.getNumberInstance(locale());
        nf.setMaximumFractionDigits(1);
        if (bytes < 1024 * 1024) {
            return nf.format(Math.max(1, bytes / 1024.0)) + ("fr".equals(locale().getLanguage()) ? " Ko" : " kB");
        }
        return nf.format(bytes / (1024.0 * 1024.0)) + ("fr".equals(locale().getLanguage()) ? " Mo" : " MB");
    }

    /** A missing piece of an application, its amount written for the locale. */
    public String missing(String key, String detail) {
        return Messages.missing(locale(), key, detail);
    }

    public String number(BigDecimal value) {
        return value == null ? "" : NumberFormat.getNumberInstance(locale()).format(value);
    }

    /**
     * The label of a code in the page's language ({@code label('AuditAction.', 'SAVE_PLAN')} is "Plan de
     * financement enregistré"), or the code itself where the bundle has no label for it.
     */
    public String label(String prefix, String code) {
        if (code == null) {
            return "";
        }
        ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, locale());
        return bundle.containsKey(prefix + code) ? bundle.getString(prefix + code) : code;
    }
}
