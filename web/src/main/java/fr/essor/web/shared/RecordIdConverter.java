package fr.essor.web.shared;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;

/**
 * The {@code ?id=} of a page that shows one record. Anything that is not a record id ({@code abc},
 * {@code 1e3}, a number beyond a long) is no id at all: the page's view action then answers 404
 * as for an id that does not exist, where the standard converter failed the view and the page
 * rendered without its record (a 500).
 */
@FacesConverter("essor.recordId")
public class RecordIdConverter implements Converter<Long> {

    @Override
    public Long getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank() || value.length() > 18 || !value.strip().matches("\\d+")) {
            return null;
        }
        return Long.valueOf(value.strip());
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Long value) {
        return value == null ? "" : value.toString();
    }
}
