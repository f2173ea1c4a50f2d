package fr.essor.web.it;

import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * The base of a container test class that runs as a client: the war Maven built, on the one
 * Payara Micro that all such classes share ({@link SharedServer}), reset to the state of a fresh
 * start (fresh schema, demo data) before the class's first test. The application's address, the
 * {@link Api} and the {@link Pages} on it (French, the demo password), and each test starting once
 * the application answers, as in {@link ContainerTestBase}.
 */
abstract class OnTheBuiltWar {

    /** The application's address, set before each test. */
    protected URL base;

    /** The REST API, called as demo users. */
    protected final Api api;

    /** The pages without a browser. */
    protected final Pages pages = new Pages(() -> base);

    protected OnTheBuiltWar() {
        this.api = new Api(() -> base);
    }

    /** For a class whose calls may each take up to {@code apiTimeout} (the busy paths under load). */
    protected OnTheBuiltWar(Duration apiTimeout) {
        this.api = new Api(() -> base).timeout(apiTimeout);
    }

    @BeforeAll
    static void onTheSharedServer(TestInfo info) throws Exception {
        SharedServer.freshFor(info.getTestClass().orElseThrow());
    }

    @BeforeEach
    void applicationReady() throws InterruptedException {
        base = SharedServer.base();
        Deployments.awaitReady(base);
    }
}
