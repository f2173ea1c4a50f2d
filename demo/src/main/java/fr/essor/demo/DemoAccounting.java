package fr.essor.demo;

import fr.essor.model.accounting.AccountMapping;
import fr.essor.model.accounting.ChartOfAccounts;
import fr.essor.model.accounting.MappingKey;
import fr.essor.model.accounting.Posting;
import fr.essor.model.application.Instrument;
import fr.essor.model.association.Association;
import fr.essor.model.convention.MovementKind;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Issue 14, item 5: the demo's charts of accounts. Centre-Val de Loire keeps the default chart; Bretagne has its
 * own: its bank account at the Caisse Solidaire (5121), participative loans apart (2748) from honour loans (2743).
 */
final class DemoAccounting {

    private static final String BANK = "5121";
    private static final String BANK_LABEL = "Caisse Solidaire de Bretagne";
    private static final String BQ = "BQCS";
    private static final String BQ_LABEL = "Banque Caisse Solidaire";

    private DemoAccounting() {
    }

    static void chartOfBretagne(EntityManager em, Association bzh, Instant now) {
        Map<MappingKey, Posting> m = new LinkedHashMap<>();
        m.put(MappingKey.of(MovementKind.ALLOCATION), new Posting("801", "Engagements de financement donnés", "809",
                "Contrepartie des engagements donnés", "ENG", "Engagements"));
        m.put(MappingKey.of(MovementKind.RELEASE), new Posting("809", "Contrepartie des engagements donnés", "801",
                "Engagements de financement donnés", "ENG", "Engagements"));
        m.put(MappingKey.of(MovementKind.DISBURSEMENT), new Posting("2743", "Prêts d'honneur", BANK, BANK_LABEL, BQ, BQ_LABEL));
        m.put(MappingKey.of(MovementKind.DISBURSEMENT, Instrument.QUASI_EQUITY), new Posting("2748", "Prêts participatifs",
                BANK, BANK_LABEL, BQ, BQ_LABEL));
        m.put(MappingKey.of(MovementKind.DISBURSEMENT, Instrument.GRANT), new Posting("6574", "Subventions versées", BANK,
                BANK_LABEL, BQ, BQ_LABEL));
        m.put(MappingKey.of(MovementKind.REPAYMENT), new Posting(BANK, BANK_LABEL, "2743", "Prêts d'honneur", BQ, BQ_LABEL));
        m.put(MappingKey.of(MovementKind.REPAYMENT, Instrument.QUASI_EQUITY), new Posting(BANK, BANK_LABEL, "2748",
                "Prêts participatifs", BQ, BQ_LABEL));
        m.put(MappingKey.of(MovementKind.WRITE_OFF), new Posting("654", "Pertes sur créances irrécouvrables", "2743",
                "Prêts d'honneur", "OD", "Opérations diverses"));
        m.put(MappingKey.of(MovementKind.GUARANTEE_CALL), new Posting("4678", "Créances sur appels en garantie", BANK,
                BANK_LABEL, BQ, BQ_LABEL));
        m.put(MappingKey.of(MovementKind.RECOVERY), new Posting(BANK, BANK_LABEL, "7714", "Rentrées sur créances amorties",
                BQ, BQ_LABEL));
        m.put(MappingKey.of(MovementKind.GUARANTEE_COMMISSION), new Posting(BANK, BANK_LABEL, "706", "Commissions de garantie",
                BQ, BQ_LABEL));
        m.put(MappingKey.of(MovementKind.GUARANTEE_RECOVERY), new Posting(BANK, BANK_LABEL, "4678",
                "Créances sur appels en garantie", BQ, BQ_LABEL));
        ChartOfAccounts chart = ChartOfAccounts.of(m);
        chart.lines().forEach((k, p) -> em.persist(new AccountMapping(bzh, k, p, "admin-bzh@demo.essor", now)));
    }
}
