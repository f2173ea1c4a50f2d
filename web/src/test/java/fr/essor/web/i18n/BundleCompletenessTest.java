package fr.essor.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.service.audit.AuditAction;
import fr.essor.service.mail.MailKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BundleCompletenessTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundleCompletenessTest.class.getResourceAsStream("/fr/essor/web/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishHasExactlyTheKeysOfFrench() throws IOException {
        Set<String> fr = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
        Set<String> missingInEnglish = new TreeSet<>(fr);
        missingInEnglish.removeAll(en);
        Set<String> onlyInEnglish = new TreeSet<>(en);
        onlyInEnglish.removeAll(fr);
        assertEquals(Set.of(), missingInEnglish, "keys missing in English");
        assertEquals(Set.of(), onlyInEnglish, "keys missing in French");
    }

    @Test
    void frenchOverrideFileStaysEmptySoTheBaseBundleIsTheFrenchText() throws IOException {
        assertTrue(load("messages_fr.properties").isEmpty());
    }

    /** A key written twice is read as its last value: one page silently shows another page's text. */
    @Test
    void noKeyIsWrittenTwice() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_en.properties"}) {
            Set<String> seen = new TreeSet<>();
            Set<String> twice = new TreeSet<>();
            try (InputStream in = BundleCompletenessTest.class.getResourceAsStream("/fr/essor/web/i18n/" + file)) {
                new Properties() {
                    @Override
                    public synchronized Object put(Object key, Object value) {
                        if (!seen.add((String) key)) {
                            twice.add((String) key);
                        }
                        return super.put(key, value);
                    }
                }.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertEquals(Set.of(), twice, file + ": keys written twice");
        }
    }

    @Test
    void noMessageIsBlank() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties p = load(file);
            for (String key : p.stringPropertyNames()) {
                assertTrue(!p.getProperty(key).isBlank(), file + " " + key + " is blank");
            }
        }
    }

    @Test
    void everyAuditActionHasALabelForTheReaderOfTheTrail() throws IOException {
        Properties fr = load("messages.properties");
        Set<String> missing = new TreeSet<>();
        for (AuditAction action : AuditAction.values()) {
            if (!fr.containsKey("AuditAction." + action.name())) {
                missing.add(action.name());
            }
        }
        assertEquals(Set.of(), missing, "audit actions without a label (AuditAction.<NAME> in both bundles)");
    }

    @Test
    void everyMailKindHasALabelForThePageMyData() throws IOException {
        // "My data" lists every kind of mail by its label: a kind without one showed ???MailKind.X???
        Properties fr = load("messages.properties");
        Set<String> missing = new TreeSet<>();
        for (MailKind kind : MailKind.values()) {
            if (!fr.containsKey("MailKind." + kind.name())) {
                missing.add(kind.name());
            }
        }
        assertEquals(Set.of(), missing, "mail kinds without a label (MailKind.<NAME> in both bundles)");
    }
}
