package fr.essor.service.indicator;

import java.util.List;

/** The network's figures year by year, from {@code from} to {@code to}: the published ones for a closed year. */
public record Trend(int from, int to, List<Figures> years) {
}
