package fr.essor.service.application;

import fr.essor.model.application.ApplicationStatus;
import fr.essor.model.application.Stage;
import fr.essor.service.shared.Page;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
                (String) r[5], Stage.valueOf((String) r[6]), ApplicationStatus.valueOf((String) r[7]), decimal(r[8]),
                instant(r[9]), r[10] == null ? null : ((Number) r[10]).longValue(), (String) r[11],
                ((Number) r[12]).longValue());
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return d.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** DATETIME columns hold UTC; drivers return them as LocalDateTime or Timestamp. */
    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp ts) {
            return ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected date-time type " + value.getClass().getName());
    }
}
