package fr.essor.service.indicator;

import fr.essor.service.report.Table;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** The national figures as tables for export: a year by association with the network's total; the trend by year. */
final class NationalReport {

    private NationalReport() {
    }

    static Table byAssociation(NationalFigures f, Locale locale) {
        ResourceBundle text = ResourceBundle.getBundle("fr.essor.service.report.letters", locale);
        List<Table.Column> columns = new ArrayList<>();
        columns.add(new Table.Column(text.getString("national.association"), Table.Kind.TEXT));
        columns.add(new Table.Column(text.getString("national.name"), Table.Kind.TEXT));
        columns.addAll(figureColumns(text));
        List<List<Object>> rows = new ArrayList<>();
        for (Figures a : f.associations()) {
            rows.add(row(a.association(), a.name(), a));
        }
        rows.add(row(text.getString("national.network"), null, f.network()));
        String title = new MessageFormat(text.getString("national.title"), locale).format(new Object[] {String.valueOf(f.year())});
        return new Table(title, columns, rows);
    }

    static Table trend(Trend t, Locale locale) {
        ResourceBundle text = ResourceBundle.getBundle("fr.essor.service.report.letters", locale);
        List<Table.Column> columns = new ArrayList<>();
        columns.add(new Table.Column(text.getString("national.year"), Table.Kind.TEXT));
        columns.addAll(figureColumns(text));
        columns.add(new Table.Column(text.getString("national.published"), Table.Kind.DATE));
        List<List<Object>> rows = new ArrayList<>();
        for (Figures y : t.years()) {
            LocalDate published = y.published() == null ? null
                    : LocalDate.ofInstant(y.published(), NationalFiguresService.NETWORK_ZONE);
            List<Object> r = row(String.valueOf(y.year()), null, y);
            r.remove(1);
            r.add(published);
            rows.add(r);
        }
        String title = new MessageFormat(text.getString("national.trendTitle"), locale)
                .format(new Object[] {String.valueOf(t.from()), String.valueOf(t.to())});
        return new Table(title, columns, rows);
    }

    private static List<Table.Column> figureColumns(ResourceBundle text) {
        return List.of(new Table.Column(text.getString("activity.advised"), Table.Kind.INTEGER),
                new Table.Column(text.getString("activity.financed"), Table.Kind.INTEGER),
                new Table.Column(text.getString("activity.mobilised"), Table.Kind.MONEY),
                new Table.Column(text.getString("activity.granted"), Table.Kind.MONEY),
                new Table.Column(text.getString("activity.leverage"), Table.Kind.DECIMAL),
                new Table.Column(text.getString("activity.jobsCreated"), Table.Kind.DECIMAL),
                new Table.Column(text.getString("activity.jobsMaintained"), Table.Kind.DECIMAL));
    }

    private static List<Object> row(String first, String second, Figures f) {
        List<Object> r = new ArrayList<>();
        r.add(first);
        r.add(second);
        r.add(f.advised());
        r.add(f.financed());
        r.add(f.mobilised());
        r.add(f.granted());
        r.add(f.leverage());
        r.add(f.jobsCreated());
        r.add(f.jobsMaintained());
        return r;
    }
}
