package dev.orderflow.sandbox.http;

import dev.orderflow.sandbox.fault.BusinessFault;
import dev.orderflow.sandbox.fault.Operation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One endpoint: method, path template with {@code {name}} parameters, the operation faults are injected into
 * (none for admin and audit endpoints) and the handler.
 */
public final class Route {

    /** Handles a call; {@code business} says whether fault injection refuses it or fails it later. */
    @FunctionalInterface
    public interface Handler {
        ApiResponse handle(ApiRequest request, BusinessFault business);
    }

    private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z]+)}");

    private final String method;
    private final String template;
    private final Pattern pattern;
    private final List<String> names;
    private final Optional<Operation> operation;
    private final Handler handler;

    private Route(String method, String template, Optional<Operation> operation, Handler handler) {
        this.method = method;
        this.template = template;
        this.operation = operation;
        this.handler = handler;
        this.names = new ArrayList<>();
        Matcher params = PARAM.matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (params.find()) {
            regex.append(Pattern.quote(template.substring(last, params.start()))).append("([^/]+)");
            names.add(params.group(1));
            last = params.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        this.pattern = Pattern.compile(regex.toString());
    }

    /** A provider endpoint: faults of {@code operation} apply. */
    public static Route provider(String method, String template, Operation operation, Handler handler) {
        return new Route(method, template, Optional.of(operation), handler);
    }

    /** An admin or audit endpoint: never faulted, so tests can always observe and steer the sandbox. */
    public static Route control(String method, String template, Handler handler) {
        return new Route(method, template, Optional.empty(), handler);
    }

    String method() {
        return method;
    }

    String template() {
        return template;
    }

    Optional<Operation> operation() {
        return operation;
    }

    Handler handler() {
        return handler;
    }

    /** Path parameters if the raw (still percent-encoded) path matches the template. */
    Optional<Map<String, String>> match(String path) {
        Matcher matcher = pattern.matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            // A path segment is percent-encoded only: '+' is a plus sign there, not a space.
            params.put(names.get(i), URLDecoder.decode(matcher.group(i + 1).replace("+", "%2B"),
                    StandardCharsets.UTF_8));
        }
        return Optional.of(params);
    }
}
