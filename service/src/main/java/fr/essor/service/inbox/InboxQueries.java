package fr.essor.service.inbox;

import fr.essor.model.inbox.InboxKey;
import fr.essor.service.shared.Columns;
import fr.essor.service.shared.Page;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A person's inbox, read in SQL: the union of the SELECTs of every source that has items for the scope,
 * joined to the items the person has seen, sorted (unseen first, then by due day, then the newest) and
 * paged by the database. A page costs one statement for its rows and one for the counts, whatever the
 * number of sources.
 */
final class InboxQueries {

    private static final String ORDER = " ORDER BY CASE WHEN s.seen_at IS NULL THEN 0 ELSE 1 END,"
            + " CASE WHEN x.due_on IS NULL THEN 1 ELSE 0 END, x.due_on, x.since DESC, x.item_key";

    private final EntityManager em;
    private final List<InboxSource> sources;

    InboxQueries(EntityManager em, List<InboxSource> sources) {
        this.em = em;
        this.sources = sources;
    }

    /** The counts of the scope's items: all of them, and those not seen yet. */
    Counts counts(InboxScope scope) {
        InboxSql sql = new InboxSql();
        List<String> selects = selects(scope, sql);
        if (selects.isEmpty()) {
            return new Counts(0, 0);
        }
        String from = sql.items(selects, scope.accountId());
        Object[] row = (Object[]) query("SELECT COUNT(*), COALESCE(SUM(CASE WHEN s.seen_at IS NULL THEN 1 ELSE 0 END), 0)" + from, sql)
                .getSingleResult();
        return new Counts(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** One page of the scope's items, unseen first; {@code unseenOnly} leaves the seen ones out. */
    Page<InboxItem> page(InboxScope scope, boolean unseenOnly, int first, int size) {
        int pageSize = Page.clampSize(size);
        int from = Math.max(0, first);
        InboxSql sql = new InboxSql();
        List<String> selects = selects(scope, sql);
        if (selects.isEmpty()) {
            return new Page<>(List.of(), 0, from, pageSize);
        }
        String items = sql.items(selects, scope.accountId()) + (unseenOnly ? " WHERE s.seen_at IS NULL" : "");
        List<InboxItem> rows = read(scope, query("SELECT " + InboxSql.itemColumns() + items + ORDER + " LIMIT " + pageSize
                + " OFFSET " + from, sql).getResultList());
        long total = ((Number) query("SELECT COUNT(*)" + items, sql).getSingleResult()).longValue();
        return new Page<>(rows, total, from, pageSize);
    }

    /** The item of that key in the scope's inbox now, if it is there. */
    Optional<InboxItem> find(InboxScope scope, InboxKey key) {
        InboxSource source = sources.stream().filter(s -> s.kind().equals(key.kind())).findFirst().orElse(null);
        if (source == null) {
            return Optional.empty();
        }
        InboxSql sql = new InboxSql();
        String select = source.select(scope, sql);
        if (select == null) {
            return Optional.empty();
        }
        String from = sql.items(List.of(select), scope.accountId());
        String where = " WHERE x.item_key = " + sql.bind(key.value());
        return read(scope, query("SELECT " + InboxSql.itemColumns() + from + where, sql).setMaxResults(1).getResultList())
                .stream().findFirst();
    }

    private List<String> selects(InboxScope scope, InboxSql sql) {
        List<String> selects = new ArrayList<>();
        for (InboxSource s : sources) {
            String select = s.select(scope, sql);
            if (select != null) {
                selects.add(select);
            }
        }
        return selects;
    }

    private Query query(String text, InboxSql sql) {
        Query q = em.createNativeQuery(text);
        List<Object> parameters = sql.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            q.setParameter(i + 1, parameters.get(i));
        }
        return q;
    }

    private List<InboxItem> read(InboxScope scope, List<?> rows) {
        List<InboxItem> items = new ArrayList<>(rows.size());
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            String kind = (String) r[1];
            long subject = ((Number) r[2]).longValue();
            InboxSource source = sources.stream().filter(s -> s.kind().equals(kind)).findFirst().orElseThrow();
            items.add(new InboxItem((String) r[0], kind, subject, text(r[3]), text(r[4]), text(r[5]), Columns.amount(r[6]), Columns.date(r[7]),
                    Columns.instant(r[8]), r[9] != null, source.page(scope, subject)));
        }
        return items;
    }

    record Counts(long total, long unseen) {
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
