package fr.essor.model.followup;

/** How a follow-up's answer came in: the entrepreneur's form, or the advisor after a visit or a call. */
public enum FollowUpChannel {
    ONLINE,
    VISIT,
    CALL;

    /** The channels an advisor records an answer through. */
    public boolean byAdvisor() {
        return this != ONLINE;
    }
}
