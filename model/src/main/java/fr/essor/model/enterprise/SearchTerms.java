package fr.essor.model.enterprise;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words under which an enterprise is found by the advisor queue's text search, and the words of a
 * search. An enterprise is indexed under each word of its legal name, folded (lower case, accents and
 * punctuation dropped: "Coop'Vélo Tours" gives {@code coop}, {@code velo}, {@code tours}), and under its
 * SIRET; a search finds the enterprises that have, for every word typed, a term beginning with it. The
 * database answers that from the index of {@code enterprise_search_term} (a range read per word), not by
 * reading every enterprise's name, which is what a {@code LIKE '%…%'} on the name did.
 */
public final class SearchTerms {

    /** The longest term stored (the column's length); a longer word is stored cut, and a search for it is cut alike. */
    public static final int TERM_MAX = 40;
    /** The most words of a search that are used; the others are ignored. */
    public static final int WORDS_MAX = 6;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchTerms() {
    }

    /** The terms of an enterprise: the folded words of its legal name, and its SIRET. */
    public static Set<String> of(String legalName, String siret) {
        Set<String> terms = new LinkedHashSet<>(words(legalName));
        if (siret != null && !siret.isBlank()) {
            terms.add(cut(siret.strip()));
        }
        return terms;
    }

    /**
     * The words of a search, folded as the terms are: a number typed with spaces ("887 654 321") is one
     * word, a SIRET's beginning; punctuation alone gives no word at all.
     */
    public static List<String> query(String text) {
        if (text == null) {
            return List.of();
        }
        String compact = text.replaceAll("\\s+", "");
        if (!compact.isEmpty() && compact.chars().allMatch(Character::isDigit)) {
            return List.of(cut(compact));
        }
        List<String> words = new ArrayList<>(words(text));
        return words.size() > WORDS_MAX ? List.copyOf(words.subList(0, WORDS_MAX)) : List.copyOf(words);
    }

    /** Lower case, accents dropped, split on anything that is neither a letter nor a digit. */
    static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text == null) {
            return words;
        }
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT)
                .replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        for (String word : SEPARATORS.split(folded)) {
            if (!word.isEmpty()) {
                words.add(cut(word));
            }
        }
        return words;
    }

    private static String cut(String term) {
        return term.length() > TERM_MAX ? term.substring(0, TERM_MAX) : term;
    }
}
