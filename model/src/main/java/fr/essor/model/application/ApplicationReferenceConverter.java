package fr.essor.model.application;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an {@link ApplicationReference} as its text in {@code VARCHAR(30)}. */
@Converter(autoApply = true)
public class ApplicationReferenceConverter implements AttributeConverter<ApplicationReference, String> {

    @Override
    public String convertToDatabaseColumn(ApplicationReference reference) {
        return reference == null ? null : reference.toString();
    }

    @Override
    public ApplicationReference convertToEntityAttribute(String text) {
        return text == null ? null : ApplicationReference.parse(text);
    }
}
