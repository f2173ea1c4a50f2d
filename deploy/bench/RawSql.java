import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times the raw SQL a request needs, straight over JDBC (no server, no ORM), for comparison with the
 * server's latency measured by wrk in the same run. A scenario file holds one or more requests
 * separated by a line {@code --- request}; a request is one or more statements ending with {@code ;}
 * at the end of a line. Each iteration runs the next request (cycling) and reads every column of
 * every row. Prints: scenario, iterations, mean, p50, p95 (ms) per request, statements per request.
 * {@code indicators:<year>} instead of a file times fr.essor.service.indicator.IndicatorQueries.compute
 * for the whole network (the JDBC code the server runs), if the service classes are on the class path.
 *
 * <p>java -cp mysql-connector-j.jar[:service classes and deps] RawSql.java url user password iterations scenario...
 */
public class RawSql {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        int iterations = Integer.parseInt(args[3]);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            for (int a = 4; a < args.length; a++) {
                run(c, args[a], iterations);
            }
        }
    }

    private static void run(Connection c, String scenario, int iterations) throws Exception {
        List<List<String>> requests = new ArrayList<>();
        String name;
        if (scenario.startsWith("indicators:")) {
            name = scenario;
            requests.add(List.of(scenario));
        } else {
            name = Path.of(scenario).getFileName().toString().replace(".sql", "");
            List<String> current = new ArrayList<>();
            StringBuilder sb = new StringBuilder();
            for (String line : Files.readAllLines(Path.of(scenario))) {
                if (line.startsWith("--- request")) {
                    if (!current.isEmpty()) {
                        requests.add(current);
                    }
                    current = new ArrayList<>();
                    continue;
                }
                if (line.startsWith("--") || line.isBlank()) {
                    continue;
                }
                sb.append(line).append('\n');
                if (line.stripTrailing().endsWith(";")) {
                    String sql = sb.toString().strip();
                    current.add(sql.substring(0, sql.length() - 1));
                    sb.setLength(0);
                }
            }
            if (!current.isEmpty()) {
                requests.add(current);
            }
        }
        int warmup = Math.max(5, iterations / 5);
        double[] times = new double[iterations];
        long statements = 0;
        for (int i = -warmup; i < iterations; i++) {
            List<String> request = requests.get(Math.floorMod(i, requests.size()));
            long t0 = System.nanoTime();
            for (String sql : request) {
                if (sql.startsWith("indicators:")) {
                    indicators(c, Integer.parseInt(sql.substring("indicators:".length())));
                } else {
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                        int n = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int k = 1; k <= n; k++) {
                                rs.getObject(k);
                            }
                        }
                    }
                }
            }
            long t1 = System.nanoTime();
            if (i >= 0) {
                times[i] = (t1 - t0) / 1e6;
                statements += request.size();
            }
        }
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(times).average().orElse(0);
        System.out.printf("RAW %-22s n=%-5d mean=%8.2f ms  p50=%8.2f ms  p95=%8.2f ms  statements/request=%.1f%n", name,
                iterations, mean, sorted[(int) (0.50 * (iterations - 1))], sorted[(int) Math.ceil(0.95 * (iterations - 1))],
                (double) statements / iterations);
    }

    /** The server's indicator code itself, over this plain JDBC connection: the SQL it needs, no more. */
    private static void indicators(Connection c, int year) throws Exception {
        Class<?> queries = Class.forName("fr.essor.service.indicator.IndicatorQueries");
        var compute = queries.getDeclaredMethod("compute", Connection.class, Long.class, String.class, int.class);
        compute.setAccessible(true);
        compute.invoke(null, c, null, null, year);
    }
}
