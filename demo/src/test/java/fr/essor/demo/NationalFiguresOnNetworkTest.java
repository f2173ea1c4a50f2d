package fr.essor.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.service.indicator.Figures;
import fr.essor.service.indicator.IndicatorQueries;
import fr.essor.service.indicator.Indicators;
import fr.essor.service.indicator.NationalQueries;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, part 4, on a generated network (4 associations, 3 years, on H2): the national figures by
 * association and year, from their three grouped statements, are each association's indicators, and their
 * sum is the network's; the closing's one-pass computation gives the same.
 */
class NationalFiguresOnNetworkTest {

    private static final NetworkGenerator.Scale SCALE = new NetworkGenerator.Scale(4, 2023, 3, 150, 11L, LocalDate.of(2026, 11, 15));
    private static Connection c;

    @BeforeAll
    static void generate() throws SQLException {
        String url = "jdbc:h2:mem:national;MODE=LEGACY;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        c = DriverManager.getConnection(url, "sa", "");
        NetworkGenerator.generate(c, SCALE);
    }

    @AfterAll
    static void close() throws SQLException {
        c.close();
    }

    @Test
    void theAssociationsAddUpToTheNetworkEveryYear() throws SQLException {
        List<NationalQueries.Association> associations = NationalQueries.associations(c);
        assertEquals(4, associations.size());
        Map<Integer, List<Figures>> all = NationalQueries.byAssociationAndYear(c, associations, SCALE.firstYear(), SCALE.lastYear());
        assertEquals(3, all.size());
        for (Map.Entry<Integer, List<Figures>> year : all.entrySet()) {
            int y = year.getKey();
            Indicators network = IndicatorQueries.compute(c, null, null, y);
            long advised = 0;
            long financed = 0;
            BigDecimal mobilised = BigDecimal.ZERO.setScale(2);
            BigDecimal granted = BigDecimal.ZERO.setScale(2);
            BigDecimal jobs = BigDecimal.ZERO.setScale(2);
            for (int i = 0; i < associations.size(); i++) {
                Figures f = year.getValue().get(i);
                NationalQueries.Association a = associations.get(i);
                Indicators own = IndicatorQueries.compute(c, a.id(), a.code(), y);
                assertEquals(a.code(), f.association());
                assertEquals(own.advised(), f.advised(), a.code() + " " + y + " advised");
                assertEquals(own.financed(), f.financed(), a.code() + " " + y + " financed");
                assertEquals(own.mobilised(), f.mobilised(), a.code() + " " + y + " mobilised");
                assertEquals(own.granted(), f.granted(), a.code() + " " + y + " granted");
                assertEquals(own.leverage(), f.leverage(), a.code() + " " + y + " leverage");
                assertEquals(own.jobsCreated(), f.jobsCreated(), a.code() + " " + y + " jobs created");
                assertEquals(own.jobsMaintained(), f.jobsMaintained(), a.code() + " " + y + " jobs maintained");
                advised += f.advised();
                financed += f.financed();
                mobilised = mobilised.add(f.mobilised());
                granted = granted.add(f.granted());
                jobs = jobs.add(f.jobsCreated());
            }
            assertTrue(network.financed() > 0, "the generated year " + y + " has financed enterprises");
            assertEquals(network.advised(), advised, y + ": the associations' advised add up to the network's");
            assertEquals(network.financed(), financed, y + ": financed");
            assertEquals(network.mobilised(), mobilised, y + ": mobilised");
            assertEquals(network.granted(), granted, y + ": granted");
            assertEquals(network.jobsCreated(), jobs, y + ": jobs created");
        }
    }

    @Test
    void theClosingsOnePassGivesEachAssociationsAndTheNetworksIndicators() throws SQLException {
        Map<Long, String> codes = new LinkedHashMap<>();
        for (NationalQueries.Association a : NationalQueries.associations(c)) {
            codes.put(a.id(), a.code());
        }
        int y = SCALE.lastYear() - 1;
        Map<Long, Indicators> all = IndicatorQueries.computeAll(c, codes, y);
        assertEquals(codes.size() + 1, all.size());
        for (Map.Entry<Long, Indicators> e : all.entrySet()) {
            Indicators expected = IndicatorQueries.compute(c, e.getKey(), e.getKey() == null ? null : codes.get(e.getKey()), y);
            Indicators got = e.getValue();
            assertEquals(expected.advised(), got.advised(), "advised " + e.getKey());
            assertEquals(expected.financed(), got.financed(), "financed " + e.getKey());
            assertEquals(expected.mobilised(), got.mobilised(), "mobilised " + e.getKey());
            assertEquals(expected.byInstrument(), got.byInstrument(), "by instrument " + e.getKey());
            assertEquals(expected.byDepartment(), got.byDepartment(), "by department " + e.getKey());
            assertEquals(expected.byLegalForm(), got.byLegalForm(), "by legal form " + e.getKey());
            assertEquals(expected.byStage(), got.byStage(), "by stage " + e.getKey());
        }
    }
}
