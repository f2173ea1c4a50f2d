package fr.essor.service.privacy;

/** What one run of the retention job did, per rule, and what it skipped because an administrator holds it. */
public record RetentionRun(int draftsDeleted, int closedFilesAnonymised, int financedFilesAnonymised, int accountsErased,
        int erasureRequestsCarriedOut, int held) {
}
