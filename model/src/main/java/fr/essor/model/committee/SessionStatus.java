package fr.essor.model.committee;

/** PLANNED → OPEN → CLOSED; a closed session and its decisions never change again. */
public enum SessionStatus {
    PLANNED,
    OPEN,
    CLOSED
}
