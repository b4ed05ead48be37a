package dev.orderflow.schemas.registry;

/** The registry did not accept a schema; the message names the subject and the registry's answer. */
public class SchemaRegistrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SchemaRegistrationException(String subject, String reason) {
        super("cannot register " + subject + ": " + reason);
    }
}
