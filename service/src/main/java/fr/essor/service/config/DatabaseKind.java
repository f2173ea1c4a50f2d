package fr.essor.service.config;

import java.util.Locale;

/** The databases Essor runs on, told apart by their JDBC URL. */
public enum DatabaseKind {
    H2("org.h2.Driver"),
    MYSQL("com.mysql.cj.jdbc.Driver");

    private final String driverClass;

    DatabaseKind(String driverClass) {
        this.driverClass = driverClass;
    }

    public String driverClass() {
        return driverClass;
    }

    public static DatabaseKind of(String url) {
        String u = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (u.startsWith("jdbc:mysql:") || u.startsWith("jdbc:mariadb:")) {
            return MYSQL;
        }
        throw new IllegalArgumentException("Unsupported database URL (expected jdbc:h2: or jdbc:mysql:): " + describe(url));
    }

    /** The URL without its query parameters, which may hold a password. */
    public static String describe(String url) {
        if (url == null) {
            return "(none)";
        }
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
