package fr.essor.service.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Essor's settings from MicroProfile Config; environment variables override the defaults. */
@ApplicationScoped
public class EssorConfig {

    /** {@code ESSOR_DEMO_DATA}: {@code auto} (on for the embedded database only), {@code true} or {@code false}. */
    @Inject
    @ConfigProperty(name = "essor.demo.data", defaultValue = "auto")
    String demoData;

    public boolean demoDataWanted(DatabaseKind kind) {
        String v = demoData == null ? "auto" : demoData.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "on", "yes", "1" -> true;
            case "false", "off", "no", "0" -> false;
            default -> kind == DatabaseKind.H2;
        };
    }

    public String demoDataSetting() {
        return demoData;
    }
}
