package fr.essor.service.application;

import fr.essor.model.application.Stage;

/** The project step: title, stage, description, territory served. */
public record ProjectInput(String title, Stage stage, String description, String territory) {
}
