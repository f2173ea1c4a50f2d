package fr.essor.web.it;

import fr.essor.model.shared.Siret;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The demo data's accounts and partners (DESIGN.md; every account's password is
 * {@link Api#DEMO_PASSWORD}) and the request bodies several container test classes file with.
 * Use with {@code import static fr.essor.web.it.Fixtures.*;}.
 */
final class Fixtures {

    static final String ADMIN = "admin@demo.essor";
    static final String ADVISOR = "conseil@demo.essor";
    static final String CHAIR = "comite@demo.essor";
    static final String M1 = "membre1@demo.essor";
    static final String M2 = "membre2@demo.essor";
    static final String M3 = "membre3@demo.essor";
    static final String PORTEUR = "porteur@demo.essor";
    static final String PORTEUR2 = "porteur2@demo.essor";
    static final String PARTNER_BDT = "partenaire@demo.essor";
    static final String PARTNER_REGION = "region@demo.essor";
    static final String BDT = "Banque des Territoires";
    static final String REGION = "Région Centre-Val de Loire";

    /** The rest of a complete application (after its enterprise, title and stage): an 8,000 EUR honour loan. */
    static final String COMPLETE = "\"description\":\"Une recyclerie\",\"territory\":\"Orléans\","
            + "\"lines\":[{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"8000.00\",\"durationMonths\":60}],"
            + "\"plan\":[{\"kind\":\"USE\",\"label\":\"Matériel\",\"amount\":\"8000.00\"},"
            + "{\"kind\":\"SOURCE\",\"label\":\"Prêt d'honneur\",\"amount\":\"8000.00\"}],"
            + "\"impact\":{\"jobsCreated\":\"2\",\"jobsMaintained\":\"1.5\",\"beneficiaries\":120,\"socialUtility\":\"Réemploi\"}";

    /** An advisor's analysis proposing the 8,000 EUR honour loan of {@link #COMPLETE}. */
    static final String ANALYSIS = "{\"scores\":{\"SOCIAL_UTILITY\":4,\"ECONOMIC_VIABILITY\":3,\"TEAM\":4,"
            + "\"FINANCIAL_STRUCTURE\":3,\"TERRITORIAL_ANCHORING\":5},\"strengths\":\"Équipe solide\","
            + "\"risks\":\"Trésorerie tendue\",\"recommendation\":\"Avis favorable\","
            + "\"proposedLines\":[{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"8000.00\",\"durationMonths\":60}]}";

    /** A tiny valid PDF, for a business plan or any other document. */
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    /** An address no other test uses: {@code prefix-1a2b3c4d@test.essor}. */
    static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.essor";
    }

    /**
     * A random SIRET that {@link Siret#isValid} accepts, whose first digit is {@code lead} (each class its own, so that
     * its enterprises are not the demo's nor another class's).
     */
    static String siret(char lead) {
        while (true) {
            String body = lead + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
            for (int check = 0; check <= 9; check++) {
                if (Siret.isValid(body + check)) {
                    return body + check;
                }
            }
        }
    }

    private Fixtures() {
    }
}
