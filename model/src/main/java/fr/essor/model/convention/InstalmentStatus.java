package fr.essor.model.convention;

public enum InstalmentStatus {
    DUE,
    PAID,
    LATE,
    WRITTEN_OFF
}
