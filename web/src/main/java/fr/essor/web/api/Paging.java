package fr.essor.web.api;

import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.Page;

/**
 * A page of a list as every paged endpoint takes it: {@code ?page} from 0 and {@code ?size} from 1 to
 * {@link Page#MAX_SIZE}, read as the first row to read ({@code page × size}) and the size. A page or a size that is
 * not a whole number in range is refused with a 400 ({@code page.invalid}); a page whose first row is beyond the int
 * range too ({@code page.tooFar}), since the services read from an int offset.
 */
public record Paging(int page, int first, int size) {

    /** The size of a page when the caller does not say. */
    public static final int DEFAULT_SIZE = 25;

    static Paging of(String page, String size) {
        return of(page, size, DEFAULT_SIZE);
    }

    static Paging of(String page, String size, int defaultSize) {
        int s = number(size, defaultSize);
        int p = number(page, 0);
        if (s < 1 || s > Page.MAX_SIZE || p < 0) {
            throw invalid();
        }
        // page × size is computed in long: an int product overflows and the services would read page 0
        if ((p + 1L) * s > Integer.MAX_VALUE) {
            throw new InvalidInputException("page", "page.tooFar", Integer.MAX_VALUE / s - 1);
        }
        return new Paging(p, p * s, s);
    }

    private static int number(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException("page", "page.invalid", Page.MAX_SIZE);
    }
}
