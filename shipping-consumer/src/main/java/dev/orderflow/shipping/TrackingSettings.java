package dev.orderflow.shipping;

import dev.orderflow.runtime.config.Durations;
import dev.orderflow.runtime.kafka.OrderTopics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** shipping-consumer's own keys: how accepted shipments are followed (reading each one, or the provider's feed). */
public final class TrackingSettings {

    public static final String POLL_SCHEDULE = "fulfillment.poll.schedule";
    public static final String ENABLED = "fulfillment.feed.enabled";
    public static final String TOPIC = "fulfillment.feed.topic";
    public static final String POLL_INTERVAL = "fulfillment.feed.poll.interval";
    public static final String PAGE_SIZE = "fulfillment.feed.page.size";
    public static final String READ_TIMEOUT = "fulfillment.feed.read.timeout";
    public static final String STANDBY_INTERVAL = "fulfillment.feed.standby.interval";
    public static final String SAFETY_CHECK_INTERVAL = "fulfillment.feed.safety.check.interval";
    public static final String START_POSITION = "fulfillment.feed.start.position";
    public static final String START_EARLIEST = "earliest";
    public static final String START_LATEST = "latest";

    /** The sandbox's, and a sensible provider's, largest page. */
    static final int MAX_PAGE = 1000;

    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(POLL_SCHEDULE, Type.STRING, "10s,30s,1m,5m", Durations.positiveList(), Importance.MEDIUM,
                    "Delays between reads of an accepted shipment (the last repeats; the count starts again after "
                            + "each progress). Fulfillment moves in minutes to days, so the first read is not "
                            + "immediate; an acceptance whose outcome is unknown is resolved on the quicker "
                            + "policy.shipping.status.query.schedule. With the feed, the reads are only a safety net "
                            + "(fulfillment.feed.safety.check.interval).")
            .define(ENABLED, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Follow accepted shipments through the provider's event feed (one reader per service, copied "
                            + "into Kafka; one record per step) instead of reading every accepted shipment on "
                            + "fulfillment.poll.schedule. Worth it when steps are far apart compared with that "
                            + "schedule (hours against minutes) or provider calls are scarce; see "
                            + "shipping-consumer/README.md.")
            .define(TOPIC, Type.STRING, OrderTopics.FULFILLMENT_FEED, new ConfigDef.NonEmptyString(),
                    Importance.MEDIUM, "Topic the feed is copied to; it must be one of input.topics.")
            .define(POLL_INTERVAL, Type.STRING, "200ms", Durations.positive(), Importance.LOW,
                    "Pause between feed reads that found less than a full page.")
            .define(PAGE_SIZE, Type.INT, 500, Range.between(1, MAX_PAGE), Importance.LOW,
                    "Most feed events read and published per read.")
            .define(READ_TIMEOUT, Type.STRING, "5s", Durations.positive(), Importance.LOW,
                    "How long one feed read may take.")
            .define(STANDBY_INTERVAL, Type.STRING, "5s", Durations.positive(), Importance.LOW,
                    "How often an instance that does not read the feed checks whether the reader is gone.")
            .define(SAFETY_CHECK_INTERVAL, Type.STRING, "1m", Durations.positive(), Importance.MEDIUM,
                    "With the feed, how long after acceptance (and after each check) an unfinished shipment is "
                            + "read directly anyway: it catches a step the feed gave before the stage knew the "
                            + "shipment, and a feed that stopped.")
            .define(START_POSITION, Type.STRING, START_EARLIEST, ConfigDef.ValidString.in(START_EARLIEST,
                    START_LATEST), Importance.MEDIUM,
                    "Where the feed is first read when this service has no cursor yet on its database: earliest "
                            + "reads the provider's whole history; latest starts after the feed's last event at that "
                            + "moment, for a new deployment against a provider with a long history (shipments "
                            + "already in flight are caught up by the safety reads). Once a cursor is stored, every "
                            + "reader resumes from it and this setting has no effect.");

    private final AbstractConfig values;

    public TrackingSettings(AbstractConfig values) {
        this.values = values;
    }

    public List<Duration> pollSchedule() {
        return Durations.parseList(POLL_SCHEDULE, values.getString(POLL_SCHEDULE));
    }

    public boolean enabled() {
        return values.getBoolean(ENABLED);
    }

    public String topic() {
        return values.getString(TOPIC);
    }

    public int pageSize() {
        return values.getInt(PAGE_SIZE);
    }

    public Duration pollInterval() {
        return duration(POLL_INTERVAL);
    }

    public Duration readTimeout() {
        return duration(READ_TIMEOUT);
    }

    public Duration standbyInterval() {
        return duration(STANDBY_INTERVAL);
    }

    /** True when a service without a cursor skips the feed's history (see {@link #START_POSITION}). */
    public boolean startsAtLatest() {
        return values.getString(START_POSITION).equals(START_LATEST);
    }

    public Duration safetyCheckInterval() {
        return duration(SAFETY_CHECK_INTERVAL);
    }

    private Duration duration(String key) {
        return Durations.parse(key, values.getString(key));
    }
}
