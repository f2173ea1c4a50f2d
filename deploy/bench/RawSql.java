import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times the raw SQL a request needs, straight over JDBC (no server, no ORM), for comparison with the
 * server's latency measured by wrk in the same run. A scenario file holds one or more requests
 * separated by a line {@code --- request}; a request is one or more statements ending with {@code ;}
 * at the end of a line. Each iteration runs the next request (cycling) and reads every column of
 * every row. Prints: scenario, iterations, mean, p50, p95 (ms) per request, statements per request.
 * {@code indicators:<year>} instead of a file times fr.essor.service.indicator.IndicatorQueries.compute
 * for the whole network (the JDBC code the server runs), if the service classes are on the class path.
 * {@code national:<year>} and {@code trend:<from>:<to>} time fr.essor.service.indicator.NationalQueries (issue 12: the
 * associations, then their figures grouped by association and year, two statements) for one year and for a range
 * of years: what the server computes for the national head when none of those years is closed. {@code national:<year>}
 * then checks, once, that the associations' figures add up to the network's of IndicatorQueries.compute.
 * {@code allocations:<threads>:<seconds>:<file>} runs the allocation's minimal write transaction (issue 15:
 * the statements {@code AllocationService.allocate} sends, without HTTP, authentication or ORM) from that
 * many JDBC threads, each on its own connection, for that long, on random lines of the file (the lines of
 * run.sh's {@code alloc.txt}: "auth convention-id line-id"), 10.00 EUR each: the database's own limit for
 * the server's allocations benchmark. Prints transactions per second (committed and refused), and the
 * latency distribution.
 *
 * <p>java -cp mysql-connector-j.jar[:service classes and deps] RawSql.java url user password iterations scenario...
 */
public class RawSql {

    private static String url0;
    private static String user0;
    private static String password0;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        int iterations = Integer.parseInt(args[3]);
        url0 = url;
        user0 = user;
        password0 = password;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            for (int a = 4; a < args.length; a++) {
                run(c, args[a], iterations);
            }
        }
    }

    private static void run(Connection c, String scenario, int iterations) throws Exception {
        if (scenario.startsWith("allocations:")) {
            String[] p = scenario.split(":", 4);
            allocations(url0, user0, password0, Integer.parseInt(p[1]), Integer.parseInt(p[2]), p[3]);
            return;
        }
        List<List<String>> requests = new ArrayList<>();
        String name;
        if (scenario.startsWith("indicators:") || scenario.startsWith("national:") || scenario.startsWith("trend:")) {
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
                } else if (sql.startsWith("national:")) {
                    int y = Integer.parseInt(sql.substring("national:".length()));
                    national(c, y, y);
                } else if (sql.startsWith("trend:")) {
                    String[] p = sql.split(":");
                    national(c, Integer.parseInt(p[1]), Integer.parseInt(p[2]));
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
        if (scenario.startsWith("national:")) {
            checkNationalSum(c, Integer.parseInt(scenario.substring("national:".length())));
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

    /** The national head's figures (NationalQueries), the associations' rows for the years of [from, to]. */
    private static Object national(Connection c, int from, int to) throws Exception {
        Class<?> queries = Class.forName("fr.essor.service.indicator.NationalQueries");
        Object associations = queries.getMethod("associations", Connection.class).invoke(null, c);
        return queries.getMethod("byAssociationAndYear", Connection.class, List.class, int.class, int.class)
                .invoke(null, c, associations, from, to);
    }

    /** Prints the network's figures of IndicatorQueries.compute beside the sum of the associations' rows. */
    private static void checkNationalSum(Connection c, int year) throws Exception {
        @SuppressWarnings("unchecked")
        Map<Integer, List<Object>> all = (Map<Integer, List<Object>>) national(c, year, year);
        long advised = 0;
        long financed = 0;
        BigDecimal mobilised = BigDecimal.ZERO;
        BigDecimal granted = BigDecimal.ZERO;
        List<Object> rows = all.get(year);
        for (Object f : rows) {
            advised += (long) f.getClass().getMethod("advised").invoke(f);
            financed += (long) f.getClass().getMethod("financed").invoke(f);
            mobilised = mobilised.add((BigDecimal) f.getClass().getMethod("mobilised").invoke(f));
            granted = granted.add((BigDecimal) f.getClass().getMethod("granted").invoke(f));
        }
        Class<?> queries = Class.forName("fr.essor.service.indicator.IndicatorQueries");
        Object n = queries.getMethod("compute", Connection.class, Long.class, String.class, int.class).invoke(null, c, null, null, year);
        long nAdvised = (long) n.getClass().getMethod("advised").invoke(n);
        long nFinanced = (long) n.getClass().getMethod("financed").invoke(n);
        Object nMobilised = n.getClass().getMethod("mobilised").invoke(n);
        Object nGranted = n.getClass().getMethod("granted").invoke(n);
        boolean same = advised == nAdvised && financed == nFinanced && mobilised.compareTo((BigDecimal) nMobilised) == 0
                && granted.compareTo((BigDecimal) nGranted) == 0;
        System.out.printf("CHECK national %d: sum of the %d associations advised %d, financed %d, mobilised %s, granted %s;"
                + " network (IndicatorQueries) %d, %d, %s, %s: %s%n", year, rows.size(), advised, financed, mobilised.toPlainString(),
                granted.toPlainString(), nAdvised, nFinanced, nMobilised, nGranted, same ? "EQUAL" : "DIFFERENT");
    }

    // ---- the allocation's minimal write transaction, from many threads -------------------------------------

    /** The server's own SQL text: the constant {@code name} of the service class {@code type}. */
    private static String serverSql(String type, String name) throws ReflectiveOperationException {
        var constant = Class.forName(type).getDeclaredField(name);
        constant.setAccessible(true);
        return (String) constant.get(null);
    }

    private static final BigDecimal TEN = new BigDecimal("10.00");

    private static void allocations(String url, String user, String password, int threads, int seconds, String file)
            throws Exception {
        List<long[]> targets = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(file))) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3) {
                targets.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        String checks = serverSql("fr.essor.service.convention.AllocationService", "ALLOCATION_CHECKS");
        AtomicLong created = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<double[]> perThread = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            double[] times = new double[1 << 20];
            perThread.add(times);
            Thread w = new Thread(() -> {
                int n = 0;
                try (Connection c = DriverManager.getConnection(url, user, password)) {
                    c.setAutoCommit(false);
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    while (System.nanoTime() < end && n < times.length - 1) {
                        long[] target = targets.get(ThreadLocalRandom.current().nextInt(targets.size()));
                        long t0 = System.nanoTime();
                        try {
                            if (allocate(c, checks, target[0], target[1])) {
                                created.incrementAndGet();
                            } else {
                                refused.incrementAndGet();
                            }
                        } catch (SQLException e) {
                            c.rollback();
                            failed.incrementAndGet();
                        }
                        times[++n] = (System.nanoTime() - t0) / 1e6;
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                times[0] = n;
            });
            workers.add(w);
        }
        long t0 = System.nanoTime();
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        List<Double> all = new ArrayList<>();
        for (double[] times : perThread) {
            for (int i = 1; i <= (int) times[0]; i++) {
                all.add(times[i]);
            }
        }
        double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        long total = created.get() + refused.get() + failed.get();
        System.out.printf("RAW allocations %d JDBC threads, %.1f s: %d transactions (%d committed, %d refused by the"
                + " guard, %d failed), %.1f per second (%.1f committed per second); p50=%.2f ms p90=%.2f ms p99=%.2f ms;"
                + " 6 statements + commit per allocation%n", threads, elapsed, total, created.get(), refused.get(),
                failed.get(), total / elapsed, created.get() / elapsed, pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99));
    }

    private static double pct(double[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.ceil(p * (sorted.length - 1))];
    }

    /**
     * One allocation of 10.00 as the server makes it: the line's lock, the checks join, the convention's
     * conditional update (the guard), the allocation, its ledger movement and the audit event (unsealed), commit.
     * Returns false when the guard refused (rolled back). The rule checks' outcome is not evaluated here: the
     * benchmark's lines all pass them, and the cost is in the database.
     */
    private static boolean allocate(Connection c, String checksSql, long convention, long line) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT id FROM granted_line WHERE id = ? FOR UPDATE")) {
            lock.setLong(1, line);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
            }
        }
        try (PreparedStatement checks = c.prepareStatement(checksSql)) {
            checks.setLong(1, convention);
            checks.setLong(2, line);
            try (ResultSet rs = checks.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int k = 1; k <= n; k++) {
                        rs.getObject(k);
                    }
                }
            }
        }
        try (PreparedStatement guard = c.prepareStatement("UPDATE convention SET allocated = allocated + ? WHERE id = ?"
                + " AND amount - allocated + CASE WHEN revolving THEN repaid ELSE 0 END >= ?")) {
            guard.setBigDecimal(1, TEN);
            guard.setLong(2, convention);
            guard.setBigDecimal(3, TEN);
            if (guard.executeUpdate() != 1) {
                c.rollback();
                return false;
            }
        }
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
        Date today = Date.valueOf(LocalDate.now());
        long allocation;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO allocation (convention_id, granted_line_id, amount,"
                + " released, disbursed, called, status, allocated_on, created_by, created_at, version)"
                + " VALUES (?, ?, ?, 0, 0, 0, 'COMMITTED', ?, 'rawsql@bench.essor', ?, 1)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, convention);
            insert.setLong(2, line);
            insert.setBigDecimal(3, TEN);
            insert.setDate(4, today);
            insert.setTimestamp(5, now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                allocation = keys.getLong(1);
            }
        }
        try (PreparedStatement movement = c.prepareStatement("INSERT INTO ledger_movement (convention_id, allocation_id,"
                + " kind, amount, occurred_on, recorded_at, actor) VALUES (?, ?, 'ALLOCATION', ?, ?, ?, 'rawsql@bench.essor')")) {
            movement.setLong(1, convention);
            movement.setLong(2, allocation);
            movement.setBigDecimal(3, TEN);
            movement.setDate(4, today);
            movement.setTimestamp(5, now);
            movement.executeUpdate();
        }
        try (PreparedStatement audit = c.prepareStatement("INSERT INTO audit_event (occurred_at, actor, entity_type,"
                + " entity_id, action, summary) VALUES (?, 'rawsql@bench.essor', 'Allocation', ?, 'ALLOCATE', ?)")) {
            audit.setTimestamp(1, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
            audit.setString(2, Long.toString(allocation));
            audit.setString(3, "10.00 EUR of convention " + convention + " to line " + line + " (raw SQL benchmark)");
            audit.executeUpdate();
        }
        c.commit();
        return true;
    }
}
