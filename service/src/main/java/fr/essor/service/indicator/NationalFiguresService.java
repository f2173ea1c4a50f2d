package fr.essor.service.indicator;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.indicator.YearClosing;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.audit.AuditService;
import fr.essor.service.config.DatabaseBootstrap;
import fr.essor.service.report.Table;
import fr.essor.service.report.TableExport;
import fr.essor.service.security.Caller;
import fr.essor.service.shared.ConflictException;
import fr.essor.service.shared.ForbiddenException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Page;
import fr.essor.service.shared.Roles;
import fr.essor.service.shared.RuleRefusals;
import fr.essor.service.shared.UniqueKeys;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The national head's figures (issue 12, part 4): a year's indicators by association with the network's
 * total, the network's trend over years, and the closing of a year, which publishes its figures. National
 * administrators only (an administrator without an association); an association's administrator is refused.
 */
@Stateless
@Interceptors(RuleRefusals.class)
public class NationalFiguresService {

    /** The longest trend served: twenty years. */
    public static final int MAX_YEARS = 20;
    static final ZoneId NETWORK_ZONE = ZoneId.of("Europe/Paris");
    private static final String CLOSED = "YEAR_CLOSED";

    @PersistenceContext(unitName = "essor")
    private EntityManager em;

    @Resource(lookup = DatabaseBootstrap.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private Caller caller;

    @EJB
    private AuditService audit;

    private final Clock clock = Clock.systemUTC();

    /** A year's figures, one row per association and the network's total; the published ones for a closed year. */
    @RolesAllowed(Roles.ADMIN)
    public NationalFigures byAssociation(int year) {
        national();
        checkYear("year", year);
        YearClosing closing = inForce(year);
        try (Connection c = dataSource.getConnection()) {
            List<NationalQueries.Association> associations = NationalQueries.associations(c);
            List<Figures> live = NationalQueries.byAssociationAndYear(c, associations, year, year).get(year);
            Figures liveNetwork = Figures.network(year, live, null);
            if (closing == null) {
                return new NationalFigures(year, null, live, liveNetwork, null);
            }
            List<Figures> published = PublishedFigures.figures(em, year, year, true).getOrDefault(year, List.of());
            Figures network = published.isEmpty() || published.get(0).association() != null
                    ? Figures.zero(null, null, year, closing.getClosedAt()) : published.get(0);
            Map<String, Figures> byCode = new LinkedHashMap<>();
            for (Figures f : published) {
                if (f.association() != null) {
                    byCode.put(f.association(), f);
                }
            }
            List<Figures> rows = new ArrayList<>();
            for (NationalQueries.Association a : associations) {
                Figures f = byCode.get(a.code());
                rows.add(f != null ? f : Figures.zero(a.code(), a.name(), year, closing.getClosedAt()));
            }
            return new NationalFigures(year, YearClosingView.of(closing), rows, network, liveNetwork);
        } catch (SQLException e) {
            throw new IllegalStateException("National figures could not be computed", e);
        }
    }

    /**
     * The network's figures for each year of {@code [from, to]} (at most {@value #MAX_YEARS} years, none in
     * the future): the published figures of closed years, the others computed in three statements.
     */
    @RolesAllowed(Roles.ADMIN)
    public Trend trend(int from, int to) {
        national();
        checkYear("from", from);
        checkYear("to", to);
        if (to < from) {
            throw new InvalidInputException("to", "national.rangeReversed");
        }
        if (to - from + 1 > MAX_YEARS) {
            throw new InvalidInputException("from", "national.rangeTooLong", MAX_YEARS);
        }
        Map<Integer, List<Figures>> published = PublishedFigures.figures(em, from, to, false);
        int firstOpen = Integer.MAX_VALUE;
        int lastOpen = Integer.MIN_VALUE;
        for (int y = from; y <= to; y++) {
            if (!published.containsKey(y)) {
                firstOpen = Math.min(firstOpen, y);
                lastOpen = Math.max(lastOpen, y);
            }
        }
        Map<Integer, List<Figures>> live = Map.of();
        if (firstOpen <= lastOpen) {
            try (Connection c = dataSource.getConnection()) {
                live = NationalQueries.byAssociationAndYear(c, NationalQueries.associations(c), firstOpen, lastOpen);
            } catch (SQLException e) {
                throw new IllegalStateException("National figures could not be computed", e);
            }
        }
        List<Figures> years = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            List<Figures> p = published.get(y);
            years.add(p != null ? p.get(0) : Figures.network(y, live.get(y), null));
        }
        return new Trend(from, to, years);
    }

    /** The closings, newest year first, in force or reopened; {@code first} the first row to read. */
    @RolesAllowed(Roles.ADMIN)
    public Page<YearClosingView> closings(int first, int size) {
        national();
        int s = Page.clampSize(size);
        List<YearClosingView> items = em.createQuery("SELECT c FROM YearClosing c ORDER BY c.year DESC, c.id DESC", YearClosing.class)
                .setFirstResult(first).setMaxResults(s).getResultList().stream().map(YearClosingView::of).toList();
        long total = em.createQuery("SELECT COUNT(c) FROM YearClosing c", Long.class).getSingleResult();
        return new Page<>(items, total, first, s);
    }

    @RolesAllowed(Roles.ADMIN)
    public YearClosingView closing(long id) {
        national();
        return YearClosingView.of(find(id));
    }

    /**
     * Closes a year that is over: its figures, the network's and each association's with their
     * breakdowns, are stored as published. Refused for the current or a future year, or a year closed already.
     */
    @RolesAllowed(Roles.ADMIN)
    public YearClosingView close(int year) {
        national();
        if (inForce(year) != null) {
            throw new ConflictException(CLOSED, "closing.alreadyClosed", String.valueOf(year));
        }
        YearClosing closing = new YearClosing(year, LocalDate.now(clock.withZone(NETWORK_ZONE)).getYear(), caller.actor(),
                Instant.now(clock));
        em.persist(closing);
        // two national administrators closing the same year at once: the unique key lets one in
        UniqueKeys.flush(em, "uk_year_closing_in_force", () -> new ConflictException(CLOSED, "closing.alreadyClosed",
                String.valueOf(year)));
        Map<Long, Indicators> figures;
        try (Connection c = dataSource.getConnection()) {
            Map<Long, String> codes = new LinkedHashMap<>();
            for (NationalQueries.Association a : NationalQueries.associations(c)) {
                codes.put(a.id(), a.code());
            }
            figures = IndicatorQueries.computeAll(c, codes, year);
        } catch (SQLException e) {
            throw new IllegalStateException("The year's figures could not be computed", e);
        }
        PublishedFigures.store(em, closing.getId(), figures);
        Indicators n = figures.get(null);
        audit.record(caller.actor(), "YearClosing", closing.getId(), AuditAction.CLOSE_YEAR, "year " + year + " published: advised "
                + n.advised() + ", financed " + n.financed() + ", mobilised " + n.mobilised() + ", granted " + n.granted());
        return YearClosingView.of(closing);
    }

    /** Ends a closing, for a reason; its published figures stay as history. */
    @RolesAllowed(Roles.ADMIN)
    public YearClosingView reopen(long id, String reason) {
        national();
        YearClosing closing = find(id);
        em.lock(closing, LockModeType.PESSIMISTIC_WRITE);
        if (!closing.isInForce()) {
            throw new ConflictException(CLOSED, "closing.alreadyReopened", String.valueOf(closing.getYear()));
        }
        closing.reopen(reason, caller.actor(), Instant.now(clock));
        em.flush();
        audit.record(caller.actor(), "YearClosing", closing.getId(), AuditAction.REOPEN_YEAR, "year " + closing.getYear()
                + " reopened: " + closing.getReopenReason());
        return YearClosingView.of(closing);
    }

    /** The year's figures by association as {@code xlsx} or {@code csv}, in the caller's language. */
    @RolesAllowed(Roles.ADMIN)
    public byte[] exportByAssociation(int year, String format, Locale locale) {
        NationalFigures f = byAssociation(year);
        return export(NationalReport.byAssociation(f, locale), format, locale);
    }

    /** The network's trend as {@code xlsx} or {@code csv}, in the caller's language. */
    @RolesAllowed(Roles.ADMIN)
    public byte[] exportTrend(int from, int to, String format, Locale locale) {
        return export(NationalReport.trend(trend(from, to), locale), format, locale);
    }

    private static byte[] export(Table table, String format, Locale locale) {
        return switch (format == null ? "" : format.toLowerCase(Locale.ROOT)) {
            case "xlsx" -> TableExport.xlsx(table, locale);
            case "csv" -> TableExport.csv(table, locale);
            default -> throw new InvalidInputException("format", "field.invalidChoice");
        };
    }

    /** The closing in force for the year, or null. */
    YearClosing inForce(int year) {
        List<YearClosing> found = em.createQuery("SELECT c FROM YearClosing c WHERE c.inForce = :y", YearClosing.class)
                .setParameter("y", year).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private YearClosing find(long id) {
        YearClosing c = em.find(YearClosing.class, id);
        if (c == null) {
            throw new NotFoundException("closing");
        }
        return c;
    }

    private void checkYear(String field, int year) {
        int current = LocalDate.now(clock.withZone(NETWORK_ZONE)).getYear();
        if (year < YearClosing.FIRST_YEAR || year > current) {
            throw new InvalidInputException(field, "national.yearInvalid", String.valueOf(YearClosing.FIRST_YEAR),
                    String.valueOf(current));
        }
    }

    /** The caller, a national administrator (an administrator attached to no association). */
    private UserAccount national() {
        UserAccount me = caller.account();
        if (!me.hasRole(Role.ADMIN) || me.getAssociation() != null) {
            throw new ForbiddenException();
        }
        return me;
    }
}
