package fr.essor.web.afterdecision;

import fr.essor.model.committee.ConditionKind;
import fr.essor.model.committee.ConditionLifter;
import fr.essor.service.committee.ConditionInput;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.web.shared.Params;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One condition precedent as the chair types it on the session page; a row left without text is no condition. */
public class ConditionRow implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Rows offered per decision form. */
    public static final int ROWS = 3;

    private String kind;
    private String text;
    private LocalDate dueDate;
    private String line;
    private String liftedBy;

    public static List<ConditionRow> blank() {
        List<ConditionRow> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(new ConditionRow());
        }
        return rows;
    }

    /** The rows with a text, as typed values (an unknown choice refused on its field). */
    public static List<ConditionInput> inputs(List<ConditionRow> rows) {
        List<ConditionInput> items = new ArrayList<>();
        for (ConditionRow r : rows == null ? List.<ConditionRow>of() : rows) {
            if (r.text == null || r.text.isBlank()) {
                continue;
            }
            items.add(new ConditionInput(Params.choice(ConditionKind.class, "kind", r.kind, "condition.kindInvalid"), r.text,
                    Params.choice(ConditionLifter.class, "liftedBy", r.liftedBy, "condition.kindInvalid"), r.dueDate,
                    r.line == null || r.line.isBlank() ? null : lineNo(r.line)));
        }
        return items;
    }

    private static Integer lineNo(String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("line", "condition.lineUnknown");
        }
    }

    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getText() { return text; }
    public void setText(String v) { text = v; }
    public LocalDate getDueDate() { return dueDate; }
    public void setDueDate(LocalDate v) { dueDate = v; }
    public String getLine() { return line; }
    public void setLine(String v) { line = v; }
    public String getLiftedBy() { return liftedBy; }
    public void setLiftedBy(String v) { liftedBy = v; }
}
