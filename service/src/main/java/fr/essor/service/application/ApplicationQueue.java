package fr.essor.service.application;

import fr.essor.model.application.ApplicationStatus;
import fr.essor.model.application.Stage;
import fr.essor.service.shared.Columns;
import fr.essor.service.shared.Page;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The advisors' work queue as queries: one page costs two statements (rows, total) whatever its size,
 * one when a first page is not full; the counts per status one. It takes an explicit scope and
 * checks no permission: callers (such as {@link QueueService}) decide the scope. Not an EJB, so
 * that it cannot be called from outside the application.
 */
@Dependent
public class ApplicationQueue {

    @PersistenceContext(unitName = "essor")
    private EntityManager em;

    /**
     * @param associationId the association whose applications to list, or null for the whole network
     */
    public Page<QueueRow> page(Long associationId, QueueFilter filter, QueueSort sort, int first, int size) {
        int pageSize = Page.clampSize(size);
        int from = Math.max(0, first);
        QueueSql sql = new QueueSql(associationId, filter, true);
        List<?> result = query(sql.rows(sort, from, pageSize)).getResultList();
        List<QueueRow> rows = new ArrayList<>(result.size());
        for (Object r : result) {
            rows.add(row((Object[]) r));
        }
        long total = from == 0 && rows.size() < pageSize ? rows.size()
                : ((Number) query(sql.count()).getSingleResult()).longValue();
        return new Page<>(rows, total, from, pageSize);
    }

    /** How many applications of the scope match the filter, per status (the filter's own statuses ignored). */
    public Map<String, Long> countsByStatus(Long associationId, QueueFilter filter) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ApplicationStatus s : ApplicationStatus.values()) {
            if (s != ApplicationStatus.DRAFT) {
                counts.put(s.name(), 0L);
            }
        }
        for (Object r : query(new QueueSql(associationId, filter, false).countsByStatus()).getResultList()) {
            Object[] row = (Object[]) r;
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    private Query query(QueueSql.Statement statement) {
        Query q = em.createNativeQuery(statement.sql());
        List<Object> parameters = statement.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            q.setParameter(i + 1, parameters.get(i));
        }
        return q;
    }

    private static QueueRow row(Object[] r) {
        return new QueueRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], Stage.valueOf((String) r[6]), ApplicationStatus.valueOf((String) r[7]), Columns.amount(r[8]),
                Columns.instant(r[9]), r[10] == null ? null : ((Number) r[10]).longValue(), (String) r[11],
                ((Number) r[12]).longValue());
    }
}
