package fr.essor.model.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Siret} as its 14 digits in {@code VARCHAR(14)}. */
@Converter(autoApply = true)
public class SiretConverter implements AttributeConverter<Siret, String> {

    @Override
    public String convertToDatabaseColumn(Siret siret) {
        return siret == null ? null : siret.value();
    }

    @Override
    public Siret convertToEntityAttribute(String value) {
        return value == null ? null : Siret.of(value);
    }
}
