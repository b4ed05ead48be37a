package dev.orderflow.orderstream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.orderstream.domain.OrderState;
import dev.orderflow.orderstream.domain.OrderView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecentViewsTest {

    private final Map<String, OrderView> store = new HashMap<>();
    private final List<String> storeReads = new ArrayList<>();

    private static OrderView view(String orderId, OrderState state) {
        Instant at = Instant.parse("2030-01-01T00:00:00Z");
        return new OrderView(orderId, null, state, at, at, null, null, null, List.of(), 0, Map.of(), List.of(),
                List.of(), List.of(), null, false, false, 0, List.of());
    }

    private OrderView fromStore(String orderId) {
        storeReads.add(orderId);
        return store.get(orderId);
    }

    @Test
    void aViewIsReadFromTheStoreOnceThenKept() {
        RecentViews recent = new RecentViews(10);
        store.put("o-1", view("o-1", OrderState.PLACED));

        assertThat(recent.get("o-1", this::fromStore)).isEqualTo(store.get("o-1"));
        assertThat(recent.get("o-1", this::fromStore)).isEqualTo(store.get("o-1"));
        assertThat(storeReads).containsExactly("o-1");
    }

    @Test
    void whatWasWrittenIsWhatIsReadAndUnknownOrdersAreNotKept() {
        RecentViews recent = new RecentViews(10);
        OrderView written = view("o-2", OrderState.INVENTORY_RESERVED);
        recent.put(written);

        assertThat(recent.get("o-2", this::fromStore)).isSameAs(written);
        assertThat(recent.get("o-3", this::fromStore)).isNull();
        assertThat(recent.get("o-3", this::fromStore)).isNull();
        assertThat(storeReads).containsExactly("o-3", "o-3");
    }

    @Test
    void theLeastRecentlyUsedViewGoesFirstAndClearEmptiesIt() {
        RecentViews recent = new RecentViews(2);
        recent.put(view("a", OrderState.PLACED));
        recent.put(view("b", OrderState.PLACED));
        recent.get("a", this::fromStore);    // a is now the most recent
        recent.put(view("c", OrderState.PLACED));

        assertThat(recent.size()).isEqualTo(2);
        recent.get("b", this::fromStore);
        assertThat(storeReads).containsExactly("b");

        recent.clear();
        assertThat(recent.size()).isZero();
    }
}
