package fr.essor.web.it;

import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The base of a container test class that runs as a client ({@code @RunAsClient}): the war Maven
 * built, deployed once for the class. Arquillian reads the deployment on the superclass as on the
 * class.
 */
@RunAsClient
abstract class OnTheBuiltWar extends ContainerTestBase {

    protected OnTheBuiltWar() {
    }

    protected OnTheBuiltWar(Duration apiTimeout) {
        super(apiTimeout);
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }
}
