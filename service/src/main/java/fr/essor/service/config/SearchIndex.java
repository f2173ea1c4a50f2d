package fr.essor.service.config;

import fr.essor.model.enterprise.SearchTerms;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of {@code enterprise_search_term} for enterprises written by plain SQL rather than through the
 * {@code Enterprise} entity (which keeps its own terms): the enterprises that were there before the index
 * existed, and those the demo and network generators insert in bulk.
 */
public final class SearchIndex {

    private static final int BATCH = 1000;

    private SearchIndex() {
    }

    /**
     * Writes the terms of every enterprise that has none, in the caller's transaction (or auto-commit).
     *
     * @return the number of enterprises indexed
     */
    public static int indexMissing(Connection c) throws SQLException {
        record Row(long id, String name, String siret) {
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT e.id, e.legal_name, e.siret FROM enterprise e"
                + " WHERE NOT EXISTS (SELECT 1 FROM enterprise_search_term t WHERE t.enterprise_id = e.id)");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO enterprise_search_term (term, enterprise_id) VALUES (?, ?)")) {
            int pending = 0;
            for (Row row : rows) {
                for (String term : SearchTerms.of(row.name(), row.siret())) {
                    insert.setString(1, term);
                    insert.setLong(2, row.id());
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        return rows.size();
    }
}
