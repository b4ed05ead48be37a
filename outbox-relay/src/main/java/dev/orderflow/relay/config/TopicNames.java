package dev.orderflow.relay.config;

import java.util.regex.Pattern;

/** Kafka's rule for topic names, checked at start-up rather than at the first send. */
final class TopicNames {

    static final String RULE = "1-249 characters of a-z, A-Z, 0-9, '.', '_' and '-', not '.' or '..'";
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private TopicNames() {
    }

    static boolean isLegal(String name) {
        return LEGAL.matcher(name).matches() && !name.equals(".") && !name.equals("..");
    }
}
