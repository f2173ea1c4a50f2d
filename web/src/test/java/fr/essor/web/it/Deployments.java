package fr.essor.web.it;

import java.io.File;
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

    static WebArchive builtWarWith(Class<?>... testClasses) {
        return builtWar().addClasses(testClasses);
    }
}
