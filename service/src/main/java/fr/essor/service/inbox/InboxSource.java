package fr.essor.service.inbox;

/**
 * One source of inbox items: a kind of thing that waits for someone's action, read from the data it
 * is about by one SQL SELECT (never copied into a table of its own, so it cannot drift from it).
 * Each source is a small class; {@link InboxSources#ALL} lists them. To add one (agreements to sign,
 * follow-ups due, instalments in arrears): write the class, add it to that list, and add the bundle
 * keys {@code inbox.kind.<KIND>} (pages, {@code messages*.properties}) and the same key in the mail
 * bundle ({@code mails*.properties}, for the digest).
 */
public interface InboxSource {

    /** The kind of its items, upper-case words joined by underscores ({@code CONDITION_TO_CHECK}); the first part of each key. */
    String kind();

    /**
     * The SELECT of the scope's items, starting with {@link InboxSql#select} (which names the columns every source
     * gives, in order), its values bound through {@code sql.bind(…)}; or null when the scope has no item of this kind
     * (not one of its roles). Plain SQL that H2 (MODE=LEGACY) and MariaDB both run.
     */
    String select(InboxScope scope, InboxSql sql);

    /** The page where the person acts on an item about {@code subjectId}, from the application's root ({@code /advisor/file.xhtml?id=42}). */
    String page(InboxScope scope, long subjectId);
}
