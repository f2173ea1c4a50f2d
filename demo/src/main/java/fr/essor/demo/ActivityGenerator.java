package fr.essor.demo;

import fr.essor.model.application.FinancingLine;
import fr.essor.model.application.Instrument;
import fr.essor.model.application.Stage;
import fr.essor.model.enterprise.LegalForm;
import fr.essor.model.shared.Money;
import fr.essor.model.shared.Siret;
import fr.essor.service.config.SearchIndex;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a year of activity of an association, deterministically from a seed: enterprises
 * advised (support records), files instructed and decided at closed committee sessions, with
 * granted lines whose "mobilised" total (granted amounts, bank loans for guarantees) comes out at
 * exactly the amount asked. Every line is built through {@link FinancingLine#of} and every SIRET
 * through {@link Siret}, so the data obeys the model's rules; rows are written with JDBC batches.
 */
public final class ActivityGenerator {

    /** What to generate: counts are distinct enterprises; {@code mobilisedCents} the exact total. */
    public record Plan(long associationId, String associationCode, String[] departments, int year, int advised,
                       int financed, long mobilisedCents, long committeeId, long advisorId, long[] memberIds, long seed) {
    }

    /** What was written. */
    public record Result(int enterprises, int applications, int sessions, int supportRecords, int lines,
                         long mobilisedCents) {
    }

    private static final String[] SECTORS = {"Réemploi et recyclerie", "Alimentation durable", "Mobilité douce",
        "Insertion par l'activité économique", "Culture et loisirs", "Services à la personne", "Habitat et énergie",
        "Agriculture biologique", "Numérique solidaire", "Tourisme social"};
    private static final String[] NAMES = {"Atelier", "Coopérative", "Ressourcerie", "Épicerie", "Jardins", "Tiers-lieu",
        "Fabrique", "Maison", "Comptoir", "Cuisine"};
    private static final String[] PLACES = {"du Val", "des Quais", "Solidaire", "Partagée", "du Centre", "de Loire",
        "des Possibles", "Citoyenne", "du Berry", "de Touraine"};
    private static final String[] CITIES = {"Bourges", "Chartres", "Châteauroux", "Tours", "Blois", "Orléans"};
    private static final String[] BANKS = {"Crédit Coopératif", "Crédit Agricole", "Banque Populaire", "Caisse d'Épargne",
        "Crédit Mutuel", "La Banque Postale"};
    private static final LegalForm[] FORMS = LegalForm.values();
    private static final Stage[] STAGES = {Stage.EMERGENCE, Stage.CREATION, Stage.CREATION, Stage.DEVELOPMENT,
        Stage.CONSOLIDATION, Stage.TRANSFORMATION};
    private static final String[] KINDS = {"DIAGNOSTIC", "FOLLOW_UP", "COLLECTIVE_WORKSHOP", "DLA"};

    private ActivityGenerator() {
    }

    public static Result generate(Connection c, Plan plan) throws SQLException {
        Random random = new Random(plan.seed());
        int year = plan.year();
        String actor = "generator@essor";
        Timestamp created = Timestamp.valueOf(LocalDateTime.of(year, 1, 2, 9, 0));

        // 1. enterprises: the first `financed` will be financed, all are advised
        List<Long> enterprises = new ArrayList<>();
        List<String> departmentOf = new ArrayList<>();
        List<LegalForm> formOf = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO enterprise (legal_name, siret, legal_form, esus_approved,"
                + " address_line, postal_code, city, department, sector, creation_date, employees_fte, association_id, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < plan.advised(); i++) {
                int d = random.nextInt(plan.departments().length);
                String department = plan.departments()[d];
                LegalForm form = FORMS[random.nextInt(FORMS.length)];
                ps.setString(1, NAMES[random.nextInt(NAMES.length)] + " " + PLACES[random.nextInt(PLACES.length)] + " "
                        + plan.associationCode() + "-" + year + "-" + (i + 1));
                ps.setString(2, siret(plan.seed(), year, i).value());
                ps.setString(3, form.name());
                ps.setBoolean(4, form != LegalForm.OTHER && random.nextInt(3) > 0);
                ps.setString(5, (1 + random.nextInt(120)) + " rue de la République");
                ps.setString(6, department + "000");
                ps.setString(7, CITIES[d % CITIES.length]);
                ps.setString(8, department);
                ps.setString(9, SECTORS[random.nextInt(SECTORS.length)]);
                ps.setDate(10, Date.valueOf(LocalDate.of(year - 1 - random.nextInt(8), 1 + random.nextInt(12), 1 + random.nextInt(28))));
                ps.setBigDecimal(11, BigDecimal.valueOf(random.nextInt(40), 1).add(BigDecimal.ONE).setScale(2));
                ps.setLong(12, plan.associationId());
                ps.executeUpdate();
                enterprises.add(key(ps));
                departmentOf.add(department);
                formOf.add(form);
            }
        }

        // 2. support records: each enterprise advised 1 to 4 times in the year
        int supports = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO support_record (enterprise_id, advisor_id, support_date, kind,"
                + " duration_minutes, notes, created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 0)")) {
            for (long enterprise : enterprises) {
                int n = 1 + random.nextInt(4);
                for (int k = 0; k < n; k++) {
                    ps.setLong(1, enterprise);
                    ps.setLong(2, plan.advisorId());
                    ps.setDate(3, Date.valueOf(LocalDate.of(year, 1, 1).plusDays(random.nextInt(365))));
                    ps.setString(4, KINDS[random.nextInt(KINDS.length)]);
                    ps.setInt(5, 30 * (1 + random.nextInt(8)));
                    ps.setString(6, null);
                    ps.setTimestamp(7, created);
                    ps.addBatch();
                    supports++;
                }
            }
            ps.executeBatch();
        }

        // 3. the lines of the financed files, adjusted so that "mobilised" is exact
        List<List<FinancingLine>> lines = lines(random, plan.financed(), plan.mobilisedCents());

        // 4. committee sessions: two a month, closed, everyone present
        int sessions = 24;
        List<Long> sessionIds = new ArrayList<>();
        List<LocalDateTime> sessionStart = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO committee_session (committee_id, starts_at, place, video_link,"
                + " status, opened_at, closed_at, version) VALUES (?, ?, ?, NULL, 'CLOSED', ?, ?, 0)", Statement.RETURN_GENERATED_KEYS);
             PreparedStatement att = c.prepareStatement("INSERT INTO session_attendance (session_id, account_id) VALUES (?, ?)")) {
            for (int s = 0; s < sessions; s++) {
                LocalDateTime start = LocalDate.of(year, 1 + s / 2, s % 2 == 0 ? 8 : 22).atTime(14, 0);
                ps.setLong(1, plan.committeeId());
                ps.setTimestamp(2, Timestamp.valueOf(start));
                ps.setString(3, CITIES[s % CITIES.length]);
                ps.setTimestamp(4, Timestamp.valueOf(start.minusHours(1)));
                ps.setTimestamp(5, Timestamp.valueOf(start.plusHours(2)));
                ps.executeUpdate();
                long id = key(ps);
                sessionIds.add(id);
                sessionStart.add(start);
                for (long m : plan.memberIds()) {
                    att.setLong(1, id);
                    att.setLong(2, m);
                    att.addBatch();
                }
            }
            att.executeBatch();
        }

        // 5. applications, agenda items, votes, decisions and granted lines
        int applications = 0;
        int lineCount = 0;
        int rejected = Math.min(plan.advised() - plan.financed(), Math.max(0, plan.financed() / 10));
        try (PreparedStatement app = c.prepareStatement("INSERT INTO application (reference, enterprise_id, title, stage, description,"
                + " status, assigned_advisor_id, created_at, submitted_at, decided_at, version, territory, jobs_created,"
                + " jobs_maintained, beneficiaries, social_utility) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS);
             PreparedStatement req = c.prepareStatement("INSERT INTO application_line (application_id, line_no, instrument, amount,"
                     + " duration_months, bank_name, bank_loan_amount, guaranteed_share) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement step = c.prepareStatement("INSERT INTO application_status_change (application_id, from_status,"
                     + " to_status, occurred_at, actor, comment_text, visible_to_applicant) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement item = c.prepareStatement("INSERT INTO agenda_item (session_id, application_id, position,"
                     + " presenter_id, version) VALUES (?, ?, ?, ?, 1)", Statement.RETURN_GENERATED_KEYS);
             PreparedStatement vote = c.prepareStatement("INSERT INTO committee_vote (item_id, member_id, choice, cast_at)"
                     + " VALUES (?, ?, ?, ?)");
             PreparedStatement dec = c.prepareStatement("INSERT INTO decision (application_id, outcome, conditions, reasons,"
                     + " decision_date, decided_at, decided_by, version, agenda_item_id) VALUES (?, ?, NULL, ?, ?, ?, ?, 0, ?)",
                     Statement.RETURN_GENERATED_KEYS);
             PreparedStatement granted = c.prepareStatement("INSERT INTO granted_line (decision_id, line_no, instrument, amount,"
                     + " duration_months, bank_name, bank_loan_amount, guaranteed_share) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int total = plan.financed() + rejected;
            int[] positions = new int[sessions];
            for (int f = 0; f < total; f++) {
                boolean approved = f < plan.financed();
                int s = (int) ((long) f * sessions / total);
                LocalDateTime start = sessionStart.get(s);
                Timestamp submitted = Timestamp.valueOf(start.minusDays(30 + random.nextInt(20)));
                Timestamp decided = Timestamp.valueOf(start.plusMinutes(10L + 5L * positions[s]));
                Stage stage = STAGES[random.nextInt(STAGES.length)];
                app.setString(1, String.format("%s-%d-%05d", plan.associationCode(), year, f + 1));
                app.setLong(2, enterprises.get(f));
                app.setString(3, "Projet " + (f + 1) + " — " + SECTORS[f % SECTORS.length]);
                app.setString(4, stage.name());
                app.setString(5, "Développement de l'activité et création d'emplois sur le territoire.");
                app.setString(6, approved ? "CONTRACTED" : "REJECTED");
                app.setLong(7, plan.advisorId());
                app.setTimestamp(8, Timestamp.valueOf(submitted.toLocalDateTime().minusDays(7)));
                app.setTimestamp(9, submitted);
                app.setTimestamp(10, decided);
                app.setString(11, departmentOf.get(f));
                app.setBigDecimal(12, BigDecimal.valueOf(random.nextInt(9), 0).divide(BigDecimal.valueOf(2)).setScale(2));
                app.setBigDecimal(13, BigDecimal.valueOf(random.nextInt(13), 0).divide(BigDecimal.valueOf(2)).setScale(2));
                app.setInt(14, 10 + random.nextInt(400));
                app.setString(15, "Utilité sociale et ancrage territorial.");
                app.executeUpdate();
                long appId = key(app);
                applications++;
                List<FinancingLine> own = approved ? lines.get(f) : List.of(FinancingLine.of(Instrument.HONOUR_LOAN,
                        Money.of(BigDecimal.valueOf(5000 + 500L * random.nextInt(20))), 60, null, null, null));
                for (int n = 0; n < own.size(); n++) {
                    bindLine(req, appId, n, own.get(n));
                    req.addBatch();
                }
                String[] path = approved
                        ? new String[] {null, "DRAFT", "SUBMITTED", "IN_REVIEW", "READY_FOR_COMMITTEE", "ON_AGENDA", "APPROVED", "CONTRACTED"}
                        : new String[] {null, "DRAFT", "SUBMITTED", "IN_REVIEW", "READY_FOR_COMMITTEE", "ON_AGENDA", "REJECTED"};
                for (int p = 1; p < path.length; p++) {
                    step.setLong(1, appId);
                    step.setString(2, path[p - 1]);
                    step.setString(3, path[p]);
                    LocalDateTime at = p <= 2 ? submitted.toLocalDateTime().minusDays(2 - p)
                            : p <= 5 ? submitted.toLocalDateTime().plusDays(3L * (p - 2))
                            : decided.toLocalDateTime().plusDays(p == 7 ? 20 : 0);
                    step.setTimestamp(4, Timestamp.valueOf(at));
                    step.setString(5, actor);
                    step.setString(6, "REJECTED".equals(path[p]) ? "Modèle économique à consolider." : null);
                    step.setBoolean(7, !"READY_FOR_COMMITTEE".equals(path[p]));
                    step.addBatch();
                }
                item.setLong(1, sessionIds.get(s));
                item.setLong(2, appId);
                item.setInt(3, ++positions[s]);
                item.setLong(4, plan.advisorId());
                item.executeUpdate();
                long itemId = key(item);
                for (long m : plan.memberIds()) {
                    vote.setLong(1, itemId);
                    vote.setLong(2, m);
                    vote.setString(3, approved ? (random.nextInt(6) == 0 ? "ABSTAIN" : "FOR") : "AGAINST");
                    vote.setTimestamp(4, decided);
                    vote.addBatch();
                }
                dec.setLong(1, appId);
                dec.setString(2, approved ? "APPROVED" : "REJECTED");
                dec.setString(3, approved ? null : "Modèle économique à consolider.");
                dec.setDate(4, Date.valueOf(start.toLocalDate()));
                dec.setTimestamp(5, decided);
                dec.setString(6, actor);
                dec.setLong(7, itemId);
                dec.executeUpdate();
                long decisionId = key(dec);
                if (approved) {
                    for (int n = 0; n < own.size(); n++) {
                        bindLine(granted, decisionId, n, own.get(n));
                        granted.addBatch();
                        lineCount++;
                    }
                }
            }
            req.executeBatch();
            step.executeBatch();
            vote.executeBatch();
            granted.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reference_counter (association_code, ref_year, next_value)"
                + " VALUES (?, ?, ?)")) {
            ps.setString(1, plan.associationCode());
            ps.setInt(2, year);
            ps.setLong(3, applications + 1L);
            ps.executeUpdate();
        }
        SearchIndex.indexMissing(c); // the queue's search terms, as the entity writes them
        return new Result(enterprises.size(), applications, sessions, supports, lineCount, plan.mobilisedCents());
    }

    /**
     * Lines for each financed file: mostly an honour loan, often a guarantee of a bank loan,
     * sometimes a grant. Bank loans are then adjusted, within the instruments' limits, so that the
     * mobilised total (amounts of non-guarantee lines plus the guaranteed bank loans) is exact.
     */
    static List<List<FinancingLine>> lines(Random random, int financed, long targetCents) {
        long[][] raw = new long[financed][];
        long total = 0;
        for (int f = 0; f < financed; f++) {
            long loan = random.nextInt(10) < 8 ? 100_00L * (30 + random.nextInt(91)) : 0;
            long bank = loan == 0 || random.nextInt(10) < 4 ? 1000_00L * (10 + random.nextInt(41)) : 0;
            long grant = random.nextInt(10) < 2 || (loan == 0 && bank == 0) ? 500_00L * (2 + random.nextInt(15)) : 0;
            int share = 50 + 10 * random.nextInt(4);
            raw[f] = new long[] {loan, bank, grant, share, 24 + 12 * random.nextInt(4), 60 + 12 * random.nextInt(4)};
            total += loan + bank + grant;
        }
        long diff = targetCents - total;
        List<Integer> guaranteed = new ArrayList<>();
        for (int f = 0; f < financed; f++) {
            if (raw[f][1] > 0) {
                guaranteed.add(f);
            }
        }
        if (guaranteed.isEmpty()) {
            throw new IllegalStateException("no guarantee line to adjust");
        }
        // spread the difference over the bank loans, 5,000.00 to 250,000.00 each (80 % of it ≤ 200,000.00)
        long min = 5_000_00L;
        long max = 250_000_00L;
        for (int pass = 0; pass < 50 && diff != 0; pass++) {
            int left = guaranteed.size();
            for (int f : guaranteed) {
                long share = left == 1 ? diff : diff / left;
                if (share == 0) {
                    // a few cents left over: the first line that can take them does
                    share = diff;
                }
                long next = Math.max(min, Math.min(max, raw[f][1] + share));
                diff -= next - raw[f][1];
                raw[f][1] = next;
                left--;
                if (diff == 0) {
                    break;
                }
            }
        }
        if (diff != 0) {
            throw new IllegalStateException("cannot reach the mobilised total, " + diff + " cents left");
        }
        List<List<FinancingLine>> result = new ArrayList<>();
        for (long[] r : raw) {
            List<FinancingLine> own = new ArrayList<>();
            if (r[0] > 0) {
                own.add(FinancingLine.of(Instrument.HONOUR_LOAN, cents(r[0]), (int) r[4], null, null, null));
            }
            if (r[1] > 0) {
                BigDecimal share = BigDecimal.valueOf(r[3]).setScale(2);
                Money loan = cents(r[1]);
                Money guaranteedAmount = loan.times(share.movePointLeft(2));
                own.add(FinancingLine.of(Instrument.GUARANTEE, guaranteedAmount, (int) r[5],
                        BANKS[(int) (r[1] / 100 % BANKS.length)], loan, share));
            }
            if (r[2] > 0) {
                own.add(FinancingLine.of(Instrument.GRANT, cents(r[2]), null, null, null, null));
            }
            result.add(own);
        }
        return result;
    }

    private static Money cents(long cents) {
        return Money.of(BigDecimal.valueOf(cents, 2));
    }

    private static void bindLine(PreparedStatement ps, long ownerId, int n, FinancingLine l) throws SQLException {
        ps.setLong(1, ownerId);
        ps.setInt(2, n);
        ps.setString(3, l.getInstrument().name());
        ps.setBigDecimal(4, l.getAmount().amount());
        if (l.getDurationMonths() == null) {
            ps.setNull(5, Types.INTEGER);
        } else {
            ps.setInt(5, l.getDurationMonths());
        }
        ps.setString(6, l.getBankName());
        ps.setBigDecimal(7, l.getBankLoanAmount() == null ? null : l.getBankLoanAmount().amount());
        ps.setBigDecimal(8, l.getGuaranteedShare());
    }

    /** A valid SIRET, unique per (seed, year, index), in a range that real demo data does not use. */
    static Siret siret(long seed, int year, int index) {
        long base = 900_000_000_000L + Math.floorMod(seed, 1000L) * 1_000_000_000L + Math.floorMod(year, 100) * 10_000_000L
                + index;
        String body = String.format("%013d", base % 10_000_000_000_000L);
        for (int check = 0; check < 10; check++) {
            String candidate = body + check;
            if (Siret.isValid(candidate)) {
                return Siret.of(candidate);
            }
        }
        throw new IllegalStateException("no Luhn key for " + body);
    }

    private static long key(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }
}
