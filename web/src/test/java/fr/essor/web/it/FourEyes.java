package fr.essor.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;

/** The CVL association's four-eyes threshold, set by the national admin through the API (issue 13). */
final class FourEyes {

    /** The threshold every association starts with (V25). */
    static final String DEFAULT = "10000.00";

    private FourEyes() {
    }

    /** A test's steps. */
    interface Steps {
        void run() throws Exception;
    }

    /**
     * Runs the steps of a test that moves more than {@link #DEFAULT} but is not about four eyes (a guarantee call, a
     * release) with the threshold out of their way (1,000,000.00), then puts the default back, whatever happened.
     */
    static void raisedFor(Api api, Steps steps) throws Exception {
        threshold(api, "1000000.00");
        try {
            steps.run();
        } finally {
            threshold(api, DEFAULT);
        }
    }

    static void threshold(Api api, String amount) throws Exception {
        long cvl = Sql.count(Sql.ds(), "SELECT id FROM association WHERE code = 'CVL'");
        HttpResponse<String> r = api.call(Fixtures.ADMIN, "PUT", "/approvals/thresholds/" + cvl, "{\"threshold\":\"" + amount + "\"}");
        assertEquals(200, r.statusCode(), r.body());
    }
}
