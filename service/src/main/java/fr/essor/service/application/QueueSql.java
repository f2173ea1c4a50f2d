package fr.essor.service.application;

import fr.essor.model.application.ApplicationStatus;
import fr.essor.model.enterprise.SearchTerms;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The SQL of the work queue, built from a scope and a filter. Plain SQL that H2 (MODE=LEGACY) and
 * MariaDB/MySQL both run: JPQL cannot apply LIKE to the reference, which is mapped through an
 * attribute converter, and cannot sum the requested lines of an element collection in a
 * correlated subquery. Every value is a bound parameter ({@code ?1}, {@code ?2}, ...); only the
 * page bounds, computed integers, are written into the text.
 */
final class QueueSql {

    /** Dates of the filter are days in the network's time zone; instants are stored in UTC. */
    static final ZoneId NETWORK_ZONE = ZoneId.of("Europe/Paris");

    /** The LIKE escape character: '!' rather than a backslash, which MariaDB and H2 read differently in literals. */
    private static final char ESCAPE = '!';

    private static final String FROM = " FROM application a JOIN enterprise e ON e.id = a.enterprise_id";

    /** A statement and its parameters, in order. */
    record Statement(String sql, List<Object> parameters) {
        Statement {
            parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
        }
    }

    private final List<String> clauses = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    /**
     * @param associationId the tenant, or null for the whole network
     * @param withStatuses false to leave the status criterion out (the counts per status)
     */
    QueueSql(Long associationId, QueueFilter filter, boolean withStatuses) {
        QueueFilter f = filter == null ? QueueFilter.any() : filter;
        clauses.add("a.status <> " + bind(ApplicationStatus.DRAFT.name()));
        if (associationId != null) {
            clauses.add("e.association_id = " + bind(associationId));
        }
        if (withStatuses && !f.statuses().isEmpty()) {
            clauses.add("a.status IN (" + f.statuses().stream().map(s -> bind(s.name())).collect(Collectors.joining(", ")) + ")");
        }
        if (f.stage() != null) {
            clauses.add("a.stage = " + bind(f.stage().name()));
        }
        if (f.instrument() != null) {
            // EXISTS, not a join: an application with two lines of the instrument is still one row
            clauses.add("EXISTS (SELECT 1 FROM application_line il WHERE il.application_id = a.id AND il.instrument = "
                    + bind(f.instrument().name()) + ")");
        }
        if (f.department() != null) {
            clauses.add("e.department = " + bind(f.department()));
        }
        if (f.unassigned()) {
            clauses.add("a.assigned_advisor_id IS NULL");
        } else if (f.advisorId() != null) {
            clauses.add("a.assigned_advisor_id = " + bind(f.advisorId()));
        }
        if (f.submittedFrom() != null) {
            clauses.add("a.submitted_at >= " + bind(startOf(f.submittedFrom())));
        }
        if (f.submittedTo() != null) {
            clauses.add("a.submitted_at < " + bind(startOf(f.submittedTo().plusDays(1))));
        }
        if (f.text() != null) {
            clauses.add(textClause(f.text()));
        }
    }

    /**
     * One page of rows, sorted, with the sum of the requested lines computed by the database. The page's
     * ids are chosen first in a derived table that reads only narrow indexes (ix_application_enterprise_status
     * for the default order and the status criteria), then only those rows are read in full: sorting the whole
     * scope's full rows to keep 25 cost a hundred milliseconds on a network-sized association.
     */
    Statement rows(QueueSort sort, int first, int size) {
        QueueSort s = sort == null ? QueueSort.DEFAULT : sort;
        String direction = s.ascending() ? "ASC" : "DESC";
        String order = " ORDER BY " + orderExpression(s.column()) + " " + direction + ", a.id " + direction;
        String advisor = " LEFT JOIN user_account u ON u.id = a.assigned_advisor_id";
        String sql = "SELECT a.id, a.reference, a.title, e.legal_name, e.siret, e.department, a.stage, a.status,"
                + " (SELECT SUM(l.amount) FROM application_line l WHERE l.application_id = a.id),"
                + " a.submitted_at, a.assigned_advisor_id, u.display_name, a.version"
                + FROM + advisor
                + " JOIN (SELECT a.id AS page_id" + FROM + (s.column() == QueueSort.Column.ADVISOR ? advisor : "")
                + where() + order + " LIMIT " + Math.max(1, size) + " OFFSET " + Math.max(0, first) + ") p ON p.page_id = a.id"
                + order;
        return new Statement(sql, parameters);
    }

    /**
     * The text criterion, read from indexes: the reference's beginning (the unique index on
     * {@code application.reference}), or, for every word typed, an enterprise term beginning with it
     * (a range of {@code enterprise_search_term}'s primary key per word). Text without any letter or
     * digit finds nothing rather than everything.
     */
    private String textClause(String text) {
        List<String> words = SearchTerms.query(text);
        String reference = "a.reference LIKE " + bind(escapeLike(text.strip().toUpperCase(Locale.ROOT)) + "%")
                + " ESCAPE '" + ESCAPE + "'";
        if (words.isEmpty()) {
            return reference;
        }
        String terms = words.stream()
                .map(w -> "e.id IN (SELECT t.enterprise_id FROM enterprise_search_term t WHERE t.term LIKE "
                        + bind(escapeLike(w) + "%") + " ESCAPE '" + ESCAPE + "')")
                .collect(Collectors.joining(" AND "));
        return "(" + reference + " OR (" + terms + "))";
    }

    Statement count() {
        return new Statement("SELECT COUNT(*)" + FROM + where(), parameters);
    }

    Statement countsByStatus() {
        return new Statement("SELECT a.status, COUNT(*)" + FROM + where() + " GROUP BY a.status", parameters);
    }

    private String where() {
        return " WHERE " + String.join(" AND ", clauses);
    }

    private String bind(Object value) {
        parameters.add(value);
        return "?" + parameters.size();
    }

    static String orderExpression(QueueSort.Column column) {
        return switch (column) {
            case REFERENCE -> "a.reference";
            case ENTERPRISE -> "e.legal_name";
            case STATUS -> statusOrder();
            case SUBMITTED_AT -> "a.submitted_at";
            case DEPARTMENT -> "e.department";
            case ADVISOR -> "u.display_name";
        };
    }

    /** Statuses sort in the order of the life of a file, not alphabetically. */
    private static String statusOrder() {
        StringBuilder sb = new StringBuilder("CASE a.status");
        for (ApplicationStatus s : ApplicationStatus.values()) {
            sb.append(" WHEN '").append(s.name()).append("' THEN ").append(s.ordinal());
        }
        return sb.append(" END").toString();
    }

    /** The UTC date-time, as stored, at which that day begins in the network's zone. */
    static LocalDateTime startOf(LocalDate day) {
        return LocalDateTime.ofInstant(day.atStartOfDay(NETWORK_ZONE).toInstant(), ZoneOffset.UTC);
    }

    static String escapeLike(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == ESCAPE || c == '%' || c == '_') {
                sb.append(ESCAPE);
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
