package fr.essor.web.it;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro running the war Maven built, shared by every client-side container test class
 * ({@link OnTheBuiltWar}) of the failsafe JVM, instead of one server per class.
 *
 * <p>Each class starts from the state of a fresh start, as with a server of its own: the first
 * class after a start gets the fresh server; every later class first asks the server's test-only
 * reset ({@code POST /test-only/reset}, in the demo module, refused unless the test-only setting
 * {@code ESSOR_TEST_CLEAN_DATABASE} is {@code true}) to empty and migrate the schema, evict
 * EclipseLink's shared cache, forget the login throttle and the credential cache and load the demo
 * data again. Where a reset is not allowed (a database of your own without
 * {@code -Dessor.it.clean.database=true}: the schema must not be dropped), the server is restarted
 * for each class instead, as before.
 *
 * <p>The server is stopped when a class that deploys its own server with Arquillian starts
 * ({@link SharedServerListener}), so that two servers never use one database at once, and when the
 * JVM exits. {@link SharedServerFirst} orders the classes so that the shared server starts once.
 */
final class SharedServer {

    /** The options of arquillian.xml's payara-micro-managed container. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Duser.timezone=UTC");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static Process process;
    private static URL base;
    private static Path log;
    /** True once a class has used the server: the next class needs a reset. */
    private static boolean used;
    private static boolean hooked;

    private SharedServer() {
    }

    /** The address of the shared server, in the state of a fresh start, for the class about to run. */
    static synchronized URL freshFor(Class<?> testClass) throws Exception {
        if (process != null && !process.isAlive()) {
            String tail = tail();
            stop();
            throw new IllegalStateException("The shared Payara Micro died; the end of " + log + ":\n" + tail);
        }
        if (process != null && used) {
            if (resetAllowed()) {
                reset(testClass);
            } else {
                System.out.println("Shared server: no test reset on this database (essor.it.clean.database is off), restarting it for "
                        + testClass.getSimpleName());
                stop();
            }
        }
        if (process == null) {
            start(testClass);
        }
        used = true;
        return base;
    }

    /** The address of the running shared server (for each test of a class, after {@link #freshFor}). */
    static synchronized URL base() {
        if (base == null) {
            throw new IllegalStateException("The shared server is not running");
        }
        return base;
    }

    /** Stops the shared server, if it runs. */
    static synchronized void stop() {
        if (process == null) {
            return;
        }
        Process p = process;
        process = null;
        base = null;
        used = false;
        p.destroy();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        System.out.println("Shared server: stopped");
    }

    /**
     * On the embedded in-memory H2 the database dies with the server: a reset is always safe. On any
     * other database only when the build asked for a clean schema ({@code essor.it.clean.database}).
     */
    private static boolean resetAllowed() {
        String url = String.valueOf(System.getenv("ESSOR_DB_URL"));
        return url.startsWith("jdbc:h2:mem:") || "true".equals(System.getenv("ESSOR_TEST_CLEAN_DATABASE"));
    }

    private static void reset(Class<?> testClass) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(Api.root(base) + "/test-only/reset"))
                .timeout(Duration.ofSeconds(300)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("The shared server's test reset answered " + r.statusCode() + " (see " + log + ")");
        }
        System.out.printf("Shared server: reset for %s in %.1f s (%s)%n", testClass.getSimpleName(),
                (System.nanoTime() - start) / 1e9, r.body().trim());
    }

    private static void start(Class<?> testClass) throws Exception {
        File microJar = new File(required("payara.microJar"));
        File war = new File(System.getProperty("essor.war", "target/essor.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Build the war first (mvn package): " + war.getAbsolutePath());
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", microJar.getAbsolutePath(), "--nohazelcast", "--prebootcommandfile",
                required("essor.bootcommands"), "--port", String.valueOf(port), "--deploy", war.getAbsolutePath()));
        ProcessBuilder builder = new ProcessBuilder(command);
        // the failsafe JVM's environment (ESSOR_DB_URL, ESSOR_SMTP_PORT...), as Arquillian passes it;
        // on the in-memory H2 the server may always reset its own database
        Map<String, String> env = builder.environment();
        String dbUrl = String.valueOf(env.get("ESSOR_DB_URL"));
        if (dbUrl.startsWith("jdbc:h2:mem:")) {
            env.put("ESSOR_TEST_CLEAN_DATABASE", "true");
            // the tests read the in-memory database inside the server through H2's TCP server there
            // (fr.essor.demo.TestDatabaseServer, test only)
            int h2Port = freePort();
            env.put("ESSOR_TEST_H2_TCP_PORT", String.valueOf(h2Port));
            System.setProperty(Sql.CLIENT_URL, dbUrl.replace("jdbc:h2:mem:", "jdbc:h2:tcp://127.0.0.1:" + h2Port + "/mem:"));
        } else {
            System.setProperty(Sql.CLIENT_URL, dbUrl);
        }
        log = Files.createTempFile(war.getParentFile().toPath(), "shared-server-", ".log");
        if (Boolean.getBoolean("essor.it.console")) {
            builder.inheritIO();
        } else {
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
        }
        long started = System.nanoTime();
        System.out.println("Shared server: starting Payara Micro on port " + port + " for " + testClass.getSimpleName()
                + " (log: " + log + ")");
        process = builder.start();
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(SharedServer::stop, "shared-server-stop"));
            hooked = true;
        }
        base = url("http://127.0.0.1:" + port + "/essor/");
        awaitStarted(started);
        System.out.printf("Shared server: ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitStarted(long started) throws Exception {
        URI login = URI.create(Api.root(base) + "/login.xhtml");
        long deadline = started + START_TIMEOUT.toNanos();
        int status = -1;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String tail = tail();
                stop();
                throw new IllegalStateException("Payara Micro stopped while starting; the end of " + log + ":\n" + tail);
            }
            try {
                status = HTTP.send(HttpRequest.newBuilder(login).timeout(Duration.ofSeconds(30)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
            } catch (IOException e) {
                status = -1;
            }
            Thread.sleep(500);
        }
        String tail = tail();
        stop();
        throw new IllegalStateException("Essor did not answer " + login + " within " + START_TIMEOUT.toSeconds()
                + " s (last status " + status + "); the end of " + log + ":\n" + tail);
    }

    private static String tail() {
        try {
            if (log == null || !Files.isRegularFile(log)) {
                return "(no log)";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set (failsafe sets it in web/pom.xml)");
        }
        return value;
    }

    private static URL url(String s) {
        try {
            return new URL(s);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(s, e);
        }
    }
}
