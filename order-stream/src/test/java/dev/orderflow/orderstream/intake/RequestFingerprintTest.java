package dev.orderflow.orderstream.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    private final ObjectMapper mapper = IntakeJson.newMapper();

    @Test
    void keyOrderAndWhitespaceDoNotChangeTheFingerprint() {
        String compact = "{\"a\":1,\"b\":{\"x\":\"y\",\"list\":[{\"p\":1,\"q\":2}]}}";
        String reordered = """
                {
                  "b" : { "list" : [ { "q" : 2, "p" : 1 } ], "x" : "y" },
                  "a" : 1
                }
                """;

        assertThat(fingerprint(reordered)).isEqualTo(fingerprint(compact));
    }

    @Test
    void escapingDoesNotChangeTheFingerprint() {
        assertThat(fingerprint("{\"city\":\"K\\u00f6ln\"}")).isEqualTo(fingerprint("{\"city\":\"Köln\"}"));
    }

    @Test
    void anyChangedValueChangesIt() {
        String body = OrderBodies.VALID;

        assertThat(fingerprint(OrderBodies.with(b -> b.put("totalMinor", 3000)))).isNotEqualTo(fingerprint(body));
        assertThat(fingerprint(OrderBodies.with(b -> OrderBodies.line(b, 0).put("sku", "SKU-9"))))
                .isNotEqualTo(fingerprint(body));
    }

    @Test
    void theOrderOfArrayElementsCounts() {
        assertThat(fingerprint("{\"a\":[1,2]}")).isNotEqualTo(fingerprint("{\"a\":[2,1]}"));
    }

    @Test
    void aReformattedValidBodyHasTheSameFingerprint() {
        assertThat(fingerprint(OrderBodies.valid().toString())).isEqualTo(fingerprint(OrderBodies.VALID));
    }

    @Test
    void isTheSha256OfTheCanonicalForm() {
        // echo -n '{"a":1,"b":"x"}' | sha256sum
        assertThat(fingerprint("{ \"b\": \"x\", \"a\": 1 }").hex())
                .isEqualTo("ecf9e98ec0641e23113ff3ce8bdc78d0ddd249886517fd4a7f68cc83d4e65667");
    }

    @Test
    void onlyADigestIsAccepted() {
        assertThatThrownBy(() -> new RequestFingerprint("abc")).isInstanceOf(IllegalArgumentException.class);
    }

    private RequestFingerprint fingerprint(String json) {
        try {
            return RequestFingerprint.of(mapper.readTree(json), mapper);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
