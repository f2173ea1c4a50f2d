package fr.essor.web.it;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The order of the container test classes (failsafe's {@code junit.jupiter.testclass.order.default}):
 * the classes on the shared server ({@link OnTheBuiltWar}) first, then those that deploy a server of
 * their own with Arquillian (which stops the shared one, {@link SharedServerListener}); by name
 * within each group. Any order gives the same results; this one starts the shared server once.
 */
public class SharedServerFirst implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparing((ClassDescriptor d) -> OnTheBuiltWar.class.isAssignableFrom(d.getTestClass()) ? 0 : 1)
                .thenComparing(d -> d.getTestClass().getName()));
    }
}
