package fr.essor.service.support;

import java.time.LocalDate;

/**
 * A support record as typed: the kind is the name of a {@code SupportKind}, checked by the
 * service, so that a page or the API can report an unknown kind on its field.
 */
public record SupportInput(LocalDate date, String kind, Integer durationMinutes, String notes) {
}
