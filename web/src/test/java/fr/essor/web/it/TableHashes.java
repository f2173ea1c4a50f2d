package fr.essor.web.it;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * What the database holds, per table: the number of rows and a SHA-256 of all of them, in any
 * order (each row is hashed, the row hashes are sorted, then hashed together), so that two
 * snapshots taken before and after a request tell whether it stored anything. Plain JDBC over the
 * database metadata: the same code on H2 (schema PUBLIC) and on MariaDB (the connection's catalog).
 */
final class TableHashes {

    /** One table's figures. */
    record Figures(long rows, String sha256) {
    }

    private final Map<String, Figures> tables;

    private TableHashes(Map<String, Figures> tables) {
        this.tables = tables;
    }

    static TableHashes of(DataSource ds) throws SQLException {
        Map<String, Figures> result = new TreeMap<>();
        try (Connection c = ds.getConnection()) {
            for (String table : tables(c)) {
                result.put(table.toLowerCase(Locale.ROOT), figures(c, table));
            }
        }
        return new TableHashes(result);
    }

    Map<String, Figures> tables() {
        return tables;
    }

    /** The tables whose count or hash differ from the other snapshot's, with both figures; empty when none. */
    List<String> differences(TableHashes after, Set<String> ignored) {
        Set<String> names = new TreeSet<>(tables.keySet());
        names.addAll(after.tables.keySet());
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            if (ignored.contains(name)) {
                continue;
            }
            Figures a = tables.get(name);
            Figures b = after.tables.get(name);
            if (!Objects.equals(a, b)) {
                changed.add(name + " " + describe(a) + " -> " + describe(b));
            }
        }
        return changed;
    }

    long totalRows() {
        return tables.values().stream().mapToLong(Figures::rows).sum();
    }

    private static String describe(Figures f) {
        return f == null ? "(none)" : f.rows() + " rows " + f.sha256().substring(0, 12);
    }

    private static List<String> tables(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        boolean h2 = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
        List<String> names = new ArrayList<>();
        try (ResultSet rs = h2 ? meta.getTables(null, "PUBLIC", "%", new String[] {"TABLE", "BASE TABLE"})
                : meta.getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("No table found in " + meta.getDatabaseProductName());
        }
        return names;
    }

    private static Figures figures(Connection c, String table) throws SQLException {
        List<String> rowHashes = new ArrayList<>();
        String quoted = c.getMetaData().getIdentifierQuoteString().trim();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + quoted + table + quoted)) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            while (rs.next()) {
                MessageDigest row = sha256();
                for (int i = 1; i <= n; i++) {
                    byte[] value = switch (md.getColumnType(i)) {
                        case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> rs.getBytes(i);
                        default -> {
                            String s = rs.getString(i);
                            yield s == null ? null : s.getBytes(StandardCharsets.UTF_8);
                        }
                    };
                    row.update(md.getColumnLabel(i).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
                    row.update(value == null ? new byte[] {0} : sha256().digest(value));
                }
                rowHashes.add(HexFormat.of().formatHex(row.digest()));
            }
        }
        rowHashes.sort(null);
        MessageDigest all = sha256();
        for (String h : rowHashes) {
            all.update(h.getBytes(StandardCharsets.US_ASCII));
        }
        return new Figures(rowHashes.size(), HexFormat.of().formatHex(all.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
