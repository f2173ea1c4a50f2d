package fr.essor.model.committee;

public enum VoteChoice {
    FOR,
    AGAINST,
    ABSTAIN
}
