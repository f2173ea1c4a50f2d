package fr.essor.service.application;

import java.util.List;
import java.util.Map;

/** The analysis note as typed: scores keyed by criterion name (1–5, missing while in progress). */
public record ReviewInput(Map<String, Integer> scores, String strengths, String risks, String recommendation,
                          List<LineInput> proposedLines) {
}
