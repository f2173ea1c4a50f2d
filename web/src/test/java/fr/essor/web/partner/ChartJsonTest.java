package fr.essor.web.partner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ChartJsonTest {

    @Test
    void theAxesAreWrittenInThePagesLanguage() {
        String french = ChartJson.bars(Locale.FRENCH, List.of("Prêt d'honneur"), "Accordé", List.of(new BigDecimal("25000.00")));
        String english = ChartJson.line(Locale.ENGLISH, List.of("2021-01"),
                List.of(new ChartJson.Series("Allocated", List.of(new BigDecimal("25000.00")))));
        assertTrue(french.contains("\"locale\":\"fr\""), french);
        assertTrue(english.contains("\"locale\":\"en\""), english);
    }

    @Test
    void aLabelCannotCloseTheScript() {
        String json = ChartJson.bars(Locale.FRENCH, List.of("</script><b>"), "x", List.of(BigDecimal.ONE));
        assertTrue(!json.contains("</script>") && !json.contains("<b>"), json);
    }
}
