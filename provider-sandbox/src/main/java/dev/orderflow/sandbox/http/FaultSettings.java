package dev.orderflow.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.sandbox.fault.FaultProfile;
import dev.orderflow.sandbox.fault.FaultProfiles;
import dev.orderflow.sandbox.fault.FaultSpec;
import dev.orderflow.sandbox.fault.Operation;
import dev.orderflow.sandbox.outcome.ProviderException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin API's view of fault injection: the body of {@code PUT /admin/faults} and the answer of both
 * {@code GET} and {@code PUT}. An update starts from a built-in profile and applies partial per-operation
 * overrides, so {@code {"overrides": {"payment.authorize": {"lostReplyAfterWorkRate": 1}}}} changes one setting of
 * one operation and keeps the rest.
 */
final class FaultSettings {

    /**
     * @param profile   built-in profile to start from; absent keeps the current one
     * @param seed      seed of the random streams; absent takes the profile's own (or keeps the current seed
     *                  when the profile is kept)
     * @param overrides per operation ({@code api.operation}), the settings that differ from the profile; replaces
     *                  any earlier overrides
     */
    record Update(String profile, Long seed, Map<String, JsonNode> overrides) {
    }

    /** The installed settings. */
    record View(String profile, long seed, List<String> overridden, Map<String, FaultSpec> operations) {
        static View of(FaultProfile profile) {
            Map<String, FaultSpec> specs = new LinkedHashMap<>();
            profile.operations().forEach((op, spec) -> specs.put(op.wireName(), spec));
            return new View(profile.name(), profile.seed(),
                    profile.overridden().stream().map(Operation::wireName).sorted().toList(), specs);
        }
    }

    private FaultSettings() {
    }

    static FaultProfile apply(Update update, FaultProfile current, ObjectMapper mapper) {
        String name = update.profile() != null ? update.profile() : current.name();
        FaultProfile next = FaultProfiles.named(name).orElseThrow(() -> new ProviderException(
                ProviderException.Kind.INVALID_REQUEST, "UNKNOWN_FAULT_PROFILE",
                "Unknown fault profile " + name + ": must be one of " + FaultProfiles.NAMES));
        if (update.seed() != null) {
            next = next.withSeed(update.seed());
        } else if (update.profile() == null) {
            next = next.withSeed(current.seed());
        }
        if (update.overrides() != null) {
            for (Map.Entry<String, JsonNode> override : update.overrides().entrySet()) {
                Operation op = Operation.fromWireName(override.getKey()).orElseThrow(() -> new ProviderException(
                        ProviderException.Kind.INVALID_REQUEST, "UNKNOWN_OPERATION", "Unknown operation "
                        + override.getKey() + ": must be one of " + List.of(Operation.values())));
                next = next.withOverride(op, merge(next.spec(op), override.getValue(), op, mapper));
            }
        }
        return next;
    }

    private static FaultSpec merge(FaultSpec base, JsonNode patch, Operation op, ObjectMapper mapper) {
        if (patch == null || !patch.isObject()) {
            throw ProviderException.invalidRequest("The override of " + op + " must be a JSON object");
        }
        ObjectNode merged = mapper.valueToTree(base);
        merged.setAll((ObjectNode) patch);
        try {
            return mapper.readerFor(FaultSpec.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(merged);
        } catch (JsonProcessingException | RuntimeException e) {
            throw ProviderException.invalidRequest("Override of " + op + ": " + rootMessage(e));
        } catch (IOException e) {
            throw ProviderException.invalidRequest("Override of " + op + " could not be read: " + e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root instanceof JsonProcessingException json ? json.getOriginalMessage() : root.getMessage();
    }
}
