package fr.essor.web.api;

import fr.essor.service.shared.Page;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list as the paged endpoints that answer with a body give it: its items, how many in all, the page
 * number (from 0) and its size.
 */
public record PageOut<T>(List<T> items, long total, int page, int size) {

    static <T> PageOut<T> of(Page<T> p, Paging paging) {
        return new PageOut<>(p.items(), p.total(), paging.page(), p.size());
    }

    /** The same page with each item turned into its JSON record. */
    static <V, T> PageOut<T> of(Page<V> p, Paging paging, Function<? super V, ? extends T> out) {
        return new PageOut<>(p.items().stream().<T>map(out).toList(), p.total(), paging.page(), p.size());
    }
}
