package fr.essor.web.api;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/** The language of API messages: English when the caller prefers it, French otherwise. */
final class ApiLocale {

    private ApiLocale() {
    }

    static Locale of(HttpHeaders headers) {
        if (headers != null) {
            for (Locale l : headers.getAcceptableLanguages()) {
                if ("en".equals(l.getLanguage())) {
                    return Locale.ENGLISH;
                }
                if ("fr".equals(l.getLanguage())) {
                    return Locale.FRENCH;
                }
            }
        }
        return Locale.FRENCH;
    }
}
