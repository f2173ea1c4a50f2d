package fr.essor.web.i18n;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/** The language of the session: French first, English complete; switched from the header. */
@Named
@SessionScoped
public class LocaleBean implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final List<String> SUPPORTED = List.of("fr", "en");

    private String language;

    public Locale getLocale() {
        if (language == null) {
            Locale requested = FacesContext.getCurrentInstance().getExternalContext().getRequestLocale();
            language = requested != null && "en".equals(requested.getLanguage()) ? "en" : "fr";
        }
        return Locale.forLanguageTag(language);
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    /** Switches the language and reloads the current page in it. */
    public void switchTo(String lang) {
        if (SUPPORTED.contains(lang)) {
            language = lang;
            FacesContext.getCurrentInstance().getViewRoot().setLocale(getLocale());
        }
    }

    public String getOtherLanguage() {
        return "fr".equals(getLanguage()) ? "en" : "fr";
    }
}
