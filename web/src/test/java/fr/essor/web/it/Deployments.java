package fr.essor.web.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment of the container tests: the very war that Maven built (so that tests exercise
 * what ships), plus the test classes when they run inside the server.
 */
final class Deployments {

    private Deployments() {
    }

    static WebArchive builtWar() {
        File war = new File(System.getProperty("essor.war", "target/essor.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Build the war first (mvn package): " + war.getAbsolutePath());
        }
        return ShrinkWrap.create(ZipImporter.class, "essor.war").importFrom(war).as(WebArchive.class);
    }

    private static final Set<String> READY = ConcurrentHashMap.newKeySet();
    private static final Map<String, String> FAILED = new ConcurrentHashMap<>();

    /**
     * Waits until the deployed application answers its login page. Under load the Arquillian
     * adapter can report the server ready a moment before the application is.
     */
    static void awaitReady(URL base) throws InterruptedException {
        String url = base.toString().replace("//localhost:", "//127.0.0.1:").replaceAll("/$", "") + "/login.xhtml";
        if (READY.contains(url)) {
            return;
        }
        if (FAILED.containsKey(url)) {
            // once is enough: do not wait again for every test of a class whose deployment failed
            throw new IllegalStateException(FAILED.get(url));
        }
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        int status = -1;
        while (System.nanoTime() < deadline) {
            try {
                status = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    READY.add(url);
                    return;
                }
            } catch (IOException e) {
                status = -1;
            }
            Thread.sleep(500);
        }
        String failure = "Essor did not answer " + url + " within 120 s (last status " + status + ")";
        FAILED.put(url, failure);
        throw new IllegalStateException(failure);
    }

    /**
     * The war with in-container test classes, and the test kit they may use ({@link Api}, {@link Filing}, {@link Fixtures}, {@link Pdfs}, {@link Sql},
     * this class).
     */
    static WebArchive builtWarWith(Class<?>... testClasses) {
        return builtWar().addClasses(ContainerTestBase.class, Api.class, Filing.class, Filing.Analysed.class, Fixtures.class, Pages.class, Pdfs.class, Sql.class, Deployments.class).addClasses(testClasses);
    }
}
