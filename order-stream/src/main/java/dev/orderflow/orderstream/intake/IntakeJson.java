package dev.orderflow.orderstream.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The JSON mapping of the intake API. */
final class IntakeJson {

    private IntakeJson() {
    }

    /**
     * Strict about what makes a body ambiguous: a duplicate key (which value counts?) or trailing content after
     * the document is a 400, not something to guess about, because the fingerprint must mean one request.
     */
    static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }
}
