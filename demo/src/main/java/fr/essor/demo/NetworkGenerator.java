package fr.essor.demo;

import fr.essor.model.application.FinancingLine;
import fr.essor.model.application.Instrument;
import fr.essor.model.application.Stage;
import fr.essor.model.arrears.ArrearsBucket;
import fr.essor.model.convention.GraceInterest;
import fr.essor.model.convention.GuaranteedLoan;
import fr.essor.model.convention.LoanProduct;
import fr.essor.model.convention.LoanSchedule;
import fr.essor.model.convention.LoanTerms;
import fr.essor.model.convention.RepaymentFrequency;
import fr.essor.model.enterprise.LegalForm;
import fr.essor.model.shared.Money;
import fr.essor.model.shared.Siret;
import fr.essor.service.config.SearchIndex;
import fr.essor.service.security.PasswordHasher;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.flywaydb.core.Flyway;

/**
 * Generates the data of a whole network for benchmarks, deterministically from a seed: associations
 * with their departments, advisors, committees and closed sessions; ten years of enterprises,
 * advice, applications in every status with their history, agenda items, decisions and granted
 * lines; conventions of a national partner and of each region, allocations, disbursements,
 * releases, repayment schedules, repayments and guarantee calls, with the ledger that mirrors them.
 *
 * <p>Every invariant of the model holds: lines are built through {@link FinancingLine#of}, statuses
 * follow the state machine (the history holds every step), only approved decisions have granted
 * lines, an allocation never exceeds its line, a convention's amount covers what is allocated on it,
 * disbursed + released never exceed an allocation, instalments sum to what was disbursed, and every
 * column of {@code allocation} equals the sum of its ledger movements. Ids are assigned here so that
 * every table is written with JDBC batches (use {@code rewriteBatchedStatements=true} on MySQL/MariaDB);
 * the database must be empty (schema only). Votes are not generated (a closed session's decisions stand
 * without them).
 *
 * <p>Benchmark accounts (password {@value #PASSWORD}): {@code admin@bench.essor}, advisors
 * {@code advisor1.naa@bench.essor} … {@code advisor4.nbi@bench.essor} (advisor1 to 3 sit on their committee),
 * {@code partner@bench.essor} (the national partner: one convention per association, NAT-NAA … the largest
 * ones) and {@code region.naa@bench.essor} …. Each association also has a convention BENCH-NAx (honour
 * loans of the last year, nothing allocated yet) and approved, unallocated honour-loan lines of the last
 * autumn for the allocation benchmark.
 *
 * <p>Loans (issue 14, from a second random stream per association, so that the rest of the network is
 * drawn as before): about one honour loan in eight is a participative loan (quasi-equity under the
 * {@code PARTICIPATIVE} product of V24, 36–84 months, a rate of 1.5–3.5 % and a grace of 0–12 months, its
 * terms checked by {@link LoanProduct#offer}); every loan's schedule is {@link LoanSchedule#compute}'s
 * (honour loans: 0 %, no product, as before). The first four loans of each association that can be, then
 * one in twenty-five, are left unpaid from an instalment that puts them in the next arrears bucket in turn
 * (1–30, 31–90, 91–180, over 180 days on {@code today}); one guarantee in ten (not called) has its bank loan
 * recorded as {@code GuaranteedLoan.record} would: amortisation, quota, commission and its
 * {@code GUARANTEE_COMMISSION} movement.
 */
public final class NetworkGenerator {

    public static final String PASSWORD = "essor-bench";

    /** The size of the network; {@code today} fixes what is past, so that the data never depends on the clock. */
    public record Scale(int associations, int firstYear, int years, int applicationsPerYear, long seed, LocalDate today) {
        public int lastYear() {
            return firstYear + years - 1;
        }

        public static Scale network(long seed) {
            return new Scale(35, 2017, 10, 857, seed, LocalDate.of(2026, 11, 15));
        }
    }

    private static final String[] SECTORS = {"Réemploi et recyclerie", "Alimentation durable", "Mobilité douce",
        "Insertion par l'activité économique", "Culture et loisirs", "Services à la personne", "Habitat et énergie",
        "Agriculture biologique", "Numérique solidaire", "Tourisme social"};
    private static final String[] NAMES = {"Atelier", "Coopérative", "Ressourcerie", "Épicerie", "Jardins", "Tiers-lieu",
        "Fabrique", "Maison", "Comptoir", "Cuisine", "Garage", "Librairie"};
    private static final String[] PLACES = {"du Val", "des Quais", "Solidaire", "Partagée", "du Centre", "de la Vallée",
        "des Possibles", "Citoyenne", "du Bocage", "des Collines", "du Port", "des Halles"};
    private static final String[] BANKS = {"Crédit Coopératif", "Crédit Agricole", "Banque Populaire", "Caisse d'Épargne",
        "Crédit Mutuel", "La Banque Postale"};
    private static final LegalForm[] FORMS = LegalForm.values();
    private static final Stage[] STAGES = {Stage.EMERGENCE, Stage.CREATION, Stage.CREATION, Stage.DEVELOPMENT,
        Stage.CONSOLIDATION, Stage.TRANSFORMATION};
    private static final String[] SUPPORT_KINDS = {"DIAGNOSTIC", "FOLLOW_UP", "COLLECTIVE_WORKSHOP", "DLA"};
    private static final int ADVISORS = 4;
    private static final String ACTOR = "generator@bench.essor";

    private final Connection c;
    private final Scale scale;
    private final String passwordHash;
    private final Map<String, Batch> batches = new LinkedHashMap<>();
    private final Map<String, Long> ids = new LinkedHashMap<>();
    private final Timestamp loadedAt;

    private NetworkGenerator(Connection c, Scale scale) {
        this.c = c;
        this.scale = scale;
        this.passwordHash = PasswordHasher.hash(PASSWORD.toCharArray());
        this.loadedAt = Timestamp.valueOf(scale.today().atTime(6, 0));
        // declared parents first: batches are flushed in this order
        batch("association", "INSERT INTO association (id, code, name, region, active, version) VALUES (?, ?, ?, ?, TRUE, 0)");
        batch("association_department", "INSERT INTO association_department (association_id, department) VALUES (?, ?)");
        batch("partner", "INSERT INTO partner (id, name, kind, version) VALUES (?, ?, ?, 0)");
        batch("user_account", "INSERT INTO user_account (id, email, display_name, password_hash, association_id, partner_id,"
                + " active, created_at, preferred_locale, version) VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, 'fr', 0)");
        batch("account_role", "INSERT INTO account_role (account_id, role) VALUES (?, ?)");
        batch("committee", "INSERT INTO committee (id, association_id, name, quorum, active, version) VALUES (?, ?, ?, 2, TRUE, 0)");
        batch("committee_member", "INSERT INTO committee_member (id, committee_id, account_id, member_role) VALUES (?, ?, ?, ?)");
        batch("committee_session", "INSERT INTO committee_session (id, committee_id, starts_at, place, video_link, status,"
                + " opened_at, closed_at, version) VALUES (?, ?, ?, ?, NULL, 'CLOSED', ?, ?, 0)");
        batch("session_attendance", "INSERT INTO session_attendance (session_id, account_id) VALUES (?, ?)");
        batch("convention", "INSERT INTO convention (id, reference, partner_id, association_id, kind, period_start, period_end,"
                + " amount, status, revolving, target_advised, target_financed, target_jobs, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', FALSE, ?, ?, ?, 0)");
        batch("convention_instrument", "INSERT INTO convention_instrument (convention_id, instrument) VALUES (?, ?)");
        batch("enterprise", "INSERT INTO enterprise (id, legal_name, siret, legal_form, esus_approved, address_line,"
                + " postal_code, city, department, sector, creation_date, employees_fte, association_id, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)");
        batch("support_record", "INSERT INTO support_record (enterprise_id, advisor_id, support_date, kind, duration_minutes,"
                + " notes, created_at, version) VALUES (?, ?, ?, ?, ?, NULL, ?, 0)");
        batch("application", "INSERT INTO application (id, reference, enterprise_id, title, stage, description, status,"
                + " assigned_advisor_id, created_at, submitted_at, decided_at, version, territory, jobs_created,"
                + " jobs_maintained, beneficiaries, social_utility) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)");
        batch("application_line", "INSERT INTO application_line (application_id, line_no, instrument, amount,"
                + " duration_months, bank_name, bank_loan_amount, guaranteed_share) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        batch("application_status_change", "INSERT INTO application_status_change (application_id, from_status, to_status,"
                + " occurred_at, actor, comment_text, visible_to_applicant) VALUES (?, ?, ?, ?, ?, ?, ?)");
        batch("agenda_item", "INSERT INTO agenda_item (id, session_id, application_id, position, presenter_id, version)"
                + " VALUES (?, ?, ?, ?, ?, 1)");
        batch("decision", "INSERT INTO decision (id, application_id, outcome, conditions, reasons, decision_date, decided_at,"
                + " decided_by, version, agenda_item_id) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, 0, ?)");
        batch("granted_line", "INSERT INTO granted_line (id, decision_id, line_no, instrument, amount, duration_months,"
                + " bank_name, bank_loan_amount, guaranteed_share) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        batch("allocation", "INSERT INTO allocation (id, convention_id, granted_line_id, amount, released, disbursed, called,"
                + " status, allocated_on, created_by, created_at, version, loan_product_id, annual_rate, term_months, grace_months)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)");
        batch("guaranteed_loan", "INSERT INTO guaranteed_loan (id, version, allocation_id, bank_name, amount, annual_rate,"
                + " duration_months, start_date, end_date, quota, guaranteed, commission_rate, commission, status, recorded_by,"
                + " recorded_at) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?)");
        batch("guaranteed_loan_line", "INSERT INTO guaranteed_loan_line (loan_id, number, due_date, capital, interest, remaining)"
                + " VALUES (?, ?, ?, ?, ?, ?)");
        batch("ledger_movement", "INSERT INTO ledger_movement (convention_id, allocation_id, kind, amount, occurred_on,"
                + " recorded_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?)");
        batch("instalment", "INSERT INTO instalment (id, allocation_id, number, due_date, amount, paid_on, status,"
                + " capital, interest, paid_capital, paid_interest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        batch("reference_counter", "INSERT INTO reference_counter (association_code, ref_year, next_value) VALUES (?, ?, ?)");
    }

    /** Generates the network in an empty schema; commits per association and year. Returns rows per table. */
    public static Map<String, Long> generate(Connection c, Scale scale) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        NetworkGenerator g = new NetworkGenerator(c, scale);
        long indexed;
        try {
            g.run();
            // the queue's search terms of the enterprises written above (the entity would have written them)
            SearchIndex.indexMissing(c);
            c.commit();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM enterprise_search_term")) {
                rs.next();
                indexed = rs.getLong(1);
            }
        } finally {
            for (Batch b : g.batches.values()) {
                b.ps.close();
            }
            c.setAutoCommit(auto);
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        g.batches.forEach((table, b) -> rows.put(table, b.rows));
        rows.put("enterprise_search_term", indexed);
        return rows;
    }

    // ---- the network ---------------------------------------------------------------------------

    private long nationalPartner;
    private long adminAccount;

    private void run() throws SQLException {
        participative = product("PARTICIPATIVE");
        nationalPartner = next("partner");
        add("partner", nationalPartner, "Fonds national de l'économie solidaire", "PUBLIC_BANK");
        long partnerAccount = next("user_account");
        add("user_account", partnerAccount, "partner@bench.essor", "Paula Partenaire nationale", passwordHash, null,
                nationalPartner, loadedAt);
        add("account_role", partnerAccount, "PARTNER");
        adminAccount = next("user_account");
        add("user_account", adminAccount, "admin@bench.essor", "Adam Administrateur", passwordHash, null, null, loadedAt);
        add("account_role", adminAccount, "ADMIN");
        flush();
        for (int a = 1; a <= scale.associations(); a++) {
            association(a);
        }
    }

    /** What the generator keeps of an association while it writes its years. */
    private final class Assoc {
        long id;
        String code;
        String[] departments;
        long[] advisors = new long[ADVISORS];
        long committee;
        long nat;
        long reg;
        long bench;
        List<LocalDate> sessionDates = new ArrayList<>();
        List<Long> sessionIds = new ArrayList<>();
        int[] positions;
        List<long[]> enterprises = new ArrayList<>(); // id, department index, legal form ordinal
        long natAllocated;
        long regAllocated;
        int enterpriseCounter;
        /** A second stream for the loans' products, arrears and bank loans, so that the rest stays as it was. */
        Random loans;
        /** Loans put late on purpose so far, and the arrears bucket the next one is put in (index of LATE_BUCKETS). */
        int placedLate;
        int nextBucket;
    }

    private void association(int index) throws SQLException {
        Random r = new Random(scale.seed() * 1_000_003L + index);
        Assoc as = new Assoc();
        as.loans = new Random(scale.seed() * 7_000_003L + 31L * index);
        as.id = next("association");
        as.code = code(index);
        add("association", as.id, as.code, "Association " + as.code, "Région " + as.code);
        as.departments = new String[] {department(2 * index - 1), department(2 * index)};
        for (String d : as.departments) {
            add("association_department", as.id, d);
        }
        long region = next("partner");
        add("partner", region, "Région " + as.code, "REGION");
        long regionAccount = next("user_account");
        add("user_account", regionAccount, "region." + as.code.toLowerCase() + "@bench.essor", "Partenaire région " + as.code,
                passwordHash, null, region, loadedAt);
        add("account_role", regionAccount, "PARTNER");
        as.committee = next("committee");
        for (int k = 0; k < ADVISORS; k++) {
            long id = next("user_account");
            as.advisors[k] = id;
            add("user_account", id, "advisor" + (k + 1) + "." + as.code.toLowerCase() + "@bench.essor",
                    "Conseiller " + (k + 1) + " " + as.code, passwordHash, as.id, null, loadedAt);
            add("account_role", id, "ADVISOR");
            if (k < 3) {
                add("account_role", id, "COMMITTEE_MEMBER");
            }
        }
        add("committee", as.committee, as.id, "Comité d'engagement " + as.code);
        for (int k = 0; k < 3; k++) {
            add("committee_member", next("committee_member"), as.committee, as.advisors[k], k == 0 ? "CHAIR" : "MEMBER");
        }
        // sessions on the 8th and the 22nd of every month up to today, all closed
        for (int y = scale.firstYear(); y <= scale.lastYear(); y++) {
            for (int m = 1; m <= 12; m++) {
                for (int day : new int[] {8, 22}) {
                    LocalDate d = LocalDate.of(y, m, day);
                    if (d.isAfter(scale.today())) {
                        continue;
                    }
                    long id = next("committee_session");
                    LocalDateTime start = d.atTime(14, 0);
                    add("committee_session", id, as.committee, ts(start), "Salle du conseil", ts(start.minusMinutes(5)),
                            ts(start.plusHours(3)));
                    for (int k = 0; k < 3; k++) {
                        add("session_attendance", id, as.advisors[k]);
                    }
                    as.sessionDates.add(d);
                    as.sessionIds.add(id);
                }
            }
        }
        as.positions = new int[as.sessionIds.size()];
        LocalDate start = LocalDate.of(scale.firstYear(), 1, 1);
        LocalDate end = LocalDate.of(scale.lastYear(), 12, 31);
        as.nat = convention("NAT-" + as.code, nationalPartner, as.id, "FINANCING_FUND", start, end, null,
                Instrument.HONOUR_LOAN, Instrument.GRANT, Instrument.QUASI_EQUITY);
        as.reg = convention("REG-" + as.code, region, as.id, "FINANCING_FUND", start, end, null, Instrument.GUARANTEE);
        as.bench = convention("BENCH-" + as.code, nationalPartner, as.id, "FINANCING_FUND",
                LocalDate.of(scale.lastYear(), 1, 1), end, 25_000_00L, Instrument.HONOUR_LOAN);
        long ops = next("convention");
        add("convention", ops, "OPS-" + as.code + "-" + scale.lastYear(), region, as.id, "OPERATING_SUPPORT",
                date(LocalDate.of(scale.lastYear(), 1, 1)), date(end), money(120_000_00L), scale.applicationsPerYear(),
                scale.applicationsPerYear() / 2, new BigDecimal("400.00"));
        flush();
        for (int y = scale.firstYear(); y <= scale.lastYear(); y++) {
            year(as, r, y);
            flush();
        }
        // the national and regional envelopes cover what was allocated on them, with 5 % left
        try (PreparedStatement ps = c.prepareStatement("UPDATE convention SET amount = ? WHERE id = ?")) {
            for (long[] pair : new long[][] {{as.nat, as.natAllocated}, {as.reg, as.regAllocated}}) {
                long cents = Math.max(100_000_00L, (pair[1] * 105 / 100 + 99_999) / 100_000 * 100_000);
                ps.setBigDecimal(1, money(cents));
                ps.setLong(2, pair[0]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        // the running totals the allocation guard keeps on the convention's row (issue 15), from the ledger
        try (PreparedStatement ps = c.prepareStatement(CONVENTION_TOTALS + " WHERE association_id = ?")) {
            ps.setLong(1, as.id);
            ps.executeUpdate();
        }
        c.commit();
    }

    /** Sets every convention's kept totals to its ledger's sums (as migration V15 does). */
    static final String CONVENTION_TOTALS = "UPDATE convention SET"
            + " allocated = (SELECT COALESCE(SUM(CASE m.kind WHEN 'ALLOCATION' THEN m.amount WHEN 'RELEASE' THEN -m.amount"
            + " ELSE 0 END), 0) FROM ledger_movement m WHERE m.convention_id = convention.id),"
            + " repaid = (SELECT COALESCE(SUM(CASE WHEN m.kind = 'REPAYMENT' THEN m.amount ELSE 0 END), 0)"
            + " FROM ledger_movement m WHERE m.convention_id = convention.id)";

    private long convention(String reference, long partner, long association, String kind, LocalDate from, LocalDate to,
                            Long cents, Instrument... instruments) throws SQLException {
        long id = next("convention");
        add("convention", id, reference, partner, association, kind, date(from), date(to),
                money(cents == null ? 100_00L : cents), null, null, null);
        for (Instrument i : instruments) {
            add("convention_instrument", id, i.name());
        }
        return id;
    }

    // ---- one year of one association -------------------------------------------------------------

    private void year(Assoc as, Random r, int y) throws SQLException {
        LocalDate today = scale.today();
        int count = scale.applicationsPerYear() + r.nextInt(scale.applicationsPerYear() / 10 + 1)
                - scale.applicationsPerYear() / 20;
        LocalDate first = LocalDate.of(y, 1, 1);
        int days = y == scale.lastYear() ? (int) (today.toEpochDay() - first.toEpochDay()) : first.lengthOfYear();
        int reference = 0;
        for (int n = 0; n < count; n++) {
            LocalDate submittedDay = first.plusDays(r.nextInt(days));
            // an enterprise: new (4 in 5) or one the association already knows
            long[] ent;
            boolean fresh = as.enterprises.isEmpty() || r.nextInt(5) > 0;
            if (fresh) {
                ent = enterprise(as, r, y);
            } else {
                ent = as.enterprises.get(r.nextInt(as.enterprises.size()));
            }
            long advisor = as.advisors[r.nextInt(ADVISORS)];
            int supports = fresh ? 1 + r.nextInt(3) : 1;
            for (int k = 0; k < supports; k++) {
                LocalDate d = submittedDay.minusDays(r.nextInt(60));
                add("support_record", ent[0], advisor, date(d), SUPPORT_KINDS[r.nextInt(SUPPORT_KINDS.length)],
                        30 * (1 + r.nextInt(8)), ts(d.atTime(10, 0)));
            }
            long appId = next("application");
            String ref = String.format("%s-%d-%05d", as.code, y, ++reference);
            List<FinancingLine> lines = participative(as.loans, lines(r));
            Stage stage = STAGES[r.nextInt(STAGES.length)];
            LocalDateTime submitted = submittedDay.atTime(9 + r.nextInt(9), r.nextInt(60));
            LocalDateTime created = submitted.minusDays(3 + r.nextInt(20));

            // where the file stands: a session 20 days or more after submission decided it, if it was held
            int s = sessionAfter(as, submittedDay.plusDays(20));
            int outcome = r.nextInt(100); // < 8 withdrawn, < 25 rejected, else approved
            List<String> path = new ArrayList<>(List.of("DRAFT", "SUBMITTED", "IN_REVIEW"));
            String status;
            boolean decided = s >= 0 && outcome >= 8;
            if (y == scale.lastYear() && r.nextInt(100) < 3 && !decided) {
                path = new ArrayList<>(List.of("DRAFT"));
                submitted = null;
                status = "DRAFT";
            } else if (s < 0 || (outcome < 8 && as.sessionDates.get(s).isAfter(today.minusDays(30)))) {
                // in progress: somewhere between submission and the committee
                int stepCount = Math.min(5, 2 + r.nextInt(4));
                String[] open = {"DRAFT", "SUBMITTED", "IN_REVIEW", r.nextBoolean() ? "INFO_REQUESTED" : "READY_FOR_COMMITTEE"};
                path = new ArrayList<>(List.of(open).subList(0, Math.min(open.length, stepCount)));
                status = path.get(path.size() - 1);
                decided = false;
            } else if (outcome < 8) {
                path.add("WITHDRAWN");
                status = "WITHDRAWN";
            } else {
                path.add("READY_FOR_COMMITTEE");
                path.add("ON_AGENDA");
                boolean approved = outcome >= 25;
                path.add(approved ? "APPROVED" : "REJECTED");
                // approved files are contracted within weeks, except the last ones (the benchmark's lines)
                if (approved && as.sessionDates.get(s).isBefore(today.minusDays(45))) {
                    path.add("CONTRACTED");
                }
                status = path.get(path.size() - 1);
            }
            Long assigned = "DRAFT".equals(status) || ("SUBMITTED".equals(status) && r.nextInt(3) == 0) ? null : advisor;
            LocalDateTime decidedAt = null;
            LocalDate decisionDate = null;
            if (decided) {
                decisionDate = as.sessionDates.get(s);
                decidedAt = decisionDate.atTime(14, 10).plusMinutes(3L * as.positions[s]);
            }
            add("application", appId, ref, ent[0], "Projet " + ref + " — " + SECTORS[(int) (appId % SECTORS.length)],
                    stage.name(), "Développement de l'activité et création d'emplois sur le territoire.", status, assigned,
                    ts(created), submitted == null ? null : ts(submitted), decidedAt == null ? null : ts(decidedAt),
                    as.departments[(int) ent[1]], BigDecimal.valueOf(r.nextInt(9), 0).divide(BigDecimal.valueOf(2)).setScale(2),
                    BigDecimal.valueOf(r.nextInt(13), 0).divide(BigDecimal.valueOf(2)).setScale(2), 10 + r.nextInt(400),
                    "Utilité sociale et ancrage territorial.");
            for (int k = 0; k < lines.size(); k++) {
                addLine("application_line", null, appId, k, lines.get(k));
            }
            // the history: every step of the state machine, in time order
            String previous = null;
            for (int p = 0; p < path.size(); p++) {
                String to = path.get(p);
                LocalDateTime at = switch (to) {
                    case "DRAFT" -> created;
                    case "SUBMITTED" -> submitted;
                    case "IN_REVIEW" -> submitted.plusDays(2);
                    case "INFO_REQUESTED", "WITHDRAWN" -> submitted.plusDays(6);
                    case "READY_FOR_COMMITTEE" -> submitted.plusDays(10);
                    case "ON_AGENDA" -> submitted.plusDays(12);
                    case "CONTRACTED" -> decidedAt.plusDays(20);
                    default -> decidedAt;
                };
                add("application_status_change", appId, previous, to, ts(at),
                        "DRAFT".equals(to) || "SUBMITTED".equals(to) ? "porteur@bench.essor" : ACTOR,
                        "REJECTED".equals(to) ? "Modèle économique à consolider." : null, !"READY_FOR_COMMITTEE".equals(to));
                previous = to;
            }
            if (decided && !"WITHDRAWN".equals(status)) {
                boolean approved = !"REJECTED".equals(status);
                long item = next("agenda_item");
                add("agenda_item", item, as.sessionIds.get(s), appId, ++as.positions[s], advisor);
                long decision = next("decision");
                add("decision", decision, appId, approved ? "APPROVED" : "REJECTED",
                        approved ? null : "Modèle économique à consolider.", date(decisionDate), ts(decidedAt), ACTOR, item);
                if (approved) {
                    // conventions fund the lines of two contracted files in five
                    boolean funded = "CONTRACTED".equals(status) && r.nextInt(100) < 40;
                    for (int k = 0; k < lines.size(); k++) {
                        long lineId = next("granted_line");
                        addLine("granted_line", lineId, decision, k, lines.get(k));
                        if (funded) {
                            allocate(as, r, lineId, lines.get(k), decisionDate.plusDays(15));
                        }
                    }
                }
            }
        }
        add("reference_counter", as.code, y, reference + 1L);
    }

    private long[] enterprise(Assoc as, Random r, int y) {
        long id = next("enterprise");
        int d = r.nextInt(as.departments.length);
        LegalForm form = FORMS[r.nextInt(FORMS.length)];
        String department = as.departments[d];
        add("enterprise", id, NAMES[r.nextInt(NAMES.length)] + " " + PLACES[r.nextInt(PLACES.length)] + " " + as.code + "-"
                        + (++as.enterpriseCounter), siret(id).value(), form.name(), form != LegalForm.OTHER && r.nextInt(3) > 0,
                (1 + r.nextInt(120)) + " rue de la République", department + "000", "Ville " + department, department,
                SECTORS[r.nextInt(SECTORS.length)], date(LocalDate.of(y - 1 - r.nextInt(8), 1 + r.nextInt(12), 1 + r.nextInt(28))),
                BigDecimal.valueOf(r.nextInt(40), 1).add(BigDecimal.ONE).setScale(2), as.id);
        long[] e = {id, d, form.ordinal()};
        as.enterprises.add(e);
        return e;
    }

    /** Index of the first session held on or after {@code day}, or -1. */
    private static int sessionAfter(Assoc as, LocalDate day) {
        int lo = 0;
        int hi = as.sessionDates.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (as.sessionDates.get(mid).isBefore(day)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < as.sessionDates.size() ? lo : -1;
    }

    /** Requested (and, when approved, granted) lines: an honour loan mostly, often a guarantee, sometimes a grant. */
    static List<FinancingLine> lines(Random r) {
        List<FinancingLine> own = new ArrayList<>();
        if (r.nextInt(100) < 65) {
            int[] durations = {12, 12, 12, 18, 18, 24};
            own.add(FinancingLine.of(Instrument.HONOUR_LOAN, cents(500_00L * (4 + r.nextInt(27))),
                    durations[r.nextInt(durations.length)], null, null, null));
        }
        if (r.nextInt(100) < 30) {
            Money loan = cents(1000_00L * (10 + r.nextInt(91)));
            BigDecimal share = BigDecimal.valueOf(50 + 10 * r.nextInt(4)).setScale(2);
            own.add(FinancingLine.of(Instrument.GUARANTEE, loan.times(share.movePointLeft(2)), 36 + 12 * r.nextInt(5),
                    BANKS[r.nextInt(BANKS.length)], loan, share));
        }
        if (own.isEmpty() || r.nextInt(100) < 15) {
            own.add(FinancingLine.of(Instrument.GRANT, cents(500_00L * (2 + r.nextInt(19))), null, null, null, null));
        }
        return own;
    }

    /**
     * Allocates the whole line on its convention and follows the money up to today: honour loans and
     * grants are disbursed (sometimes in two tranches, sometimes partly with the rest released), honour
     * loans then repaid monthly (a few fall late), a few guarantees are called.
     */
    private void allocate(Assoc as, Random r, long lineId, FinancingLine line, LocalDate on) {
        LocalDate today = scale.today();
        Instrument instrument = line.getInstrument();
        long convention = instrument == Instrument.GUARANTEE ? as.reg : as.nat;
        long amount = line.getAmount().amount().movePointRight(2).longValueExact();
        long id = next("allocation");
        List<Object[]> movements = new ArrayList<>();
        movements.add(new Object[] {"ALLOCATION", amount, on});
        long disbursed = 0;
        long released = 0;
        long called = 0;
        String status = "COMMITTED";
        LocalDate lastDisbursement = null;
        if (instrument == Instrument.GUARANTEE) {
            LocalDate call = on.plusMonths(14);
            if (r.nextInt(100) < 4 && !call.isAfter(today)) {
                called = amount / 2;
                movements.add(new Object[] {"GUARANTEE_CALL", called, call});
            }
        } else {
            int mode = instrument == Instrument.GRANT ? 0 : r.nextInt(100);
            LocalDate d1 = on.plusDays(10);
            if (mode < 75) {
                disbursed = amount;
                movements.add(new Object[] {"DISBURSEMENT", amount, d1});
                lastDisbursement = d1;
                status = "DISBURSED";
            } else if (mode < 90) {
                long half = amount / 2;
                movements.add(new Object[] {"DISBURSEMENT", half, d1});
                disbursed = half;
                lastDisbursement = d1;
                status = "PARTLY_DISBURSED";
                LocalDate d2 = d1.plusDays(60);
                if (!d2.isAfter(today)) {
                    movements.add(new Object[] {"DISBURSEMENT", amount - half, d2});
                    disbursed = amount;
                    lastDisbursement = d2;
                    status = "DISBURSED";
                }
            } else {
                long part = amount * (60 + r.nextInt(31)) / 100;
                movements.add(new Object[] {"DISBURSEMENT", part, d1});
                disbursed = part;
                lastDisbursement = d1;
                status = "PARTLY_DISBURSED";
                LocalDate rel = d1.plusDays(90);
                if (!rel.isAfter(today)) {
                    released = amount - part;
                    movements.add(new Object[] {"RELEASE", released, rel});
                    status = "DISBURSED";
                }
            }
        }
        // the ledger of a convention: what was allocated less what was released
        if (convention == as.nat) {
            as.natAllocated += amount - released;
        } else {
            as.regAllocated += amount - released;
        }
        boolean loan = instrument.isRepaid() && "DISBURSED".equals(status);
        List<LoanSchedule.Line> schedule = List.of();
        LoanTerms terms = null;
        int lateFrom = Integer.MAX_VALUE;
        if (loan) {
            int months = line.getDurationMonths();
            // (drawn as before participative loans existed, so that the rest of the network stays the same)
            boolean defaults = r.nextInt(100) < 3;
            lateFrom = defaults ? 1 + r.nextInt(months) : Integer.MAX_VALUE;
            if (instrument == Instrument.QUASI_EQUITY) {
                // a participative loan: a rate and a grace within the product, interest paid during the grace
                terms = participative.offer(RATES[as.loans.nextInt(RATES.length)], months,
                        GRACES[as.loans.nextInt(GRACES.length)]);
                schedule = LoanSchedule.compute(cents(disbursed), terms, lastDisbursement.plusMonths(1).withDayOfMonth(5)).lines();
            } else {
                // an honour loan without product: AllocationService.schedule's equal parts, the cents left on the last
                schedule = LoanSchedule.compute(cents(disbursed), LoanTerms.interestFree(months),
                        lastDisbursement.plusMonths(3).withDayOfMonth(5)).lines();
            }
            lateFrom = placeLate(as, schedule, lateFrom);
        }
        add("allocation", id, convention, lineId, money(amount), money(released), money(disbursed), money(called), status,
                date(on), ACTOR, ts(on.atTime(11, 0)), terms == null ? null : participativeId,
                terms == null ? null : terms.annualRate(), terms == null ? null : terms.durationMonths(),
                terms == null ? null : terms.graceMonths());
        for (LoanSchedule.Line l : schedule) {
            LocalDate due = l.dueDate();
            String st;
            LocalDate paid = null;
            if (!due.isBefore(today)) {
                st = "DUE";
            } else if (l.number() >= lateFrom) {
                st = "LATE";
            } else {
                st = "PAID";
                paid = due;
                movements.add(new Object[] {"REPAYMENT", cents(l.total()), due});
            }
            add("instalment", next("instalment"), id, l.number(), date(due), l.total().amount(), paid == null ? null : date(paid),
                    st, l.capital().amount(), l.interest().amount(), paid == null ? money(0L) : l.capital().amount(),
                    paid == null ? money(0L) : l.interest().amount());
        }
        if (instrument == Instrument.GUARANTEE && called == 0 && as.loans.nextInt(100) < 10) {
            bankLoan(id, line, on.plusDays(20), as.loans, movements);
        }
        for (Object[] m : movements) {
            LocalDate d = (LocalDate) m[2];
            add("ledger_movement", convention, id, m[0], money((Long) m[1]), date(d), ts(d.atTime(11, 30)), ACTOR);
        }
    }

    // ---- issue 14: participative loans, arrears in every bucket, guaranteed bank loans ----------

    private static final BigDecimal[] RATES = {new BigDecimal("1.5"), new BigDecimal("2"), new BigDecimal("2.5"),
        new BigDecimal("3"), new BigDecimal("3.5")};
    private static final int[] GRACES = {0, 3, 6, 6, 12};
    private static final int[] PARTICIPATIVE_MONTHS = {36, 48, 60, 60, 84};
    private static final BigDecimal[] BANK_RATES = {new BigDecimal("2.8"), new BigDecimal("3.2"), new BigDecimal("3.9"),
        new BigDecimal("4.5")};
    private static final BigDecimal[] COMMISSION_RATES = {new BigDecimal("0.5"), BigDecimal.ONE, new BigDecimal("1.5")};
    /** The arrears buckets the generator puts loans in, in turn. */
    private static final ArrearsBucket[] LATE_BUCKETS = {ArrearsBucket.DAYS_1_30, ArrearsBucket.DAYS_31_90,
        ArrearsBucket.DAYS_91_180, ArrearsBucket.OVER_180};

    private LoanProduct participative;
    private long participativeId;

    /** The product seeded by V24, read back so that its limits are those the service checks. */
    private LoanProduct product(String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, instrument, min_rate, max_rate, min_duration_months,"
                + " max_duration_months, max_grace_months, frequency, grace_interest FROM loan_product WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no loan product " + code + " (migration V24)");
                }
                participativeId = rs.getLong(1);
                return new LoanProduct(code, rs.getString(2), Instrument.valueOf(rs.getString(3)), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                        RepaymentFrequency.valueOf(rs.getString(9)), GraceInterest.valueOf(rs.getString(10)));
            }
        }
    }

    /**
     * About one honour loan in eight becomes a participative loan (quasi-equity, 36 to 84 months, the
     * same amount), drawn from the association's second stream.
     */
    static List<FinancingLine> participative(Random loans, List<FinancingLine> lines) {
        List<FinancingLine> out = new ArrayList<>(lines.size());
        for (FinancingLine l : lines) {
            if (l.getInstrument() == Instrument.HONOUR_LOAN && loans.nextInt(100) < 12) {
                out.add(FinancingLine.of(Instrument.QUASI_EQUITY, l.getAmount(),
                        PARTICIPATIVE_MONTHS[loans.nextInt(PARTICIPATIVE_MONTHS.length)], null, null, null));
            } else {
                out.add(l);
            }
        }
        return out;
    }

    /**
     * The first instalment left unpaid (with every later one due before today): the first four loans
     * of each association that can be, and then one in twenty-five, are put late in the next arrears
     * bucket in turn (the oldest unpaid instalment that many days past due on today); otherwise
     * {@code lateFrom} as drawn.
     */
    private int placeLate(Assoc as, List<LoanSchedule.Line> schedule, int lateFrom) {
        boolean place = as.loans.nextInt(100) < 4 || as.placedLate < LATE_BUCKETS.length;
        if (!place) {
            return lateFrom;
        }
        ArrearsBucket bucket = LATE_BUCKETS[as.nextBucket];
        List<Integer> candidates = new ArrayList<>();
        for (LoanSchedule.Line l : schedule) {
            if (l.dueDate().isBefore(scale.today()) && ArrearsBucket.on(l.dueDate(), scale.today()) == bucket) {
                candidates.add(l.number());
            }
        }
        if (candidates.isEmpty()) {
            return lateFrom; // this loan cannot be in that bucket: the next one will
        }
        as.placedLate++;
        as.nextBucket = (as.nextBucket + 1) % LATE_BUCKETS.length;
        return candidates.get(as.loans.nextInt(candidates.size()));
    }

    /**
     * The bank loan a guarantee covers, as {@code GuaranteedLoan.record} computes it: the line's bank
     * loan over the line's duration at a bank rate, monthly from a month after the start, the quota
     * of it guaranteed (never above what the allocation commits), the commission on that amount as a
     * {@code GUARANTEE_COMMISSION} movement on the start date. Running (never called nor released).
     */
    private void bankLoan(long allocation, FinancingLine line, LocalDate start, Random loans, List<Object[]> movements) {
        Money amount = line.getBankLoanAmount();
        BigDecimal quota = line.getGuaranteedShare();
        Money guaranteed = GuaranteedLoan.share(amount, quota);
        if (guaranteed.isGreaterThan(line.getAmount())) {
            return;
        }
        int months = line.getDurationMonths();
        BigDecimal rate = BANK_RATES[loans.nextInt(BANK_RATES.length)];
        BigDecimal commissionRate = COMMISSION_RATES[loans.nextInt(COMMISSION_RATES.length)];
        List<LoanSchedule.Line> lines = LoanSchedule.compute(amount, new LoanTerms(rate, months, 0, RepaymentFrequency.MONTHLY,
                GraceInterest.PAID), start.plusMonths(1)).lines();
        BigDecimal commission = guaranteed.amount().multiply(commissionRate).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
        long id = next("guaranteed_loan");
        add("guaranteed_loan", id, allocation, line.getBankName(), amount.amount(), rate.setScale(3), months, date(start),
                date(lines.get(lines.size() - 1).dueDate()), quota.setScale(2), guaranteed.amount(), commissionRate.setScale(3),
                commission, ACTOR, ts(start.atTime(10, 0)));
        for (LoanSchedule.Line l : lines) {
            add("guaranteed_loan_line", id, l.number(), date(l.dueDate()), l.capital().amount(), l.interest().amount(),
                    l.remaining().amount());
        }
        if (commission.signum() > 0) {
            movements.add(new Object[] {"GUARANTEE_COMMISSION", commission.movePointRight(2).longValueExact(), start});
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static final class Batch {
        final PreparedStatement ps;
        int pending;
        long rows;

        Batch(PreparedStatement ps) {
            this.ps = ps;
        }
    }

    private void batch(String table, String sql) {
        try {
            batches.put(table, new Batch(c.prepareStatement(sql)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long next(String table) {
        return ids.merge(table, 1L, Long::sum);
    }

    private void add(String table, Object... values) {
        Batch b = batches.get(table);
        try {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v == null) {
                    b.ps.setNull(i + 1, Types.VARCHAR);
                } else if (v instanceof Long l) {
                    b.ps.setLong(i + 1, l);
                } else if (v instanceof Integer n) {
                    b.ps.setInt(i + 1, n);
                } else if (v instanceof String s) {
                    b.ps.setString(i + 1, s);
                } else if (v instanceof BigDecimal d) {
                    b.ps.setBigDecimal(i + 1, d);
                } else if (v instanceof Boolean bool) {
                    b.ps.setBoolean(i + 1, bool);
                } else if (v instanceof Date d) {
                    b.ps.setDate(i + 1, d);
                } else if (v instanceof Timestamp t) {
                    b.ps.setTimestamp(i + 1, t);
                } else {
                    throw new IllegalArgumentException(v.getClass().getName());
                }
            }
            b.ps.addBatch();
            b.pending++;
            b.rows++;
        } catch (SQLException e) {
            throw new IllegalStateException(table, e);
        }
    }

    private void addLine(String table, Long id, long owner, int lineNo, FinancingLine l) {
        List<Object> v = new ArrayList<>();
        if (id != null) {
            v.add(id);
        }
        v.add(owner);
        v.add(lineNo);
        v.add(l.getInstrument().name());
        v.add(l.getAmount().amount());
        v.add(l.getDurationMonths());
        v.add(l.getBankName());
        v.add(l.getBankLoanAmount() == null ? null : l.getBankLoanAmount().amount());
        v.add(l.getGuaranteedShare());
        add(table, v.toArray());
    }

    /** Writes every pending batch, parents first, and commits. */
    private void flush() throws SQLException {
        for (Batch b : batches.values()) {
            if (b.pending > 0) {
                b.ps.executeBatch();
                b.ps.clearBatch();
                b.pending = 0;
            }
        }
        c.commit();
    }

    /** Association codes are letters only: NAA, NAB, … NAZ, NBA, … */
    static String code(int index) {
        return "N" + (char) ('A' + (index - 1) / 26) + (char) ('A' + (index - 1) % 26);
    }

    /** Two-digit department codes 01 … 95 without 20 (Corsica is 2A/2B). */
    static String department(int n) {
        int code = n < 20 ? n : n + 1;
        if (code > 95) {
            throw new IllegalArgumentException("at most 47 associations");
        }
        return String.format("%02d", code);
    }

    /** A valid SIRET per enterprise id, in a range that the demo data and the 2021 generator do not use. */
    static Siret siret(long id) {
        String body = String.format("%013d", 7_000_000_000_000L + id);
        for (int check = 0; check < 10; check++) {
            String candidate = body + check;
            if (Siret.isValid(candidate)) {
                return Siret.of(candidate);
            }
        }
        throw new IllegalStateException("no Luhn key for " + body);
    }

    private static Money cents(long cents) {
        return Money.of(BigDecimal.valueOf(cents, 2));
    }

    private static long cents(Money m) {
        return m.amount().movePointRight(2).longValueExact();
    }

    private static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static Date date(LocalDate d) {
        return Date.valueOf(d);
    }

    private static Timestamp ts(LocalDateTime t) {
        return Timestamp.valueOf(t);
    }

    /**
     * {@code java ... NetworkGenerator <jdbc-url> [user] [password] [seed] [associations] [years] [applicationsPerYear]}:
     * migrates the (empty) database with Essor's Flyway migrations, then generates the network.
     */
    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args.length > 1 ? args[1] : "root";
        String password = args.length > 2 ? args[2] : "";
        Scale n = Scale.network(args.length > 3 ? Long.parseLong(args[3]) : 42L);
        Scale scale = new Scale(args.length > 4 ? Integer.parseInt(args[4]) : n.associations(), n.firstYear(),
                args.length > 5 ? Integer.parseInt(args[5]) : n.years(),
                args.length > 6 ? Integer.parseInt(args[6]) : n.applicationsPerYear(), n.seed(), n.today());
        long t0 = System.nanoTime();
        Flyway.configure(NetworkGenerator.class.getClassLoader()).dataSource(url, user, password)
                .locations("classpath:db/migration").load().migrate();
        long t1 = System.nanoTime();
        System.out.printf("schema migrated in %.1f s%n", (t1 - t0) / 1e9);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            Map<String, Long> rows = generate(c, scale);
            long t2 = System.nanoTime();
            long total = 0;
            for (Map.Entry<String, Long> e : rows.entrySet()) {
                System.out.printf("%-28s %,12d%n", e.getKey(), e.getValue());
                total += e.getValue();
            }
            System.out.printf("%-28s %,12d rows in %.1f s (%,.0f rows/s), seed %d%n", "total", total, (t2 - t1) / 1e9,
                    total / ((t2 - t1) / 1e9), scale.seed());
        }
    }
}
