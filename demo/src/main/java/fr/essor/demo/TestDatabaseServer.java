package fr.essor.demo;

import fr.essor.service.config.ConfiguredDataSource;
import fr.essor.service.config.DatabaseBootstrap;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * TEST ONLY: lets the container tests that run as clients of the shared server read and check
 * what the application stored, on the embedded in-memory H2 database that lives inside the server.
 *
 * <p>When the test-only settings {@code essor.test.clean.database} is {@code true} and
 * {@code essor.test.h2.tcp.port} ({@code ESSOR_TEST_H2_TCP_PORT}) names a port, and the database is
 * the in-memory H2, H2's own TCP server is started on that port of the loopback interface (H2 refuses
 * other hosts unless told otherwise), so that the tests connect with
 * {@code jdbc:h2:tcp://127.0.0.1:<port>/mem:<name>}. On MariaDB the tests connect to the server
 * directly and nothing is started. Like {@link TestReset}, it lives in the demo module, which a
 * production war does not contain.
 */
@Singleton
@Startup
@DependsOn("DatabaseBootstrap")
public class TestDatabaseServer {

    /** The test-only setting naming the port. */
    static final String PORT_SETTING = "essor.test.h2.tcp.port";
    private static final Logger LOG = Logger.getLogger(TestDatabaseServer.class.getName());

    /** The running {@code org.h2.tools.Server}, or null. */
    private Object server;

    @PostConstruct
    void start() {
        Optional<Integer> port = ConfigProvider.getConfig().getOptionalValue(PORT_SETTING, Integer.class);
        String url = ConfigProvider.getConfig().getOptionalValue("essor.db.url", String.class).orElse("");
        if (port.isEmpty() || !DatabaseBootstrap.testCleanAllowed() || !url.startsWith("jdbc:h2:mem:")) {
            return;
        }
        try {
            // H2 as the application's data source loads it (Payara Micro's runtime), so that the TCP
            // server sees the same in-memory database
            Class<?> type = Class.forName("org.h2.tools.Server", true, ConfiguredDataSource.class.getClassLoader());
            Object created = type.getMethod("createTcpServer", String[].class)
                    .invoke(null, (Object) new String[] {"-tcpPort", String.valueOf(port.get())});
            server = type.getMethod("start").invoke(created);
            LOG.warning(() -> "Essor TEST ONLY: H2's TCP server on 127.0.0.1:" + port.get() + " for the container tests");
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.log(Level.WARNING, "Essor TEST ONLY: H2's TCP server could not start", e);
        }
    }

    @PreDestroy
    void stop() {
        if (server != null) {
            try {
                server.getClass().getMethod("stop").invoke(server);
            } catch (ReflectiveOperationException e) {
                LOG.log(Level.FINE, "H2's TCP server did not stop cleanly", e);
            }
            server = null;
        }
    }
}
