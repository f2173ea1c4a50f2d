package fr.essor.service.application;

import fr.essor.model.application.ApplicationStatus;
import fr.essor.model.application.Instrument;
import fr.essor.model.application.Stage;
import java.io.Serializable;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the advisor's work queue shows: every criterion is optional (null, or an empty status set,
 * means "any"). Drafts never reach the queue: they are the applicant's until submitted.
 *
 * <p>A filter saves as a short query string ({@link #serialize()}), e.g.
 * {@code status=SUBMITTED,IN_REVIEW&department=45&advisor=none&q=fabrique}, and reads back with
 * {@link #parse(String)}, which ignores what it does not understand rather than failing: a saved
 * filter must survive a renamed enum constant or a hand-edited row.
 */
public record QueueFilter(Set<ApplicationStatus> statuses, Stage stage, Instrument instrument, String department,
                          Long advisorId, boolean unassigned, LocalDate submittedFrom, LocalDate submittedTo,
                          String text) implements Serializable {

    public static final int TEXT_MAX = 100;
    public static final int DEPARTMENT_MAX = 3;

    /** The statuses where the association has work to do: the default of the queue. */
    public static final Set<ApplicationStatus> NEEDING_WORK = Collections.unmodifiableSet(EnumSet.of(
            ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW, ApplicationStatus.INFO_REQUESTED,
            ApplicationStatus.READY_FOR_COMMITTEE, ApplicationStatus.ON_AGENDA));

    public QueueFilter {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(statuses));
        department = blankToNull(department);
        department = department == null ? null : department.toUpperCase(Locale.ROOT);
        text = blankToNull(text);
        if (unassigned) {
            advisorId = null;
        }
    }

    /** Every application of the scope. */
    public static QueueFilter any() {
        return new QueueFilter(Set.of(), null, null, null, null, false, null, null, null);
    }

    /** The queue's default: files needing work, whoever holds them. */
    public static QueueFilter needingWork() {
        return any().withStatuses(NEEDING_WORK);
    }

    public QueueFilter withStatuses(Set<ApplicationStatus> newStatuses) {
        return new QueueFilter(newStatuses, stage, instrument, department, advisorId, unassigned, submittedFrom, submittedTo, text);
    }

    public QueueFilter withText(String newText) {
        return new QueueFilter(statuses, stage, instrument, department, advisorId, unassigned, submittedFrom, submittedTo, newText);
    }

    public QueueFilter assignedTo(Long newAdvisorId) {
        return new QueueFilter(statuses, stage, instrument, department, newAdvisorId, false, submittedFrom, submittedTo, text);
    }

    public QueueFilter onlyUnassigned() {
        return new QueueFilter(statuses, stage, instrument, department, null, true, submittedFrom, submittedTo, text);
    }

    public QueueFilter withStage(Stage newStage) {
        return new QueueFilter(statuses, newStage, instrument, department, advisorId, unassigned, submittedFrom, submittedTo, text);
    }

    public QueueFilter withInstrument(Instrument newInstrument) {
        return new QueueFilter(statuses, stage, newInstrument, department, advisorId, unassigned, submittedFrom, submittedTo, text);
    }

    public QueueFilter inDepartment(String newDepartment) {
        return new QueueFilter(statuses, stage, instrument, newDepartment, advisorId, unassigned, submittedFrom, submittedTo, text);
    }

    public QueueFilter submittedBetween(LocalDate from, LocalDate to) {
        return new QueueFilter(statuses, stage, instrument, department, advisorId, unassigned, from, to, text);
    }

    /** The query-string form stored with a saved filter; parameters in a fixed order, values URL-encoded. */
    public String serialize() {
        List<String> parts = new ArrayList<>();
        if (!statuses.isEmpty()) {
            parts.add("status=" + String.join(",", statuses.stream().map(Enum::name).toList()));
        }
        add(parts, "stage", stage == null ? null : stage.name());
        add(parts, "instrument", instrument == null ? null : instrument.name());
        add(parts, "department", department);
        add(parts, "advisor", unassigned ? "none" : advisorId == null ? null : advisorId.toString());
        add(parts, "from", submittedFrom == null ? null : submittedFrom.toString());
        add(parts, "to", submittedTo == null ? null : submittedTo.toString());
        add(parts, "q", text);
        return String.join("&", parts);
    }

    /** Reads {@link #serialize()}'s form back; unknown keys and unreadable values are skipped. */
    public static QueueFilter parse(String serialized) {
        Set<ApplicationStatus> statuses = EnumSet.noneOf(ApplicationStatus.class);
        Stage stage = null;
        Instrument instrument = null;
        String department = null;
        Long advisorId = null;
        boolean unassigned = false;
        LocalDate from = null;
        LocalDate to = null;
        String text = null;
        if (serialized != null) {
            for (String part : serialized.split("&")) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String key = part.substring(0, eq).trim();
                String value = decode(part.substring(eq + 1));
                if (value == null || value.isBlank()) {
                    continue;
                }
                switch (key) {
                    case "status" -> {
                        for (String s : value.split(",")) {
                            ApplicationStatus st = enumValue(ApplicationStatus.class, s);
                            if (st != null) {
                                statuses.add(st);
                            }
                        }
                    }
                    case "stage" -> stage = enumValue(Stage.class, value);
                    case "instrument" -> instrument = enumValue(Instrument.class, value);
                    case "department" -> department = value.length() <= DEPARTMENT_MAX ? value : null;
                    case "advisor" -> {
                        if ("none".equalsIgnoreCase(value.trim())) {
                            unassigned = true;
                        } else {
                            advisorId = longValue(value);
                        }
                    }
                    case "from" -> from = date(value);
                    case "to" -> to = date(value);
                    case "q" -> text = value.length() <= TEXT_MAX ? value : value.substring(0, TEXT_MAX);
                    default -> {
                        // a criterion this version does not know: ignored
                    }
                }
            }
        }
        return new QueueFilter(statuses, stage, instrument, department, advisorId, unassigned, from, to, text);
    }

    private static void add(List<String> parts, String key, String value) {
        if (value != null) {
            parts.add(key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long longValue(String value) {
        try {
            long v = Long.parseLong(value.trim());
            return v > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
