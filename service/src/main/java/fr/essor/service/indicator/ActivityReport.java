package fr.essor.service.indicator;

import fr.essor.service.report.Table;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The yearly activity report as one table: the headline figures, then each breakdown. */
final class ActivityReport {

    private ActivityReport() {
    }

    static Table table(Indicators i, Locale locale) {
        ResourceBundle text = ResourceBundle.getBundle("fr.essor.service.report.letters", locale);
        String scope = i.association() == null ? text.getString("activity.network") : i.association();
        List<Table.Column> columns = List.of(new Table.Column(text.getString("activity.section"), Table.Kind.TEXT),
                new Table.Column(text.getString("activity.item"), Table.Kind.TEXT),
                new Table.Column(text.getString("activity.enterprises"), Table.Kind.INTEGER),
                new Table.Column(text.getString("activity.amount"), Table.Kind.MONEY),
                new Table.Column(text.getString("activity.value"), Table.Kind.DECIMAL));
        List<List<Object>> rows = new ArrayList<>();
        String summary = text.getString("activity.summary");
        rows.add(row(summary, text.getString("activity.advised"), i.advised(), null, null));
        rows.add(row(summary, text.getString("activity.financed"), i.financed(), null, null));
        rows.add(row(summary, text.getString("activity.mobilised"), null, i.mobilised(), null));
        rows.add(row(summary, text.getString("activity.granted"), null, i.granted(), null));
        rows.add(row(summary, text.getString("activity.leverage"), null, null, i.leverage()));
        rows.add(row(summary, text.getString("activity.jobsCreated"), null, null, i.jobsCreated()));
        rows.add(row(summary, text.getString("activity.jobsMaintained"), null, null, i.jobsMaintained()));
        String instruments = text.getString("activity.byInstrument");
        for (Map.Entry<String, BigDecimal> e : i.byInstrument().entrySet()) {
            rows.add(row(instruments, label(text, "Instrument." + e.getKey(), e.getKey()), null, e.getValue(), null));
        }
        for (Object[] part : Arrays.asList(new Object[] {"activity.byDepartment", null, i.byDepartment()},
                new Object[] {"activity.byLegalForm", "LegalForm.", i.byLegalForm()},
                new Object[] {"activity.byStage", "Stage.", i.byStage()})) {
            String section = text.getString((String) part[0]);
            @SuppressWarnings("unchecked")
            List<Indicators.Breakdown> breakdowns = (List<Indicators.Breakdown>) part[2];
            for (Indicators.Breakdown b : breakdowns) {
                String item = part[1] == null ? b.key() : label(text, part[1] + b.key(), b.key());
                rows.add(row(section, item, b.financed(), b.mobilised(), null));
            }
        }
        String targets = text.getString("activity.targets");
        for (Indicators.Target t : i.targets()) {
            rows.add(row(targets, t.convention() + " — " + label(text, "activity.target." + t.name(), t.name()) + " ("
                    + text.getString("activity.target") + " " + t.target().stripTrailingZeros().toPlainString() + ")",
                    null, null, t.achieved()));
        }
        return new Table(DecisionLetterFormat.format(text, locale, "activity.title", scope, String.valueOf(i.year())), columns, rows);
    }

    private static List<Object> row(String section, String item, Long count, BigDecimal amount, BigDecimal value) {
        List<Object> r = new ArrayList<>();
        r.add(section);
        r.add(item);
        r.add(count);
        r.add(amount);
        r.add(value);
        return r;
    }

    private static List<Object> row(String section, String item, long count, BigDecimal amount, BigDecimal value) {
        return row(section, item, Long.valueOf(count), amount, value);
    }

    private static String label(ResourceBundle text, String key, String fallback) {
        try {
            return text.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    /** MessageFormat with the bundle's apostrophe convention. */
    static final class DecisionLetterFormat {
        private DecisionLetterFormat() {
        }

        static String format(ResourceBundle text, Locale locale, String key, Object... args) {
            return new MessageFormat(text.getString(key), locale).format(args);
        }
    }
}
