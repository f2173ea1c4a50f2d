package fr.essor.service.support;

import fr.essor.model.support.SupportRecord;
import fr.essor.service.enterprise.EnterpriseView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What pages and the API show of support records; plain values, no entities. */
public final class SupportViews {

    /** The limits of a record's form: its longest duration and its longest notes. */
    public static final int MAX_DURATION_MINUTES = SupportRecord.MAX_DURATION_MINUTES;
    public static final int NOTES_MAX = SupportRecord.NOTES_MAX;

    private SupportViews() {
    }

    /** One record; {@code editable}/{@code deletable} say what the caller may do with it. */
    public record Record(long id, long enterpriseId, LocalDate date, String kind, int durationMinutes, String notes,
                         String advisorEmail, String advisorName, Instant createdAt, long version, boolean editable,
                         boolean deletable) {
    }

    /** An enterprise of the association with the advice it received. */
    public record EnterpriseRow(long id, String legalName, String siret, String department, String legalForm,
                                long supportCount, LocalDate lastSupportDate) {
    }

    /** An application of an enterprise as the advisor's enterprise page lists it. */
    public record ApplicationRow(long id, String reference, String title, String status) {
    }

    /** The enterprise page of an advisor: the profile and the applications filed (drafts excepted). */
    public record Profile(EnterpriseView enterprise, List<ApplicationRow> applications) {

        public Profile {
            applications = List.copyOf(applications);
        }
    }
}
