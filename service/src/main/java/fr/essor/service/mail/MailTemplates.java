package fr.essor.service.mail;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts of Essor's mails, from {@code fr/essor/service/mail/mails*.properties}: French in the
 * base bundle, English in {@code mails_en}. Every text is a {@link MessageFormat} pattern (an
 * apostrophe is written {@code ''}); each kind has {@code KIND.subject} and {@code KIND.body}, and
 * every body gets the common {@code footer}.
 */
public final class MailTemplates {

    public static final String BUNDLE = "fr.essor.service.mail.mails";

    /**
     * The language of a mail to an address that has no account (a co-owner invited before registering, a
     * partner's contact): French, the network's language, since no one's preference is known. The sender's
     * language is never used: a mail is written in its recipient's.
     */
    public static final Locale WITHOUT_ACCOUNT = Locale.FRENCH;

    private MailTemplates() {
    }

    /**
     * The language of a mail to an account: the one stored on it ({@code UserAccount.preferredLocale}, set at
     * registration and each time its holder changes the language of the pages), French when none is stored.
     */
    public static Locale recipientLocale(String preferredLocale) {
        return supported(preferredLocale == null ? WITHOUT_ACCOUNT : Locale.forLanguageTag(preferredLocale));
    }

    /** French unless English is asked for: the two languages Essor writes. */
    public static Locale supported(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
    }

    public static String subject(MailKind kind, Locale locale, Object... args) {
        return format(kind + ".subject", locale, args);
    }

    public static String body(MailKind kind, Locale locale, Object... args) {
        return format(kind + ".body", locale, args) + "\n\n" + format("footer", locale);
    }

    /** A translated word of the bundle (e.g. {@code outcome.APPROVED}), or the code itself when it has none. */
    public static String label(String key, Locale locale, String fallback) {
        try {
            return format(key, locale);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    static String format(String key, Locale locale, Object... args) {
        Locale l = supported(locale);
        String pattern = bundle(l).getString(key);
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // as text: MessageFormat would write an id 12345 as "12 345"
            texts[i] = args[i] == null ? "" : String.valueOf(args[i]);
        }
        return new MessageFormat(pattern, l).format(texts);
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, supported(locale), MailTemplates.class.getClassLoader());
    }
}
