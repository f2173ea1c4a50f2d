package fr.essor.web.it;

import static fr.essor.web.it.Fixtures.ADVISOR;
import static fr.essor.web.it.Fixtures.ANALYSIS;
import static fr.essor.web.it.Fixtures.COMPLETE;
import static fr.essor.web.it.Fixtures.PDF;
import static fr.essor.web.it.Fixtures.PORTEUR;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/** Files applications through the API, the way the demo users would, for the tests that need one at a later step. */
final class Filing {

    private Filing() {
    }

    /** An application and the response to its analysis. */
    record Analysed(long id, HttpResponse<String> analysis) {
    }

    /**
     * A fresh complete application ({@link Fixtures#COMPLETE}) of porteur@ on their first enterprise,
     * with its business plan, submitted, taken in review by conseil@ and analysed ({@link Fixtures#ANALYSIS}).
     * Every step is asserted.
     */
    static Analysed analysed(Api api, String title) throws Exception {
        HttpResponse<String> mine = api.call(PORTEUR, "GET", "/enterprises/mine", null);
        assertEquals(200, mine.statusCode(), mine.body());
        long enterprise = Api.array(mine.body()).getJsonObject(0).getJsonNumber("id").longValue();
        HttpResponse<String> created = api.call(PORTEUR, "POST", "/applications",
                "{\"enterpriseId\":" + enterprise + ",\"title\":\"" + title + "\",\"stage\":\"CREATION\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject draft = Api.json(created);
        long id = draft.getJsonNumber("id").longValue();
        HttpResponse<String> put = api.call(PORTEUR, "PUT", "/applications/" + id,
                "{\"version\":" + draft.getJsonNumber("version") + "," + COMPLETE + "}");
        assertEquals(200, put.statusCode(), put.body());
        HttpResponse<String> doc = api.upload(PORTEUR, "/applications/" + id + "/documents?kind=BUSINESS_PLAN", "plan.pdf", PDF);
        assertEquals(201, doc.statusCode(), doc.body());
        HttpResponse<String> submitted = api.call(PORTEUR, "POST", "/applications/" + id + "/submit", null);
        assertEquals(200, submitted.statusCode(), submitted.body());
        HttpResponse<String> review = api.call(ADVISOR, "POST", "/applications/" + id + "/review?version="
                + Api.json(submitted).getJsonNumber("version"), null);
        assertEquals(200, review.statusCode(), review.body());
        HttpResponse<String> analysis = api.call(ADVISOR, "PUT", "/applications/" + id + "/instruction/analysis", ANALYSIS);
        assertEquals(200, analysis.statusCode(), analysis.body());
        return new Analysed(id, analysis);
    }
}
