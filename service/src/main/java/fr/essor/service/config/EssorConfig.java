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

    /**
     * {@code ESSOR_PUBLIC_URL}: the address at which users reach Essor, for the links of mails
     * (without a trailing slash).
     */
    @Inject
    @ConfigProperty(name = "essor.public.url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /**
     * {@code ESSOR_RETENTION_NIGHTLY}: whether the retention rules run every night (default on). The
     * container tests turn it off: they apply the rules on a date of their own, and a run crossing
     * the night must not see the demo's old files anonymised under it.
     */
    @Inject
    @ConfigProperty(name = "essor.retention.nightly", defaultValue = "true")
    boolean retentionNightly;

    /**
     * {@code ESSOR_NIGHTLY_RUNS}: whether the timed runs of each night and morning fire (default on):
     * instalments marked late (02:15), arrears (02:40), retention (03:30, also under
     * {@code ESSOR_RETENTION_NIGHTLY}), follow-up sweep (06:40), inbox digest (07:00). The container
     * tests turn them off: they run each of them on dates of their own through the API, and a test
     * server running at 07:00 must not mail a digest to every demo person under a test counting mails.
     */
    @Inject
    @ConfigProperty(name = "essor.nightly.runs", defaultValue = "true")
    boolean nightlyRuns;

    public boolean retentionNightly() {
        return retentionNightly && nightlyRuns;
    }

    public boolean nightlyRuns() {
        return nightlyRuns;
    }

    public String publicUrl() {
        String url = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.trim();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

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
