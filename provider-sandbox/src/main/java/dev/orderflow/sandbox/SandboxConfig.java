package dev.orderflow.sandbox;

import dev.orderflow.sandbox.fault.FaultProfile;
import dev.orderflow.sandbox.fault.FaultProfiles;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Everything the sandbox is started with. Immutable and validated by {@link Builder#build()}, which fails with
 * {@code Invalid value X for configuration Y: reason} rather than correcting a value.
 */
public final class SandboxConfig {

    /** Countries the fulfillment provider delivers to unless told otherwise. */
    public static final Set<String> DEFAULT_COUNTRIES = Set.of("AT", "BE", "CH", "DE", "DK", "ES", "FR", "GB",
            "IT", "LU", "NL", "PL", "SE", "US");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final String host;
    private final int port;
    private final int workerThreads;
    private final FaultProfile faultProfile;
    private final Clock clock;
    private final Duration paymentKeyRetention;
    private final Duration reservationTtl;
    private final Duration fulfillmentStepInterval;
    private final Set<String> supportedCountries;
    private final Map<String, Integer> initialStock;

    private SandboxConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.workerThreads = b.workerThreads;
        this.faultProfile = b.faultProfile;
        this.clock = b.clock;
        this.paymentKeyRetention = b.paymentKeyRetention;
        this.reservationTtl = b.reservationTtl;
        this.fulfillmentStepInterval = b.fulfillmentStepInterval;
        this.supportedCountries = Set.copyOf(b.supportedCountries);
        this.initialStock = Map.copyOf(b.initialStock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Interface to bind to; loopback by default. */
    public String host() {
        return host;
    }

    /** Port to listen on; 0 picks a free one. */
    public int port() {
        return port;
    }

    /** Threads that handle requests (held and delayed calls do not occupy one). */
    public int workerThreads() {
        return workerThreads;
    }

    /** The fault profile at start; the admin API can replace it. */
    public FaultProfile faultProfile() {
        return faultProfile;
    }

    /** The base clock; the sandbox wraps it in an {@link AdjustableClock}. */
    public Clock clock() {
        return clock;
    }

    /** How long the payment gateway remembers an idempotency key. */
    public Duration paymentKeyRetention() {
        return paymentKeyRetention;
    }

    /** How long a reservation lives before the stock provider releases it by itself. */
    public Duration reservationTtl() {
        return reservationTtl;
    }

    /** Time between a shipment's progress steps. */
    public Duration fulfillmentStepInterval() {
        return fulfillmentStepInterval;
    }

    /** Destination countries (ISO 3166-1 alpha-2) the fulfillment provider serves. */
    public Set<String> supportedCountries() {
        return supportedCountries;
    }

    /** Units available per SKU at start; SKUs not listed are unknown to the stock provider. */
    public Map<String, Integer> initialStock() {
        return initialStock;
    }

    /** The effective configuration, one {@code name = value} per line, for the start-up log. */
    public List<String> describe() {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("host", host);
        table.put("port", port == 0 ? "0 (any free port)" : port);
        table.put("worker-threads", workerThreads);
        table.put("fault-profile", faultProfile.name() + " (seed " + faultProfile.seed() + ")");
        table.put("payment-key-retention", paymentKeyRetention);
        table.put("reservation-ttl", reservationTtl);
        table.put("fulfillment-step-interval", fulfillmentStepInterval);
        table.put("supported-countries", String.join(",", new TreeSet<>(supportedCountries)));
        table.put("initial-stock", new TreeMap<>(initialStock));
        return table.entrySet().stream().map(e -> String.format("%-26s = %s", e.getKey(), e.getValue())).toList();
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private int workerThreads = 8;
        private FaultProfile faultProfile = FaultProfiles.named(FaultProfiles.NONE).orElseThrow();
        private Clock clock = Clock.systemUTC();
        private Duration paymentKeyRetention = Duration.ofHours(24);
        private Duration reservationTtl = Duration.ofMinutes(15);
        private Duration fulfillmentStepInterval = Duration.ofSeconds(5);
        private Set<String> supportedCountries = DEFAULT_COUNTRIES;
        private Map<String, Integer> initialStock = Map.of();

        private Builder() {
        }

        public Builder host(String value) {
            this.host = value;
            return this;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder workerThreads(int value) {
            this.workerThreads = value;
            return this;
        }

        public Builder faultProfile(FaultProfile value) {
            this.faultProfile = value;
            return this;
        }

        /** One of the built-in profiles by name, with its default seed. */
        public Builder faultProfile(String name) {
            this.faultProfile = FaultProfiles.named(Objects.requireNonNull(name, "name"))
                    .orElseThrow(() -> invalid(name, "fault-profile", "must be one of " + FaultProfiles.NAMES));
            return this;
        }

        public Builder seed(long value) {
            this.faultProfile = faultProfile.withSeed(value);
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder paymentKeyRetention(Duration value) {
            this.paymentKeyRetention = value;
            return this;
        }

        public Builder reservationTtl(Duration value) {
            this.reservationTtl = value;
            return this;
        }

        public Builder fulfillmentStepInterval(Duration value) {
            this.fulfillmentStepInterval = value;
            return this;
        }

        public Builder supportedCountries(Set<String> value) {
            this.supportedCountries = value;
            return this;
        }

        public Builder initialStock(Map<String, Integer> value) {
            this.initialStock = value;
            return this;
        }

        public SandboxConfig build() {
            if (host == null || host.isBlank()) {
                throw invalid(host, "host", "must not be blank");
            }
            if (port < 0 || port > 65535) {
                throw invalid(port, "port", "must be 0..65535");
            }
            if (workerThreads < 1) {
                throw invalid(workerThreads, "worker-threads", "must be at least 1");
            }
            Objects.requireNonNull(faultProfile, "faultProfile");
            Objects.requireNonNull(clock, "clock");
            requirePositive(paymentKeyRetention, "payment-key-retention");
            requirePositive(reservationTtl, "reservation-ttl");
            requirePositive(fulfillmentStepInterval, "fulfillment-step-interval");
            if (supportedCountries == null || supportedCountries.isEmpty()) {
                throw invalid(supportedCountries, "supported-countries", "must name at least one country");
            }
            supportedCountries.stream().filter(c -> c == null || !COUNTRY.matcher(c).matches()).findFirst()
                    .ifPresent(c -> {
                        throw invalid(c, "supported-countries", "must be ISO 3166-1 alpha-2 codes such as DE");
                    });
            Objects.requireNonNull(initialStock, "initialStock").forEach((sku, units) -> {
                if (sku == null || sku.isBlank()) {
                    throw invalid(sku, "initial-stock", "SKUs must not be blank");
                }
                if (units == null || units < 0) {
                    throw invalid(units, "initial-stock", "units of " + sku + " must not be negative");
                }
            });
            return new SandboxConfig(this);
        }

        private static void requirePositive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw invalid(value, name, "must be a positive duration");
            }
        }

        private static IllegalArgumentException invalid(Object value, String name, String reason) {
            return new IllegalArgumentException("Invalid value " + value + " for configuration " + name + ": "
                    + reason);
        }
    }
}
