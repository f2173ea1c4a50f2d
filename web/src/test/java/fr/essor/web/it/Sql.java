package fr.essor.web.it;

import static fr.essor.web.it.Fixtures.ADVISOR;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Plain JDBC reads and writes for the container tests, to check what was really stored: on the
 * application's own data source inside the server, or, for a class that runs as a client of the
 * shared server ({@link OnTheBuiltWar}), on a connection of its own to the same database (MariaDB
 * directly; the embedded in-memory H2 through the TCP server that the test-only
 * {@code fr.essor.demo.TestDatabaseServer} starts inside the shared server).
 */
final class Sql {

    /** The system property that {@link SharedServer} sets to the address of its database, for the clients. */
    static final String CLIENT_URL = "essor.it.client.jdbc.url";

    private Sql() {
    }

    /** The application's database: its data source inside the server, a client connection outside. */
    static DataSource ds() throws NamingException {
        String clientUrl = System.getProperty(CLIENT_URL);
        if (clientUrl != null) {
            return new ClientDataSource(clientUrl, System.getenv("ESSOR_DB_USER"), System.getenv("ESSOR_DB_PASSWORD"));
        }
        return InitialContext.doLookup("java:app/jdbc/essor");
    }

    /** {@link #ds()} for a field initialiser. */
    static DataSource database() {
        try {
            return ds();
        } catch (NamingException e) {
            throw new IllegalStateException("The application's data source is not bound", e);
        }
    }

    static long count(DataSource ds, String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String string(DataSource ds, String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static BigDecimal decimal(DataSource ds, String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    static int update(DataSource ds, String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    /**
     * Inserts an active account of the association with the one role, named "Test " and its address; it signs in with
     * the demo password (it takes the demo advisor's hash). Returns its id.
     */
    static long account(DataSource ds, String email, long association, String role) throws SQLException {
        update(ds, "INSERT INTO user_account (email, display_name, password_hash, association_id, active, created_at,"
                + " version) SELECT ?, ?, password_hash, ?, TRUE, created_at, 0 FROM user_account WHERE email = ?",
                email, "Test " + email, association, ADVISOR);
        long id = count(ds, "SELECT id FROM user_account WHERE email = ?", email);
        update(ds, "INSERT INTO account_role (account_id, role) VALUES (?, ?)", id, role);
        return id;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    /** Connections of the test JVM's own to the database of the shared server. */
    private record ClientDataSource(String url, String user, String password) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            return getConnection(user, password);
        }

        @Override
        public Connection getConnection(String username, String pass) throws SQLException {
            return DriverManager.getConnection(url, username == null ? "" : username, pass == null ? "" : pass);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // no log
        }

        @Override
        public void setLoginTimeout(int seconds) {
            DriverManager.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() {
            return DriverManager.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("Not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
