package fr.essor.demo;

import fr.essor.model.agreement.Agreement;
import fr.essor.model.agreement.AgreementContent;
import fr.essor.model.agreement.AgreementKind;
import fr.essor.model.agreement.AgreementTemplate;
import fr.essor.model.application.Application;
import fr.essor.model.application.ApplicationDocument;
import fr.essor.model.application.DocumentContent;
import fr.essor.model.application.DocumentKind;
import fr.essor.model.association.Association;
import fr.essor.model.committee.DecisionCondition;
import fr.essor.model.committee.GrantedLine;
import fr.essor.model.shared.Crypto;
import fr.essor.service.agreement.AgreementFields;
import fr.essor.service.agreement.AgreementPdf;
import fr.essor.service.agreement.DefaultTemplates;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Agreements in the demo (issue 13, item 2): every association's templates (the network's model texts,
 * version 1, in French and English); Coop'Vélo's contracted file <em>Vélos-cargos pour la livraison du
 * dernier kilomètre</em> with its two agreements signed; its approved file <em>Flotte de vélos-cargos
 * électriques</em> with its agreements generated, the grant's signed copy uploaded and waiting for
 * the advisor, the loan's still to sign.
 */
final class DemoAgreements {

    static final String SIGNED_FILE = "Vélos-cargos pour la livraison du dernier kilomètre";
    static final String GENERATED_FILE = "Flotte de vélos-cargos électriques";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String ADVISOR = "conseil@demo.essor";

    private DemoAgreements() {
    }

    static void load(EntityManager em, Instant now) {
        em.flush();
        Map<Long, Map<AgreementKind, AgreementTemplate>> french = new HashMap<>();
        for (Association a : em.createQuery("SELECT a FROM Association a ORDER BY a.id", Association.class).getResultList()) {
            Map<AgreementKind, AgreementTemplate> mine = new EnumMap<>(AgreementKind.class);
            for (AgreementKind kind : AgreementKind.values()) {
                for (String language : AgreementTemplate.LANGUAGES) {
                    AgreementTemplate t = AgreementTemplate.next(null, a, kind, language, DefaultTemplates.body(kind, language),
                            "system", now.minus(60, ChronoUnit.DAYS));
                    em.persist(t);
                    if ("fr".equals(language)) {
                        mine.put(kind, t);
                    }
                }
            }
            french.put(a.getId(), mine);
        }
        em.flush();

        Application signed = file(em, SIGNED_FILE);
        for (Agreement x : generate(em, signed, french.get(signed.association().getId()), now.minus(70, ChronoUnit.DAYS))) {
            upload(em, x, now.minus(68, ChronoUnit.DAYS));
            x.sign("Exemplaire signé conforme.", ADVISOR, now.minus(67, ChronoUnit.DAYS));
        }
        Application generated = file(em, GENERATED_FILE);
        for (Agreement x : generate(em, generated, french.get(generated.association().getId()), now.minus(3, ChronoUnit.DAYS))) {
            if (x.getKind() == AgreementKind.GRANT) {
                upload(em, x, now.minus(1, ChronoUnit.DAYS));
            }
        }
        em.flush();
    }

    private static Application file(EntityManager em, String title) {
        return em.createQuery("SELECT a FROM Application a WHERE a.title = :t", Application.class).setParameter("t", title)
                .getSingleResult();
    }

    private static List<Agreement> generate(EntityManager em, Application file, Map<AgreementKind, AgreementTemplate> templates,
                                            Instant at) {
        List<GrantedLine> lines = em.createQuery("SELECT g FROM GrantedLine g WHERE g.decision.application = :a"
                + " AND g.decision.outcome = fr.essor.model.application.DecisionOutcome.APPROVED ORDER BY g.lineNo", GrantedLine.class)
                .setParameter("a", file).getResultList();
        List<Agreement> made = new ArrayList<>();
        for (GrantedLine line : lines) {
            AgreementKind kind = AgreementKind.of(line.getLine().getInstrument());
            if (kind == null) {
                continue;
            }
            AgreementTemplate t = templates.get(kind);
            List<DecisionCondition> conditions = em.createQuery("SELECT c FROM DecisionCondition c WHERE c.decision = :d"
                    + " ORDER BY c.dueDate, c.id", DecisionCondition.class).setParameter("d", line.getDecision()).getResultList();
            byte[] pdf = AgreementPdf.pdf(t.getBody(), AgreementFields.of(line, conditions, t.getNumber(), Locale.FRENCH,
                    LocalDate.ofInstant(at, PARIS)), "Convention " + file.getReference());
            Agreement x = new Agreement(line, t, Crypto.sha256Hex(pdf), ADVISOR, at);
            em.persist(x);
            em.flush();
            em.persist(new AgreementContent(x.getId(), pdf));
            made.add(x);
        }
        return made;
    }

    /** The applicant's signed copy: the generated PDF itself stands for the scan. */
    private static void upload(EntityManager em, Agreement x, Instant at) {
        byte[] pdf = em.find(AgreementContent.class, x.getId()).getContent();
        Application file = x.getApplication();
        String owner = file.getEnterprise().getOwners().iterator().next().getEmail();
        ApplicationDocument copy = new ApplicationDocument(file, DocumentKind.OTHER, "convention-signee-" + x.getId() + ".pdf",
                "application/pdf", pdf.length, Crypto.sha256Hex(pdf), owner, at);
        em.persist(copy);
        em.flush();
        em.persist(new DocumentContent(copy.getId(), pdf));
        x.upload(copy.getId(), at);
    }
}
