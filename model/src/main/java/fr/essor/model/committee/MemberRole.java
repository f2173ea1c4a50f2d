package fr.essor.model.committee;

/** A member's seat on a committee: the chair opens and closes sessions and records decisions. */
public enum MemberRole {
    CHAIR,
    MEMBER
}
