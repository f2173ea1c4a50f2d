package fr.essor.web.i18n;

import fr.essor.service.account.AccountService;
import jakarta.ejb.EJB;
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
    /** The chosen language, also kept as a plain session attribute for pages outside Faces. */
    public static final String SESSION_LANGUAGE = "essor.language";

    private String language;

    @EJB
    private AccountService accounts;

    public Locale getLocale() {
        if (language == null) {
            language = preferred(FacesContext.getCurrentInstance().getExternalContext().getRequestHeaderMap().get("Accept-Language"));
        }
        return Locale.forLanguageTag(language);
    }

    /**
     * The first supported language of an Accept-Language header; French when there is none (the
     * servlet container would otherwise answer with the server's own default locale).
     */
    public static String preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return "fr";
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String lang = range.getRange().split("-")[0];
                if (SUPPORTED.contains(lang)) {
                    return lang;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return "fr";
        }
        return "fr";
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    /**
     * Switches the language and reloads the current page in it; a signed-in person's account keeps it, for the
     * mails it receives (issue 19, item 10).
     */
    public void switchTo(String lang) {
        if (SUPPORTED.contains(lang)) {
            language = lang;
            FacesContext fc = FacesContext.getCurrentInstance();
            fc.getExternalContext().getSessionMap().put(SESSION_LANGUAGE, lang);
            fc.getViewRoot().setLocale(getLocale());
            accounts.rememberLocale(lang);
        }
    }

    public String getOtherLanguage() {
        return "fr".equals(getLanguage()) ? "en" : "fr";
    }
}
