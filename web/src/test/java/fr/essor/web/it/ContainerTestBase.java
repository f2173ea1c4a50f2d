package fr.essor.web.it;

import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of a container test class that runs inside a server of its own, deployed by Arquillian:
 * the application's address, the {@link Api} and the {@link Pages} on it (French, the demo
 * password), and each test starting once the application answers. Such a class declares its own
 * {@code @Deployment} ({@link Deployments#builtWarWith}). A class that only runs as a client extends
 * {@link OnTheBuiltWar} instead, on the server all such classes share ({@link SharedServer}).
 */
@ExtendWith(ArquillianExtension.class)
abstract class ContainerTestBase {

    @ArquillianResource
    protected URL base;

    /** The REST API, called as demo users. */
    protected final Api api;

    /** The pages without a browser. */
    protected final Pages pages = new Pages(() -> base);

    protected ContainerTestBase() {
        this.api = new Api(() -> base);
    }

    /** For a class whose calls may each take up to {@code apiTimeout} (the busy paths under load). */
    protected ContainerTestBase(Duration apiTimeout) {
        this.api = new Api(() -> base).timeout(apiTimeout);
    }

    @BeforeEach
    void applicationReady() throws InterruptedException {
        Deployments.awaitReady(base);
    }
}
