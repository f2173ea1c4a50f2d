package fr.essor.model.application;

/** The criteria of the analysis grid, each scored from 1 (weak) to 5 (strong). */
public enum ScoreCriterion {
    SOCIAL_UTILITY,
    ECONOMIC_VIABILITY,
    TEAM,
    FINANCIAL_STRUCTURE,
    TERRITORIAL_ANCHORING;

    public static final int MIN = 1;
    public static final int MAX = 5;
}
