package fr.essor.web.api;

import fr.essor.web.i18n.LocaleBean;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/** The language of API messages: English when the caller prefers it, French otherwise. */
final class ApiLocale {

    private ApiLocale() {
    }

    static Locale of(HttpHeaders headers) {
        String header = headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        return Locale.forLanguageTag(LocaleBean.preferred(header));
    }
}
