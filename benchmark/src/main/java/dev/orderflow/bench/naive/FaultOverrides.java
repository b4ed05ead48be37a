package dev.orderflow.bench.naive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code OPERATION.SETTING=VALUE} (e.g. {@code payment.authorize.overloadRate=0.3}) into the overrides of the
 * sandbox's {@code PUT /admin/faults}; the sandbox validates operation, setting and value.
 */
final class FaultOverrides {

    private FaultOverrides() {
    }

    static Map<String, Map<String, Object>> parse(List<String> specs) {
        Map<String, Map<String, Object>> overrides = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            int dot = eq < 0 ? -1 : spec.lastIndexOf('.', eq);
            if (eq < 0 || dot <= 0 || dot == eq - 1 || eq == spec.length() - 1) {
                throw new IllegalArgumentException("Invalid value " + spec + " for configuration fault-override:"
                        + " use OPERATION.SETTING=VALUE, e.g. payment.authorize.overloadRate=0.3");
            }
            overrides.computeIfAbsent(spec.substring(0, dot), k -> new LinkedHashMap<>())
                    .put(spec.substring(dot + 1, eq), number(spec, spec.substring(eq + 1)));
        }
        return overrides;
    }

    private static Number number(String spec, String text) {
        try {
            if (text.contains(".")) {
                return Double.parseDouble(text);
            }
            return Long.parseLong(text);    // not in a ?: with the double, which would widen it to 1.0
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid value " + spec + " for configuration fault-override: "
                    + text + " is not a number");
        }
    }
}
