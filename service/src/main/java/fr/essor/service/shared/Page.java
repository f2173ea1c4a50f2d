package fr.essor.service.shared;

import java.util.List;

/** One page of a list, read with LIMIT/OFFSET in SQL, with the total count for the pager. */
public record Page<T>(List<T> items, long total, int first, int size) {

    /** The largest page any list serves, in the API and in the services. */
    public static final int MAX_SIZE = 200;

    public Page {
        items = List.copyOf(items);
    }

    public static int clampSize(int size) {
        return Math.max(1, Math.min(size, MAX_SIZE));
    }
}
