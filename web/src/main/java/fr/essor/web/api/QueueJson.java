package fr.essor.web.api;

import fr.essor.service.application.QueueRow;
import fr.essor.service.application.QueueService;

/** Transfer objects of the advisors' work queue; amounts as strings with two decimals, instants ISO-8601. */
public final class QueueJson {

    private QueueJson() {
    }

    public record QueueItemOut(long id, String reference, String title, String enterprise, String siret, String department,
                               String stage, String status, String requested, String submittedAt, Long advisorId,
                               String advisor, long version) {
        static QueueItemOut of(QueueRow r) {
            return new QueueItemOut(r.id(), r.reference(), r.title(), r.enterpriseName(), r.siret(), r.department(),
                    r.stage().name(), r.status().name(), r.requested() == null ? "0.00" : r.requested().toPlainString(),
                    r.submittedAt() == null ? null : r.submittedAt().toString(), r.advisorId(), r.advisorName(), r.version());
        }
    }

    /** {@code {"advisorId": 12 or null, "version": 3}}. */
    public record AssigneeRequest(Long advisorId, Long version) {
    }

    public record AssignmentOut(long id, Long advisorId, String advisor, long version) {
        static AssignmentOut of(QueueService.Assignment a) {
            return new AssignmentOut(a.applicationId(), a.advisorId(), a.advisorName(), a.version());
        }
    }

    public record AdvisorOut(long id, String name) {
    }
}
