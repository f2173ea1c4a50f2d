package fr.essor.service.agreement;

import fr.essor.model.agreement.AgreementKind;
import fr.essor.model.application.Application;
import fr.essor.model.application.FinancingLine;
import fr.essor.model.application.Instrument;
import fr.essor.model.committee.DecisionCondition;
import fr.essor.model.committee.GrantedLine;
import fr.essor.model.enterprise.Enterprise;
import fr.essor.model.shared.Money;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The values of a template's fields ({@link fr.essor.model.agreement.TemplateText#FIELDS}) for one
 * granted line of a file, formatted for the agreement's language; and made-up values of the same
 * shape for the administrator's preview.
 */
public final class AgreementFields {

    private AgreementFields() {
    }

    /** The values for the agreement of that line; {@code conditions} are the decision's, those of other lines left out. */
    public static Map<String, String> of(GrantedLine line, List<DecisionCondition> conditions, int templateNumber,
                                         Locale locale, LocalDate today) {
        ResourceBundle text = text(locale);
        ResourceBundle letters = ResourceBundle.getBundle("fr.essor.service.report.letters", locale);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        Application a = line.getDecision().getApplication();
        Enterprise e = a.getEnterprise();
        Map<String, String> v = new HashMap<>();
        v.put("association.name", a.association().getName());
        v.put("file.reference", a.getReference().toString());
        v.put("file.title", a.getTitle());
        v.put("decision.date", dates.format(line.getDecision().getDecisionDate()));
        v.put("enterprise.name", e.getLegalName());
        v.put("enterprise.siret", e.getSiret() == null ? "" : e.getSiret().formatted());
        v.put("enterprise.legalForm", e.getLegalForm() == null ? "" : letters.getString("LegalForm." + e.getLegalForm().name()));
        v.put("enterprise.address", address(e));
        putLine(v, line.getLine(), text, letters, locale);
        StringBuilder lines = new StringBuilder();
        Money total = Money.zero();
        for (GrantedLine g : line.getDecision().getGranted()) {
            lines.append(lines.length() == 0 ? "" : "\n").append("• ").append(describe(g.getLine(), text, letters, locale));
            total = total.plus(g.getLine().getAmount());
        }
        v.put("lines", lines.toString());
        v.put("total", total.format(locale));
        StringBuilder cs = new StringBuilder();
        for (DecisionCondition c : conditions) {
            if (c.getLine() == null || c.getLine().equals(line)) {
                cs.append(cs.length() == 0 ? "" : "\n").append("• ").append(format(text, locale, "fields.condition", c.getText(),
                        dates.format(c.getDueDate())));
            }
        }
        v.put("conditions", cs.length() == 0 ? text.getString("fields.noCondition") : cs.toString());
        v.put("template.version", String.valueOf(templateNumber));
        v.put("today", dates.format(today));
        return v;
    }

    /** Made-up values for a preview of a template of that kind: a fictitious enterprise and line. */
    public static Map<String, String> sample(String associationName, AgreementKind kind, int templateNumber, Locale locale,
                                             LocalDate today) {
        ResourceBundle text = text(locale);
        ResourceBundle letters = ResourceBundle.getBundle("fr.essor.service.report.letters", locale);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        FinancingLine line = switch (kind) {
            case LOAN -> FinancingLine.of(Instrument.HONOUR_LOAN, Money.of("8000.00"), 60, null, null, null);
            case GUARANTEE -> FinancingLine.of(Instrument.GUARANTEE, Money.of("20000.00"), 84, "Crédit Coopératif",
                    Money.of("40000.00"), new BigDecimal("50.00"));
            case GRANT -> FinancingLine.of(Instrument.GRANT, Money.of("5000.00"), null, null, null, null);
        };
        Map<String, String> v = new HashMap<>();
        v.put("association.name", associationName);
        v.put("file.reference", "CVL-" + today.getYear() + "-0001");
        v.put("file.title", text.getString("sample.title"));
        v.put("decision.date", dates.format(today.minusDays(10)));
        v.put("enterprise.name", text.getString("sample.enterprise"));
        v.put("enterprise.siret", "732 829 320 00074");
        v.put("enterprise.legalForm", letters.getString("LegalForm.SCIC"));
        v.put("enterprise.address", "1 rue de la République, 45000 Orléans");
        putLine(v, line, text, letters, locale);
        v.put("lines", "• " + describe(line, text, letters, locale));
        v.put("total", line.getAmount().format(locale));
        v.put("conditions", "• " + format(text, locale, "fields.condition", text.getString("sample.condition"),
                dates.format(today.plusDays(30))));
        v.put("template.version", String.valueOf(templateNumber));
        v.put("today", dates.format(today));
        return v;
    }

    private static void putLine(Map<String, String> v, FinancingLine l, ResourceBundle text, ResourceBundle letters,
                                Locale locale) {
        v.put("line.instrument", letters.getString("Instrument." + l.getInstrument().name()));
        v.put("line.amount", l.getAmount().format(locale));
        v.put("line.duration", l.getDurationMonths() == null ? text.getString("fields.none")
                : format(text, locale, "fields.months", l.getDurationMonths()));
        v.put("line.bank", l.getBankName() == null ? text.getString("fields.none") : l.getBankName());
        v.put("line.bankLoan", l.getBankLoanAmount() == null ? text.getString("fields.none") : l.getBankLoanAmount().format(locale));
        v.put("line.guaranteedShare", l.getGuaranteedShare() == null ? text.getString("fields.none")
                : l.getGuaranteedShare().stripTrailingZeros().toPlainString() + " %");
    }

    private static String describe(FinancingLine l, ResourceBundle text, ResourceBundle letters, Locale locale) {
        StringBuilder sb = new StringBuilder(letters.getString("Instrument." + l.getInstrument().name())).append(" : ")
                .append(l.getAmount().format(locale));
        if (l.getDurationMonths() != null) {
            sb.append(", ").append(format(text, locale, "fields.months", l.getDurationMonths()));
        }
        return sb.toString();
    }

    private static String address(Enterprise e) {
        String line = e.getAddressLine() == null ? "" : e.getAddressLine();
        String city = ((e.getPostalCode() == null ? "" : e.getPostalCode()) + " " + (e.getCity() == null ? "" : e.getCity())).strip();
        return line.isEmpty() ? city : city.isEmpty() ? line : line + ", " + city;
    }

    static ResourceBundle text(Locale locale) {
        return ResourceBundle.getBundle("fr.essor.service.agreement.agreements", locale);
    }

    static String format(ResourceBundle text, Locale locale, String key, Object... args) {
        return new MessageFormat(text.getString(key), locale).format(args);
    }
}
