package fr.essor.service.agreement;

import fr.essor.model.agreement.AgreementKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The network's model texts of the three agreements, in French and English: what the demo loads for
 * its associations, and what the administrator's page offers for a template an association has not
 * written yet.
 */
public final class DefaultTemplates {

    private DefaultTemplates() {
    }

    /** The model text of that kind of agreement in that language ({@code fr} or {@code en}). */
    public static String body(AgreementKind kind, String language) {
        String name = "default-" + kind.name().toLowerCase(Locale.ROOT) + "_" + language + ".txt";
        try (InputStream in = DefaultTemplates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no default template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
