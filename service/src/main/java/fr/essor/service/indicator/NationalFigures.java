package fr.essor.service.indicator;

import java.util.List;

/**
 * A year's figures for the national head: one row per association and the network's (their sum). For a
 * closed year they are the published ones ({@code closing} says when and by whom), and {@code live} is the
 * network computed now from the records ("since publication"); for an open year {@code live} is null.
 */
public record NationalFigures(int year, YearClosingView closing, List<Figures> associations, Figures network, Figures live) {
}
