package fr.essor.demo;

import fr.essor.model.account.UserAccount;
import fr.essor.model.committee.Decision;
import fr.essor.model.enterprise.Enterprise;
import fr.essor.model.followup.FollowUp;
import fr.essor.model.followup.FollowUpAnswer;
import fr.essor.model.followup.FollowUpChannel;
import fr.essor.model.followup.FollowUpMilestone;
import fr.essor.model.shared.Money;
import fr.essor.service.shared.Columns;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The demo's follow-up of funded enterprises (issue 13, item 4), one at each step: the vélos-cargos
 * file paid two months ago (planned, nothing due yet); La Fabrique Solidaire's mobile recyclerie paid
 * six months and twelve days ago (its first milestone due, the reminder sent: porteur@ answers it);
 * and four of Centre-Val de Loire's 2021 files: one answered at every milestone, one closed twenty
 * months after its funding, one whose three-year milestone is overdue, one closed after thirty-eight
 * months. Survival at three years comes out at 3 of 4. The older files' follow-ups are set directly:
 * their money predates the demo's conventions.
 */
final class DemoFollowUps {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String ADVISOR = "conseil@demo.essor";

    /** Makes a file of the enterprise approved at a session on that day and contracted; returns its decision. */
    interface ApprovedFile {
        Decision approve(Enterprise enterprise, List<UserAccount> members, LocalDateTime when);
    }

    private DemoFollowUps() {
    }

    static void load(EntityManager em, Enterprise fabrique, List<UserAccount> members, Instant now, ApprovedFile files) {
        LocalDate today = LocalDate.now(PARIS);
        em.flush();
        // the vélos-cargos file, paid out after its committee: planned as the morning sweep would
        List<?> cargo = em.createNativeQuery("SELECT ap.id, e.association_id, MIN(m.occurred_on),"
                        + " COALESCE(ap.jobs_created, 0) + COALESCE(ap.jobs_maintained, 0)"
                        + " FROM ledger_movement m JOIN allocation al ON al.id = m.allocation_id"
                        + " JOIN granted_line g ON g.id = al.granted_line_id JOIN decision d ON d.id = g.decision_id"
                        + " JOIN application ap ON ap.id = d.application_id JOIN enterprise e ON e.id = ap.enterprise_id"
                        + " WHERE m.kind = 'DISBURSEMENT' GROUP BY ap.id, e.association_id, ap.jobs_created, ap.jobs_maintained")
                .getResultList();
        for (Object o : cargo) {
            Object[] r = (Object[]) o;
            em.persist(FollowUp.plan(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), Columns.date(r[2]),
                    Columns.decimal(r[3]), now));
        }

        // the mobile recyclerie: its six-month milestone fell due twelve days ago, the reminder went out
        Decision recyclerie = files.approve(fabrique, members, today.minusMonths(7).atTime(17, 0));
        FollowUp due = FollowUp.plan(recyclerie.getApplication().getId(), fabrique.getAssociation().getId(),
                today.minusMonths(6).minusDays(12), declared(recyclerie), now);
        due.reminded(1, at(due.getMilestones().get(0).getDueDate(), 7));
        em.persist(due);

        // four of the 2021 files, five years on
        List<?> old = em.createNativeQuery("SELECT ap.id, e.association_id, d.decision_date,"
                        + " COALESCE(ap.jobs_created, 0) + COALESCE(ap.jobs_maintained, 0)"
                        + " FROM application ap JOIN enterprise e ON e.id = ap.enterprise_id"
                        + " JOIN decision d ON d.application_id = ap.id"
                        + " WHERE ap.status = 'CONTRACTED' AND d.outcome = 'APPROVED' AND d.decision_date < ?"
                        + " ORDER BY ap.id")
                .setParameter(1, LocalDate.of(2022, 1, 1)).setMaxResults(4).getResultList();
        for (int i = 0; i < old.size(); i++) {
            Object[] r = (Object[]) old.get(i);
            LocalDate funded = Columns.date(r[2]).plusDays(20);
            BigDecimal declared = Columns.decimal(r[3]);
            FollowUp f = FollowUp.plan(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), funded, declared, now);
            int answered = switch (i) {
                case 0, 3 -> 4;
                case 1 -> 2;
                default -> 3;
            };
            for (int seq = 1; seq <= answered; seq++) {
                FollowUpMilestone m = f.getMilestones().get(seq - 1);
                LocalDate on = m.getDueDate().plusDays(6);
                f.reminded(seq, at(m.getDueDate(), 7));
                BigDecimal jobs = declared.add(BigDecimal.valueOf(seq - 1)).setScale(2);
                f.answer(seq, new FollowUpAnswer(true, jobs, Money.of(BigDecimal.valueOf(60_000L + 15_000L * seq + 5_000L * i)),
                        seq == 2 ? "Trésorerie tendue en fin d'année." : null, null),
                        seq % 2 == 0 ? FollowUpChannel.VISIT : FollowUpChannel.CALL, ADVISOR, on, at(on, 10));
            }
            if (i == 1) {
                LocalDate closed = funded.plusMonths(20);
                f.close(closed, "Liquidation amiable : perte du principal client.", ADVISOR, closed.plusDays(9));
            } else if (i == 3) {
                LocalDate closed = funded.plusMonths(38);
                f.close(closed, "Cessation d'activité : départ en retraite de la gérante, sans repreneur.", ADVISOR,
                        closed.plusDays(15));
            }
            em.persist(f);
        }
        em.flush();
    }

    private static BigDecimal declared(Decision d) {
        BigDecimal created = d.getApplication().getJobsCreated();
        BigDecimal maintained = d.getApplication().getJobsMaintained();
        return (created == null ? BigDecimal.ZERO : created).add(maintained == null ? BigDecimal.ZERO : maintained);
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(PARIS).toInstant();
    }

}
