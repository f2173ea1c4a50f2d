package fr.essor.service.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import fr.essor.model.privacy.RetentionKind;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ProcessingRegisterTest {

    private static Map<RetentionKind, Integer> defaults() {
        Map<RetentionKind, Integer> months = new EnumMap<>(RetentionKind.class);
        for (RetentionKind k : RetentionKind.values()) {
            if (k.limited()) {
                months.put(k, k.defaultMonths());
            }
        }
        return months;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Set<String> fr = new TreeSet<>(Collections.list(ResourceBundle.getBundle("fr.essor.service.privacy.register", Locale.FRENCH).getKeys()));
        Set<String> en = new TreeSet<>(Collections.list(ResourceBundle.getBundle("fr.essor.service.privacy.register", Locale.ENGLISH).getKeys()));
        assertEquals(fr, en);
    }

    @Test
    void everyActivityHasItsPeriodsFromTheRules() {
        Map<RetentionKind, Integer> months = defaults();
        months.put(RetentionKind.DRAFT, 18);
        List<ProcessingRegister.Entry> entries = ProcessingRegister.entries(Locale.FRENCH, months);
        assertEquals(ProcessingRegister.Activity.values().length, entries.size());
        ProcessingRegister.Entry applications = entries.get(0);
        assertTrue(applications.retention().get(0).contains("18 mois"), applications.retention().toString());
        assertTrue(applications.retention().get(2).contains("120 mois"), applications.retention().toString());
        assertTrue(applications.recipients().contains("aucune donnée personnelle"), applications.recipients());
    }

    @Test
    void thePdfListsEveryActivityWithItsPeriods() throws Exception {
        byte[] pdf = ProcessingRegister.pdf(ProcessingRegister.entries(Locale.ENGLISH, defaults()), Locale.ENGLISH,
                LocalDate.of(2026, 12, 5));
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(extractor.getTextFromPage(p)).append('\n');
        }
        String all = text.toString();
        assertTrue(all.contains("Register of processing activities"), all);
        assertTrue(all.contains("Handling financing applications"), all);
        assertTrue(all.contains("deleted 12 months after their last change"), all);
        assertTrue(all.contains("Audit trail"), all);
    }
}
