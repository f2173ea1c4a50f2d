package fr.essor.model.shared;

/** Base of the errors the model raises when a rule of the domain would be broken. */
public class EssorDomainException extends RuntimeException {

    public EssorDomainException(String message) {
        super(message);
    }

    public EssorDomainException(String message, Throwable cause) {
        super(message, cause);
    }
}
