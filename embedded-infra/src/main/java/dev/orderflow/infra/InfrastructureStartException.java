package dev.orderflow.infra;

/**
 * A real part (broker, database, registry) could not be started or reached. The message always names the part
 * and the reason, so a failed test run or launcher says what to fix rather than only that something timed out.
 */
public class InfrastructureStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InfrastructureStartException(String message) {
        super(message);
    }

    public InfrastructureStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
