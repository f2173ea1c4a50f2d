package fr.essor.web.it;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Stops the {@link SharedServer} before a container test class that is not on it starts (one that
 * deploys its own server with Arquillian), so that two servers never share the database, and at the
 * end of the test plan. Registered through META-INF/services.
 */
public class SharedServerListener implements TestExecutionListener {

    @Override
    public void executionStarted(TestIdentifier id) {
        id.getSource().filter(ClassSource.class::isInstance).map(ClassSource.class::cast).ifPresent(source -> {
            Class<?> c;
            try {
                c = source.getJavaClass();
            } catch (RuntimeException e) {
                return;
            }
            if (c.getName().startsWith("fr.essor.web.it.") && c.getSimpleName().endsWith("IT")
                    && !OnTheBuiltWar.class.isAssignableFrom(c) && c.getEnclosingClass() == null) {
                SharedServer.stop();
            }
        });
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        SharedServer.stop();
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        // nothing: the next class decides whether the server is reset, kept or stopped
    }
}
