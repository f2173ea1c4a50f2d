package fr.essor.web.shared;

import fr.essor.web.i18n.Messages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.math.BigDecimal;
import java.text.NumberFormat;

/**
 * Amounts and figures as people type them: {@code 1 500,50} or {@code 1500.50}; shown back in the
 * page's locale without grouping. Exact: never goes through {@code double}.
 */
@FacesConverter("essor.decimal")
public class DecimalConverter implements Converter<BigDecimal> {

    @Override
    public BigDecimal getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("€", "").replace(',', '.');
        if (v.length() > 30 || !v.matches("-?\\d+(\\.\\d+)?")) {
            Object label = component.getAttributes().get("label");
            String text = Messages.text(context.getViewRoot().getLocale(), "converter.decimal", label == null ? "" : label);
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
        return new BigDecimal(v);
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, BigDecimal value) {
        if (value == null) {
            return "";
        }
        NumberFormat nf = NumberFormat.getNumberInstance(context.getViewRoot().getLocale());
        nf.setGroupingUsed(false);
        nf.setMinimumFractionDigits(value.scale() > 0 ? Math.min(value.scale(), 2) : 0);
        nf.setMaximumFractionDigits(Math.max(2, value.scale()));
        return nf.format(value);
    }
}
