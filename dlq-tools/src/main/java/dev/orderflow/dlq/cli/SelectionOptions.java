package dev.orderflow.dlq.cli;

import dev.orderflow.dlq.OpsException;
import dev.orderflow.dlq.domain.OffsetRange;
import dev.orderflow.dlq.domain.RecordFilter;
import dev.orderflow.dlq.domain.RecordStatus;
import dev.orderflow.dlq.domain.TimeWindow;
import dev.orderflow.runtime.failure.FailureCategory;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Option;

/** Which dead letters of which DLQ topic a command works on. */
public final class SelectionOptions {

    @Option(names = {"-t", "--topic"}, required = true, paramLabel = "DLQ",
            description = "The dead-letter topic, e.g. payment-consumer.dlq ('dlq list' shows them).")
    String topic;

    @Option(names = {"-p", "--partition"}, paramLabel = "N", description = "Only this partition.")
    Integer partition;

    @Option(names = {"-o", "--offsets"}, paramLabel = "FROM..TO",
            description = "Only these offsets (inclusive): FROM..TO, FROM.., ..TO or N.")
    String offsets;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Only records dead-lettered at or after TIME: ISO-8601 (2026-11-30T10:00:00Z) or an age (2h).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Only records dead-lettered before TIME.")
    String until;

    @Option(names = "--event-id", paramLabel = "ID", description = "Only the record with this event id.")
    String eventId;

    @Option(names = "--order-id", paramLabel = "ID", description = "Only records of this order (the record key).")
    String orderId;

    @Option(names = "--exception", paramLabel = "CLASS",
            description = "Only records that failed with this exception (full or simple class name).")
    String exceptionClass;

    @Option(names = "--category", paramLabel = "CATEGORY",
            description = "Only this failure category: TRANSIENT, OVERLOAD, AMBIGUOUS, BUSINESS, MALFORMED, INTERNAL.")
    String category;

    @Option(names = "--status", paramLabel = "STATUS", split = ",",
            description = "Only records in these statuses: OPEN, REPLAYED, DISCARDED.")
    Set<RecordStatus> statuses;

    public String topic() {
        return topic;
    }

    /** The filter, validated; anything malformed is a usage error that shows the expected form. */
    public RecordFilter filter(Clock clock) {
        try {
            OffsetRange range = offsets == null ? null : OffsetRange.parse(offsets);
            Instant from = since == null ? null : TimeWindow.parseInstant(since, clock);
            Instant to = until == null ? null : TimeWindow.parseInstant(until, clock);
            return new RecordFilter(partition, range, new TimeWindow(from, to), blankToNull(eventId),
                    blankToNull(orderId), blankToNull(exceptionClass), category(),
                    statuses == null ? Set.of() : EnumSet.copyOf(statuses));
        } catch (IllegalArgumentException e) {
            throw OpsException.usage(e.getMessage());
        }
    }

    private String category() {
        if (category == null) {
            return null;
        }
        String name = category.trim().toUpperCase(Locale.ROOT);
        if (Arrays.stream(FailureCategory.values()).noneMatch(c -> c.name().equals(name))) {
            throw OpsException.usage("Invalid --category '" + category + "': use one of "
                    + Arrays.toString(FailureCategory.values()));
        }
        return name;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
