import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The REST client of the fault scripts (deploy/faults/db-restart.sh), a single-file program run
 * with {@code java FaultClient.java MODE ...} (JDK 17, no dependency).
 *
 * <ul>
 *   <li>{@code setup BASE PARTNER_ID ASSOCIATION_ID}: as the demo administrator, an active financing
 *   fund of 10,000,000.00 (or AMOUNT, a fifth argument); as porteur@, an application approved by the CVL committee with three
 *   granted lines (grant 50,000, quasi-equity 60,000, equity 60,000). Prints
 *   {@code convention=ID application=ID}.</li>
 *   <li>{@code load BASE SECONDS CONVENTION LINE,LINE,... LOG}: two entrepreneurs (porteur@, porteur2@)
 *   create, fill, document and submit applications in a loop, two advisors' threads allocate 10.00
 *   to the lines from the convention in a loop, for SECONDS. Every request is one line of LOG:
 *   {@code startMs endMs thread op status clean id}; a 2xx submission or allocation is logged with
 *   the id Essor acknowledged.</li>
 *   <li>{@code race BASE,BASE,... CONVENTION LINE,LINE,... REQUESTS AMOUNT}: REQUESTS allocations of
 *   AMOUNT from 16 threads, sent in turn to each BASE (deploy/cluster/failover-test.sh); prints how
 *   many each instance created (201) and refused (409). Exit code 1 on any other answer.</li>
 *   <li>{@code report LOG OUTAGE_START_MS OUTAGE_END_MS SUBMITTED_IDS ALLOCATION_IDS}: what happened
 *   during and after the outage, and whether every acknowledged id is in the database (files with
 *   one id a line, dumped from the database after the run). Exit code 1 when something is lost,
 *   a request failed uncleanly or hung, or the service did not recover.</li>
 * </ul>
 */
public class FaultClient {

    static final String PASSWORD = "essor-demo";
    static final String ADMIN = "admin@demo.essor";
    static final String ADVISOR = "conseil@demo.essor";
    static final String CHAIR = "comite@demo.essor";
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final long HUNG_MS = 30_000;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    static final String CONTENT = "\"description\":\"Une recyclerie\",\"territory\":\"Orléans\","
            + "\"lines\":[{\"instrument\":\"HONOUR_LOAN\",\"amount\":\"8000.00\",\"durationMonths\":60}],"
            + "\"plan\":[{\"kind\":\"USE\",\"label\":\"Matériel\",\"amount\":\"8000.00\"},"
            + "{\"kind\":\"SOURCE\",\"label\":\"Prêt d'honneur\",\"amount\":\"8000.00\"}],"
            + "\"impact\":{\"jobsCreated\":\"2\",\"jobsMaintained\":\"1.5\",\"beneficiaries\":120,\"socialUtility\":\"Réemploi\"}";
    static final String ANALYSIS = "{\"scores\":{\"SOCIAL_UTILITY\":4,\"ECONOMIC_VIABILITY\":3,\"TEAM\":4,"
            + "\"FINANCIAL_STRUCTURE\":3,\"TERRITORIAL_ANCHORING\":5},\"strengths\":\"Équipe solide\","
            + "\"risks\":\"Trésorerie tendue\",\"recommendation\":\"Avis favorable\","
            + "\"proposedLines\":[{\"instrument\":\"GRANT\",\"amount\":\"8000.00\"}]}";

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "setup" -> setup(args[1], Long.parseLong(args[2]), Long.parseLong(args[3]),
                    args.length > 4 ? args[4] : "10000000.00");
            case "race" -> System.exit(race(args[1].split(","), Long.parseLong(args[2]), args[3], Integer.parseInt(args[4]),
                    args[5]));
            case "load" -> load(args[1], Integer.parseInt(args[2]), Long.parseLong(args[3]), args[4], Path.of(args[5]));
            case "report" -> System.exit(report(Path.of(args[1]), Long.parseLong(args[2]), Long.parseLong(args[3]),
                    Path.of(args[4]), Path.of(args[5])));
            default -> {
                System.err.println("usage: FaultClient setup|load|report ... (see the class comment)");
                System.exit(2);
            }
        }
    }

    // ---- setup -------------------------------------------------------------------------------------------

    static void setup(String base, long partner, long association, String amount) throws Exception {
        Api api = new Api(base);
        String reference = "FAULT-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        R c = api.ok(201, api.call(ADMIN, "POST", "/conventions", "{\"reference\":\"" + reference + "\",\"partnerId\":"
                + partner + ",\"associationId\":" + association + ",\"kind\":\"FINANCING_FUND\",\"periodStart\":\"2020-01-01\","
                + "\"periodEnd\":\"2030-12-31\",\"amount\":\"" + amount + "\",\"revolving\":false,"
                + "\"instruments\":[\"GRANT\",\"QUASI_EQUITY\",\"EQUITY\"]}"));
        long convention = c.num("id");
        api.ok(200, api.call(ADMIN, "POST", "/conventions/" + convention + "/activation", null));

        long enterprise = ((Number) ((Map<?, ?>) ((List<?>) api.ok(200, api.call("porteur@demo.essor", "GET",
                "/enterprises/mine", null)).json).get(0)).get("id")).longValue();
        long id = api.ok(201, api.call("porteur@demo.essor", "POST", "/applications", "{\"enterpriseId\":" + enterprise
                + ",\"title\":\"Essai de panne\",\"stage\":\"CREATION\"}")).num("id");
        R draft = api.call("porteur@demo.essor", "GET", "/applications/" + id, null);
        api.ok(200, api.call("porteur@demo.essor", "PUT", "/applications/" + id, "{\"version\":" + draft.num("version")
                + "," + CONTENT + "}"));
        api.ok(201, api.upload("porteur@demo.essor", id));
        R submitted = api.ok(200, api.call("porteur@demo.essor", "POST", "/applications/" + id + "/submit", null));
        api.ok(200, api.call(ADVISOR, "POST", "/applications/" + id + "/review?version=" + submitted.num("version"), null));
        api.ok(200, api.call(ADVISOR, "PUT", "/applications/" + id + "/instruction/analysis", ANALYSIS));
        R app = api.ok(200, api.call(ADVISOR, "GET", "/applications/" + id, null));
        api.ok(200, api.call(ADVISOR, "POST", "/applications/" + id + "/instruction/ready?version=" + app.num("version"), null));

        R sessions = api.ok(200, api.call(ADVISOR, "GET", "/sessions?past=true", null));
        long committee = ((Number) ((Map<?, ?>) ((List<?>) ((Map<?, ?>) sessions.json).get("items")).get(0))
                .get("committeeId")).longValue();
        long session = api.ok(201, api.call(ADVISOR, "POST", "/sessions", "{\"committeeId\":" + committee
                + ",\"startsAt\":\"2027-01-15T14:00\",\"place\":\"Orléans\"}")).num("id");
        R agenda = api.ok(200, api.call(ADVISOR, "POST", "/sessions/" + session + "/items", "{\"applicationId\":" + id + "}"));
        long item = ((Number) ((Map<?, ?>) ((List<?>) ((Map<?, ?>) agenda.json).get("items")).get(0)).get("id")).longValue();
        R s = api.ok(200, api.call(CHAIR, "GET", "/sessions/" + session, null));
        StringBuilder present = new StringBuilder();
        for (Object m : (List<?>) ((Map<?, ?>) s.json).get("members")) {
            present.append(present.length() == 0 ? "" : ",").append(((Number) ((Map<?, ?>) m).get("accountId")).longValue());
        }
        api.ok(200, api.call(CHAIR, "POST", "/sessions/" + session + "/open", "{\"present\":[" + present + "]}"));
        for (String member : List.of(CHAIR, "membre1@demo.essor", "membre2@demo.essor")) {
            api.ok(200, api.call(member, "PUT", "/sessions/" + session + "/items/" + item + "/vote", "{\"choice\":\"FOR\"}"));
        }
        s = api.ok(200, api.call(CHAIR, "GET", "/sessions/" + session, null));
        long version = ((Number) ((Map<?, ?>) ((List<?>) ((Map<?, ?>) s.json).get("items")).get(0)).get("version")).longValue();
        api.ok(200, api.call(CHAIR, "POST", "/sessions/" + session + "/items/" + item + "/decision", "{\"version\":" + version
                + ",\"outcome\":\"APPROVED\",\"reasons\":\"Lignes larges pour l'essai de concurrence\","
                + "\"lines\":[{\"instrument\":\"GRANT\",\"amount\":\"50000.00\"},"
                + "{\"instrument\":\"QUASI_EQUITY\",\"amount\":\"60000.00\",\"durationMonths\":60},"
                + "{\"instrument\":\"EQUITY\",\"amount\":\"60000.00\"}]}"));
        System.out.println("convention=" + convention + " application=" + id);
    }

    // ---- load --------------------------------------------------------------------------------------------

    static void load(String base, int seconds, long convention, String lineList, Path log) throws Exception {
        Api api = new Api(base);
        long[] lines = Arrays.stream(lineList.split(",")).mapToLong(Long::parseLong).toArray();
        long end = System.currentTimeMillis() + seconds * 1000L;
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true);
             PrintWriter errors = new PrintWriter(Files.newBufferedWriter(Path.of(log + ".errors")), true)) {
            Logger logger = new Logger(out, errors);
            List<Thread> threads = new ArrayList<>();
            for (String porteur : List.of("porteur@demo.essor", "porteur2@demo.essor")) {
                String name = porteur.substring(0, porteur.indexOf('@'));
                threads.add(new Thread(() -> entrepreneur(api, logger, name, porteur, end), name));
            }
            for (int t = 0; t < 2; t++) {
                String name = "advisor" + t;
                int offset = t;
                threads.add(new Thread(() -> {
                    long n = offset;
                    while (System.currentTimeMillis() < end) {
                        long line = lines[(int) (n++ % lines.length)];
                        logger.request(name, "allocate", () -> api.call(ADVISOR, "POST", "/conventions/" + convention
                                + "/allocations", "{\"decisionLineId\":" + line + ",\"amount\":\"10.00\"}"), 201);
                        pause();
                    }
                }, name));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
        }
        System.out.println("load: " + Files.readAllLines(log).size() + " requests logged to " + log);
    }

    static void entrepreneur(Api api, Logger logger, String name, String email, long end) {
        Long enterprise = null;
        while (System.currentTimeMillis() < end) {
            if (enterprise == null) {
                R r = logger.request(name, "enterprises", () -> api.call(email, "GET", "/enterprises/mine", null), 200);
                if (r != null) {
                    enterprise = ((Number) ((Map<?, ?>) ((List<?>) r.json).get(0)).get("id")).longValue();
                }
                pause();
                continue;
            }
            long ent = enterprise;
            R created = logger.request(name, "create", () -> api.call(email, "POST", "/applications",
                    "{\"enterpriseId\":" + ent + ",\"title\":\"Panne " + System.nanoTime() + "\",\"stage\":\"CREATION\"}"), 201);
            pause();
            if (created == null) {
                continue;
            }
            long id = created.num("id");
            long version = created.num("version");
            R filled = logger.request(name, "fill", () -> api.call(email, "PUT", "/applications/" + id,
                    "{\"version\":" + version + "," + CONTENT + "}"), 200);
            pause();
            if (filled == null) {
                continue;
            }
            R doc = logger.request(name, "document", () -> api.upload(email, id), 201);
            pause();
            if (doc == null) {
                continue;
            }
            logger.request(name, "submit", () -> api.call(email, "POST", "/applications/" + id + "/submit", null), 200);
            pause();
        }
    }

    static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    interface Call {
        R run() throws Exception;
    }

    static final class Logger {
        private final PrintWriter out;
        private final PrintWriter errors;

        Logger(PrintWriter out, PrintWriter errors) {
            this.out = out;
            this.errors = errors;
        }

        /** Runs one request, logs it, and returns the response when it has the expected status. */
        R request(String thread, String op, Call call, int expected) {
            long t0 = System.currentTimeMillis();
            R r;
            try {
                r = call.run();
            } catch (HttpTimeoutException e) {
                log(t0, thread, op, "TIMEOUT", "unclean", "-");
                return null;
            } catch (Exception e) {
                log(t0, thread, op, "IOERROR", "unclean", e.getClass().getSimpleName());
                return null;
            }
            String clean = r.status < 500 && r.status != 401 && r.status != 403 ? "ok" : r.cleanError() ? "clean" : "unclean";
            String id = "-";
            if (r.status == expected && r.json instanceof Map<?, ?> m && m.get("id") instanceof Number n) {
                id = String.valueOf(n.longValue());
            }
            log(t0, thread, op, String.valueOf(r.status), clean, id);
            if (r.status >= 400) {
                synchronized (this) {
                    errors.println(t0 + " " + op + " " + r.status + " " + r.contentType + " "
                            + r.body.substring(0, Math.min(300, r.body.length())).replaceAll("\\s+", " "));
                }
            }
            return r.status == expected ? r : null;
        }

        private synchronized void log(long t0, String thread, String op, String status, String clean, String id) {
            out.println(t0 + " " + System.currentTimeMillis() + " " + thread + " " + op + " " + status + " " + clean + " " + id);
        }
    }

    // ---- race: concurrent allocations spread over several instances ---------------------------------------

    static int race(String[] bases, long convention, String lineList, int requests, String amount) throws Exception {
        long[] lines = Arrays.stream(lineList.split(",")).mapToLong(Long::parseLong).toArray();
        List<Api> apis = new ArrayList<>();
        for (String b : bases) {
            apis.add(new Api(b));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<R>> results = new ArrayList<>();
        for (int n = 0; n < requests; n++) {
            Api api = apis.get(n % apis.size());
            long line = lines[(n / apis.size()) % lines.length];
            results.add(pool.submit(() -> {
                start.await();
                return api.call(ADVISOR, "POST", "/conventions/" + convention + "/allocations",
                        "{\"decisionLineId\":" + line + ",\"amount\":\"" + amount + "\"}");
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        Map<String, int[]> perBase = new LinkedHashMap<>();
        int created = 0;
        int refused = 0;
        int other = 0;
        BigDecimal sum = BigDecimal.ZERO;
        for (int n = 0; n < requests; n++) {
            R r = results.get(n).get();
            int[] c = perBase.computeIfAbsent(apis.get(n % apis.size()).base, k -> new int[3]);
            if (r.status == 201) {
                created++;
                c[0]++;
                sum = sum.add(new BigDecimal(amount));
            } else if (r.status == 409) {
                refused++;
                c[1]++;
            } else {
                other++;
                c[2]++;
                System.out.println("unexpected " + r.status + ": " + r.body);
            }
        }
        pool.shutdownNow();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        StringBuilder detail = new StringBuilder();
        perBase.forEach((b, c) -> detail.append(detail.length() == 0 ? "" : "; ").append(b).append(": ")
                .append(c[0]).append(" created, ").append(c[1]).append(" refused, ").append(c[2]).append(" other"));
        System.out.printf("race: %d concurrent allocations of %s from 16 threads over %d instances in %d ms: %d created"
                + " (201, %s acknowledged), %d refused (409), %d other [%s]%n", requests, amount, apis.size(), ms,
                created, sum.toPlainString(), refused, other, detail);
        return other == 0 ? 0 : 1;
    }

    // ---- report ------------------------------------------------------------------------------------------

    static int report(Path log, long outageStart, long outageEnd, Path submittedInDb, Path allocationsInDb) throws IOException {
        Set<Long> submitted = ids(submittedInDb);
        Set<Long> allocated = ids(allocationsInDb);
        int total = 0;
        int before = 0;
        int beforeOk = 0;
        int during = 0;
        int duringOk = 0;
        int duringClean = 0;
        int duringUnclean = 0;
        long duringMaxMs = 0;
        int after = 0;
        int afterOk = 0;
        int unclean = 0;
        int hung = 0;
        long firstOkAfter = -1;
        Map<String, Long> firstOkAfterByOp = new LinkedHashMap<>();
        Map<String, Integer> statuses = new LinkedHashMap<>();
        List<Long> ackSubmissions = new ArrayList<>();
        List<Long> ackAllocations = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            String[] f = line.split(" ");
            long start = Long.parseLong(f[0]);
            long end = Long.parseLong(f[1]);
            String op = f[3];
            String status = f[4];
            boolean ok = status.startsWith("2");
            total++;
            if (end - start > HUNG_MS || "TIMEOUT".equals(status)) {
                hung++;
            }
            if ("unclean".equals(f[5])) {
                unclean++;
            }
            if (ok && "submit".equals(op)) {
                ackSubmissions.add(Long.parseLong(f[6]));
            }
            if (ok && "allocate".equals(op)) {
                ackAllocations.add(Long.parseLong(f[6]));
            }
            boolean touchesOutage = end >= outageStart && start <= outageEnd;
            if (touchesOutage) {
                during++;
                statuses.merge(status, 1, Integer::sum);
                duringMaxMs = Math.max(duringMaxMs, end - start);
                if (ok) {
                    duringOk++;
                } else if ("clean".equals(f[5]) || "ok".equals(f[5])) {
                    duringClean++;
                } else {
                    duringUnclean++;
                }
            } else if (end < outageStart) {
                before++;
                beforeOk += ok ? 1 : 0;
            } else {
                after++;
                afterOk += ok ? 1 : 0;
                if (ok) {
                    if (firstOkAfter < 0 || end < firstOkAfter) {
                        firstOkAfter = end;
                    }
                    firstOkAfterByOp.merge(op, end, Math::min);
                }
            }
        }
        long lostSubmissions = ackSubmissions.stream().filter(id -> !submitted.contains(id)).count();
        long lostAllocations = ackAllocations.stream().filter(id -> !allocated.contains(id)).count();
        System.out.printf("requests: %d in all; before the outage %d (%d ok); during it %d: %d ok, %d failed cleanly"
                + " (JSON 5xx), %d failed otherwise, longest %d ms, statuses %s; after it %d (%d ok)%n",
                total, before, beforeOk, during, duringOk, duringClean, duringUnclean, duringMaxMs, statuses, after, afterOk);
        System.out.printf("unclean failures (non-JSON 5xx, 401/403, I/O error, timeout) over the whole run: %d; requests over %d s: %d%n",
                unclean, HUNG_MS / 1000, hung);
        if (firstOkAfter < 0) {
            System.out.println("recovery: NONE — no successful request after the database came back");
        } else {
            StringBuilder byOp = new StringBuilder();
            firstOkAfterByOp.forEach((op, t) -> byOp.append(byOp.length() == 0 ? "" : ", ").append(op).append(' ')
                    .append(t - outageEnd).append(" ms"));
            System.out.printf("recovery: first success %d ms after the database accepted connections again (%s)%n",
                    firstOkAfter - outageEnd, byOp);
        }
        System.out.printf("acknowledged submissions: %d, found submitted in the database: %d, lost: %d%n",
                ackSubmissions.size(), ackSubmissions.size() - lostSubmissions, lostSubmissions);
        System.out.printf("acknowledged allocations: %d, found in the database: %d, lost: %d%n",
                ackAllocations.size(), ackAllocations.size() - lostAllocations, lostAllocations);
        boolean pass = lostSubmissions == 0 && lostAllocations == 0 && unclean == 0 && hung == 0 && firstOkAfter >= 0
                && !ackSubmissions.isEmpty() && !ackAllocations.isEmpty() && afterOk > 0;
        System.out.println(pass ? "RESULT: PASS" : "RESULT: FAIL");
        return pass ? 0 : 1;
    }

    private static Set<Long> ids(Path file) throws IOException {
        Set<Long> ids = new HashSet<>();
        for (String l : Files.readAllLines(file)) {
            if (!l.isBlank()) {
                ids.add(Long.parseLong(l.trim()));
            }
        }
        return ids;
    }

    // ---- HTTP and JSON -------------------------------------------------------------------------------------

    static final class R {
        final int status;
        final String body;
        final String contentType;
        final Object json;

        R(int status, String body, String contentType) {
            this.status = status;
            this.body = body;
            this.contentType = contentType;
            Object parsed = null;
            if (contentType.startsWith("application/json")) {
                try {
                    parsed = new Json(body).value();
                } catch (RuntimeException e) {
                    parsed = null;
                }
            }
            this.json = parsed;
        }

        long num(String field) {
            return ((Number) ((Map<?, ?>) json).get(field)).longValue();
        }

        /** A JSON {error, message} without anything that looks like a stack trace. */
        boolean cleanError() {
            return json instanceof Map<?, ?> m && m.get("error") instanceof String && m.get("message") instanceof String
                    && !body.contains("Exception") && !body.contains("\tat ") && !body.contains(".java:");
        }
    }

    static final class Api {
        final String base;

        Api(String base) {
            this.base = base.replaceAll("/$", "") + "/api/v1";
        }

        R call(String user, String method, String path, String body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(user))
                    .header("Accept-Language", "en").timeout(TIMEOUT);
            if (body != null) {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return send(b.build());
        }

        R upload(String user, long application) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + "/applications/" + application + "/documents?kind=BUSINESS_PLAN"))
                    .header("Authorization", basic(user)).header("X-File-Name", "plan.pdf")
                    .header("Content-Type", "application/octet-stream").timeout(TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(PDF)).build());
        }

        private static R send(HttpRequest request) throws Exception {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new R(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
        }

        R ok(int expected, R r) {
            if (r.status != expected) {
                throw new IllegalStateException("expected " + expected + ", got " + r.status + ": " + r.body);
            }
            return r;
        }

        private static String basic(String user) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Just enough JSON: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object value() {
            skip();
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    i++;
                    skip();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    while (true) {
                        skip();
                        String k = string();
                        skip();
                        i++; // :
                        m.put(k, value());
                        skip();
                        if (s.charAt(i++) == '}') {
                            return m;
                        }
                    }
                }
                case '[' -> {
                    List<Object> l = new ArrayList<>();
                    i++;
                    skip();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        skip();
                        if (s.charAt(i++) == ']') {
                            return l;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                case 't' -> {
                    i += 4;
                    return Boolean.TRUE;
                }
                case 'f' -> {
                    i += 5;
                    return Boolean.FALSE;
                }
                case 'n' -> {
                    i += 4;
                    return null;
                }
                default -> {
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    String n = s.substring(start, i);
                    return n.contains(".") || n.contains("e") || n.contains("E") ? (Number) Double.valueOf(n) : (Number) Long.valueOf(n);
                }
            }
        }

        private String string() {
            StringBuilder b = new StringBuilder();
            i++;
            while (s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
            i++;
            return b.toString();
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
