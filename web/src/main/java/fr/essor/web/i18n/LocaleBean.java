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
    /** True once the language was chosen with the header's switch in this session. */
    private boolean chosen;
    /** The signed-in user whose account's language was applied to this session; null before any sign-in. */
    private String appliedFor;

    @EJB
    private AccountService accounts;

    public Locale getLocale() {
        FacesContext fc = FacesContext.getCurrentInstance();
        signedIn(fc);
        if (language == null) {
            language = preferred(fc.getExternalContext().getRequestHeaderMap().get("Accept-Language"));
        }
        return Locale.forLanguageTag(language);
    }

    /**
     * Once per sign-in: the pages take the language saved on the account, unless one was chosen with the header's
     * switch earlier in this session, which the account then keeps. A person who chose English is shown English
     * wherever he signs in, whatever his browser asks for.
     */
    private void signedIn(FacesContext fc) {
        String user = fc.getExternalContext().getRemoteUser();
        if (user == null || user.equals(appliedFor)) {
            return;
        }
        appliedFor = user;
        if (chosen) {
            accounts.rememberLocale(language);
            return;
        }
        String saved = accounts.preferredLocale();
        if (saved != null && SUPPORTED.contains(saved)) {
            language = saved;
            fc.getExternalContext().getSessionMap().put(SESSION_LANGUAGE, saved);
        }
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
            chosen = true;
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
