package fr.essor.service.application;

/** The project step: title, stage, description, territory served. */
public record ProjectInput(String title, String stage, String description, String territory) {
}
