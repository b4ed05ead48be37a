package dev.orderflow.orderstream.api;

/** A request parameter is missing or invalid: answered with a 400 problem naming the parameter. */
public final class BadRequestException extends RuntimeException {

    private final String parameter;

    public BadRequestException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
