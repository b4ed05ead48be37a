package dev.orderflow.orderstream.intake;

import io.apicurio.registry.rest.client.exception.RestClientException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Whether a failed serialization means the schema registry cannot be reached or is overloaded (503, retry later)
 * rather than a deployment error such as an unregistered schema (500). Apicurio's client reports a transport
 * failure as a {@link RestClientException} with no HTTP status and without the cause, so the status is what tells.
 */
final class RegistryFailures {

    private static final int MAX_DEPTH = 32;

    private RegistryFailures() {
    }

    static boolean isUnavailable(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return true;
            }
            if (t instanceof RestClientException rest && rest.getError() != null) {
                Integer status = rest.getError().getErrorCode();
                return status == null || status == 0 || status == 429 || status >= 500;
            }
        }
        return false;
    }
}
