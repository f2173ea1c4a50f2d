package fr.essor.service.config;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The data source class behind {@code java:app/jdbc/essor}. Payara pools it; it picks the JDBC
 * driver from the URL, so that {@code ESSOR_DB_URL} alone chooses between the embedded H2 database
 * and MySQL/MariaDB (through MySQL Connector/J).
 */
public class ConfiguredDataSource implements DataSource {

    private String url;
    private String user;
    private String password;
    private int loginTimeout;
    private PrintWriter logWriter;
    private volatile Driver driver;

    public void setUrl(String url) {
        this.url = url;
    }

    public void setURL(String url) {
        this.url = url;
    }

    public String getUrl() {
        return url;
    }

    public void setUser(String user) {
        this.user = unresolvedAsEmpty(user);
    }

    public void setUserName(String user) {
        this.user = unresolvedAsEmpty(user);
    }

    public String getUser() {
        return user;
    }

    public void setPassword(String password) {
        this.password = unresolvedAsEmpty(password);
    }

    /**
     * MicroProfile Config treats an empty value as missing, and Payara then passes the placeholder
     * through unchanged; an empty password (MariaDB's root here) must stay empty.
     */
    private static String unresolvedAsEmpty(String value) {
        return value == null || value.startsWith("${MPCONFIG=") ? "" : value;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        Properties props = new Properties();
        if (username != null && !username.isEmpty()) {
            props.setProperty("user", username);
        }
        if (pass != null && !pass.isEmpty()) {
            props.setProperty("password", pass);
        }
        if (DatabaseKind.of(url) == DatabaseKind.MYSQL && !url.contains("useLocalSessionState")) {
            // Connector/J otherwise asks the server for the session's isolation level each time the pool
            // hands the connection out (one SELECT per transaction, three per queue request in the
            // benchmarks); every change of autocommit, isolation or read-only goes through JDBC here
            props.setProperty("useLocalSessionState", "true");
        }
        Connection connection = driver().connect(url, props);
        if (connection == null) {
            throw new SQLException("No driver accepts the URL " + DatabaseKind.describe(url));
        }
        return connection;
    }

    private Driver driver() throws SQLException {
        Driver d = driver;
        if (d == null) {
            String className = DatabaseKind.of(url).driverClass();
            try {
                d = (Driver) Class.forName(className, true, ConfiguredDataSource.class.getClassLoader())
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new SQLException("JDBC driver " + className + " is not available", e);
            }
            driver = d;
        }
        return d;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper of " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
