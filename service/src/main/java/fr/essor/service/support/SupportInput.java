package fr.essor.service.support;

import fr.essor.model.support.SupportKind;
import java.time.LocalDate;

/** A support record as typed, its values parsed at the edge (the page's select, the API's resource). */
public record SupportInput(LocalDate date, SupportKind kind, Integer durationMinutes, String notes) {
}
