package fr.essor.service.rules;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.application.DocumentKind;
import fr.essor.model.application.Instrument;
import fr.essor.model.application.ScoreCriterion;
import fr.essor.model.association.Association;
import fr.essor.model.rules.AssociationRules;
import fr.essor.model.rules.CommitteeRule;
import fr.essor.model.rules.InstrumentLimit;
import fr.essor.model.rules.Majority;
import fr.essor.model.rules.NetworkLimits;
import fr.essor.model.rules.RulesDraft;
import fr.essor.model.shared.Money;
import fr.essor.service.association.Associations;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.audit.AuditService;
import fr.essor.service.security.Caller;
import fr.essor.service.shared.ConcurrentChangeException;
import fr.essor.service.shared.ForbiddenException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Page;
import fr.essor.service.shared.Roles;
import fr.essor.service.shared.RuleRefusals;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The network's limits (national administrators) and each association's rules within them (its
 * administrators): read the version in force, any past version and the history; change them, which
 * stores a new version and applies to files submitted after it.
 */
@Stateless
@Interceptors(RuleRefusals.class)
public class RulesService {

    @PersistenceContext(unitName = "essor")
    private EntityManager em;

    @Inject
    private Caller caller;

    @Inject
    private RuleBook book;

    @EJB
    private AuditService audit;

    /** The network's limits in force. */
    @RolesAllowed({Roles.ADMIN, Roles.ADVISOR})
    public RulesViews.Network networkLimits() {
        return RulesViews.Network.of(book.network());
    }

    /** The network's versions, newest first, paged. */
    @RolesAllowed({Roles.ADMIN, Roles.ADVISOR})
    public Page<RulesViews.VersionRow> networkHistory(int first, int size) {
        int pageSize = Page.clampSize(size);
        List<RulesViews.VersionRow> rows = em.createQuery("SELECT n.number, n.createdAt, n.createdBy FROM NetworkLimits n"
                        + " ORDER BY n.number DESC", Object[].class)
                .setFirstResult(Math.max(0, first)).setMaxResults(pageSize).getResultList().stream()
                .map(r -> new RulesViews.VersionRow((Integer) r[0], (Instant) r[1], (String) r[2])).toList();
        long total = em.createQuery("SELECT COUNT(n) FROM NetworkLimits n", Long.class).getSingleResult();
        return new Page<>(rows, total, first, pageSize);
    }

    /**
     * A national administrator sets the network's limits for every instrument: a new version. Each
     * association whose rules no longer fit gets a new version of its own, narrowed to fit, so that
     * files submitted from now on respect the network's new limits.
     */
    @RolesAllowed(Roles.ADMIN)
    public RulesViews.Network changeNetworkLimits(Map<String, RulesInput.LimitInput> limits, Integer basedOn) {
        requireNational();
        NetworkLimits current = lockedNetwork();
        if (basedOn != null && basedOn != current.getNumber()) {
            throw new ConcurrentChangeException();
        }
        Map<Instrument, InstrumentLimit> parsed = parseLimits(limits);
        for (Instrument i : Instrument.values()) {
            if (!parsed.containsKey(i)) {
                throw new InvalidInputException("instruments." + i.name(), "rules.networkInstrumentMissing", i.name());
            }
        }
        Instant now = Instant.now();
        NetworkLimits next = current.next(parsed.values(), caller.actor(), now);
        em.persist(next);
        em.flush();
        audit.record(caller.actor(), "NetworkLimits", next.getId(), AuditAction.NETWORK_LIMITS_CHANGED,
                "Network limits version " + next.getNumber() + ": " + next.getLimits());
        for (Association a : em.createQuery("SELECT a FROM Association a ORDER BY a.code", Association.class).getResultList()) {
            AssociationRules rules = book.inForce(a);
            rules.fittedTo(next, caller.actor(), now).ifPresent(fitted -> {
                em.persist(fitted);
                em.flush();
                audit.record(caller.actor(), "AssociationRules", fitted.getId(), AuditAction.RULES_CHANGED,
                        "Rules version " + fitted.getNumber() + " of " + a.getCode() + " narrowed to the network's limits version "
                                + next.getNumber());
            });
        }
        return RulesViews.Network.of(next);
    }

    /** The association's rules in force (version 1, the network's limits, when it never had rules). */
    @RolesAllowed({Roles.ADMIN, Roles.ADVISOR, Roles.COMMITTEE_MEMBER})
    public RulesViews.Rules current(String code) {
        Association a = readable(code);
        return RulesViews.Rules.of(book.currentOrFirst(a));
    }

    /** One version of the association's rules, by its number. */
    @RolesAllowed({Roles.ADMIN, Roles.ADVISOR, Roles.COMMITTEE_MEMBER})
    public RulesViews.Rules version(String code, int number) {
        Association a = readable(code);
        List<AssociationRules> found = em.createQuery("SELECT r FROM AssociationRules r WHERE r.association = :a"
                        + " AND r.number = :n", AssociationRules.class)
                .setParameter("a", a).setParameter("n", number).getResultList();
        if (found.isEmpty()) {
            if (number == 1 && book.current(a).isEmpty()) {
                return RulesViews.Rules.of(book.currentOrFirst(a));
            }
            throw new NotFoundException("rules");
        }
        return RulesViews.Rules.of(found.get(0));
    }

    /** The association's versions, newest first, paged. */
    @RolesAllowed({Roles.ADMIN, Roles.ADVISOR, Roles.COMMITTEE_MEMBER})
    public Page<RulesViews.VersionRow> history(String code, int first, int size) {
        Association a = readable(code);
        int pageSize = Page.clampSize(size);
        List<RulesViews.VersionRow> rows = em.createQuery("SELECT r.number, r.createdAt, r.createdBy FROM AssociationRules r"
                        + " WHERE r.association = :a ORDER BY r.number DESC", Object[].class)
                .setParameter("a", a).setFirstResult(Math.max(0, first)).setMaxResults(pageSize).getResultList().stream()
                .map(r -> new RulesViews.VersionRow((Integer) r[0], (Instant) r[1], (String) r[2])).toList();
        long total = em.createQuery("SELECT COUNT(r) FROM AssociationRules r WHERE r.association = :a", Long.class)
                .setParameter("a", a).getSingleResult();
        return new Page<>(rows, total, first, pageSize);
    }

    /**
     * The association's administrator (or a national one) changes its rules: a new version, within
     * the network's limits (a widening is refused, naming the limit), for files submitted from now on.
     */
    @RolesAllowed(Roles.ADMIN)
    public RulesViews.Rules change(String code, RulesInput in) {
        Association a = association(code);
        UserAccount me = caller.account();
        if (me.getAssociation() != null && !me.getAssociation().getId().equals(a.getId())) {
            throw new ForbiddenException();
        }
        if (in == null) {
            throw new InvalidInputException(null, "rules.bodyRequired");
        }
        em.lock(a, LockModeType.PESSIMISTIC_WRITE);
        RulesDraft draft = parse(in, book.network());
        AssociationRules current = book.inForce(a);
        if (in.basedOn() != null && !Objects.equals(in.basedOn(), current.getNumber())) {
            throw new ConcurrentChangeException();
        }
        AssociationRules next = current.next(draft, book.network(), caller.actor(), Instant.now());
        em.persist(next);
        em.flush();
        audit.record(caller.actor(), "AssociationRules", next.getId(), AuditAction.RULES_CHANGED,
                "Rules version " + next.getNumber() + " of " + a.getCode() + ": " + next.getInstruments()
                        + ", checklist " + next.checklistByInstrument() + ", grid " + next.weights()
                        + ", quorum " + (next.committeeRule().quorum() == null ? "the committee's" : next.committeeRule().quorum())
                        + ", majority " + next.committeeRule().majority());
        return RulesViews.Rules.of(next);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private NetworkLimits lockedNetwork() {
        NetworkLimits current = book.network();
        em.lock(current, LockModeType.PESSIMISTIC_WRITE);
        NetworkLimits again = book.network();
        if (!again.getId().equals(current.getId())) {
            throw new ConcurrentChangeException();
        }
        return current;
    }

    private Association association(String code) {
        return Associations.named(em, code);
    }

    /** National administrators read every association's rules; anybody else only their own association's. */
    private Association readable(String code) {
        Association a = association(code);
        UserAccount me = caller.account();
        boolean national = me.getAssociation() == null && caller.is(Role.ADMIN);
        if (!national && (me.getAssociation() == null || !me.getAssociation().getId().equals(a.getId()))) {
            throw new ForbiddenException();
        }
        return a;
    }

    private void requireNational() {
        if (caller.account().getAssociation() != null) {
            throw new ForbiddenException();
        }
    }

    private static RulesDraft parse(RulesInput in, NetworkLimits network) {
        Map<Instrument, InstrumentLimit> offered = parseLimits(in.instruments(), network);
        Map<Instrument, Set<DocumentKind>> checklist = new EnumMap<>(Instrument.class);
        if (in.checklist() != null) {
            for (Map.Entry<String, List<String>> e : in.checklist().entrySet()) {
                Instrument i = instrument("checklist", e.getKey());
                Set<DocumentKind> kinds = EnumSet.noneOf(DocumentKind.class);
                if (e.getValue() != null) {
                    for (String k : e.getValue()) {
                        kinds.add(enumValue(DocumentKind.class, k, "checklist." + i.name(), "rules.documentKindUnknown"));
                    }
                }
                checklist.put(i, kinds);
            }
        }
        Map<ScoreCriterion, Integer> grid = new EnumMap<>(ScoreCriterion.class);
        if (in.grid() != null) {
            for (Map.Entry<String, Integer> e : in.grid().entrySet()) {
                ScoreCriterion c = enumValue(ScoreCriterion.class, e.getKey(), "grid", "rules.criterionUnknown");
                if (e.getValue() == null) {
                    throw new InvalidInputException("grid." + c.name(), "rules.weightInvalid", 1, 10);
                }
                grid.put(c, e.getValue());
            }
        }
        Majority majority = in.majority() == null ? Majority.SIMPLE
                : enumValue(Majority.class, in.majority(), "majority", "rules.majorityUnknown");
        return new RulesDraft(new ArrayList<>(offered.values()), checklist, grid, new CommitteeRule(in.quorum(), majority));
    }

    private static Map<Instrument, InstrumentLimit> parseLimits(Map<String, RulesInput.LimitInput> limits) {
        return parseLimits(limits, null);
    }

    /** With {@code network}, an association's limits: a value wider than the network's is refused naming it. */
    private static Map<Instrument, InstrumentLimit> parseLimits(Map<String, RulesInput.LimitInput> limits,
                                                                NetworkLimits network) {
        Map<Instrument, InstrumentLimit> parsed = new EnumMap<>(Instrument.class);
        if (limits == null) {
            return parsed;
        }
        for (Map.Entry<String, RulesInput.LimitInput> e : limits.entrySet()) {
            Instrument i = instrument("instruments", e.getKey());
            RulesInput.LimitInput l = e.getValue();
            String field = "instruments." + i.name();
            if (l == null) {
                throw new InvalidInputException(field, "rules.amountRequired");
            }
            if (parsed.containsKey(i)) {
                throw new InvalidInputException(field, "rules.instrumentTwice", i.name());
            }
            Money min = money(field + ".minAmount", l.minAmount());
            Money max = money(field + ".maxAmount", l.maxAmount());
            parsed.put(i, network == null ? InstrumentLimit.of(i, min, max, l.maxDurationMonths(), l.maxGuaranteeShare())
                    : InstrumentLimit.narrowing(network.limit(i), min, max, l.maxDurationMonths(), l.maxGuaranteeShare()));
        }
        return parsed;
    }

    private static Instrument instrument(String field, String name) {
        return enumValue(Instrument.class, name, field, "rules.instrumentUnknown");
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String field, String key) {
        try {
            return Enum.valueOf(type, name == null ? "" : name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, key, name == null ? "" : name);
        }
    }

    private static Money money(String field, BigDecimal value) {
        if (value == null) {
            throw new InvalidInputException(field, "rules.amountRequired");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException(field, "rules.amountTooPrecise");
        }
        if (value.abs().compareTo(new BigDecimal("9999999999999.99")) > 0) {
            throw new InvalidInputException(field, "rules.amountTooLarge");
        }
        return Money.of(value);
    }
}
