package dev.orderflow.orderstream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.orderstream.domain.OrderState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

/** Stores compare keys as unsigned bytes: the string keys must sort the way the scans need. */
class StoreKeysTest {

    private static Bytes bytes(String key) {
        return Bytes.wrap(key.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean within(String key, String from, String to) {
        return bytes(key).compareTo(bytes(from)) >= 0 && bytes(key).compareTo(bytes(to)) <= 0;
    }

    @Test
    void deadlineKeysSortByTimeAndTheDueRangeStopsAtNow() {
        List<String> keys = Arrays.asList(
                StoreKeys.deadlineKey(Instant.ofEpochMilli(10_000), "b"),
                StoreKeys.deadlineKey(Instant.ofEpochMilli(9_999), "z"),
                StoreKeys.deadlineKey(Instant.ofEpochMilli(1_764_000_000_000L), "a"),
                StoreKeys.deadlineKey(Instant.ofEpochMilli(10_000), "\uD83D\uDE00-emoji"));
        keys.sort(Comparator.comparing(StoreKeysTest::bytes));

        assertThat(keys).extracting(StoreKeys::orderIdOfDeadlineKey)
                .containsExactly("z", "b", "\uD83D\uDE00-emoji", "a");
        assertThat(keys.stream().filter(k -> within(k, StoreKeys.lowestDeadline(), StoreKeys.deadlineUpTo(10_000))))
                .extracting(StoreKeys::orderIdOfDeadlineKey).containsExactly("z", "b", "\uD83D\uDE00-emoji");
    }

    @Test
    void stateRangesHoldExactlyTheirStateWhateverTheOrderId() {
        String from = StoreKeys.stateFrom(OrderState.PAYMENT_PENDING, null);
        String to = StoreKeys.stateUpTo(OrderState.PAYMENT_PENDING);

        assertThat(within(StoreKeys.stateKey(OrderState.PAYMENT_PENDING, "\uD83D\uDE00"), from, to)).isTrue();
        assertThat(within(StoreKeys.stateKey(OrderState.PAYMENT_PENDING, "a|b"), from, to)).isTrue();
        assertThat(within(StoreKeys.stateKey(OrderState.PAYMENT_AUTHORIZED, "x"), from, to)).isFalse();
        assertThat(within(StoreKeys.stateKey(OrderState.PLACED, "x"), from, to)).isFalse();
        assertThat(StoreKeys.orderIdOfStateKey(StoreKeys.stateKey(OrderState.BLOCKED, "a|b"))).isEqualTo("a|b");
    }
}
