package fr.essor.web.shared;

import fr.essor.service.shared.Page;
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
 */
public class PageModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    private final transient BiFunction<Integer, Integer, Page<T>> loader;
    private final transient Function<T, String> key;
    private transient List<T> current = List.of();

    public PageModel(BiFunction<Integer, Integer, Page<T>> loader, Function<T, String> key) {
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
        return current.stream().filter(r -> key.apply(r).equals(rowKey)).findFirst().orElse(null);
    }
}
