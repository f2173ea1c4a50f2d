package fr.essor.service.application;

import java.io.Serializable;
import java.util.Objects;

/** The order of the work queue: one column, ascending or descending, then the id as a stable tiebreak. */
public record QueueSort(Column column, boolean ascending) implements Serializable {

    /** Oldest submission first: the queue is worked first in, first out. */
    public static final QueueSort DEFAULT = new QueueSort(Column.SUBMITTED_AT, true);

    public enum Column {
        REFERENCE, ENTERPRISE, STATUS, SUBMITTED_AT, DEPARTMENT, ADVISOR
    }

    public QueueSort {
        Objects.requireNonNull(column, "column");
    }
}
