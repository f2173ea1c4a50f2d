package fr.essor.service.indicator;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.association.Association;
import fr.essor.model.indicator.YearClosing;
import fr.essor.service.association.Associations;
import fr.essor.service.config.DatabaseBootstrap;
import fr.essor.service.report.Table;
import fr.essor.service.report.TableExport;
import fr.essor.service.security.Caller;
import fr.essor.service.shared.ForbiddenException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Roles;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The indicators of an association or of the network for a year. Staff see their association, a
 * national administrator any association or the network, a partner the associations it has
 * conventions with.
 */
@Stateless
public class IndicatorService {

    @PersistenceContext(unitName = "essor")
    private EntityManager em;

    @Resource(lookup = DatabaseBootstrap.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private Caller caller;

    /** {@code associationCode} null or blank means the whole network (national administrators only). */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN, Roles.PARTNER})
    public Indicators indicators(String associationCode, int year) {
        if (year < 2000 || year > Year.now().getValue() + 1) {
            throw new InvalidInputException("year", "indicator.yearInvalid", Year.now().getValue() + 1);
        }
        UserAccount me = caller.account();
        Association association = null;
        if (associationCode != null && !associationCode.isBlank()) {
            association = Associations.byCode(em, associationCode.strip().toUpperCase(Locale.ROOT)).filter(a -> maySee(me, a))
                    .orElseThrow(() -> new NotFoundException("association"));
        } else if (!(me.hasRole(Role.ADMIN) && me.getAssociation() == null)) {
            if (me.getAssociation() == null) {
                throw new ForbiddenException();
            }
            association = me.getAssociation();
        }
        Long id = association == null ? null : association.getId();
        String code = association == null ? null : association.getCode();
        // a closed year shows what was published (partners were told these figures), not what the records say now
        List<YearClosing> closed = em.createQuery("SELECT c FROM YearClosing c WHERE c.inForce = :y", YearClosing.class)
                .setParameter("y", year).getResultList();
        try (Connection c = dataSource.getConnection()) {
            if (!closed.isEmpty()) {
                Indicators p = PublishedFigures.indicators(em, closed.get(0).getId(), closed.get(0).getClosedAt(), id, code, year);
                return IndicatorQueries.withTargets(p, IndicatorQueries.targets(c, id, year, p.advised(), p.financed(),
                        p.jobsCreated()));
            }
            return IndicatorQueries.compute(c, id, code, year);
        } catch (SQLException e) {
            throw new IllegalStateException("Indicators could not be computed", e);
        }
    }

    /** The yearly activity report as {@code pdf} or {@code xlsx}, in the caller's language. */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN, Roles.PARTNER})
    public byte[] activityReport(String associationCode, int year, String format, Locale locale) {
        Indicators i = indicators(associationCode, year);
        Table table = ActivityReport.table(i, locale);
        return switch (format == null ? "" : format.toLowerCase(Locale.ROOT)) {
            case "pdf" -> TableExport.pdf(table, locale);
            case "xlsx" -> TableExport.xlsx(table, locale);
            case "csv" -> TableExport.csv(table, locale);
            default -> throw new InvalidInputException("format", "field.invalidChoice");
        };
    }

    /** The associations the caller may choose on the indicators page (code and name). */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN, Roles.PARTNER})
    public List<String[]> associations() {
        UserAccount me = caller.account();
        return em.createQuery("SELECT a FROM Association a WHERE a.active = TRUE ORDER BY a.code", Association.class)
                .getResultList().stream().filter(a -> maySee(me, a)).map(a -> new String[] {a.getCode(), a.getName()}).toList();
    }

    private boolean maySee(UserAccount me, Association a) {
        if (me.hasRole(Role.ADMIN) && me.getAssociation() == null) {
            return true;
        }
        if ((me.hasRole(Role.ADVISOR) || me.hasRole(Role.ADMIN)) && a.equals(me.getAssociation())) {
            return true;
        }
        return me.hasRole(Role.PARTNER) && me.getPartner() != null
                && em.createQuery("SELECT COUNT(c) FROM Convention c WHERE c.partner = :p AND c.association = :a", Long.class)
                .setParameter("p", me.getPartner()).setParameter("a", a).getSingleResult() > 0;
    }
}
