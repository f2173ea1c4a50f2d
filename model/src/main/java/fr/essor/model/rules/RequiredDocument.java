package fr.essor.model.rules;

import fr.essor.model.application.DocumentKind;
import fr.essor.model.application.Instrument;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/** One line of an association's document checklist: a file requesting the instrument must hold a document of the kind. */
@Embeddable
public class RequiredDocument {

    @Enumerated(EnumType.STRING)
    @Column(name = "instrument", length = 20, nullable = false)
    private Instrument instrument;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 20, nullable = false)
    private DocumentKind kind;

    protected RequiredDocument() {
    }

    public RequiredDocument(Instrument instrument, DocumentKind kind) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Instrument getInstrument() {
        return instrument;
    }

    public DocumentKind getKind() {
        return kind;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequiredDocument r && r.instrument == instrument && r.kind == kind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(instrument, kind);
    }
}
