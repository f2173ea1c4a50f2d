package fr.essor.model.enterprise;

public enum LegalForm {
    ASSOCIATION, SCOP, SCIC, SAS_ESUS, SARL_ESUS, OTHER
}
