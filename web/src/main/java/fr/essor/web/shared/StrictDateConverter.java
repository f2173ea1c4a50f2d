package fr.essor.web.shared;

import fr.essor.web.i18n.Format;
import fr.essor.web.i18n.Messages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * A day typed in the page's order ({@code dd/MM/yyyy} in French, {@code MM/dd/yyyy} in English), read strictly: PrimeFaces' own parsing is lenient and stored
 * 31/02/2026 as 03/03/2026. A day that does not exist, or a year outside 1900-2100, is refused with
 * a message on the field.
 */
@FacesConverter("essor.strictDate")
public class StrictDateConverter implements Converter<LocalDate> {

    private static DateTimeFormatter day(FacesContext context) {
        String pattern = Format.datePattern(context.getViewRoot().getLocale()).replace("yyyy", "uuuu");
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    @Override
    public LocalDate getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip(), day(context));
            if (day.getYear() >= 1900 && day.getYear() <= 2100) {
                return day;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        Object label = component.getAttributes().get("label");
        String text = Messages.text(context.getViewRoot().getLocale(), "converter.day", label == null ? "" : label);
        throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, LocalDate value) {
        return value == null ? "" : value.format(day(context));
    }
}
