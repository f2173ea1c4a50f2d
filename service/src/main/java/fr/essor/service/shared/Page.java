package fr.essor.service.shared;

import java.util.List;

/** One page of a list, read with LIMIT/OFFSET in SQL, with the total count for the pager. */
public record Page<T>(List<T> items, long total, int first, int size) {

    public Page {
        items = List.copyOf(items);
    }

    public static int clampSize(int size) {
        return Math.max(1, Math.min(size, 200));
    }
}
