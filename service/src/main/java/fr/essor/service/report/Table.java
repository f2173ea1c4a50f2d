package fr.essor.service.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A titled table ready for export ({@link TableExport}): translated column headers with the kind of
 * their values, and rows of cells. A cell is a {@code String}, a {@code BigDecimal} (money in EUR,
 * full-time equivalents, a percentage written as {@code 50.00} for 50 %), an {@code Integer} or
 * {@code Long}, a {@code LocalDate}, or {@code null} for an empty cell.
 */
public record Table(String title, List<Column> columns, List<List<Object>> rows) {

    /** What a column holds, which decides how each format writes and aligns it. */
    public enum Kind {
        TEXT, MONEY, INTEGER, DECIMAL, DATE, PERCENT;

        boolean numeric() {
            return this != TEXT && this != DATE;
        }
    }

    /** A column: its header, already translated by the caller, and the kind of its values. */
    public record Column(String header, Kind kind) {
        public Column {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** Copies the lists (cells may be null) and checks that every row has one cell per column. */
    public Table {
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A table needs at least one column");
        }
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("Row " + copy.size() + " has " + row.size() + " cells for "
                        + columns.size() + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }
}
