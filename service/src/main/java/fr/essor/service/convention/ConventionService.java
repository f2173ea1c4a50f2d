package fr.essor.service.convention;

import fr.essor.model.account.UserAccount;
import fr.essor.model.application.Instrument;
import fr.essor.model.application.Stage;
import fr.essor.model.association.Association;
import fr.essor.model.convention.Convention;
import fr.essor.model.convention.ConventionKind;
import fr.essor.model.enterprise.LegalForm;
import fr.essor.model.partner.Partner;
import fr.essor.model.shared.Money;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.security.UseCaseService;
import fr.essor.service.shared.ConflictException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Page;
import fr.essor.service.shared.Roles;
import fr.essor.service.shared.RuleRefusals;
import fr.essor.service.shared.UniqueKeys;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.LockModeType;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Conventions as their partner, the association's staff and administrators see them. Every money
 * figure is summed in SQL from the ledger at the moment it is read; nothing is cached.
 */
@Stateless
@Interceptors(RuleRefusals.class)
public class ConventionService extends UseCaseService {

    @Inject
    private ConventionDashboard dashboard;

    /** One page of the conventions the caller may see, latest period first, with their figures. */
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    public Page<ConventionViews.Summary> conventions(int first, int size) {
        return dashboard.summaries(ConventionScope.of(caller.account()), first, size);
    }

    /** One convention with its rules, its figures and its targets against what was achieved. */
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    public ConventionViews.Detail convention(long id) {
        Convention c = visible(id);
        ConventionViews.Summary s = dashboard.figures(id);
        List<ConventionViews.Target> targets = new ArrayList<>();
        ConventionDashboard.Achieved achieved = dashboard.achieved(c);
        if (c.getTargetAdvised() != null) {
            targets.add(new ConventionViews.Target("ADVISED", BigDecimal.valueOf(c.getTargetAdvised()),
                    BigDecimal.valueOf(achieved.advised())));
        }
        if (c.getTargetFinanced() != null) {
            targets.add(new ConventionViews.Target("FINANCED", BigDecimal.valueOf(c.getTargetFinanced()),
                    BigDecimal.valueOf(achieved.financed())));
        }
        if (c.getTargetJobs() != null) {
            targets.add(new ConventionViews.Target("JOBS", c.getTargetJobs(), achieved.jobs()));
        }
        return new ConventionViews.Detail(s, c.getInstruments().stream().map(Enum::name).sorted().toList(),
                List.copyOf(c.getDepartments()), c.getLegalForms().stream().map(Enum::name).sorted().toList(),
                c.getStages().stream().map(Enum::name).sorted().toList(), targets, c.getVersion());
    }

    /** Its allocations, newest first, paged in SQL. */
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    public Page<ConventionViews.AllocationRow> allocations(long conventionId, int first, int size) {
        checkVisible(conventionId);
        return dashboard.allocations(conventionId, first, size);
    }

    /** Amounts allocated (less releases) by instrument, department, legal form or stage. */
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    public List<ConventionViews.Breakdown> breakdown(long conventionId, BreakdownDimension dimension) {
        checkVisible(conventionId);
        return dashboard.breakdown(conventionId, dimension);
    }

    /** Month by month: allocated (less releases), disbursed and repaid, from the ledger. */
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    public List<ConventionViews.Point> consumption(long conventionId) {
        checkVisible(conventionId);
        return dashboard.consumption(conventionId);
    }

    /** The enterprises the convention funds, with amounts and jobs; no personal contact data. */
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    public Page<ConventionViews.Funded> funded(long conventionId, int first, int size) {
        checkVisible(conventionId);
        return dashboard.funded(conventionId, first, size);
    }

    // ---- administration -----------------------------------------------------------------------

    /** An administrator records a convention (DRAFT) with its eligibility rules and targets. */
    @RolesAllowed(Roles.ADMIN)
    public ConventionViews.Detail create(@Valid ConventionInput in) {
        UserAccount me = caller.account();
        if (in == null) {
            throw new InvalidInputException("reference", "field.required");
        }
        Partner partner = em.find(Partner.class, in.partnerId());
        if (partner == null) {
            throw new InvalidInputException("partnerId", "field.required");
        }
        Association association = me.getAssociation() != null ? me.getAssociation()
                : in.associationId() == null ? null : em.find(Association.class, in.associationId());
        if (association == null) {
            throw new InvalidInputException("associationId", "field.required");
        }
        ConventionKind kind = parse(ConventionKind.class, in.kind(), "kind");
        long same = em.createQuery("SELECT COUNT(c) FROM Convention c WHERE c.reference = :r", Long.class)
                .setParameter("r", in.reference() == null ? "" : in.reference().strip()).getSingleResult();
        if (same > 0) {
            throw new ConflictException("DUPLICATE", "convention.duplicate", in.reference());
        }
        Convention c = new Convention(in.reference(), partner, association, kind, in.periodStart(), in.periodEnd(),
                Money.of(in.amount()), in.revolving());
        c.restrictTo(enums(Instrument.class, in.instruments(), "instruments"), departments(in.departments()),
                enums(LegalForm.class, in.legalForms(), "legalForms"), enums(Stage.class, in.stages(), "stages"));
        c.setTargets(in.targetAdvised(), in.targetFinanced(), in.targetJobs());
        em.persist(c);
        UniqueKeys.flush(em, "uk_convention_reference",
                () -> new ConflictException("DUPLICATE", "convention.duplicate", c.getReference()));
        audit.record(me.getEmail(), "Convention", c.getId(), AuditAction.CREATE, "Convention " + c.getReference() + " of "
                + partner.getName() + ", " + c.getAmount().amount().toPlainString() + " EUR");
        return convention(c.getId());
    }

    @RolesAllowed(Roles.ADMIN)
    public ConventionViews.Detail activate(long id) {
        Convention c = locked(id);
        c.activate();
        em.flush();
        audit.record(caller.email(), "Convention", c.getId(), AuditAction.ACTIVATE, "Convention " + c.getReference() + " active");
        return convention(id);
    }

    @RolesAllowed(Roles.ADMIN)
    public ConventionViews.Detail close(long id) {
        Convention c = locked(id);
        c.close();
        em.flush();
        audit.record(caller.email(), "Convention", c.getId(), AuditAction.CLOSE, "Convention " + c.getReference() + " closed");
        return convention(id);
    }

    /** The financing partners, by name, for an administrator's choice list (a network has a few dozen). */
    @RolesAllowed(Roles.ADMIN)
    public List<ConventionViews.PartnerOption> partners() {
        return em.createQuery("SELECT p FROM Partner p ORDER BY p.name, p.id", Partner.class).setMaxResults(500).getResultList()
                .stream().map(p -> new ConventionViews.PartnerOption(p.getId(), p.getName(), p.getKind().name())).toList();
    }

    // ---- helpers -------------------------------------------------------------------------------

    /**
     * The same check as {@link #visible(long)} in one narrow statement, without loading the convention and its
     * four EAGER rule collections: what the dashboard's consumption, breakdowns and lists need before their
     * own query. The scope is the one that lists the conventions.
     */
    private void checkVisible(long id) {
        if (!dashboard.inScope(ConventionScope.of(caller.account()), id)) {
            throw new NotFoundException("convention");
        }
    }

    /** A convention the caller may see; anyone else is told it does not exist. */
    Convention visible(long id) {
        Convention c = em.find(Convention.class, id);
        if (c == null || !canSee(caller.account(), c)) {
            throw new NotFoundException("convention");
        }
        return c;
    }

    static boolean canSee(UserAccount me, Convention c) {
        return canSee(me, c.getPartner().getId(), c.getAssociation().getId());
    }

    /** The same on the convention's partner and association ids, read with other columns. */
    static boolean canSee(UserAccount me, long partnerId, long associationId) {
        ConventionScope scope = ConventionScope.of(me);
        return switch (scope.sql()) {
            case "c.partner_id = ?" -> Long.valueOf(partnerId).equals(scope.parameters().get(0));
            case "c.association_id = ?" -> Long.valueOf(associationId).equals(scope.parameters().get(0));
            case "1 = 1" -> true;
            default -> false;
        };
    }

    private Convention locked(long id) {
        Convention c = em.find(Convention.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || !canSee(caller.account(), c)) {
            throw new NotFoundException("convention");
        }
        return c;
    }

    private static <E extends Enum<E>> List<E> enums(Class<E> type, List<String> values, String field) {
        List<E> result = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            result.add(parse(type, v, field));
        }
        return result;
    }

    private static List<String> departments(List<String> values) {
        List<String> result = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            String d = v == null ? "" : v.strip().toUpperCase(Locale.ROOT);
            if (!d.matches("\\d{2}|2A|2B|\\d{3}")) {
                throw new InvalidInputException("departments", "convention.departmentInvalid", String.valueOf(v));
            }
            result.add(d);
        }
        return result;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "field.invalidChoice");
        }
    }
}
