package fr.essor.web.advisor;

import fr.essor.service.application.QueueRow;
import fr.essor.service.application.QueueSort;
import fr.essor.service.shared.Page;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The work queue as a PrimeFaces lazy model: the page and the column sorted by (a column's
 * {@code field}) go to the service, which pages and sorts in SQL.
 */
public class QueueModel extends LazyDataModel<QueueRow> {

    private static final long serialVersionUID = 1L;

    /** Loads one page in the given order. */
    @FunctionalInterface
    public interface Loader extends Serializable {
        Page<QueueRow> load(int first, int size, QueueSort sort);
    }

    private final Loader loader;
    private transient List<QueueRow> current = List.of();

    public QueueModel(Loader loader) {
        this.loader = loader;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return getRowCount();
    }

    @Override
    public List<QueueRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        Page<QueueRow> page = loader.load(first, pageSize, sortOf(sortBy));
        setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
        current = page.items();
        return current;
    }

    /** The first sorted column the table asks for, or the queue's default order. */
    static QueueSort sortOf(Map<String, SortMeta> sortBy) {
        if (sortBy != null) {
            for (SortMeta meta : sortBy.values()) {
                if (meta.getOrder() == null || meta.getOrder() == SortOrder.UNSORTED || meta.getField() == null) {
                    continue;
                }
                QueueSort.Column column = column(meta.getField());
                if (column != null) {
                    return new QueueSort(column, meta.getOrder() == SortOrder.ASCENDING);
                }
            }
        }
        return QueueSort.DEFAULT;
    }

    /** "submittedAt" → SUBMITTED_AT; null for a field the queue cannot sort by. */
    static QueueSort.Column column(String field) {
        String wanted = field.replace("_", "").toLowerCase(Locale.ROOT);
        for (QueueSort.Column c : QueueSort.Column.values()) {
            if (c.name().replace("_", "").toLowerCase(Locale.ROOT).equals(wanted)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String getRowKey(QueueRow row) {
        return String.valueOf(row.id());
    }

    @Override
    public QueueRow getRowData(String rowKey) {
        return current == null ? null : current.stream().filter(r -> String.valueOf(r.id()).equals(rowKey)).findFirst().orElse(null);
    }
}
