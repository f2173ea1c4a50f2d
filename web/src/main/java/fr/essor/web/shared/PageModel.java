package fr.essor.web.shared;

import fr.essor.service.shared.Page;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A PrimeFaces lazy model over a service query that pages in SQL: one call per page returns the
 * rows and the total, so the table never loads more than it shows.
 *
 * <p>The model lives in a view-scoped bean, which a cluster replicates with the session: its loader
 * and key are serializable lambdas (they capture the bean and its service proxies, serialized with
 * it), so that the node taking over a session after another stopped still pages the table
 * (deploy/cluster/failover-test.sh posts back to a paged page on the other node).
 */
public class PageModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 2L;

    /** One page of rows and the total, from the row to start at and the page's size. */
    @FunctionalInterface
    public interface Loader<T> extends BiFunction<Integer, Integer, Page<T>>, Serializable {
    }

    /** The key of a row, unique in the table. */
    @FunctionalInterface
    public interface Key<T> extends Function<T, String>, Serializable {
    }

    private final Loader<T> loader;
    private final Key<T> key;
    /** The page shown, read again after a failover (not replicated). */
    private transient List<T> current = List.of();

    public PageModel(Loader<T> loader, Key<T> key) {
        this.loader = loader;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return getRowCount();
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        Page<T> page = loader.apply(first, pageSize);
        setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
        current = page.items();
        return current;
    }

    @Override
    public String getRowKey(T row) {
        return key.apply(row);
    }

    @Override
    public T getRowData(String rowKey) {
        return current == null ? null : current.stream().filter(r -> key.apply(r).equals(rowKey)).findFirst().orElse(null);
    }
}
