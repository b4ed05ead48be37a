package dev.orderflow.dlq;

/**
 * The one exception type of the tool: a message an operator can act on (what is wrong and how to fix it) and the
 * exit code it maps to. The command line prints the message as one line, never a stack trace.
 */
public class OpsException extends RuntimeException {

    private final ExitCode exitCode;

    public OpsException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public OpsException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static OpsException usage(String message) {
        return new OpsException(ExitCode.USAGE, message);
    }

    public static OpsException notFound(String message) {
        return new OpsException(ExitCode.NOT_FOUND, message);
    }

    public static OpsException unreachable(String message, Throwable cause) {
        return new OpsException(ExitCode.UNREACHABLE, message, cause);
    }

    public static OpsException refused(String message) {
        return new OpsException(ExitCode.REFUSED, message);
    }

    public static OpsException failed(String message, Throwable cause) {
        return new OpsException(ExitCode.FAILED, message, cause);
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
