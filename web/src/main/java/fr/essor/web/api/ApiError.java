package fr.essor.web.api;

/** The body of every API error: a stable code and a message in the caller's language. */
public record ApiError(String error, String message) {
}
