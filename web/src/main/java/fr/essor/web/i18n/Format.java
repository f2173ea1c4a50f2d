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

/** Dates and amounts written for the page's locale ({@code 1 500,00 €}, {@code 26 nov. 2026}). */
@Named("fmt")
@RequestScoped
public class Format {

    /** Business time of the network (France). */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
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

    public String number(BigDecimal value) {
        return value == null ? "" : NumberFormat.getNumberInstance(locale()).format(value);
    }
}
