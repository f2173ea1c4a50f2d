package fr.essor.web.i18n;

import fr.essor.service.shared.EssorException;
import fr.essor.service.shared.InvalidInputException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;

/** Text from the resource bundle, and service errors turned into Faces messages. */
public final class Messages {

    public static final String BUNDLE = "fr.essor.web.i18n.messages";

    private Messages() {
    }

    public static String text(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = bundle.getString("error.generic");
        }
        // Our texts use plain apostrophes (l'événement); MessageFormat would read them as quotes.
        return args.length == 0 ? pattern : new MessageFormat(pattern.replace("'", "''"), locale).format(args);
    }

    /**
     * A missing piece of an application in the reader's language; an amount it carries (the plan's
     * difference) is written as money for the locale (-1 000,00 €, -€1,000.00), not as 1000.00.
     */
    public static String missing(Locale locale, String key, String detail) {
        Object arg = detail == null ? "" : detail;
        if (detail != null && detail.matches("-?\\d+(\\.\\d+)?")) {
            NumberFormat money = NumberFormat.getCurrencyInstance(locale);
            money.setCurrency(Currency.getInstance("EUR"));
            arg = money.format(new BigDecimal(detail));
        }
        return text(locale, key, arg);
    }

    public static String text(EssorException e, Locale locale) {
        return text(locale, e.messageKey(), e.arguments().toArray());
    }

    public static void info(String key, Object... args) {
        add(null, FacesMessage.SEVERITY_INFO, key, args);
    }

    public static void errorFor(String clientId, String key, Object... args) {
        add(clientId, FacesMessage.SEVERITY_ERROR, key, args);
    }

    /** Shows a service error next to the field it names (its id in the form), or at the top. */
    public static void error(EssorException e, String formId) {
        FacesContext fc = FacesContext.getCurrentInstance();
        String clientId = null;
        if (e instanceof InvalidInputException invalid && invalid.field() != null && formId != null) {
            clientId = formId + ":" + invalid.field();
            if (fc.getViewRoot().findComponent(clientId) == null) {
                clientId = null;
            }
        }
        String text = text(e, fc.getViewRoot().getLocale());
        fc.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        fc.validationFailed();
    }

    private static void add(String clientId, FacesMessage.Severity severity, String key, Object... args) {
        FacesContext fc = FacesContext.getCurrentInstance();
        String text = text(fc.getViewRoot().getLocale(), key, args);
        fc.addMessage(clientId, new FacesMessage(severity, text, text));
    }
}
