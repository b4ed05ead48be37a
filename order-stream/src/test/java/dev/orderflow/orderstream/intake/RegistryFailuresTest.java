package dev.orderflow.orderstream.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.apicurio.registry.rest.client.exception.RestClientException;
import io.apicurio.registry.rest.v2.beans.Error;
import java.net.ConnectException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class RegistryFailuresTest {

    @Test
    void noAnswerFromTheRegistryIsUnavailable() {
        assertThat(RegistryFailures.isUnavailable(restError("ConnectException", null))).isTrue();
        assertThat(RegistryFailures.isUnavailable(new SerializationException(new ConnectException("refused"))))
                .isTrue();
    }

    @Test
    void anOverloadedOrFailingRegistryIsUnavailable() {
        assertThat(RegistryFailures.isUnavailable(restError("Error", 503))).isTrue();
        assertThat(RegistryFailures.isUnavailable(restError("Error", 429))).isTrue();
    }

    @Test
    void anUnregisteredSchemaIsADeploymentErrorNotAnOutage() {
        assertThat(RegistryFailures.isUnavailable(restError("ArtifactNotFoundException", 404))).isFalse();
        assertThat(RegistryFailures.isUnavailable(new IllegalStateException("bug"))).isFalse();
    }

    private static RestClientException restError(String name, Integer status) {
        Error error = new Error();
        error.setName(name);
        error.setErrorCode(status);
        return new RestClientException(error);
    }
}
