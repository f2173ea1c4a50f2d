package fr.essor.model.application;

public enum Stage {
    EMERGENCE, CREATION, DEVELOPMENT, CONSOLIDATION, TRANSFORMATION
}
