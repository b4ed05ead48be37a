package dev.orderflow.runtime.serde;

import java.net.URI;
import java.util.Objects;

/**
 * Where the schema registry is and how the serdes use it.
 *
 * @param apiUrl       the registry's native API used by the serde client, e.g.
 *                     {@code http://127.0.0.1:8081/apis/registry/v2} for Apicurio
 * @param autoRegister whether a serializer may register a schema it does not find. Off outside tests: schemas are
 *                     registered on purpose by the registration tool, after the compatibility gate passed.
 */
public record RegistrySettings(URI apiUrl, boolean autoRegister) {

    public RegistrySettings {
        Objects.requireNonNull(apiUrl, "apiUrl");
        String scheme = apiUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("Invalid value " + apiUrl
                    + " for the schema registry URL: expected an http(s) URL");
        }
    }

    public static RegistrySettings of(String apiUrl) {
        return new RegistrySettings(URI.create(apiUrl), false);
    }

    public RegistrySettings withAutoRegister(boolean enabled) {
        return new RegistrySettings(apiUrl, enabled);
    }
}
